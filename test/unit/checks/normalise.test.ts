import { describe, expect, it } from 'vitest';
import { CheckResultSchema } from '../../../src/core/index.ts';
import { MAX_FINDINGS, runCheck, toCheckResult } from '../../../src/checks/index.ts';
import type { Check, CheckMeta } from '../../../src/checks/index.ts';

const meta: CheckMeta<'compatibility'> = {
  id: 'compatibility/example',
  suite: 'compatibility',
  title: 'Example',
  impact: 'minor',
  weight: 1,
  criteria: ['1.4.10'],
  references: ['ref'],
  reads: [],
};

describe('toCheckResult', () => {
  it('derives the status from the score; a score outside 0–1 is an error, never clamped', () => {
    expect(toCheckResult(meta, { score: 1.7 })).toMatchObject({ score: null, status: 'error', error: { cause: 'score-out-of-range' } });
    expect(toCheckResult(meta, { score: -3 })).toMatchObject({ score: null, status: 'error', error: { cause: 'score-out-of-range' } });
    expect(toCheckResult(meta, { score: 1 })).toMatchObject({ score: 1, status: 'pass' });
    expect(toCheckResult(meta, { score: 0 })).toMatchObject({ score: 0, status: 'fail' });
    expect(toCheckResult(meta, { score: 0.5 }).status).toBe('pass');
    expect(toCheckResult(meta, { score: 0.49 }).status).toBe('fail');
  });

  it('keeps unscored statuses with a null score', () => {
    expect(toCheckResult(meta, { status: 'needs-review' })).toMatchObject({ score: null, status: 'needs-review' });
  });

  it('turns a non-finite score into an error with its typed cause', () => {
    const result = toCheckResult(meta, { score: Number.NaN });
    expect(result).toMatchObject({ score: null, status: 'error', error: { cause: 'score-not-finite' }, findings: [], findingsTotal: 0 });
    expect(result.detail).toMatch(/harness defect/);
    expect(CheckResultSchema.parse(result)).toEqual(result);
  });

  it('takes impact and criteria from the metadata, caps the findings kept and counts them all', () => {
    const findings = Array.from({ length: MAX_FINDINGS + 5 }, (_, i) => ({ message: `f${i}`, impact: 'critical' }));
    const result = toCheckResult(meta, { score: 0, findings, detail: 'Many.' });
    expect(result.findings).toHaveLength(MAX_FINDINGS);
    expect(result.findings.every((f) => f.impact === 'minor')).toBe(true);
    expect(result.findingsTotal).toBe(MAX_FINDINGS + 5);
    expect(result.criteria).toEqual(['1.4.10']);
    expect(result.detail).toBe(`Many. ${MAX_FINDINGS + 5} findings; the first ${MAX_FINDINGS} are listed.`);
    expect(CheckResultSchema.parse(result)).toEqual(result);
  });

  it('records a throwing check as an error naming the error', () => {
    const broken: Check<'compatibility'> = {
      meta,
      evaluate() {
        throw new Error('boom');
      },
    };
    const result = runCheck(broken, { data: { viewport: { width: 1, height: 1 }, console: [], pageErrors: [], failedRequests: [], overflow: [] }, steps: [] });
    expect(result).toMatchObject({ status: 'error', score: null, error: { cause: 'threw', message: 'boom' } });
    expect(result.detail).toContain('boom');
  });
});
