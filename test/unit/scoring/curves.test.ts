import { describe, expect, it } from 'vitest';
import { logNormalScore } from '../../../src/scoring/index.ts';

describe('logNormalScore', () => {
  const points = { p10: 2500, median: 4000 };

  it('passes through the control points', () => {
    expect(logNormalScore(points, 2500)).toBeCloseTo(0.9, 6);
    expect(logNormalScore(points, 4000)).toBe(0.5);
    expect(logNormalScore({ p10: 0.1, median: 0.25 }, 0.1)).toBeCloseTo(0.9, 6);
    expect(logNormalScore({ p10: 0.1, median: 0.25 }, 0.25)).toBe(0.5);
  });

  it('agrees with Lighthouse 13 getLogNormalScore (shared/statistics.js)', async () => {
    const specifier = 'lighthouse/shared/statistics.js';
    const lighthouse = (await import(specifier)) as { getLogNormalScore(p: { p10: number; median: number }, v: number): number };
    const curves = [points, { p10: 1200, median: 2400 }, { p10: 200, median: 600 }, { p10: 934, median: 1600 }, { p10: 0.1, median: 0.25 }];
    for (const curve of curves) {
      for (const factor of [0, 0.05, 0.3, 0.7, 0.99, 1, 1.2, 1.6, 2, 3, 10]) {
        const value = curve.median * factor;
        expect(logNormalScore(curve, value)).toBeCloseTo(lighthouse.getLogNormalScore(curve, value), 6);
      }
    }
  });

  it('keeps each value in its band and decreases monotonically', () => {
    expect(logNormalScore(points, 2500.0001)).toBeLessThan(0.9);
    expect(logNormalScore(points, 4000.0001)).toBeLessThan(0.5);
    expect(logNormalScore(points, 2499.9999)).toBeGreaterThanOrEqual(0.9);
    let previous = 1;
    for (let v = 0; v <= 20_000; v += 250) {
      const s = logNormalScore(points, v);
      expect(s).toBeLessThanOrEqual(previous);
      expect(s).toBeGreaterThanOrEqual(0);
      previous = s;
    }
    expect(logNormalScore(points, 0)).toBe(1);
    expect(logNormalScore(points, 1e9)).toBe(0);
  });

  it('rejects invalid control points', () => {
    expect(() => logNormalScore({ p10: 4000, median: 2500 }, 1)).toThrow(/less than the median/);
    expect(() => logNormalScore({ p10: 0, median: 2500 }, 1)).toThrow(/positive/);
    expect(() => logNormalScore(points, Number.NaN)).toThrow();
  });
});
