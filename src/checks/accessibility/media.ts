/**
 * Player checks over the beyond-axe probes (src/gather/a11y): the audio and video elements of each
 * state and the buttons and sliders of the player around them.
 *
 * - `accessibility/player-controls` (4.1.2 + 2.1.1, critical): every control of a player without
 *   native controls has an accessible name and was reached with Tab in the keyboard walk; a player
 *   with neither native nor own controls fails.
 * - `accessibility/no-autoplay-audio` (1.4.2, serious): no sound starts by itself.
 * - `accessibility/captions` (1.2.2, critical): every video has a captions or subtitles track.
 * - `accessibility/motion` (2.2.2, moderate): nothing animates for more than 5 s; when something
 *   does and the page has no control named pause or stop, it fails; with one, a person must check
 *   that it pauses the animation (and whether prefers-reduced-motion is answered).
 *
 * Not applicable where no state has such an element.
 */
import type { FindingInput } from '../types.ts';
import { findingAt, probeCheck, type StateVerdict } from './probe-check.ts';

export const playerControls = probeCheck({
  id: 'accessibility/player-controls',
  title: 'Player controls have names and work from the keyboard',
  impact: 'critical',
  criteria: ['4.1.2', '2.1.1'],
  reads: ['accessibility.states[].probes.media', 'accessibility.states[].probes.keyboard'],
  notApplicable: 'No audio or video element was found.',
  probe: 'media',
  atState({ state, probes }, media): StateVerdict {
    const findings: FindingInput[] = [];
    const reached = new Set(probes.keyboard?.sequence ?? []);
    let controls = 0;
    for (const m of media) {
      if (m.nativeControls) continue;
      if (m.controls.length === 0) {
        findings.push(
          findingAt(
            state,
            m.selector,
            `The ${m.kind} element has neither native controls nor controls ` +
              `of its own next to it. Reproduce: try to play or pause it without a mouse.`,
          ),
        );
        continue;
      }
      for (const c of m.controls) {
        controls++;
        if (!c.name)
          findings.push(
            findingAt(
              state,
              c.selector,
              `A control of the ${m.kind} player has no accessible ` +
                `name: a screen reader says only "button". Reproduce: move a screen reader to it, or inspect its ` +
                `accessible name.`,
            ),
          );
        if (c.stop === null)
          findings.push(
            findingAt(
              state,
              c.selector,
              `The player control ${c.name ? `"${c.name}" ` : ''}cannot be focused with Tab. Reproduce: press ` +
                `Tab through the player; it is skipped.`,
            ),
          );
        else if (probes.keyboard && !probes.keyboard.truncated && !reached.has(c.stop)) {
          findings.push(
            findingAt(
              state,
              c.selector,
              `The player control ${c.name ? `"${c.name}" ` : ''}was never reached with Tab from the top of the ` +
                `page. Reproduce: press Tab through the page; focus never gets to it.`,
            ),
          );
        }
      }
    }
    return { findings, tested: media.length > 0, count: controls };
  },
  passDetail: (controls) => `All ${controls} player controls had names and were reached with Tab.`,
});

export const noAutoplayAudio = probeCheck({
  id: 'accessibility/no-autoplay-audio',
  title: 'No sound plays automatically',
  impact: 'serious',
  criteria: ['1.4.2'],
  reads: ['accessibility.states[].probes.media'],
  notApplicable: 'No audio or video element was found.',
  probe: 'media',
  atState({ state }, media): StateVerdict {
    const findings = media
      .filter((m) => m.autoplaySound)
      .map((m) =>
        findingAt(
          state,
          m.selector,
          `The ${m.kind} starts playing sound by itself, over the patron's ` +
            `screen reader. Reproduce: open the page with the sound on.`,
        ),
      );
    return { findings, tested: media.length > 0 };
  },
  passDetail: () => 'No audio or video started with sound by itself.',
});

export const captions = probeCheck({
  id: 'accessibility/captions',
  title: 'Videos have captions',
  impact: 'critical',
  criteria: ['1.2.2'],
  reads: ['accessibility.states[].probes.media'],
  notApplicable: 'No video element was found.',
  probe: 'media',
  atState({ state }, media): StateVerdict {
    const videos = media.filter((x) => x.kind === 'video');
    const findings = videos
      .filter((m) => !m.captions)
      .map((m) =>
        findingAt(
          state,
          m.selector,
          'The video has no captions or subtitles track. Reproduce: play it and ' + 'open the captions menu.',
        ),
      );
    return { findings, tested: videos.length > 0 };
  },
  passDetail: () => 'Every video had a captions or subtitles track.',
});

export const motion = probeCheck({
  id: 'accessibility/motion',
  title: 'Moving content can be paused and reduced motion is respected',
  impact: 'moderate',
  criteria: ['2.2.2'],
  reads: ['accessibility.states[].probes.motion'],
  notApplicable: 'No page state was examined.',
  probe: 'motion',
  atState({ state }, m): StateVerdict {
    const how = 'Reproduce: open the page and watch the element; then turn on "reduce motion" in the operating system.';
    const reduced = m.reducedMotionRule ? '' : ", and the page's CSS has no prefers-reduced-motion rule";
    // No control named pause or stop anywhere on the page: nothing can stop it (older evidence: a person checks).
    if (m.pauseControl === false) {
      const findings = m.longAnimations.map((sel) =>
        findingAt(
          state,
          sel,
          `An animation runs longer than 5 s and ` + `the page has no pause or stop control${reduced}. ${how}`,
        ),
      );
      return { findings, tested: true };
    }
    const review = m.longAnimations.map((sel) =>
      findingAt(
        state,
        sel,
        `An animation runs longer than 5 s${reduced}: ` + `check that it can be paused, stopped or hidden. ${how}`,
      ),
    );
    return { review, tested: true };
  },
  passDetail: () => 'Nothing animated for more than 5 seconds.',
});

/**
 * WCAG's general flash threshold applies to flashes over a quarter of a 10° field of view: 21 824
 * px² (341 × 256 / 4) on a 1024 × 768 screen at a usual distance. A smaller flashing area passes.
 */
export const FLASH_AREA_PX = 21_824;
/** More than three flashes in one second: more than six changes of luminance. */
export const FLASH_TRANSITIONS = 6;

export const flashing = probeCheck({
  id: 'accessibility/flashing',
  title: 'Nothing flashes more than three times a second',
  impact: 'critical',
  criteria: ['2.3.1'],
  reads: ['accessibility.states[].probes.flashing'],
  notApplicable: 'No page state was examined.',
  probe: 'flashing',
  atState({ state }, f): StateVerdict {
    const findings = f.items
      .filter((i) => i.transitions > FLASH_TRANSITIONS && i.areaPx >= FLASH_AREA_PX)
      .map((i) =>
        findingAt(
          state,
          i.selector,
          `${i.name ? `"${i.name}" ` : 'An element '}flashes: its luminance changed ${i.transitions} times in ` +
            `one second (${Math.floor(i.transitions / 2)} flashes; at most 3 are allowed) over ${i.areaPx} px², ` +
            `more than the small safe area of ${FLASH_AREA_PX} px² ` +
            `(${i.source === 'animation' ? 'a CSS animation' : 'restyled by script'}). It can cause seizures. ` +
            `Reproduce: open the page and watch it (with care).`,
        ),
      );
    return { findings, tested: true, count: f.candidates };
  },
  passDetail: () => 'Nothing flashed more than three times in a second over a large area.',
});

export const MEDIA_CHECKS = [playerControls, noAutoplayAudio, captions, motion, flashing] as const;
