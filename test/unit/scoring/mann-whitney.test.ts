import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, mannWhitneyU } from '../../../src/scoring/index.ts';

// Reference values from SciPy 1.11 `scipy.stats.mannwhitneyu` (documentation example and hand-checked cases).
describe('Mann-Whitney U', () => {
  const males = [19, 22, 16, 29, 24];
  const females = [20, 11, 17, 12];

  it('matches SciPy\'s exact two-sided p on its documented example (U = 17, p = 0.1111)', () => {
    const r = mannWhitneyU(males, females);
    expect(r?.method).toBe('exact');
    expect(r?.uX).toBe(17);
    expect(r?.uY).toBe(3);
    expect(r?.p).toBeCloseTo(0.1111111111111111, 10);
  });

  it('matches SciPy\'s asymptotic p when ties force the normal approximation', () => {
    // mannwhitneyu([19, 22, 16, 29, 24, 20], [20, 11, 17, 12]): the tie on 20 → asymptotic with tie correction.
    const r = mannWhitneyU([...males, 20], females);
    expect(r?.method).toBe('asymptotic');
    expect(r?.uX).toBe(20.5);
    // U = 20.5, mu = 12, sigma² = 24/12 · (11 − 6/90) = 21.8667; z = (20.5 − 12 − 0.5)/4.6762 = 1.7108; p = 2·sf(z)
    expect(r?.p).toBeCloseTo(0.08712, 4);
  });

  it('gives the smallest possible p for fully separated samples: 2/C(10,5) = 0.0079 at 5 vs 5, 0.1 at 3 vs 3', () => {
    const fast = [101, 98, 110, 95, 104];
    const slow = [1602, 1580, 1650, 1599, 1611];
    const r = mannWhitneyU(fast, slow);
    expect(r?.uX).toBe(0);
    expect(r?.p).toBeCloseTo(2 / 252, 12);
    expect(r?.probabilityXBelowY).toBe(1);
    expect(mannWhitneyU(fast, slow, 'less')?.p).toBeCloseTo(1 / 252, 12);
    expect(mannWhitneyU(fast, slow, 'greater')?.p).toBeCloseTo(1, 12);
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6])?.p).toBeCloseTo(0.1, 12);
    expect(mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8])?.p).toBeCloseTo(2 / 70, 12);
  });

  it('finds no difference between interleaved samples', () => {
    const r = mannWhitneyU([1, 3, 5, 7, 9], [2, 4, 6, 8, 10]);
    expect(r?.p).toBeGreaterThan(0.5);
    expect(r?.probabilityXBelowY).toBeCloseTo(0.6, 12);
  });

  it('the asymptotic p approaches the exact one on a large sample without ties', () => {
    const x = Array.from({ length: 20 }, (_, i) => i * 2);
    const y = Array.from({ length: 20 }, (_, i) => i * 2 + 7);
    const exact = mannWhitneyU(x, y);
    const normal = mannWhitneyU(x, y, 'two-sided', 'asymptotic');
    expect(exact?.method).toBe('exact');
    expect(normal?.method).toBe('asymptotic');
    expect(exact?.p).toBeGreaterThan(0.05);
    expect(Math.abs((exact?.p ?? 0) - (normal?.p ?? 1))).toBeLessThan(0.01);
    expect(mannWhitneyU([...x, 1000], y)?.method).toBe('asymptotic');
  });

  it('leaves out non-finite values and refuses empty samples', () => {
    expect(mannWhitneyU([Number.NaN], [1])).toBeNull();
    expect(mannWhitneyU([1, 2, Number.POSITIVE_INFINITY], [3, 4])?.nX).toBe(2);
  });

  it('coefficient of variation uses the sample standard deviation', () => {
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935 / 5, 8);
    expect(coefficientOfVariation([3])).toBeNull();
  });
});
