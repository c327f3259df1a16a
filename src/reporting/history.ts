/**
 * Earlier runs for the scorecard's trend: every sibling run directory of a run (the same reports
 * folder) with a results.json that validates. Runs are identified by their run id, so the
 * `latest` link and copies of the same run count once. Unreadable files are named in `problems`
 * and left out; they never stop a report. The pure part (what a point holds, which runs count)
 * is src/scorecard/history.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RunResultSchema, type RunResult } from '../core/result.ts';
import { buildHistory, historyPoint, HISTORY_LIMIT, type HistoryPoint } from '../scorecard/history.ts';

/** Newest run directories looked at (by name; run ids start with their start time). */
const HISTORY_SCAN_LIMIT = 60;

export interface HistoryRead {
  /** Earlier runs and the current one, oldest first. */
  points: HistoryPoint[];
  problems: string[];
}

export function readEarlierRuns(runDir: string): { runs: HistoryPoint[]; problems: string[] } {
  const dir = resolve(runDir);
  const reports = dirname(dir);
  const problems: string[] = [];
  const runs: HistoryPoint[] = [];
  let names: string[];
  try {
    names = readdirSync(reports)
      .filter((n) => n !== 'latest' && join(reports, n) !== dir)
      .sort()
      .slice(-HISTORY_SCAN_LIMIT);
  } catch {
    return { runs, problems };
  }
  for (const name of names) {
    const file = join(reports, name, 'results.json');
    try {
      if (!statSync(join(reports, name)).isDirectory() || !existsSync(file)) continue;
      const parsed = RunResultSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) runs.push(historyPoint(parsed.data));
      else
        problems.push(
          `${name}/results.json: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
        );
    } catch (e) {
      problems.push(`${name}/results.json: ${(e as Error).message}`);
    }
  }
  return { runs, problems };
}

/** The history the scorecard of `result` shows: earlier runs in the same reports folder, then this one. */
export function readHistory(runDir: string, result: RunResult, limit = HISTORY_LIMIT): HistoryRead {
  const { runs, problems } = readEarlierRuns(runDir);
  return { points: buildHistory(runs, result, limit), problems };
}
