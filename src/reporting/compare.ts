/**
 * `erh compare <old-run> <new-run>`: reads both runs' results.json and their Lighthouse samples
 * from evidence, compares them (src/scorecard/compare.ts, pure), and writes compare.json (schema:
 * schema/compare.schema.json) and the comparison pages compare.html (Finnish) and
 * compare.{fi,sv,en}.html, by default into the new run's directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CompareResultSchema, type CompareResult } from '../core/compare.ts';
import type { RegressionThresholds } from '../core/config.ts';
import { ConfigError, HarnessError } from '../core/errors.ts';
import { LANGUAGES, type Language } from '../core/ids.ts';
import { RunResultSchema, type RunResult } from '../core/result.ts';
import { compareFile, renderCompareHtml } from '../render/compare-html.ts';
import { compareRuns, nothingComparable, performanceSamples } from '../scorecard/compare.ts';
import { readEvidence } from './evidence-store.ts';
import { writeFileAtomic } from './run-context.ts';
import { HARNESS_VERSION } from './version.ts';

export interface CompareOutput {
  result: CompareResult;
  files: { json: string; html: string; pages: Record<Language, string> };
  /** Evidence files that could not be read (their samples are left out). */
  problems: string[];
}

/** A run's results.json; a missing or invalid one is a usage error naming the directory. */
export function readRunResult(runDir: string): RunResult {
  const file = join(resolve(runDir), 'results.json');
  if (!existsSync(file)) {
    throw new ConfigError(
      runDir,
      undefined,
      existsSync(join(runDir, 'run.json'))
        ? 'no results.json yet: run `erh report` on it first'
        : 'not a run directory (no results.json)',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(file, undefined, `not valid JSON: ${(e as Error).message}`);
  }
  const parsed = RunResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      file,
      issue?.path.join('.') || undefined,
      issue?.message ?? 'does not match schema/results.schema.json',
    );
  }
  return parsed.data;
}

export function compareRunDirs(
  oldDir: string,
  newDir: string,
  options: { outDir?: string; thresholds?: RegressionThresholds } = {},
): CompareOutput {
  const oldRun = readRunResult(oldDir);
  const newRun = readRunResult(newDir);
  const oldEvidence = readEvidence(resolve(oldDir));
  const newEvidence = readEvidence(resolve(newDir));
  const result = compareRuns({
    old: oldRun,
    new: newRun,
    oldSamples: performanceSamples(oldEvidence.evidence),
    newSamples: performanceSamples(newEvidence.evidence),
    ...(options.thresholds !== undefined ? { thresholds: options.thresholds } : {}),
  });
  const reason = nothingComparable(oldRun, newRun);
  if (reason !== undefined) throw new ConfigError(newDir, undefined, `nothing to compare with ${oldDir}: ${reason}`);
  const checked = CompareResultSchema.safeParse(result);
  if (!checked.success) {
    throw new HarnessError(
      `compare.json would not match its schema: ${checked.error.issues[0]?.path.join('.')}: ` +
        `${checked.error.issues[0]?.message}`,
    );
  }
  const out = resolve(options.outDir ?? newDir);
  const deviceNames = Object.fromEntries([...oldRun.devices, ...newRun.devices].map((d) => [d.id, d.name]));
  const files = {
    json: join(out, 'compare.json'),
    html: join(out, 'compare.html'),
    pages: {} as Record<Language, string>,
  };
  writeFileAtomic(files.json, `${JSON.stringify(result, null, 2)}\n`);
  for (const lang of LANGUAGES) {
    const page = renderCompareHtml(result, { lang, harnessVersion: HARNESS_VERSION, deviceNames });
    files.pages[lang] = join(out, compareFile(lang));
    writeFileAtomic(files.pages[lang], page);
    if (lang === 'fi') writeFileAtomic(files.html, page);
  }
  return {
    result,
    files,
    problems: [
      ...oldEvidence.problems.map((p) => `${oldDir}: ${p}`),
      ...newEvidence.problems.map((p) => `${newDir}: ${p}`),
    ],
  };
}
