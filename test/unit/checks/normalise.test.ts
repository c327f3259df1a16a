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
  references: ['ref'],
  reads: [],
};

describe('toCheckResult', () => {
  it('clamps scores and derives the status from them', () => {
    expect(toCheckResult(meta, { score: 1.7 })).toMatchObject({ score: 1, status: 'pass' });
    expect(toCheckResult(meta, { score: -3 })).toMatchObject({ score: 0, status: 'fail' });
    expect(toCheckResult(meta, { score: 0.5 }).status).toBe('pass');
    expect(toCheckResult(meta, { score: 0.49 }).status).toBe('fail');
  });

  it('keeps unscored statuses with a null score', () => {
    expect(toCheckResult(meta, { status: 'needs-review' })).toMatchObject({ score: null, status: 'needs-review' });
  });

  it('turns a non-finite score into an inconclusive harness defect', () => {
    const result = toCheckResult(meta, { score: Number.NaN });
    expect(result).toMatchObject({ score: null, status: 'inconclusive' });
    expect(result.detail).toMatch(/harness defect/);
  });

  it('takes impact from the metadata and caps findings', () => {
    const findings = Array.from({ length: MAX_FINDINGS + 5 }, (_, i) => ({ message: `f${i}` }));
    const result = toCheckResult(meta, { score: 0, findings, detail: 'Many.' });
    expect(result.findings).toHaveLength(MAX_FINDINGS);
    expect(result.findings[0]?.impact).toBe('minor');
    expect(result.detail).toBe(`Many. ${MAX_FINDINGS + 5} findings; the first ${MAX_FINDINGS} are listed.`);
    expect(CheckResultSchema.parse(result)).toEqual(result);
  });

  it('records a throwing check as inconclusive', () => {
    const broken: Check<'compatibility'> = {
      meta,
      evaluate() {
        throw new Error('boom');
      },
    };
    const result = runCheck(broken, { data: { viewport: { width: 1, height: 1 }, console: [], pageErrors: [], failedRequests: [], overflow: [] }, steps: [] });
    expect(result).toMatchObject({ status: 'inconclusive', score: null });
    expect(result.detail).toContain('boom');
  });
});
