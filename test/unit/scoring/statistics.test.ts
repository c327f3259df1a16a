import { describe, expect, it } from 'vitest';
import { mean, median, roundTo, spread, weightedMean } from '../../../src/scoring/index.ts';

describe('statistics', () => {
  it('median of odd and even samples, ignoring non-finite values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('spread gives quartiles (linear interpolation), IQR and range', () => {
    expect(spread([1, 2, 3, 4, 5])).toEqual({ n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5, iqr: 2 });
    expect(spread([10])).toEqual({ n: 1, min: 10, q1: 10, median: 10, q3: 10, max: 10, iqr: 0 });
    expect(spread([])).toBeNull();
  });

  it('mean and rounding', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(roundTo(72.25, 1)).toBe(72.3);
    expect(roundTo(72.5, 0)).toBe(73);
    expect(roundTo(-0.01, 1)).toBe(0);
    expect(Object.is(roundTo(-0.01, 1), -0)).toBe(false);
  });
});

describe('weightedMean', () => {
  it('excludes nulls and zero weights and renormalises', () => {
    expect(weightedMean([{ score: 1, weight: 3 }, { score: 0, weight: 1 }])).toBe(0.75);
    expect(weightedMean([{ score: 1, weight: 3 }, { score: null, weight: 100 }, { score: 0, weight: 0 }])).toBe(1);
  });
  it('is null when nothing is scorable', () => {
    expect(weightedMean([])).toBeNull();
    expect(weightedMean([{ score: null, weight: 1 }, { score: 0.5, weight: 0 }])).toBeNull();
  });
});
