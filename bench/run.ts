/**
 * npm run bench — figures for the demo run, printed (targets are documented, not asserted):
 *  - wall time of the full demo (all services × devices × 4 suites), target ≤ 5 min on 2 cores;
 *  - the serial Lighthouse floor estimated as runs × pages × one standalone Lighthouse run (Chrome
 *    launch + audit, median of 3, measured here on the same machine);
 *  - the measurement floor read from the demo run's own evidence (bench/floor.ts): every Lighthouse
 *    run and every timed walk, each of which ran alone; target: demo wall time ≤ 1.3 × that floor;
 *    and the gathering time per target;
 *  - peak memory of the whole process tree (harness, workers, browsers) as PSS — shared pages divided
 *    among the processes sharing them, what the run takes from the machine — with the RSS sum beside
 *    it (which counts Chromium's shared pages once per process); target ≤ 2 GB;
 *  - time for all accessibility checks on one page state (axe with every tag + the beyond-axe probes:
 *    Tab walk, reflow, text resize and spacing, targets, language, media), target ≤ 3 s;
 *  - the accessibility corpus (bench/a11y-corpus.ts): recall and false alarms per source and combined;
 *  - side by side with peer tools (bench/peers.ts): our accessibility pass vs pa11y-ci (axe runner),
 *    our Lighthouse collection vs `lhci collect` at the same runs: time ratios, score spread (CV),
 *    our overhead above the serial Lighthouse floor.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright';
import { startDemoWorld } from '../fixtures/world.ts';
import { loadConfig } from '../src/config/load.ts';
import { measureAccessibilityState } from '../src/gather/a11y/index.ts';
import { LIGHTHOUSE_FLAGS } from '../src/gather/lighthouse.ts';
import { buildMatrix } from '../src/matrix/targets.ts';
import { chromiumArgs, findBrowser } from '../src/session/browsers.ts';
import { PlaywrightSession, launchBrowser } from '../src/session/playwright.ts';
import { samplePeak, type TreeMemory } from './proctree.ts';
import { peerBench } from './peers.ts';
import { runTmpDir } from '../test/support/tmp-dir.ts';
import { manyVendorsBench } from './many-vendors.ts';
import { runFloor } from './floor.ts';
import { corpusBench } from './a11y-corpus.ts';

const ROOT = join(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const fmt = (s: number) => `${s.toFixed(1)} s`;

async function oneLighthouseRun(url: string, chromePath: string): Promise<number> {
  const t = performance.now();
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs()], logLevel: 'silent' });
  try {
    await lighthouse(url, { ...LIGHTHOUSE_FLAGS, port: chrome.port }, desktopConfig);
  } finally {
    chrome.kill();
  }
  return (performance.now() - t) / 1000;
}

/** One page state examined as the accessibility suite does (axe, the other engines, probes), 3 times in fresh contexts. */
async function accessibilityTime(url: string): Promise<Array<{ axe: number; engines: number; probes: number; total: number }>> {
  const config = loadConfig({ root: ROOT });
  const device = config.devices.find((d) => d.engine === 'chromium' && d.formFactor === 'desktop') ?? config.devices[0]!;
  const browser = await launchBrowser(device);
  try {
    const times: Array<{ axe: number; engines: number; probes: number; total: number }> = [];
    for (let i = 0; i < 3; i++) {
      const session = await PlaywrightSession.open(browser, device);
      await session.goto(url, 30_000);
      const m = await measureAccessibilityState(session, 'landing', url);
      const engines = Object.values(m.enginesMs).reduce((a, b) => a + b, 0) / 1000;
      times.push({ axe: m.axeMs / 1000, engines, probes: m.probesMs / 1000, total: m.totalMs / 1000 });
      await session.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

function runDemo(env: NodeJS.ProcessEnv, reports: string): Promise<{ seconds: number; peak: TreeMemory; code: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/erh.js'), 'run', '--config', ROOT, '--reports', reports], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const sampler = samplePeak(child.pid!);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ seconds: (performance.now() - t) / 1000, peak: sampler.stop(), code: code ?? 1 }));
  });
}

// Every temporary file of the bench in one directory, removed at the end (ERH_KEEP_BENCH_TMP=1 keeps it).
const tmp = runTmpDir('erh-bench-run-', 'ERH_KEEP_BENCH_TMP');
const world = await startDemoWorld();
try {
  const config = loadConfig({ root: ROOT });
  const targets = buildMatrix(config.services, config.devices).filter((t) => t.capabilities.lighthouse);
  const pages = targets.reduce((n, t) => n + t.service.journey.filter((s) => s.lighthouse).length, 0);
  const runs = config.profile.runs.lighthouse;
  const chromePath = findBrowser('chromium', undefined, chromium.executablePath())?.executablePath ?? chromium.executablePath();
  const landing = world.urls.kirjava ?? Object.values(world.urls)[0]!;

  console.log('bench: one standalone Lighthouse run (Chrome launch + audit), 3 times…');
  const single: number[] = [];
  for (let i = 0; i < 3; i++) single.push(await oneLighthouseRun(landing, chromePath));
  const one = median(single);
  const floor = runs * pages * one;

  console.log('bench: all accessibility checks on one page state (axe, all tags, + beyond-axe probes), 3 times…');
  const a11y = await accessibilityTime(landing);
  const a11yTotal = median(a11y.map((x) => x.total));

  console.log(`bench: the full demo run (${config.services.length} services × ${config.devices.length} devices × 4 suites)…`);
  const demoReports = mkdtempSync(join(tmpdir(), 'erh-bench-'));
  const demo = await runDemo(world.env, demoReports);
  const demoRun = readdirSync(demoReports).find((d) => d !== 'latest');
  const measured = demoRun ? runFloor(join(demoReports, demoRun)) : undefined;
  const measuredFloor = measured ? measured.lighthouse + measured.walks : NaN;

  const gb = (demo.peak.pss ?? demo.peak.rss) / 2 ** 30;
  const rows: Array<[string, string, string]> = [
    ['demo wall time', fmt(demo.seconds), `target ≤ 300 s ${demo.seconds <= 300 ? '✓' : '✗'}`],
    ['one Lighthouse run (median of 3)', fmt(one), `runs: ${single.map((s) => s.toFixed(1)).join(', ')}`],
    ['serial Lighthouse floor (estimate)', fmt(floor), `${runs} runs × ${pages} pages × ${one.toFixed(1)} s`],
    [
      'measurement floor (the run\'s evidence)',
      fmt(measuredFloor),
      measured
        ? `Lighthouse ${fmt(measured.lighthouse)} (${measured.lighthouseRuns} runs) + timed walks ${fmt(measured.walks)} (${measured.walkRuns} walks), each alone`
        : 'no run directory',
    ],
    [
      'wall time / measurement floor',
      `${(demo.seconds / measuredFloor).toFixed(2)}×`,
      `target ≤ 1.3× ${demo.seconds / measuredFloor <= 1.3 ? '✓' : '✗'}`,
    ],
    [
      `peak memory (process tree, ${demo.peak.pss === null ? 'RSS' : 'PSS'})`,
      `${gb.toFixed(2)} GiB`,
      `target ≤ 2 GiB ${gb <= 2 ? '✓' : '✗'}; RSS summed over processes ${(demo.peak.rss / 2 ** 30).toFixed(2)} GiB (counts shared pages once per process)`,
    ],
    ['accessibility, one page state (median of 3)', fmt(a11yTotal), `axe ${fmt(median(a11y.map((x) => x.axe)))} + other engines ${fmt(median(a11y.map((x) => x.engines)))} + probes ${fmt(median(a11y.map((x) => x.probes)))}; target ≤ 3 s ${a11yTotal <= 3 ? '✓' : '✗'}`],
  ];
  console.log('\nbench results');
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(36)} ${value.padStart(10)}   ${note}`);
  if (demo.code !== 0) console.log(`  (the demo run exited ${demo.code})`);
  if (measured) {
    console.log('\nbench: gathering time per target (login, accessibility, compatibility evidence, start to finish)');
    for (const g of measured.gathering) {
      const parts = Object.entries(g.suites).map(([suite, sec]) => `${suite} ${fmt(sec)}`).join(', ');
      console.log(`  ${g.target.padEnd(36)} ${fmt(g.seconds).padStart(10)}   ${parts}`);
    }
  }
  // Side by side with pa11y-ci and Lighthouse CI on the same demo pages (journey pages up to login for
  // accessibility, the landing pages for Lighthouse).
  const desktop = config.devices.find((d) => d.engine === 'chromium' && d.formFactor === 'desktop' && d.driver === 'playwright') ?? config.devices[0]!;
  const peerRows = await peerBench({ services: config.services, device: desktop, runs, oneLighthouseRun: one });
  console.log('\nbench: side by side with peer tools (same demo pages)');
  for (const [name, value, note] of peerRows) console.log(`  ${name.padEnd(52)} ${value.padStart(10)}   ${note}`);
  await manyVendorsBench(world);
  await corpusBench();
} finally {
  await world.stop();
  tmp.remove();
}
