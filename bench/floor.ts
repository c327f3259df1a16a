/**
 * Where a run's time goes, read from the run's own evidence (issue 19.4): the serial measurement
 * floor — every Lighthouse run and every timed journey walk, each of which ran alone in the
 * performance phase, as recorded in the performance evidence — and the gathering time per target
 * (its login, accessibility and compatibility evidence, start to finish). The bench prints the floor
 * beside the run's wall time: what the run costs above its measurements is gathering and overhead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceSchema, type Evidence } from '../src/core/index.ts';

export interface RunFloor {
  /** Lighthouse runs (their recorded durations, Chrome launch excluded), s. */
  lighthouse: number;
  lighthouseRuns: number;
  /** Timed walks (the sum of their timed phases), s. */
  walks: number;
  walkRuns: number;
  /** Per target (service@device): seconds spent gathering each non-performance suite. */
  gathering: Array<{ target: string; seconds: number; suites: Record<string, number> }>;
}

const seconds = (e: Evidence) => (Date.parse(e.finishedAt) - Date.parse(e.startedAt)) / 1000;

export function runFloor(runDir: string): RunFloor {
  const dir = join(runDir, 'evidence');
  const evidence = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => EvidenceSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
  const floor: RunFloor = { lighthouse: 0, lighthouseRuns: 0, walks: 0, walkRuns: 0, gathering: [] };
  const byTarget = new Map<string, Record<string, number>>();
  for (const e of evidence) {
    if (e.suite === 'performance') {
      for (const page of e.performance?.pages ?? []) {
        for (const run of page.runs) {
          floor.lighthouse += (run.durationMs ?? 0) / 1000;
          floor.lighthouseRuns++;
        }
      }
      for (const walk of e.performance?.timings?.runs ?? []) {
        floor.walks += walk.phases.reduce((a, p) => a + p.durationMs, 0) / 1000;
        floor.walkRuns++;
      }
      continue;
    }
    const target = `${e.service}@${e.device}`;
    const suites = byTarget.get(target) ?? {};
    suites[e.suite] = seconds(e);
    byTarget.set(target, suites);
  }
  floor.gathering = [...byTarget.entries()]
    .map(([target, suites]) => ({ target, suites, seconds: Object.values(suites).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => a.target.localeCompare(b.target));
  return floor;
}
