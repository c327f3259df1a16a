/**
 * History: a compact record of earlier runs for the scorecard's trend chart. Built from earlier runs'
 * results.json (read by src/reporting/history.ts) plus the current run; pure and deterministic.
 * Only runs that started before the current one count (re-scoring an old run never shows its
 * future), sorted by start time; the most recent `limit` points are kept.
 */
import type { RunResult, Suite } from '../core/index.ts';

export interface HistoryService {
  readonly id: string;
  readonly overall: number | null;
  readonly rank: number | null;
  readonly eligible: boolean;
  readonly release?: string;
  readonly suites: Readonly<Record<Suite, number | null>>;
}

export interface HistoryPoint {
  readonly runId: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly fingerprint: string;
  readonly profile: string;
  readonly services: readonly HistoryService[];
}

/** Points kept by default (the current run included). */
export const HISTORY_LIMIT = 12;

export function historyPoint(result: RunResult): HistoryPoint {
  return {
    runId: result.runId,
    startedAt: result.startedAt,
    fingerprint: result.fingerprint,
    profile: result.profile.id,
    services: result.scorecard.map((e) => {
      const release = result.services.find((s) => s.id === e.service)?.release;
      return {
        id: e.service,
        overall: e.overall,
        rank: e.rank,
        eligible: e.eligible,
        ...(release !== undefined ? { release } : {}),
        suites: { ...e.suites },
      };
    }),
  };
}

export function buildHistory(
  earlier: readonly (RunResult | HistoryPoint)[],
  current: RunResult,
  limit = HISTORY_LIMIT,
): HistoryPoint[] {
  const points = earlier
    .map((r) => ('schemaVersion' in r ? historyPoint(r) : r))
    .filter((p) => p.runId !== current.runId && p.startedAt < current.startedAt)
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.runId < b.runId ? -1 : 1));
  return [...points.slice(Math.max(0, points.length - (limit - 1))), historyPoint(current)];
}
