import { describe, expect, it } from 'vitest';
import { buildHistory, historyPoint } from '../../../src/scorecard/index.ts';
import { sampleRun } from '../../support/sample-run.ts';

describe('history', () => {
  const { result } = sampleRun({ services: 2, devices: 1, historyRuns: 0 });
  const at = (day: number, id = `run-${day}`) => ({ ...historyPoint(result), runId: id, startedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z` });

  it('keeps earlier runs only, oldest first, with the current run last', () => {
    const points = buildHistory([at(20), at(3), at(26), at(11)], result);
    expect(points.map((p) => p.runId)).toEqual(['run-3', 'run-11', 'run-20', result.runId]);
  });

  it('keeps the most recent runs up to the limit, and never the current run twice', () => {
    const points = buildHistory([at(1), at(2), at(3), at(4), { ...at(5), runId: result.runId }], result, 3);
    expect(points.map((p) => p.runId)).toEqual(['run-3', 'run-4', result.runId]);
  });

  it('records scores, ranks, eligibility and releases per service', () => {
    const point = historyPoint(result);
    expect(point.services).toHaveLength(2);
    expect(point.services[0]).toMatchObject({ id: 's01', overall: result.scorecard[0]?.overall, eligible: result.scorecard[0]?.eligible, release: result.services[0]?.release });
    expect(point.fingerprint).toBe(result.fingerprint);
  });
});
