/**
 * Conformance evidence table per service (issue 4): every WCAG 2.2 A/AA success criterion →
 * passes / fails / needs review / not applicable / not testable automatically, with the checks and
 * devices behind each verdict, in a form a committee can hold against the vendor's VPAT/ACR.
 * Pure: built from the targets' check results (any suite), reading the typed success criteria each
 * check declares (`criteria`; axe rules' from their tags).
 *
 * A criterion's verdict over all devices and checks that cite it:
 * - `fails`: some check citing it failed on some device (weight 0 checks included: a failure is a fact);
 * - `needs-review`: none failed, some needs review, is inconclusive or could not be evaluated (error);
 * - `passes`: none of the above, some passed — "no automated check found a failure", which is
 *   evidence, not a conformance claim;
 * - `not-applicable`: every check citing it was not applicable (e.g. captions without video);
 * - `not-tested`: no automated check covers it: a person must test it.
 */
import type { CheckResult, Criterion, TargetResult } from '../core/index.ts';
import { WCAG_CRITERIA } from '../core/index.ts';

export const CONFORMANCE_VERDICTS = ['fails', 'needs-review', 'passes', 'not-applicable', 'not-tested'] as const;
export type ConformanceVerdict = (typeof CONFORMANCE_VERDICTS)[number];

export interface ConformanceEvidence {
  readonly check: string;
  readonly title: string;
  readonly device: string;
  readonly status: CheckResult['status'];
  readonly findings: number;
}

export interface ConformanceRow {
  readonly criterion: Criterion;
  readonly verdict: ConformanceVerdict;
  /** The check results behind the verdict (one per check × device), failures first. */
  readonly evidence: readonly ConformanceEvidence[];
}

export interface ConformanceTable {
  readonly service: string;
  readonly devices: readonly string[];
  readonly rows: readonly ConformanceRow[];
  readonly counts: Readonly<Record<ConformanceVerdict, number>>;
}

const ORDER: Record<CheckResult['status'], number> = {
  fail: 0,
  error: 1,
  'needs-review': 2,
  inconclusive: 3,
  pass: 4,
  'not-applicable': 5,
};

function verdictOf(evidence: readonly ConformanceEvidence[]): ConformanceVerdict {
  if (evidence.length === 0) return 'not-tested';
  if (evidence.some((e) => e.status === 'fail')) return 'fails';
  if (evidence.some((e) => e.status === 'needs-review' || e.status === 'inconclusive' || e.status === 'error'))
    return 'needs-review';
  if (evidence.some((e) => e.status === 'pass')) return 'passes';
  return 'not-applicable';
}

/** The conformance table of one service from its targets (one per device). */
export function conformanceTable(service: string, targets: readonly TargetResult[]): ConformanceTable {
  const mine = targets.filter((t) => t.service === service);
  const bySc = new Map<string, ConformanceEvidence[]>();
  for (const t of mine) {
    for (const suite of Object.values(t.suites)) {
      for (const c of suite.checks) {
        for (const sc of c.criteria) {
          const list = bySc.get(sc) ?? [];
          list.push({ check: c.id, title: c.title, device: t.device, status: c.status, findings: c.findingsTotal });
          bySc.set(sc, list);
        }
      }
    }
  }
  const rows = WCAG_CRITERIA.map((criterion) => {
    const evidence = [...(bySc.get(criterion.sc) ?? [])].sort(
      (a, b) => ORDER[a.status] - ORDER[b.status] || a.check.localeCompare(b.check) || a.device.localeCompare(b.device),
    );
    return { criterion, verdict: verdictOf(evidence), evidence };
  });
  const counts = Object.fromEntries(
    CONFORMANCE_VERDICTS.map((v) => [v, rows.filter((r) => r.verdict === v).length]),
  ) as Record<ConformanceVerdict, number>;
  return { service, devices: [...new Set(mine.map((t) => t.device))].sort(), rows, counts };
}
