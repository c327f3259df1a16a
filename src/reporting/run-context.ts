/**
 * A run directory: `reports/<run-id>/` with run.json (id, start time, harness version, fingerprint)
 * and config.json (the resolved configuration — secrets are only ever env-variable names). Workers
 * and `erh report` read the run's own snapshot, so re-scoring never depends on today's YAML.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  lstatSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { DeviceSchema, ProfileSchema, ServiceSchema } from '../core/config.ts';
import { ConfigError, HarnessError } from '../core/errors.ts';
import { fingerprint } from '../config/fingerprint.ts';
import type { ResolvedConfig } from '../config/load.ts';
import { buildMatrix, type Target } from '../matrix/targets.ts';
import { HARNESS_VERSION, gatheringTools } from './version.ts';

export const RunMetaSchema = z.strictObject({
  runId: z.string(),
  startedAt: z.iso.datetime(),
  harnessVersion: z.string(),
  fingerprint: z.string(),
  /** Where the configuration was read from (for humans). */
  configRoot: z.string(),
  /**
   * Driver library versions installed when the run was created (e.g. playwright), as results.json
   * reports them; absent in runs created before they were recorded.
   */
  tools: z.record(z.string(), z.string()).optional(),
  /** Shard this directory holds, when the run was split across machines. */
  shard: z.strictObject({ index: z.number().int().positive(), total: z.number().int().positive() }).optional(),
});
export type RunMeta = z.infer<typeof RunMetaSchema>;

export const ConfigSnapshotSchema = z.strictObject({
  services: z.array(ServiceSchema),
  devices: z.array(DeviceSchema),
  profile: ProfileSchema,
});
export type ConfigSnapshot = z.infer<typeof ConfigSnapshotSchema>;

export function newRunId(date = new Date()): string {
  const stamp = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
  return `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Writes a file so that readers see the old content or the new, never half of it. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

export function createRun(
  reportsDir: string,
  config: ResolvedConfig,
  options: { runId?: string; shard?: RunMeta['shard'] } = {},
): { runDir: string; meta: RunMeta } {
  const runId = options.runId ?? newRunId();
  const runDir = resolve(reportsDir, runId);
  mkdirSync(join(runDir, 'evidence'), { recursive: true });
  const meta: RunMeta = {
    runId,
    startedAt: new Date().toISOString(),
    harnessVersion: HARNESS_VERSION,
    fingerprint: fingerprint(config, HARNESS_VERSION),
    configRoot: config.root,
    tools: gatheringTools(),
    ...(options.shard ? { shard: options.shard } : {}),
  };
  const snapshot: ConfigSnapshot = { services: config.services, devices: config.devices, profile: config.profile };
  writeFileAtomic(join(runDir, 'run.json'), `${JSON.stringify(meta, null, 2)}\n`);
  writeFileAtomic(join(runDir, 'config.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
  return { runDir, meta };
}

export interface RunContext {
  runDir: string;
  meta: RunMeta;
  config: ConfigSnapshot;
  targets: Target[];
}

export function openRun(runDir: string): RunContext {
  const dir = resolve(runDir);
  const read = <T>(name: string, schema: z.ZodType<T>): T => {
    const file = join(dir, name);
    if (!existsSync(file)) throw new HarnessError(`${file} not found: is ${dir} a run directory?`);
    // A damaged or hand-edited file is bad input: one line naming it (exit 2), never a stack trace.
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(
        file,
        undefined,
        code ? `could not be read (${code})` : 'is not valid JSON (the file is damaged): start a new run',
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(
        file,
        issue?.path.length ? issue.path.join('.') : undefined,
        `${issue?.message ?? 'invalid'} (the file is damaged): start a new run`,
      );
    }
    return parsed.data;
  };
  const meta = read('run.json', RunMetaSchema);
  const config = read('config.json', ConfigSnapshotSchema);
  return { runDir: dir, meta, config, targets: buildMatrix(config.services, config.devices) };
}

/**
 * Reopens an interrupted run for `erh run --resume`: the directory must be a run, and the
 * configuration must be the one it was started with (same fingerprint), or the resumed cells would
 * not be comparable with the ones already gathered.
 */
export function resumeRun(runDir: string, config: ResolvedConfig): { runDir: string; meta: RunMeta } {
  const dir = resolve(runDir);
  if (!existsSync(join(dir, 'run.json')))
    throw new ConfigError(
      runDir,
      undefined,
      'not a run directory (no run.json): give the directory of the interrupted run, e.g. reports/<run-id>',
    );
  const { meta } = openRun(dir);
  const now = fingerprint(config, HARNESS_VERSION);
  if (now !== meta.fingerprint) {
    throw new ConfigError(
      join(runDir, 'run.json'),
      'fingerprint',
      `the run was started with another configuration (${meta.fingerprint.slice(0, 19)}…, now ` +
        `${now.slice(0, 19)}…): resume it with the same services, devices, profile and harness version, or start a ` +
        `new run`,
    );
  }
  return { runDir: dir, meta };
}

/** Points `reports/latest` at a run (a relative symlink, replaced atomically enough for humans). */
export function linkLatest(reportsDir: string, runDir: string): void {
  const link = join(reportsDir, 'latest');
  try {
    if (lstatSync(link, { throwIfNoEntry: false })) rmSync(link, { recursive: true, force: true });
    symlinkSync(resolve(runDir).slice(resolve(reportsDir).length + 1), link);
  } catch {
    // A file system without symlinks: the run directory is still printed.
  }
}
