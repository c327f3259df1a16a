import { describe, expect, it } from 'vitest';
import { gatherBudgetMs, withinBudget } from '../../../src/gather/budget.ts';
import { HarnessError } from '../../../src/core/errors.ts';

const step = { id: 's', name: 'S' } as never;
const service = (steps: number, patrons: string[], navigationMs?: number) => ({
  journey: Array.from({ length: steps }, () => step),
  patrons: Object.fromEntries(patrons.map((p) => [p, {}])) as never,
  ...(navigationMs ? { timeouts: { navigationMs, actionMs: 10_000 } } : {}),
});

describe('gatherBudgetMs', () => {
  it('grows with the journey, the patrons a login suite signs in as, and the page-load limit', () => {
    const short = gatherBudgetMs(service(1, ['valid']), 'accessibility');
    const long = gatherBudgetMs(service(6, ['valid']), 'accessibility');
    expect(long).toBeGreaterThan(short);
    expect(gatherBudgetMs(service(6, ['valid', 'wrongPin', 'unknownCard']), 'login')).toBeGreaterThan(long);
    expect(gatherBudgetMs(service(6, ['valid', 'wrongPin']), 'compatibility')).toBe(long);
    expect(gatherBudgetMs(service(6, ['valid'], 60_000), 'accessibility')).toBeGreaterThan(long);
    // Never less than today's three minutes for the smallest suite.
    expect(short).toBeGreaterThan(3 * 60_000);
  });
});

describe('withinBudget', () => {
  it('passes the work through when it finishes in time', async () => {
    await expect(withinBudget('x', 1_000, Promise.resolve(7))).resolves.toBe(7);
  });
  it('rejects with a harness error naming the budget when the work takes longer', async () => {
    const never = new Promise<number>(() => undefined);
    const e = await withinBudget('Gathering accessibility for a@b', 20, never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HarnessError);
    expect((e as Error).message).toMatch(/^Gathering accessibility for a@b took longer than the harness's budget of 0 s/);
  });
  it('passes the work’s own error through', async () => {
    await expect(withinBudget('x', 1_000, Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
