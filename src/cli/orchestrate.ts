/**
 * Runs a configured evaluation: validate, prepare the run directory, gather in two Playwright phases
 * (parallel gathering, then Lighthouse alone), evaluate, and point reports/latest at the run.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, firefox, webkit } from 'playwright';
import { ConfigError } from '../core/errors.ts';
import type { Evidence } from '../core/evidence.ts';
import { PATRON_ROLES } from '../core/ids.ts';
import { loadConfig, type LoadOptions, type ResolvedConfig } from '../config/load.ts';
import { allSecrets, loadDotEnv, Redactor, resolvePatron, resolveHttpAuth } from '../config/secrets.ts';
import { finalizeRun, type FinalizeOutput } from '../reporting/finalize.ts';
import { createRun, linkLatest, resumeRun } from '../reporting/run-context.ts';
import { evidencePath, readEvidence, writeEvidence } from '../reporting/evidence-store.ts';
import { buildMatrix, serviceExclusion } from '../matrix/targets.ts';
import { notRunEvidence } from '../gather/kit.ts';
import { SUITES } from '../core/ids.ts';
import { deviceAvailability } from '../session/availability.ts';
import { regather } from '../gather/resume.ts';
import { terminalText } from '../reporting/terminal.ts';

const require = createRequire(import.meta.url);
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunOptions {
  reportsDir?: string;
  workers?: number;
  shard?: { index: number; total: number };
  /** Write a Playwright blob report here too (for merging shards). */
  blobDir?: string;
  /**
   * Finish an interrupted run in this directory: only cells without evidence (or with a harness error) are gathered.
   */
  resume?: string;
  log?: (line: string) => void;
}

/** Loads the configuration and checks what a run needs before any browser starts. */
export function prepare(options: LoadOptions): ResolvedConfig {
  loadDotEnv(resolve(options.root));
  const config = loadConfig(options);
  for (const service of config.services) {
    const source = config.sources.services[service.id] ?? `services/${service.id}.yaml`;
    for (const role of PATRON_ROLES) resolvePatron(service, role, source);
    resolveHttpAuth(service, source);
  }
  return config;
}

/**
 * Which selected devices cannot run on this machine, and why. They are not an error: their targets
 * are recorded as not applicable with the reason (shown in the scorecard) and the run goes on.
 */
export function unavailableDevices(config: ResolvedConfig): Array<{ device: string; reason: string; hint?: string }> {
  const executables = {
    chromium: chromium.executablePath(),
    firefox: firefox.executablePath(),
    webkit: webkit.executablePath(),
  };
  return config.devices.flatMap((device) => {
    const a = deviceAvailability(device, executables);
    return a.available
      ? []
      : [{ device: device.id, reason: a.reason ?? 'not available', ...(a.hint ? { hint: a.hint } : {}) }];
  });
}

/**
 * Runs one Playwright phase. Patrons' secrets reach it only through the environment, never the
 * command line. When erh is told to stop (SIGINT, SIGTERM: Ctrl-C, a cancelled CI job), the signal is
 * passed on and erh waits for Playwright to stop its workers and browsers, then exits: the evidence
 * written so far stays, and `erh run --resume <run-dir>` finishes the rest.
 */
function runPlaywright(phase: 'gather' | 'performance', env: NodeJS.ProcessEnv, extraArgs: string[]): Promise<number> {
  const cli = require.resolve('@playwright/test/cli');
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [cli, 'test', '--config', join(PACKAGE_ROOT, 'playwright.config.ts'), ...extraArgs],
      {
        cwd: PACKAGE_ROOT,
        env: { ...env, ERH_PHASE: phase, ERH_FINALIZE: '0' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    let stopping: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = signal;
      process.stderr.write(
        `erh: ${signal}: stopping; the evidence gathered so far is kept (erh run --resume ` +
          `${env.ERH_RUN_DIR ?? '<run-dir>'})\n`,
      );
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (stopping) process.exit(stopping === 'SIGINT' ? 130 : 143);
      done(code ?? (signal ? 128 : 1));
    });
  });
}

/**
 * A shard (Playwright decides which shard holds which cell) and a run that writes a blob report (its tests carry the
 * evidence) always start their phases' runners: erh may not skip a phase for them.
 */
function runnerOwnsCells(options: RunOptions): boolean {
  return Boolean(options.shard || options.blobDir || process.env.ERH_BLOB_DIR);
}

/**
 * When the performance phase has nothing to measure — every target's service leaves the suite out (its YAML's
 * `suites:`) and no performance evidence is on disk yet — writes its cells not applicable, with the reason the
 * performance test would write (the matrix owns the rule), and returns true: no Playwright runner or browser need
 * start. A shard or a run writing a blob report keeps the runner (`runnerOwnsCells`).
 */
export function recordUnmeasured(config: ResolvedConfig, runDir: string, options: RunOptions): boolean {
  if (runnerOwnsCells(options)) return false;
  const cells = buildMatrix(config.services, config.devices).map((target) => ({
    target,
    reason: serviceExclusion(target, 'performance'),
    onDisk: existsSync(
      evidencePath(runDir, { service: target.service.id, device: target.device.id, suite: 'performance' }),
    ),
  }));
  if (cells.length === 0 || cells.some((c) => c.reason === undefined || c.onDisk)) return false;
  const redactor = new Redactor(allSecrets(config.services));
  for (const c of cells) writeEvidence(runDir, notRunEvidence(c.target, 'performance', c.reason ?? '', 1), redactor);
  return true;
}

/**
 * A resumed run whose gathering cells (every suite but performance, on every target) were all kept — the run was
 * stopped in or before its performance phase — starts no gathering runner: Playwright would start its workers and
 * browsers only to skip every test (suites/harness.ts skips a kept cell by the same rule, `regather`). A shard or a
 * run writing a blob report keeps the runner (`runnerOwnsCells`).
 */
export function gatheredAlready(config: ResolvedConfig, kept: readonly Evidence[], options: RunOptions): boolean {
  if (!options.resume || runnerOwnsCells(options)) return false;
  // A cell is named by its evidence file (the evidence store owns that name).
  const have = new Set(kept.map((e) => evidencePath('', e)));
  const targets = buildMatrix(config.services, config.devices);
  return (
    targets.length > 0 &&
    targets.every((t) =>
      SUITES.every(
        (suite) =>
          suite === 'performance' || have.has(evidencePath('', { service: t.service.id, device: t.device.id, suite })),
      ),
    )
  );
}

export interface RunOutcome {
  runDir: string;
  final: FinalizeOutput;
  /** Playwright reported a harness failure in some phase. */
  harnessFailed: boolean;
  seconds: { gather: number; performance: number; total: number };
}

export async function runEvaluation(config: ResolvedConfig, options: RunOptions): Promise<RunOutcome> {
  const log = options.log ?? ((l: string) => process.stdout.write(`${terminalText(l)}\n`));
  const reportsDir = options.resume
    ? dirname(resolve(options.resume))
    : resolve(options.reportsDir ?? join(config.root, 'reports'));
  const { runDir, meta } = options.resume
    ? resumeRun(options.resume, config)
    : createRun(reportsDir, config, options.shard ? { shard: options.shard } : {});
  let kept: Evidence[] = [];
  if (options.resume) {
    kept = readEvidence(runDir).evidence.filter((e) => !regather(e));
    const cells = buildMatrix(config.services, config.devices).length * SUITES.length;
    log(`erh: resuming run ${meta.runId}: ${kept.length} of ${cells} cells already gathered; gathering the rest`);
  } else {
    log(
      `erh: run ${meta.runId}: ${config.services.length} services × ${config.devices.length} devices → ` +
        `${relative(process.cwd(), runDir) || runDir}`,
    );
  }
  for (const u of unavailableDevices(config)) {
    log(
      `erh: device ${u.device} is not available here and will be skipped: ` +
        `${u.reason}${u.hint ? ` (to add it: ${u.hint})` : ''}`,
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ERH_RUN_DIR: runDir,
    ERH_WORKERS: String(options.workers ?? 2),
    ...(options.blobDir ? { ERH_BLOB_DIR: options.blobDir } : {}),
    ...(options.resume ? { ERH_RESUME: '1' } : {}),
    // The Playwright runner stops when this process is gone (src/reporting/playwright-setup.ts).
    ERH_PARENT_PID: String(process.pid),
  };
  const shardArgs = options.shard ? [`--shard=${options.shard.index}/${options.shard.total}`] : [];
  const t0 = performance.now();
  let gatherCode = 0;
  if (gatheredAlready(config, kept, options)) {
    log('erh: gathering phase: every cell was gathered before the run stopped; going on to the performance phase');
  } else {
    gatherCode = await runPlaywright('gather', env, shardArgs);
  }
  const t1 = performance.now();
  let perfCode = 0;
  if (recordUnmeasured(config, runDir, options)) {
    log('erh: performance phase: nothing to measure (no service is evaluated for performance: suites: in its YAML)');
  } else {
    log('erh: performance phase (Lighthouse, one page at a time)');
    perfCode = await runPlaywright('performance', env, shardArgs);
  }
  const t2 = performance.now();
  const final = finalizeRun(runDir);
  linkLatest(reportsDir, runDir);
  return {
    runDir,
    final,
    harnessFailed: gatherCode !== 0 || perfCode !== 0,
    seconds: { gather: (t1 - t0) / 1000, performance: (t2 - t1) / 1000, total: (t2 - t0) / 1000 },
  };
}

export { ConfigError };
