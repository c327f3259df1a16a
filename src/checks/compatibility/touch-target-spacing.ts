/**
 * compatibility/touch-target-spacing: on touch devices, every control is at least 24×24 CSS px or
 * far enough from its neighbours (WCAG 2.2 SC 2.5.8, as laid out on this device: a 24 px circle on
 * the target's centre touches no other target). Inline links in running text are exempt. Fails
 * with one finding per crowded target; moderate (a mis-tap, not a dead end). Not applicable on
 * devices without touch.
 */
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { nothingSampled } from './observed.ts';

export const touchTargetSpacing: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/touch-target-spacing',
    suite: 'compatibility',
    title: 'Controls are large enough or far enough apart to tap on touch screens',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    criteria: ['2.5.8'],
    references: [],
    reads: ['compatibility.touchTargets', 'compatibility.device.touch', 'steps'],
  },
  evaluate({ data, steps }) {
    if (!data.device?.touch || !data.touchTargets)
      return { status: 'not-applicable', detail: 'This device has no touch screen.' };
    if (data.touchTargets.length === 0) return nothingSampled(steps, 'the touch targets');
    const findings: FindingInput[] = data.touchTargets.flatMap((s) =>
      s.crowded.map((c) => ({
        message:
          `"${c.name || c.selector}" is ${c.width}×${c.height} px and its 24 px tap area reaches ${c.nearest} ` +
          `(${c.nearestPx} px): too small and too close to tap reliably.`,
        selector: c.selector,
        step: s.step,
        url: s.url,
      })),
    );
    const total = data.touchTargets.reduce((n, s) => n + s.targets, 0);
    if (findings.length === 0)
      return {
        score: 1,
        detail:
          `All ${total} controls measured on ${data.touchTargets.length} pages are 24 px or well ` +
          `spaced.${reachedNote(steps)}`,
      };
    return {
      score: 0,
      value: findings.length,
      unit: 'targets',
      detail: `${findings.length} crowded controls (of ${total} measured).`,
      findings,
    };
  },
};
