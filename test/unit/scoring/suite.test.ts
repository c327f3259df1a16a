import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/core/index.ts';
import { SuiteResultSchema } from '../../../src/core/index.ts';
import { scoreSuite } from '../../../src/scoring/index.ts';

function c(id: string, status: CheckResult['status'], score: number | null, weight: number): CheckResult {
  return { id, suite: 'accessibility', title: id, status, score, weight, impact: 'serious', criteria: [], references: [], findings: [], findingsTotal: 0 };
}

describe('scoreSuite', () => {
  it('weights check scores, leaving nulls out', () => {
    const result = scoreSuite({ status: 'complete' }, [c('a', 'pass', 1, 10), c('b', 'fail', 0, 7), c('c', 'needs-review', null, 3)]);
    expect(result.score).toBe(58.8);
    expect(result.status).toBe('failed');
    expect(result.reason).toBe('Failed checks: b.');
    expect(SuiteResultSchema.parse(result)).toEqual(result);
  });

  it('passes when no scored check fails; weight-0 failures are reported only', () => {
    const result = scoreSuite({ status: 'complete' }, [c('a', 'pass', 1, 10), c('bp', 'fail', 0, 0)]);
    expect(result).toMatchObject({ score: 100, status: 'passed' });
  });

  it('has no score when a weighted check is in error: never a mean renormalised over the checks that worked', () => {
    const broken = { ...c('x', 'error', null, 7), error: { cause: 'threw' as const, message: 'boom' } };
    const result = scoreSuite({ status: 'complete' }, [c('a', 'pass', 1, 10), broken]);
    expect(result).toMatchObject({ score: null, status: 'harness-error' });
    expect(result.reason).toContain('x (threw: boom)');
    expect(SuiteResultSchema.parse(result)).toEqual(result);
    // A weight-0 check in error is still a harness error of the run, but leaves the suite's score intact.
    expect(scoreSuite({ status: 'complete' }, [c('a', 'pass', 1, 10), { ...broken, weight: 0 }])).toMatchObject({ score: 100, status: 'passed' });
  });

  it('has no score when nothing is scorable', () => {
    expect(scoreSuite({ status: 'complete' }, [c('a', 'needs-review', null, 7)])).toMatchObject({ score: null, status: 'inconclusive' });
    expect(scoreSuite({ status: 'complete' }, [c('a', 'not-applicable', null, 7)])).toMatchObject({ score: null, status: 'not-applicable' });
  });

  it('maps gather statuses to suite statuses with a null score', () => {
    for (const status of ['unreachable', 'timeout', 'inconclusive', 'not-applicable', 'harness-error'] as const) {
      const result = scoreSuite({ status, reason: 'why' }, [c('a', 'inconclusive', null, 10)]);
      expect(result).toMatchObject({ status, score: null, reason: 'why' });
    }
  });

  it('is missing without evidence', () => {
    expect(scoreSuite(undefined, [])).toMatchObject({ status: 'missing', score: null, checks: [] });
  });
});
