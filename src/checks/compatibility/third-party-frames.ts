/**
 * compatibility/third-party-frames: the journey does not depend on cross-site frames. Safari
 * (WebKit) blocks third-party cookies and Firefox partitions them, so a login, reader or player
 * embedded from another site loses its session there — the break shows on those engines' devices
 * as a failed step, and this check names the frames involved on every device.
 *
 * - no cross-site frame in the journey: pass;
 * - a failed journey step shows a visible cross-site frame: fail (serious) — the likely cause where
 *   third-party cookies are blocked;
 * - visible cross-site frames, journey completed: needs review (compare the same step on WebKit and
 *   Firefox devices). Hidden frames (analytics, consent) are listed in the detail only.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { required } from '../inputs.ts';

export const thirdPartyFrames: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/third-party-frames',
    suite: 'compatibility',
    title: 'The journey works without third-party (cross-site) frames and their cookies',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: [],
    references: ['WebKit tracking prevention (third-party cookies blocked)', 'Firefox Total Cookie Protection'],
    reads: ['compatibility.crossSiteFrames', 'steps'],
    requires: { crossSiteFrames: 'Frames were not recorded for this device.' },
  },
  evaluate({ data, steps }) {
    const frames = required(data.crossSiteFrames, 'compatibility.crossSiteFrames');
    const visible = frames.filter((f) => f.visible);
    const hidden = frames.length - visible.length;
    const hiddenNote = hidden > 0 ? ` ${hidden} hidden cross-site frame${hidden === 1 ? '' : 's'} (not scored).` : '';
    if (visible.length === 0)
      return { score: 1, detail: `No visible cross-site frame in the journey.${hiddenNote}${reachedNote(steps)}` };
    const failedSteps = new Set(steps.filter((s) => !s.ok).map((s) => s.step));
    // A failed step's frames are sampled at the step before it (the failing step records no state).
    const stepIds = steps.map((s) => s.step);
    const implicated = visible.filter(
      (f) => failedSteps.has(f.step) || failedSteps.has(stepIds[stepIds.indexOf(f.step) + 1] ?? ''),
    );
    const findings = (implicated.length ? implicated : visible).map((f) => ({
      message:
        `A cross-site frame (${f.frame}) is part of this step: it loses its cookies where third-party cookies are ` +
        `blocked (Safari/WebKit) or partitioned (Firefox).`,
      step: f.step,
      url: f.url,
    }));
    if (implicated.length)
      return {
        score: 0,
        detail: `The journey failed at a step with a visible cross-site frame.${hiddenNote}`,
        findings,
      };
    return {
      status: 'needs-review',
      detail:
        `${visible.length} visible cross-site frame${visible.length === 1 ? '' : 's'}: compare these steps on ` +
        `WebKit and Firefox devices.${hiddenNote}`,
      findings,
    };
  },
};
