/**
 * `erh prune --keep N`: removes the oldest run folders of a reports folder beyond the N newest.
 * Only erh runs are ever removed — a real directory (not a link) holding run.json or results.json —
 * and never the run `latest` points to. Runs are ordered by name: run ids begin with their start time.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.ts';

export interface PrunePlan {
  /** Run folders kept, oldest first (the N newest, plus the one `latest` points to). */
  readonly kept: readonly string[];
  /** Run folders removed (or, with dryRun, that would be), oldest first. */
  readonly removed: readonly string[];
}

/** Whether `dir` is a run folder erh wrote: a directory, not a link, with run.json or results.json. */
export function isRunFolder(dir: string): boolean {
  try {
    if (!lstatSync(dir).isDirectory()) return false;
  } catch {
    return false;
  }
  return existsSync(join(dir, 'run.json')) || existsSync(join(dir, 'results.json'));
}

/** The `--keep` value: a whole number ≥ 1, or a ConfigError naming the option and the value. */
export function parseKeep(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new ConfigError('--keep', undefined, `expected a whole number ≥ 1 (runs to keep), got "${value}"`);
  return n;
}

export function prune(reportsDir: string, keep: number, options: { dryRun?: boolean } = {}): PrunePlan {
  const reports = resolve(reportsDir);
  let names: string[];
  try {
    names = readdirSync(reports);
  } catch {
    throw new ConfigError(reportsDir, undefined, 'not a readable reports folder');
  }
  let latest: string | undefined;
  try {
    latest = realpathSync(join(reports, 'latest'));
  } catch {
    latest = undefined;
  }
  const runs = names
    .filter((n) => n !== 'latest' && isRunFolder(join(reports, n)))
    .sort()
    .map((n) => join(reports, n));
  const cut = Math.max(0, runs.length - keep);
  const removed = runs.slice(0, cut).filter((d) => realpathSync(d) !== latest);
  const kept = runs.filter((d) => !removed.includes(d));
  if (options.dryRun !== true) for (const d of removed) rmSync(d, { recursive: true, force: true });
  return { kept, removed };
}
