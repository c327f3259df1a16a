/**
 * `erh merge <run-dir>... --into <dir>`: one run out of the shards of a run (`erh run --shard i/n`
 * on several machines), or out of runs over parts of the same matrix. Evidence is the durable
 * record, so merging is a union of evidence files (plus the screenshots and reports they refer to)
 * followed by the same evaluation as any run: the merged scorecard is the scorecard of a single run
 * that gathered the same evidence.
 *
 * The runs must have measured the same way: the same configuration fingerprint (services, devices,
 * profile, harness version). When two runs hold evidence for the same (service, device, suite), the
 * later attempt wins, as within a run (scorecard/evaluate.ts selectEvidence).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import { EvidenceSchema, type Evidence } from '../core/evidence.ts';
import { selectEvidence } from '../scorecard/evaluate.ts';
import { finalizeRun, type FinalizeOutput } from '../reporting/finalize.ts';
import { newRunId, openRun, writeFileAtomic, type RunContext, type RunMeta } from '../reporting/run-context.ts';
import { evidenceFileName } from '../core/evidence.ts';

export interface MergeOutcome {
  runDir: string;
  final: FinalizeOutput;
  /** Shards given, e.g. [1, 2] of 2; empty when the runs were not shards. */
  shards: number[];
  /** Shards of the set that were not given (the merged run then misses their targets). */
  missingShards: number[];
  /** How many evidence records each input contributed. */
  contributed: Array<{ runDir: string; evidence: number }>;
}

function readEvidenceFiles(runDir: string): Array<{ file: string; evidence: Evidence }> {
  const dir = join(runDir, 'evidence');
  if (!existsSync(dir)) return [];
  const out: Array<{ file: string; evidence: Evidence }> = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = EvidenceSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (parsed.success) out.push({ file: join(dir, name), evidence: parsed.data });
  }
  return out;
}

export function mergeRuns(runDirs: readonly string[], into: string): MergeOutcome {
  if (runDirs.length === 0) throw new ConfigError('erh merge', undefined, 'give at least one run directory');
  const runs: RunContext[] = runDirs.map((d) => {
    if (!existsSync(join(d, 'run.json'))) throw new ConfigError(d, undefined, 'not a run directory (no run.json)');
    return openRun(d);
  });
  const first = runs[0] as RunContext;
  for (const r of runs.slice(1)) {
    if (r.meta.fingerprint !== first.meta.fingerprint) {
      throw new ConfigError(
        r.runDir,
        undefined,
        `was measured with another configuration (fingerprint ${r.meta.fingerprint.slice(0, 19)}… ≠ ` +
          `${first.meta.fingerprint.slice(0, 19)}…): only runs of the same services, devices, profile and harness ` +
          `version can be merged`,
      );
    }
  }
  const target = resolve(into);
  if (runs.some((r) => resolve(r.runDir) === target))
    throw new ConfigError(into, undefined, 'must be a new directory, not one of the runs being merged');
  if (existsSync(join(target, 'run.json')))
    throw new ConfigError(into, undefined, 'already holds a run; merge into a new directory');

  const shardTotals = new Set(runs.flatMap((r) => (r.meta.shard ? [r.meta.shard.total] : [])));
  if (shardTotals.size > 1)
    throw new ConfigError(
      'erh merge',
      undefined,
      `the runs are shards of different splits (${[...shardTotals].map((t) => `of ${t}`).join(', ')})`,
    );
  const shards = [...new Set(runs.flatMap((r) => (r.meta.shard ? [r.meta.shard.index] : [])))].sort((a, b) => a - b);
  const total = [...shardTotals][0];
  const missingShards =
    total === undefined ? [] : Array.from({ length: total }, (_, i) => i + 1).filter((i) => !shards.includes(i));

  mkdirSync(join(target, 'evidence'), { recursive: true });
  // Artifact folders (screenshots, Lighthouse reports) are copied whole; evidence JSON is chosen per key.
  const all: Array<{ file: string; evidence: Evidence; run: string }> = [];
  const contributed: MergeOutcome['contributed'] = [];
  for (const r of runs) {
    const files = readEvidenceFiles(r.runDir);
    contributed.push({ runDir: r.runDir, evidence: files.length });
    for (const f of files) all.push({ ...f, run: r.runDir });
    const dir = join(r.runDir, 'evidence');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const src = join(dir, name);
      if (statSync(src).isDirectory()) cpSync(src, join(target, 'evidence', name), { recursive: true });
    }
  }
  const chosen = selectEvidence(all.map((a) => a.evidence));
  for (const e of chosen.values()) {
    writeFileAtomic(
      join(target, 'evidence', evidenceFileName(e.service, e.device, e.suite)),
      `${JSON.stringify(e, null, 1)}\n`,
    );
  }

  const startedAt = runs.map((r) => r.meta.startedAt).sort()[0] as string;
  // Each shard's recorded tool versions; different versions on different machines are all named.
  const toolVersions = new Map<string, Set<string>>();
  for (const r of runs) {
    for (const [tool, version] of Object.entries(r.meta.tools ?? {})) {
      toolVersions.set(tool, (toolVersions.get(tool) ?? new Set()).add(version));
    }
  }
  const tools = Object.fromEntries(
    [...toolVersions].map(([tool, versions]) => [tool, [...versions].sort().join(' / ')]),
  );
  const meta: RunMeta = {
    runId: `${newRunId()}-merged`,
    startedAt,
    harnessVersion: first.meta.harnessVersion,
    fingerprint: first.meta.fingerprint,
    configRoot: first.meta.configRoot,
    ...(toolVersions.size > 0 ? { tools } : {}),
  };
  writeFileAtomic(join(target, 'run.json'), `${JSON.stringify(meta, null, 2)}\n`);
  writeFileAtomic(join(target, 'config.json'), `${JSON.stringify(first.config, null, 2)}\n`);
  const final = finalizeRun(target);
  return { runDir: target, final, shards, missingShards, contributed };
}
