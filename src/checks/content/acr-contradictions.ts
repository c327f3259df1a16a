/**
 * Claims against findings (issue 18.3): each claim of a vendor's ACR (OpenACR), criterion by criterion
 * and component by component, set beside the conformance evidence the harness built for that
 * criterion (src/scorecard/conformance.ts: the checks that cite it, on every device). Pure.
 *
 * - `contradicted` — "claimed supports, found failing": the claim is Supports and a check citing the
 *   criterion failed; or "claimed not applicable, found applicable": the claim is Not Applicable and a
 *   check citing it passed or failed (it had something to test).
 * - `consistent` — the evidence does not contradict the claim (a failure under Partially Supports /
 *   Does Not Support is what the vendor says).
 * - `not-testable` — no automated check covers the criterion, or none had anything to decide: a
 *   person must test it.
 *
 * Which evidence a claim meets: the "electronic-docs" component (the publications) is held against
 * the content suite's checks; every other component (web, software, authoring-tool) against the other
 * suites' checks (the service's pages).
 */
import type { AcrClaim, CheckStatus } from '../../core/index.ts';

export interface ClaimEvidence {
  readonly check: string;
  readonly title: string;
  readonly device: string;
  readonly status: CheckStatus;
  readonly findings: number;
}

export const CLAIM_VERDICTS = ['contradicted', 'consistent', 'not-testable'] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

export interface ClaimComparison {
  readonly claim: AcrClaim;
  readonly verdict: ClaimVerdict;
  /** For contradictions: which kind. */
  readonly kind?: 'supports-but-failing' | 'not-applicable-but-applicable';
  /** The check results held against the claim: failures first (for a contradiction, the ones that contradict it). */
  readonly evidence: readonly ClaimEvidence[];
}

const forComponent = (component: string, e: ClaimEvidence) =>
  component === 'electronic-docs' ? e.check.startsWith('content/') : !e.check.startsWith('content/');

/** Compares every claim with the evidence by criterion (`evidenceBySc`: WCAG SC → check results). */
export function compareClaims(
  claims: readonly AcrClaim[],
  evidenceBySc: ReadonlyMap<string, readonly ClaimEvidence[]>,
): ClaimComparison[] {
  const rows = claims.map((claim): ClaimComparison => {
    const evidence = (evidenceBySc.get(claim.criterion) ?? []).filter((e) => forComponent(claim.component, e));
    const failing = evidence.filter((e) => e.status === 'fail');
    const decided = evidence.filter((e) => e.status === 'fail' || e.status === 'pass');
    if (claim.level === 'supports' && failing.length > 0)
      return { claim, verdict: 'contradicted', kind: 'supports-but-failing', evidence: failing };
    if (claim.level === 'not-applicable' && decided.length > 0)
      return { claim, verdict: 'contradicted', kind: 'not-applicable-but-applicable', evidence: decided };
    if (decided.length === 0) return { claim, verdict: 'not-testable', evidence };
    return { claim, verdict: 'consistent', evidence: [...failing, ...evidence.filter((e) => e.status !== 'fail')] };
  });
  const order: Record<ClaimVerdict, number> = { contradicted: 0, consistent: 1, 'not-testable': 2 };
  return rows.sort(
    (a, b) =>
      order[a.verdict] - order[b.verdict] ||
      a.claim.criterion.localeCompare(b.claim.criterion, 'en', { numeric: true }) ||
      a.claim.component.localeCompare(b.claim.component),
  );
}
