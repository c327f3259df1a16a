/**
 * Thin: one Playwright project per target (`service@device`) running the login suite and the
 * accessibility and compatibility suites (one walk of the journey: suites/walk.spec.ts) in parallel,
 * and one `performance` project (Lighthouse) that runs after all of them with a single worker, so
 * measurements never overlap other browser work. erh's own gathering phase runs the same tests in one
 * project per device instead (a worker serves every target of its device; suites/tags.ts).
 *
 *   npx playwright test --project='kirjava@desktop-chromium'   # one target's gathering suites
 *   npx playwright test                                        # everything, performance last
 *
 * `erh run` runs the two phases as separate invocations (ERH_PHASE=gather, then performance) so that
 * a harness failure on one target never cancels Lighthouse for the others.
 */
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { join } from 'node:path';
import { prepareRunFromEnv } from './src/reporting/playwright-setup.ts';
import { PERFORMANCE_PROJECT } from './src/reporting/reporter.ts';
import { deviceTag, taggedWith, targetTag } from './suites/tags.ts';

const run = prepareRunFromEnv();
const phase = process.env.ERH_PHASE ?? 'all';
const targetIds = run.targets.map((t) => t.id);

const gatherSpecs = /(login|walk|content)\.spec\.ts$/;
// A person's run: one project per target (`--project=kirjava@desktop-chromium`).
const targetProjects = targetIds.map((id) => ({ name: id, testMatch: gatherSpecs, grep: taggedWith(targetTag(id)) }));
// erh's gathering phase: one project per device, its tests spread over the workers (fullyParallel) — a worker process,
// its imports and its browser serve every target of the device, instead of starting anew for each target.
const deviceProjects = [...new Set(run.targets.map((t) => t.device.id))].map((id) => ({
  name: id,
  testMatch: gatherSpecs,
  grep: taggedWith(deviceTag(id)),
  fullyParallel: true,
}));
// One test per target, one worker; fullyParallel so that `--shard` splits the targets' measurements between the shards
// (as one group, every measurement fell to the first shard).
const performanceProject = {
  name: PERFORMANCE_PROJECT,
  testMatch: /performance\.spec\.ts$/,
  workers: 1,
  fullyParallel: true,
  timeout: 15 * 60_000,
  dependencies: phase === 'all' ? targetIds : [],
};

// Run by a person (`npx playwright test`), Playwright's list reporter prints beside erh's; erh itself
// (ERH_PARENT_PID) prints its own progress. A --reporter option on the command line replaces both.
// `--list` runs nothing: only the list reporter, so no scorecard is written for a run that did not happen.
const listing = process.argv.includes('--list');
const reporters: PlaywrightTestConfig['reporter'] = [
  ...(!process.env.ERH_PARENT_PID ? [['list'] as ['list']] : []),
  ...(listing ? [] : [['./src/reporting/reporter.ts'] as [string]]),
];
if (process.env.ERH_BLOB_DIR) reporters.push(['blob', { outputDir: process.env.ERH_BLOB_DIR }]);

export default defineConfig({
  testDir: './suites',
  outputDir: join(run.runDir, 'playwright'),
  workers: Number(process.env.ERH_WORKERS ?? 2),
  // A retry is for the harness (a browser that crashed), recorded as the evidence's attempt number.
  retries: Number(process.env.ERH_RETRIES ?? 1),
  timeout: 3 * 60_000,
  forbidOnly: !!process.env.CI,
  reporter: reporters,
  // The scorecard of a run no erh CLI drives: written after the tests, whatever the reporters.
  globalTeardown: './src/reporting/playwright-teardown.ts',
  use: { trace: 'off', screenshot: 'off', video: 'off' },
  projects: phase === 'gather' ? deviceProjects : phase === 'performance' ? [performanceProject] : [...targetProjects, performanceProject],
});
