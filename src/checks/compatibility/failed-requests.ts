/**
 * compatibility/failed-requests: every request the pages make succeeds: no HTTP status ≥ 400 and
 * no network failure (DNS, connection refused, blocked, aborted).
 *
 * Excluded: `/favicon.ico` answered 404. Browsers request it on their own whether or not the page
 * refers to it, so it says nothing about the service; any other failure of it still counts.
 */
import type { CompatibilityEvidence } from '../../core/index.ts';
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';
import { reachedNote } from '../reached.ts';
import { stepUrl } from './step-urls.ts';
import { notObservable } from './observed.ts';

type FailedRequest = CompatibilityEvidence['failedRequests'][number];

/** The browser's own favicon probe, answered 404. */
export function isIgnoredRequest(request: FailedRequest): boolean {
  if (request.status !== 404) return false;
  let path: string;
  try {
    path = new URL(request.url).pathname;
  } catch {
    path = request.url.split(/[?#]/)[0] ?? '';
  }
  return path.endsWith('/favicon.ico') || path === 'favicon.ico';
}

function isFailure(request: FailedRequest): boolean {
  return (request.status !== null && request.status >= 400) || request.failure !== null;
}

export const failedRequests: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/failed-requests',
    suite: 'compatibility',
    title: 'No failed network requests',
    impact: 'moderate',
    weight: IMPACT_WEIGHTS.moderate,
    criteria: [],
    references: [],
    reads: ['compatibility.failedRequests', 'compatibility.observed.network', 'steps'],
  },
  evaluate({ data, steps }) {
    if (data.observed && !data.observed.network) return notObservable('network requests');
    const failed = data.failedRequests.filter((r) => isFailure(r) && !isIgnoredRequest(r));
    const ignored = data.failedRequests.filter(isIgnoredRequest).length;
    const note = ignored > 0 ? ` (${ignored} favicon.ico 404 ignored)` : '';
    if (failed.length === 0) return { score: 1, detail: `No request failed${note}.${reachedNote(steps)}` };
    return {
      score: 0,
      detail: `${failed.length} request${failed.length === 1 ? '' : 's'} failed${note}.`,
      findings: failed.map((r) => ({
        message:
          `${r.method} ${r.url} (${r.resourceType}) failed: ` +
          [r.status !== null ? `HTTP ${r.status}` : '', r.failure ?? ''].filter(Boolean).join(', '),
        step: r.step,
        ...stepUrl(steps, r.step),
      })),
    };
  },
};
