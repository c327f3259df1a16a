/**
 * compatibility/viewport-meta: on phones and tablets every page declares a responsive viewport
 * (`<meta name="viewport" content="width=device-width…">`) and does not stop the patron zooming
 * (`user-scalable=no`, or `maximum-scale` below 2). Without the first, a phone lays the page out at
 * ~980 px and shrinks it; with the second, patrons with low vision cannot enlarge text.
 * Binary; serious. Not applicable on desktop devices (browsers ignore the viewport meta there).
 */
import type { Check, FindingInput } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { nothingSampled } from './observed.ts';
import { required } from '../inputs.ts';

const NOT_RECORDED = 'The viewport meta was not recorded for this device.';

/** Parses a viewport content string ("width=device-width, initial-scale=1") into lower-case pairs. */
function parseViewportContent(content: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of content.split(/[,;]/)) {
    const [k, v] = part.split('=').map((x) => x.trim().toLowerCase());
    if (k) out.set(k, v ?? '');
  }
  return out;
}

/** Why a viewport meta is a problem, or undefined when it is fine. */
function viewportProblem(content: string | null): string | undefined {
  if (content === null)
    return 'The page has no <meta name="viewport">: phones lay it out at desktop width and shrink it.';
  const v = parseViewportContent(content);
  const width = v.get('width');
  if (width !== 'device-width') return `The viewport meta ("${content}") does not set width=device-width.`;
  const scalable = v.get('user-scalable');
  if (scalable === 'no' || scalable === '0')
    return `The viewport meta ("${content}") disables zooming (user-scalable=${scalable}).`;
  const max = Number(v.get('maximum-scale'));
  if (v.has('maximum-scale') && Number.isFinite(max) && max < 2)
    return `The viewport meta ("${content}") limits zooming to maximum-scale=${v.get('maximum-scale')}.`;
  return undefined;
}

export const viewportMeta: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/viewport-meta',
    suite: 'compatibility',
    title: 'Pages set a responsive viewport and allow zooming on phones and tablets',
    impact: 'serious',
    weight: IMPACT_WEIGHTS.serious,
    criteria: ['1.4.4', '1.4.10'],
    references: ['axe-core rule meta-viewport'],
    reads: ['compatibility.viewportMeta', 'compatibility.device', 'steps'],
    requires: { viewportMeta: NOT_RECORDED, device: NOT_RECORDED },
  },
  evaluate({ data, steps }) {
    const samples = required(data.viewportMeta, 'compatibility.viewportMeta');
    const device = required(data.device, 'compatibility.device');
    if (device.formFactor === 'desktop')
      return { status: 'not-applicable', detail: 'Desktop browsers ignore the viewport meta.' };
    if (samples.length === 0) return nothingSampled(steps, 'the viewport meta');
    const findings: FindingInput[] = [];
    for (const s of samples) {
      const problem = viewportProblem(s.content);
      if (problem) findings.push({ message: problem, step: s.step, url: s.url });
    }
    if (findings.length === 0) {
      return {
        score: 1,
        detail: `All ${samples.length} sampled pages set width=device-width and allow zooming.${reachedNote(steps)}`,
      };
    }
    return {
      score: 0,
      detail: `${findings.length} of ${samples.length} pages have a missing or restrictive viewport meta.`,
      findings,
    };
  },
};
