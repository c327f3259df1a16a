/**
 * The Playwright Test fixture every suite uses: it resolves the project's target from the run's
 * configuration snapshot, launches the device's browser once per worker, and hands gatherers a
 * BrowserSession factory. `gather` writes the evidence, attaches it to the test (so blob reports and
 * merged shards carry it) and fails the test only when the harness itself failed.
 */
import { test as base, type TestInfo } from '@playwright/test';
import { chromium } from 'playwright';
import { allSecrets, resolvePatron, Redactor } from '../src/config/secrets.ts';
import { existsSync, readFileSync } from 'node:fs';
import { networkConditions } from '../src/core/config.ts';
import type { Evidence } from '../src/core/evidence.ts';
import { EvidenceSchema } from '../src/core/evidence.ts';
import type { Suite } from '../src/core/ids.ts';
import { artifactsFor } from '../src/journey/artifacts.ts';
import { GATHERERS, type GatherKit } from '../src/gather/index.ts';
import { envelope } from '../src/gather/kit.ts';
import { closedUnderProbes, regather } from '../src/gather/resume.ts';
import { gatherBudgetMs, withinBudget } from '../src/gather/budget.ts';
import { notApplicableReason, type Target } from '../src/matrix/targets.ts';
import { evidencePath, writeEvidence } from '../src/reporting/evidence-store.ts';
import { openRun, type RunContext } from '../src/reporting/run-context.ts';
import { findBrowser, installHint } from '../src/session/browsers.ts';
import { DeviceRuntime } from '../src/session/runtime.ts';

let cachedRun: RunContext | undefined;
export function currentRun(): RunContext {
  const dir = process.env.ERH_RUN_DIR;
  if (!dir) throw new Error('ERH_RUN_DIR is not set: run the suites through `erh run` or playwright.config.ts');
  cachedRun ??= openRun(dir);
  return cachedRun;
}

export function findTarget(id: string): Target {
  const target = currentRun().targets.find((t) => t.id === id);
  if (!target) throw new Error(`Unknown target ${id} in run ${currentRun().runDir}`);
  return target;
}

interface WorkerFixtures {
  erhTarget: string;
  /** Browsers and driver processes (Xvfb, WebKitWebDriver, Appium) of this worker, stopped when it ends. */
  devices: DeviceRuntime;
}

export const test = base.extend<{ gather: (suite: Suite, target?: Target) => Promise<Evidence> }, WorkerFixtures>({
  erhTarget: ['', { option: true, scope: 'worker' }],
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
  gather: async ({ erhTarget, devices }, use, testInfo) => {
    await use((suite, explicit) => gather(suite, explicit ?? findTarget(erhTarget), devices, testInfo));
  },
});

/** Evidence for a suite that did not run: not applicable to the target, or the device is not available here. */
function notRunEvidence(target: Target, suite: Suite, reason: string, attempt: number, unavailable?: true): Evidence {
  return envelope(
    { target, suite, startedAt: new Date(), browserVersion: 'n/a', attempt },
    { status: 'not-applicable', reason, steps: [], ...(unavailable ? { deviceUnavailable: unavailable } : {}) },
  );
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

async function gather(suite: Suite, target: Target, devices: DeviceRuntime, testInfo: TestInfo): Promise<Evidence> {
  const run = currentRun();
  const redactor = new Redactor(allSecrets(run.config.services));
  const earlier = existingEvidence(run.runDir, target, suite);
  // `erh run --resume`: a cell whose gathering finished (whatever the vendor did) is kept as it is;
  // only missing cells and harness errors are gathered again.
  if (process.env.ERH_RESUME === '1' && earlier && !regather(earlier)) {
    await testInfo.attach('erh-evidence', { path: evidencePath(run.runDir, earlier), contentType: 'application/json' });
    testInfo.annotations.push({ type: 'resumed', description: 'gathered before the run was interrupted' });
    return earlier;
  }
  // A retry (Playwright's, after a harness error, or a resumed run's) records the earlier attempts.
  const previous = earlier?.status === 'harness-error'
    ? [...(earlier.previousAttempts ?? []), { attempt: earlier.attempt, status: earlier.status, ...(earlier.reason ? { reason: earlier.reason } : {}) }]
    : [];
  const attempt = Math.max(testInfo.retry + 1, (previous.at(-1)?.attempt ?? 0) + 1);
  const withHistory = (e: Evidence): Evidence => (previous.length > 0 ? { ...e, previousAttempts: previous } : e);
  // A suite the service does not take part in (service YAML `suites:`, or login for an open-access service) is not
  // applicable, no browser needed; the matrix owns the rule (performance's capability case is decided by its gatherer).
  const skipped = suite === 'performance' ? undefined : notApplicableReason(target, suite);
  if (skipped !== undefined) {
    const evidence = notRunEvidence(target, suite, skipped, attempt);
    const file = writeEvidence(run.runDir, evidence, redactor);
    await testInfo.attach('erh-evidence', { path: file, contentType: 'application/json' });
    return evidence;
  }
  // The harness failed: record it as such (never as a vendor result) and fail the test, so that it is retried.
  const harnessFailure = async (e: unknown): Promise<never> => {
    const failed = envelope(
      { target, suite, startedAt: new Date(), browserVersion: 'unknown', attempt },
      { status: 'harness-error', reason: redactor.text((e as Error).message.split('\n')[0] ?? 'unknown error'), steps: [] },
    );
    const file = writeEvidence(run.runDir, withHistory(failed), redactor);
    await testInfo.attach('erh-evidence', { path: file, contentType: 'application/json' });
    // Playwright prints the error (the terminal, its report): redacted like everything else.
    if (e instanceof Error) {
      e.message = redactor.text(e.message);
      if (e.stack !== undefined) e.stack = redactor.text(e.stack);
    }
    throw e;
  };
  // Every suite needs the device: performance times the journey on every engine (Lighthouse only on Chromium).
  // An installed local browser that does not start is a harness error (retried), not a missing device.
  const acquired = await devices.acquire(target.device).catch(harnessFailure);
  if (!acquired.ok) {
    // Not a vendor result and not a harness failure: this machine lacks the device. Recorded, shown, the run goes on.
    const reason = redactor.text(`Device not available on this machine (${acquired.via}): ${acquired.reason}.${acquired.hint ? ` To add it: ${acquired.hint}.` : ''} See erh doctor.`);
    const evidence = notRunEvidence(target, suite, reason, attempt, true);
    const file = writeEvidence(run.runDir, evidence, redactor);
    await testInfo.attach('erh-evidence', { path: file, contentType: 'application/json' });
    testInfo.annotations.push({ type: 'skipped-device', description: reason });
    return evidence;
  }
  const kit: GatherKit = {
    target,
    redactor,
    artifacts: artifactsFor(run.runDir, target.id),
    patron: (role) => resolvePatron(target.service, role, `services/${target.service.id}.yaml`),
    openSession: acquired.open,
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
    ...(suite === 'performance' ? { progress: (m: string) => process.stdout.write(`    · ${target.id} ${m}\n`) } : {}),
  };
  let evidence: Evidence;
  try {
    if (suite === 'performance') {
      evidence = await GATHERERS[suite](kit, attempt);
    } else {
      // The harness's own budget, inside Playwright's test timeout (the last resort, which would close the
      // session under the gatherer and leave only the closed session's error to report).
      const budget = gatherBudgetMs(target.service, suite);
      testInfo.setTimeout(budget + 60_000);
      evidence = await withinBudget(`Gathering ${suite} for ${target.id}`, budget, GATHERERS[suite](kit, attempt));
    }
  } catch (e) {
    return harnessFailure(e);
  }
  const closed = closedUnderProbes(evidence);
  if (closed) return harnessFailure(new Error(`${target.id}: gathering was cut short by the harness — ${closed}`));
  evidence = withHistory(evidence);
  const file = writeEvidence(run.runDir, evidence, redactor);
  await testInfo.attach('erh-evidence', { path: file, contentType: 'application/json' });
  return evidence;
}
