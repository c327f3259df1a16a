/**
 * The Playwright Test fixture every suite uses: it resolves the project's target from the run's
 * configuration snapshot, launches the device's browser once per worker, and hands gatherers a
 * BrowserSession factory. `gather` writes the evidence, attaches it to the test (so blob reports and
 * merged shards carry it) and fails the test only when the harness itself failed.
 */
import { test as base, type TestInfo } from '@playwright/test';
import { chromium } from 'playwright';
import { allSecrets, resolveHttpAuth, resolvePatron, Redactor } from '../src/config/secrets.ts';
import { existsSync, readFileSync } from 'node:fs';
import { networkConditions } from '../src/core/config.ts';
import type { Evidence } from '../src/core/evidence.ts';
import { EvidenceSchema } from '../src/core/evidence.ts';
import type { Suite } from '../src/core/ids.ts';
import { artifactsFor } from '../src/journey/artifacts.ts';
import { GATHERERS, gatherWalk, isWalkSuite, type GatherKit } from '../src/gather/index.ts';
import { envelope, notRunEvidence } from '../src/gather/kit.ts';
import { closedUnderProbes, regather } from '../src/gather/resume.ts';
import { gatherBudgetMs, withinBudget } from '../src/gather/budget.ts';
import { notApplicableReason, serviceExclusion, type Target } from '../src/matrix/targets.ts';
import { evidencePath, writeEvidence } from '../src/reporting/evidence-store.ts';
import { redactArtifacts } from '../src/reporting/redact-artifacts.ts';
import { openRun, type RunContext } from '../src/reporting/run-context.ts';
import { findBrowser, installHint } from '../src/session/browsers.ts';
import { answersHttpAuth, DeviceRuntime, type Acquired } from '../src/session/runtime.ts';
import { deviceTag, targetTag } from './tags.ts';

let cachedRun: RunContext | undefined;
export function currentRun(): RunContext {
  const dir = process.env.ERH_RUN_DIR;
  if (!dir) throw new Error('ERH_RUN_DIR is not set: run the suites through `erh run` or playwright.config.ts');
  cachedRun ??= openRun(dir);
  return cachedRun;
}

interface WorkerFixtures {
  /** Browsers and driver processes (Xvfb, WebKitWebDriver, Appium) of this worker, stopped when it ends. */
  devices: DeviceRuntime;
  /**
   * The output directories of this worker's tests, where Playwright writes its own artefacts (a trace
   * the user turned on, a failed test's error context): redacted when the worker ends, after the last
   * trace of the worker is written and before a reporter copies it (src/reporting/redact-artifacts.ts).
   */
  artefacts: Set<string>;
}

interface TestFixtures {
  /** Records the test's output directory in the worker's `artefacts`. */
  outputRecorded: void;
  /** Gathers one suite of a target. */
  gather: (suite: Suite, target: Target) => Promise<Evidence>;
  /** Gathers several suites of a target in one test (accessibility and compatibility: in one walk). */
  gatherAll: (suites: readonly Suite[], target: Target) => Promise<Evidence[]>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  devices: [
    async ({}, use) => {
      const runtime = new DeviceRuntime();
      try {
        await use(runtime);
      } finally {
        await runtime.close();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  artefacts: [
    async ({}, use) => {
      const dirs = new Set<string>();
      await use(dirs);
      await redactArtifacts(dirs, new Redactor(allSecrets(currentRun().config.services)));
    },
    { scope: 'worker', auto: true, timeout: 120_000 },
  ],
  outputRecorded: [
    async ({ artefacts }, use, testInfo) => {
      artefacts.add(testInfo.outputDir);
      await use();
    },
    { auto: true },
  ],
  gather: async ({ devices }, use, testInfo) => {
    await use((suite, target) => gather(suite, target, devices, testInfo));
  },
  gatherAll: async ({ devices }, use, testInfo) => {
    await use((suites, target) => gatherCells(suites, target, devices, testInfo));
  },
});

/** Declares `body`'s tests once for each target of the run, in a block named by the target's id and tagged (tags.ts). */
export function eachTarget(body: (target: Target) => void): void {
  for (const target of currentRun().targets) {
    test.describe(target.id, { tag: [targetTag(target.id), deviceTag(target.device.id)] }, () => body(target));
  }
}

/** The evidence this run already holds for a cell, if it is readable. */
function existingEvidence(runDir: string, target: Target, suite: Suite): Evidence | undefined {
  const file = evidencePath(runDir, { service: target.service.id, device: target.device.id, suite });
  if (!existsSync(file)) return undefined;
  try {
    const parsed = EvidenceSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A cell this test is to gather: the attempt its evidence records, and the earlier attempts it carries. */
interface Cell {
  suite: Suite;
  attempt: number;
  withHistory: (e: Evidence) => Evidence;
}

async function attachEvidence(testInfo: TestInfo, file: string): Promise<void> {
  await testInfo.attach('erh-evidence', { path: file, contentType: 'application/json' });
}

/** Gathers one suite of a target (login, performance; accessibility or compatibility alone). */
async function gather(suite: Suite, target: Target, devices: DeviceRuntime, testInfo: TestInfo): Promise<Evidence> {
  const [evidence] = await gatherCells([suite], target, devices, testInfo);
  if (!evidence) throw new Error(`${target.id} ${suite}: not gathered`);
  return evidence;
}

/**
 * Gathers the cells of `suites` for a target: accessibility and compatibility in one walk of the
 * journey (src/gather/shared-walk.ts), others each with its own gatherer. Returns the evidence of
 * each suite, in order. A harness failure of any suite is written as that suite's harness error
 * and fails the test (so that it is retried: the retry gathers only the cells that failed).
 */
async function gatherCells(suites: readonly Suite[], target: Target, devices: DeviceRuntime, testInfo: TestInfo): Promise<Evidence[]> {
  const run = currentRun();
  const redactor = new Redactor(allSecrets(run.config.services));
  const out = new Map<Suite, Evidence>();
  const pending: Cell[] = [];
  for (const suite of suites) {
    const earlier = existingEvidence(run.runDir, target, suite);
    // `erh run --resume`, or a retry of this test: a cell whose gathering finished (whatever the vendor did) is kept
    // as it is; only missing cells and harness errors are gathered again. (A run directory without --resume is new,
    // so what a retry finds there is its own earlier attempt's.)
    if ((process.env.ERH_RESUME === '1' || testInfo.retry > 0) && earlier && !regather(earlier)) {
      await attachEvidence(testInfo, evidencePath(run.runDir, earlier));
      testInfo.annotations.push(
        process.env.ERH_RESUME === '1'
          ? { type: 'resumed', description: `${suite}: gathered before the run was interrupted` }
          : { type: 'kept', description: `${suite}: gathered by the earlier attempt` },
      );
      out.set(suite, earlier);
      continue;
    }
    // A retry (Playwright's, after a harness error, or a resumed run's) records the earlier attempts.
    const previous = earlier?.status === 'harness-error'
      ? [...(earlier.previousAttempts ?? []), { attempt: earlier.attempt, status: earlier.status, ...(earlier.reason ? { reason: earlier.reason } : {}) }]
      : [];
    const attempt = Math.max(testInfo.retry + 1, (previous.at(-1)?.attempt ?? 0) + 1);
    const withHistory = (e: Evidence): Evidence => (previous.length > 0 ? { ...e, previousAttempts: previous } : e);
    // A suite the service does not take part in (service YAML `suites:`, or login for an open-access service) is not
    // applicable, no browser needed; the matrix owns the rule (performance's capability case is decided by its
    // gatherer: the timed walks run on every engine, Lighthouse only where it can).
    const skipped = suite === 'performance' ? serviceExclusion(target, suite) : notApplicableReason(target, suite);
    if (skipped !== undefined) {
      const evidence = notRunEvidence(target, suite, skipped, attempt);
      await attachEvidence(testInfo, writeEvidence(run.runDir, evidence, redactor));
      out.set(suite, evidence);
      continue;
    }
    pending.push({ suite, attempt, withHistory });
  }
  const result = (): Evidence[] => suites.flatMap((s) => out.get(s) ?? []);
  if (pending.length === 0) return result();
  // The harness failed: record it as such for the suite (never as a vendor result).
  const harnessError = async (cell: Cell, e: Error): Promise<void> => {
    const failed = envelope(
      { target, suite: cell.suite, startedAt: new Date(), browserVersion: 'unknown', attempt: cell.attempt },
      { status: 'harness-error', reason: redactor.text(e.message.split('\n')[0] ?? 'unknown error'), steps: [] },
    );
    await attachEvidence(testInfo, writeEvidence(run.runDir, cell.withHistory(failed), redactor));
  };
  // ... and fail the test, so that it is retried. Playwright prints the error (the terminal, its report): redacted like
  // everything else; with more than one suite in the test, it names the suites that failed.
  const fail = (errors: Array<{ suite: Suite; error: Error }>): never => {
    const first = errors[0]?.error ?? new Error('unknown error');
    const e = suites.length > 1 ? new Error(errors.map((x) => `${x.suite}: ${x.error.message.split('\n')[0]}`).join('; ')) : first;
    if (e !== first && first.stack !== undefined) e.stack = `${e.message}\n${first.stack.split('\n').slice(1).join('\n')}`;
    e.message = redactor.text(e.message);
    if (e.stack !== undefined) e.stack = redactor.text(e.stack);
    throw e;
  };
  const failAll = async (e: unknown): Promise<never> => {
    const error = e instanceof Error ? e : new Error(String(e));
    for (const cell of pending) await harnessError(cell, error);
    return fail(pending.map((c) => ({ suite: c.suite, error })));
  };
  // The service's HTTP authentication (service YAML httpAuth): every session of the target answers its challenge, and
  // a device whose driver cannot is not available for this service (said so, never a page of 401s scored as the vendor's).
  const httpCredentials = resolveHttpAuth(target.service, `services/${target.service.id}.yaml`);
  const cannotAuthenticate = httpCredentials && !answersHttpAuth(target.device)
    ? `Device not available for this service: its driver (${target.device.driver}) cannot answer the HTTP authentication the service asks for (httpAuth); a Playwright device can.`
    : undefined;
  // Every suite needs the device: performance times the journey on every engine (Lighthouse only on Chromium).
  // An installed local browser that does not start is a harness error (retried), not a missing device.
  const acquired: Acquired = cannotAuthenticate
    ? { ok: false, via: target.device.driver, reason: cannotAuthenticate }
    : await devices.acquire(target.device).catch(failAll);
  if (!acquired.ok) {
    // Not a vendor result and not a harness failure: this machine lacks the device. Recorded, shown, the run goes on.
    const reason = cannotAuthenticate ?? redactor.text(`Device not available on this machine (${acquired.via}): ${acquired.reason}.${acquired.hint ? ` To add it: ${acquired.hint}.` : ''} See erh doctor.`);
    for (const cell of pending) {
      const evidence = notRunEvidence(target, cell.suite, reason, cell.attempt, true);
      await attachEvidence(testInfo, writeEvidence(run.runDir, evidence, redactor));
      out.set(cell.suite, evidence);
    }
    testInfo.annotations.push({ type: 'skipped-device', description: reason });
    return result();
  }
  const progress = pending.some((c) => c.suite === 'performance');
  const kit: GatherKit = {
    target,
    redactor,
    artifacts: artifactsFor(run.runDir, target.id),
    patron: (role) => resolvePatron(target.service, role, `services/${target.service.id}.yaml`),
    openSession: () => acquired.open(httpCredentials ? { httpCredentials } : {}),
    ...(httpCredentials ? { httpCredentials } : {}),
    chromePath: () => {
      const found = findBrowser('chromium', target.device, chromium.executablePath());
      if (!found) throw new Error(`No Chromium for Lighthouse: ${installHint('chromium')}`);
      return found.executablePath ?? chromium.executablePath();
    },
    lighthouseRuns: run.config.profile.runs.lighthouse,
    timingRuns: run.config.profile.runs.timings,
    network: networkConditions(run.config.profile.network),
    ruleEngines: run.config.profile.accessibility.engines,
    configRoot: run.meta.configRoot,
    // Lighthouse is the long part of a run: say what it is doing.
    ...(progress ? { progress: (m: string) => process.stdout.write(`    · ${target.id} ${m}\n`) } : {}),
  };
  // The harness's own budget, inside Playwright's test timeout (the last resort, which would close the session under
  // the gatherer and leave only the closed session's error to report). Performance keeps its project's timeout.
  const budgeted = pending.filter((c) => c.suite !== 'performance');
  const budgetOf = (cells: readonly Cell[]) => cells.reduce((ms, c) => ms + gatherBudgetMs(target.service, c.suite), 0);
  if (budgeted.length > 0) testInfo.setTimeout(budgetOf(budgeted) + 60_000);
  const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
  // Accessibility and compatibility share one walk of the journey (its budget: theirs together); the others each walk
  // their own.
  const outcomes: Array<{ suite: Suite; evidence: Evidence } | { suite: Suite; error: Error }> = [];
  const walked = pending.filter((c) => isWalkSuite(c.suite));
  if (walked.length > 0) {
    const what = `Gathering ${walked.map((c) => c.suite).join(' and ')} for ${target.id}`;
    const walk = gatherWalk(kit, Object.fromEntries(walked.map((c) => [c.suite, c.attempt])));
    try {
      outcomes.push(...(await withinBudget(what, budgetOf(walked), walk)));
    } catch (e) {
      for (const c of walked) outcomes.push({ suite: c.suite, error: asError(e) });
    }
  }
  for (const cell of pending.filter((c) => !isWalkSuite(c.suite))) {
    try {
      const work = GATHERERS[cell.suite](kit, cell.attempt);
      const evidence = cell.suite === 'performance'
        ? await work
        : await withinBudget(`Gathering ${cell.suite} for ${target.id}`, budgetOf([cell]), work);
      outcomes.push({ suite: cell.suite, evidence });
    } catch (e) {
      outcomes.push({ suite: cell.suite, error: asError(e) });
    }
  }
  const errors: Array<{ suite: Suite; error: Error }> = [];
  for (const cell of pending) {
    const o = outcomes.find((x) => x.suite === cell.suite) ?? { suite: cell.suite, error: new Error(`${target.id} ${cell.suite}: not gathered`) };
    const closed = 'evidence' in o ? closedUnderProbes(o.evidence) : undefined;
    if ('error' in o || closed) {
      const e = 'error' in o ? o.error : new Error(`${target.id}: gathering was cut short by the harness — ${closed}`);
      await harnessError(cell, e);
      errors.push({ suite: cell.suite, error: e });
      continue;
    }
    const evidence = cell.withHistory(o.evidence);
    await attachEvidence(testInfo, writeEvidence(run.runDir, evidence, redactor));
    out.set(cell.suite, evidence);
  }
  if (errors.length > 0) fail(errors);
  return result();
}
