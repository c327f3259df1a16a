/**
 * Content checks over the beyond-axe probes (src/gather/a11y) — what rule engines pass because the
 * markup is valid while the page still fails a patron:
 *
 * - `accessibility/static-tab-stops` (4.1.2, moderate): no tab stop is content with no interactive
 *   role (tabindex on a div or a heading): a keyboard user lands on it, a screen reader names no control.
 *   Scroll containers and the ARIA practices' focusable containers (tabpanel, dialog, region…) are excepted.
 * - `accessibility/link-purpose` (2.4.4, moderate): no link is named only "click here", "read more"
 *   and the like (fi/sv/en) without a description; the same text to different places, links that
 *   open a new window without saying so, and links to documents without their format are for review.
 * - `accessibility/placeholder-label` (3.3.2, serious): no form field, on any form, is named only
 *   by its placeholder (it disappears as soon as the patron types).
 * - `accessibility/hint-association` (1.3.1, moderate): hint text beside a field (a hint or help
 *   element in the field's own wrapper) is referenced by the field (aria-describedby), so a screen
 *   reader reads it with the field.
 * - `accessibility/transcripts` (1.2.1, serious): an audio element comes with a transcript (a link,
 *   button or heading naming one); links to audio or video files without one are for review.
 * - `accessibility/animated-images` (2.2.2, moderate): no image animates forever (a GIF, APNG or
 *   WebP that loops without end cannot be paused by the patron).
 */
import type { FindingInput } from '../types.ts';
import { findingAt, moreFindings, probeCheck, type StateVerdict } from './probe-check.ts';

const named = (name: string): string => (name ? `"${name}" ` : '');

export const staticTabStops = probeCheck({
  id: 'accessibility/static-tab-stops',
  title: 'Only controls take the keyboard focus',
  impact: 'moderate',
  criteria: ['4.1.2'],
  probe: 'staticStops',
  reads: ['accessibility.states[].probes.staticStops'],
  notApplicable: 'No page state was examined.',
  atState({ state }, s): StateVerdict {
    const findings = s.items.map((i) =>
      findingAt(
        state,
        i.selector,
        `${named(i.name)}is a tab stop but not a control: it has a tabindex and no ` +
          `interactive role, so a keyboard user stops on it and a screen reader announces no control. Reproduce: ` +
          `press Tab to it; nothing can be done there.`,
      ),
    );
    findings.push(...moreFindings(state, s.total, s.items.length, 'tab stops that are not controls'));
    return { findings, tested: true };
  },
  passDetail: () => 'Every tab stop was a control, a scroll container or a focusable container.',
});

export const linkPurpose = probeCheck({
  id: 'accessibility/link-purpose',
  title: 'Each link says where it leads',
  impact: 'moderate',
  criteria: ['2.4.4'],
  probe: 'links',
  reads: ['accessibility.states[].probes.links'],
  notApplicable: 'No link was found.',
  atState({ state }, l): StateVerdict {
    const findings = l.generic.map((g) =>
      findingAt(
        state,
        g.selector,
        `The link "${g.name}" (to ${g.href}) says nothing about where it leads: a screen ` +
          `reader's list of links reads only "${g.name}". Reproduce: list the page's links with a screen reader.`,
      ),
    );
    const review: FindingInput[] = [
      ...l.ambiguous.map((a) =>
        findingAt(
          state,
          a.selectors[0],
          `${a.selectors.length} links named "${a.name}" lead ` +
            `to ${a.hrefs.length} different places: check that their context tells them apart.`,
        ),
      ),
      ...l.newWindow.map((n) =>
        findingAt(
          state,
          n.selector,
          `The link ${named(n.name)}opens a new window without ` +
            `saying so (WCAG advisory technique G201): check that the patron is told.`,
        ),
      ),
      ...l.documents.map((d) =>
        findingAt(
          state,
          d.selector,
          `The link ${named(d.name)}leads to a document ` +
            `(${d.href}) without naming its format: check that the patron is told what opens.`,
        ),
      ),
    ];
    return { findings, review, tested: l.total > 0, count: l.total };
  },
  passDetail: (n) => `None of the ${n} links was named only "click here" or "read more".`,
});

export const placeholderLabel = probeCheck({
  id: 'accessibility/placeholder-label',
  title: 'Form fields have labels, not only placeholders',
  impact: 'serious',
  criteria: ['3.3.2'],
  probe: 'fields',
  reads: ['accessibility.states[].probes.fields'],
  notApplicable: 'No form field was found.',
  atState({ state }, f): StateVerdict {
    const findings = f.placeholderOnly.map((p) =>
      findingAt(
        state,
        p.selector,
        `The field is named only by its placeholder "${p.placeholder}", which disappears ` +
          `when the patron types and is not read by every screen reader. Reproduce: type into it; nothing says what ` +
          `it was for.`,
      ),
    );
    return { findings, tested: f.total > 0, count: f.total };
  },
  passDetail: (n) => `All ${n} form fields had a label.`,
});

export const hintAssociation = probeCheck({
  id: 'accessibility/hint-association',
  title: 'Hints are associated with their form fields',
  impact: 'moderate',
  criteria: ['1.3.1'],
  probe: 'fields',
  reads: ['accessibility.states[].probes.fields'],
  notApplicable: 'No form field was found.',
  atState({ state }, f): StateVerdict {
    const findings = f.unassociatedHints.map((h) =>
      findingAt(
        state,
        h.selector,
        `The hint "${h.hint}" next to the field ${named(h.name)}is not referenced by it ` +
          `(aria-describedby): a screen reader does not read it with the field. Reproduce: focus the field with a ` +
          `screen reader.`,
      ),
    );
    return { findings, tested: f.total > 0 };
  },
  passDetail: () => 'Every hint beside a field was associated with it.',
});

export const transcripts = probeCheck({
  id: 'accessibility/transcripts',
  title: 'Audio has a transcript',
  impact: 'serious',
  criteria: ['1.2.1'],
  probe: 'transcripts',
  reads: ['accessibility.states[].probes.transcripts'],
  notApplicable: 'No audio element or link to a media file was found.',
  atState({ state }, t): StateVerdict {
    const findings = t.audio
      .filter((a) => !a.transcript)
      .map((a) =>
        findingAt(
          state,
          a.selector,
          'The audio has no transcript on the page (no link, button or heading ' +
            'naming one): a deaf patron gets nothing of it. Reproduce: look for a transcript near the player.',
        ),
      );
    const review = t.mediaLinks
      .filter((m) => !m.transcript)
      .map((m) =>
        findingAt(
          state,
          m.selector,
          `The link ${named(m.name)}leads to a media file (${m.href}) and the ` +
            `page offers no transcript: check whether the recording has a text alternative.`,
        ),
      );
    return { findings, review, tested: t.audio.length + t.mediaLinks.length > 0 };
  },
  passDetail: () => 'Every audio element came with a transcript.',
});

export const animatedImages = probeCheck({
  id: 'accessibility/animated-images',
  title: 'Images do not animate without end',
  impact: 'moderate',
  criteria: ['2.2.2'],
  probe: 'animatedImages',
  reads: ['accessibility.states[].probes.animatedImages'],
  notApplicable: 'No page state was examined.',
  atState({ state }, images): StateVerdict {
    const findings = images
      .filter((i) => i.loops === 'forever')
      .map((i) =>
        findingAt(
          state,
          i.selector,
          `The image ${named(i.name)}(${i.src}) is an animation of ${i.frames} ` +
            `frames that loops forever; an image cannot be paused by the patron. Reproduce: watch it for more than 5 ` +
            `seconds.`,
        ),
      );
    return { findings, tested: true };
  },
  passDetail: () => 'No image animated without end.',
});

export const errorColourOnly = probeCheck({
  id: 'accessibility/error-colour-only',
  title: 'Form errors are told by more than colour',
  impact: 'serious',
  criteria: ['1.4.1', '3.3.1'],
  probe: 'errorCues',
  reads: ['accessibility.states[].probes.errorCues'],
  notApplicable: 'No form field was shown in an error state.',
  atState({ state }, e): StateVerdict {
    const findings = e.colourOnly.map((c) =>
      findingAt(
        state,
        c.selector,
        `The field ${named(c.name)}is shown in error by colour alone (${c.changed.join(', ')} changed): no text, ` +
          `icon, border shape, aria-invalid or error message says so. A patron who does not see the colour, and a ` +
          `screen reader, are not told. Reproduce: look at the field in greyscale.`,
      ),
    );
    return { findings, tested: e.marked > 0, count: e.marked };
  },
  passDetail: (n) => `All ${n} fields shown in error said so by more than colour.`,
});

export const CONTENT_CHECKS = [
  staticTabStops,
  linkPurpose,
  placeholderLabel,
  hintAssociation,
  transcripts,
  animatedImages,
  errorColourOnly,
] as const;
