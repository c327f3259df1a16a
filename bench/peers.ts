/**
 * Side by side with peer tools, each pair of tools on the same demo pages, in one run:
 *
 *  (a) accessibility, on the pages the demo's accessibility pass audits without logging in (each
 *      vendor's journey up to its first login: landing, search results, item page): our pass as the
 *      harness runs it (one Chromium; a fresh context per vendor, its pages walked in that context;
 *      axe-core with our tags — and, on a second line, with the beyond-axe probes too) against
 *      pa11y-ci with its axe runner, as pa11y-ci runs by default (a new incognito context per URL,
 *      one URL at a time);
 *  (b) performance, on the vendors' landing pages: our Lighthouse collection (src/gather/lighthouse.ts:
 *      one Chrome, N runs per page in sequence) against Lighthouse CI's `lhci collect` at the same
 *      number of runs.
 *
 * Printed: wall time per page and the ratio, each tool's score spread over repeated runs
 * (coefficient of variation of the violation count / of the Lighthouse performance score, mean over
 * pages), and our overhead above the serial Lighthouse floor (runs × pages × one standalone run).
 *
 * The peer tools live in bench/peers/package.json, installed from the npm registry by
 * `npm run bench:setup` (or here, when missing) with PUPPETEER_SKIP_DOWNLOAD=1: they drive Debian's
 * /usr/bin/chromium with the no-sandbox and quiet-network flags, never a downloaded Chrome.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coefficientOfVariation, mean } from '../src/scoring/index.ts';
import { runAxe } from '../src/gather/axe.ts';
import { runA11yProbes } from '../src/gather/a11y/index.ts';
import { artifactsFor } from '../src/journey/artifacts.ts';
import { runLighthouse } from '../src/gather/lighthouse.ts';
import { walkJourney } from '../src/journey/walk.ts';
import { loginStepIndex } from '../src/gather/performance.ts';
import { Redactor } from '../src/config/secrets.ts';
import { chromiumArgs } from '../src/session/browsers.ts';
import { PlaywrightSession, launchBrowser } from '../src/session/playwright.ts';
import type { Device, Service } from '../src/core/config.ts';

const PEERS = join(import.meta.dirname, 'peers');
const BIN = (name: string) => join(PEERS, 'node_modules', '.bin', name);

function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd: options.cwd ?? PEERS, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr, seconds: (performance.now() - t) / 1000 }));
  });
}

const PEER_ENV = { PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium' };

/** Installs the peer tools from the npm registry when they are missing (npm ci against bench/peers/package-lock.json). */
export async function setupPeers(log: (l: string) => void = console.log): Promise<void> {
  if (existsSync(BIN('pa11y-ci')) && existsSync(BIN('lhci'))) return;
  log('bench: installing the peer tools (pa11y-ci, @lhci/cli) into bench/peers from the npm registry…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = await run(npm, [existsSync(join(PEERS, 'package-lock.json')) ? 'ci' : 'install', '--no-audit', '--no-fund'], { env: PEER_ENV });
  if (r.code !== 0) throw new Error(`npm could not install bench/peers:\n${r.stderr.slice(-2000)}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;
const cvText = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)} %`);

interface Side {
  name: string;
  /** Wall time of each repetition over all pages, s. */
  seconds: number[];
  /** Per page, the scores of the repetitions (violation count, or Lighthouse score). */
  scores: Map<string, number[]>;
  note?: string;
}

function spreadOf(side: Side): number | null {
  const cvs = [...side.scores.values()].map((s) => coefficientOfVariation(s) ?? (s.length > 1 ? 0 : Number.NaN));
  return mean(cvs);
}

/** A vendor's pages, audited in one browser context (as the harness audits a target's page states). */
export interface VendorPages {
  service: string;
  urls: string[];
}

/**
 * The pages each service's journey reaches before its first login (the public page states the
 * harness audits), found by walking the journey once on the given device. A step that fails ends
 * that service's list; a service with no page reached is left out.
 */
export async function publicPages(services: readonly Service[], device: Device): Promise<VendorPages[]> {
  const browser = await launchBrowser(device);
  const artifactsDir = mkdtempSync(join(tmpdir(), 'erh-bench-pages-'));
  const out: VendorPages[] = [];
  try {
    for (const service of services) {
      const firstLogin = loginStepIndex(service);
      const journey = firstLogin < 0 ? service.journey : service.journey.slice(0, firstLogin);
      const session = await PlaywrightSession.open(browser, device);
      try {
        const walk = await walkJourney(
          {
            session,
            service: { ...service, journey },
            redactor: new Redactor([]),
            artifacts: artifactsFor(artifactsDir, service.id),
            actionTimeoutMs: 10_000,
            navigationTimeoutMs: 30_000,
            // Public pages only: the journey is cut before its first login, and nothing typed needs masking.
            mask: [],
          },
          { suite: 'bench' },
        );
        const urls = [...new Set(walk.steps.filter((s) => s.ok).map((s) => s.url))];
        if (urls.length > 0) out.push({ service: service.id, urls });
      } finally {
        await session.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function ourAccessibility(vendors: VendorPages[], device: Device, reps: number, probes: boolean): Promise<Side> {
  const side: Side = { name: probes ? 'erh (axe + beyond-axe probes)' : 'erh (axe, our tags)', seconds: [], scores: new Map() };
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    const browser = await launchBrowser(device);
    try {
      for (const vendor of vendors) {
        // Vendors never share a context; a vendor's pages share one, as in the harness's pass.
        const session = await PlaywrightSession.open(browser, device);
        try {
          for (const url of vendor.urls) {
            await session.goto(url, 30_000);
            const axe = await runAxe(session, 'page', url);
            if (probes) await runA11yProbes(session);
            side.scores.set(url, [...(side.scores.get(url) ?? []), axe.violations.reduce((n, v) => n + v.nodes.length, 0)]);
          }
        } finally {
          await session.close();
        }
      }
    } finally {
      await browser.close();
    }
    side.seconds.push((performance.now() - t) / 1000);
  }
  return side;
}

async function pa11yCi(urls: string[], reps: number): Promise<Side> {
  const side: Side = { name: 'pa11y-ci 4 (axe runner)', seconds: [], scores: new Map() };
  const dir = mkdtempSync(join(tmpdir(), 'erh-pa11y-'));
  const config = join(dir, '.pa11yci.json');
  writeFileSync(
    config,
    JSON.stringify({
      defaults: {
        runners: ['axe'],
        standard: 'WCAG2AA',
        timeout: 60_000,
        chromeLaunchConfig: { executablePath: '/usr/bin/chromium', args: ['--headless=new', ...chromiumArgs(), '--no-sandbox'] },
      },
      urls,
    }),
  );
  for (let r = 0; r < reps; r++) {
    const out = await run(process.execPath, [BIN('pa11y-ci'), '--config', config, '--json'], { env: PEER_ENV, cwd: dir });
    side.seconds.push(out.seconds);
    let parsed: { results?: Record<string, unknown[]> } = {};
    try {
      parsed = JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as typeof parsed;
    } catch {
      side.note = `pa11y-ci exited ${out.code}: ${out.stderr.slice(-300)}`;
    }
    for (const url of urls) {
      // pa11y-ci keys its results by the normalised URL (a trailing slash added to a bare origin).
      const issues = (parsed.results?.[url] ?? parsed.results?.[new URL(url).href]) as Array<{ type?: string; message?: string }> | undefined;
      if (!Array.isArray(issues)) {
        side.note = `no pa11y-ci result for ${url} (exit ${out.code}): ${out.stdout.slice(0, 200)}${out.stderr.slice(-200)}`;
        continue;
      }
      // A page pa11y-ci could not test is reported as one entry with only a message (e.g. a navigation timeout).
      const failed = issues.find((i) => i.type === undefined);
      if (failed) side.note = `pa11y-ci could not test ${url}: ${failed.message ?? 'unknown error'}`;
      else side.scores.set(url, [...(side.scores.get(url) ?? []), issues.length]);
    }
  }
  return side;
}

async function ourPerformance(urls: string[], runs: number, reps: number): Promise<Side> {
  const side: Side = { name: 'erh (src/gather/lighthouse.ts)', seconds: [], scores: new Map() };
  const dir = mkdtempSync(join(tmpdir(), 'erh-bench-lh-'));
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    const { pages } = await runLighthouse({
      chromePath: '/usr/bin/chromium',
      formFactor: 'desktop',
      pages: urls.map((url, i) => ({ step: `page${i}`, url })),
      runs,
      artifacts: artifactsFor(dir, `rep${r}`),
      redactor: new Redactor([]),
    });
    side.seconds.push((performance.now() - t) / 1000);
    for (const [i, p] of pages.entries()) {
      const url = urls[i] as string;
      side.scores.set(url, [...(side.scores.get(url) ?? []), ...p.runs.flatMap((x) => (x.score === null ? [] : [x.score]))]);
    }
  }
  return side;
}

async function lhciCollect(urls: string[], runs: number, reps: number): Promise<Side> {
  const side: Side = { name: 'Lighthouse CI collect', seconds: [], scores: new Map() };
  for (let r = 0; r < reps; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'erh-lhci-'));
    const out = await run(
      process.execPath,
      [
        BIN('lhci'),
        'collect',
        ...urls.map((u) => `--url=${u}`),
        `--numberOfRuns=${runs}`,
        '--chromePath=/usr/bin/chromium',
        '--settings.preset=desktop',
        '--settings.onlyCategories=performance',
        `--settings.chromeFlags=--headless=new ${[...chromiumArgs(), '--no-sandbox'].join(' ')}`,
      ],
      { cwd: dir, env: PEER_ENV },
    );
    side.seconds.push(out.seconds);
    const lhrDir = join(dir, '.lighthouseci');
    if (out.code !== 0 || !existsSync(lhrDir)) {
      side.note = `lhci collect exited ${out.code}: ${(out.stderr || out.stdout).slice(-300)}`;
      continue;
    }
    for (const f of readdirSync(lhrDir).filter((x) => x.startsWith('lhr-') && x.endsWith('.json'))) {
      const lhr = JSON.parse(readFileSync(join(lhrDir, f), 'utf8')) as { requestedUrl: string; categories: { performance?: { score: number | null } } };
      const url = urls.find((u) => u === lhr.requestedUrl) ?? lhr.requestedUrl;
      const score = lhr.categories.performance?.score;
      if (typeof score === 'number') side.scores.set(url, [...(side.scores.get(url) ?? []), score]);
    }
  }
  const version = (JSON.parse(readFileSync(join(PEERS, 'node_modules', '@lhci', 'cli', 'package.json'), 'utf8')) as { version: string }).version;
  const lh = (JSON.parse(readFileSync(join(PEERS, 'node_modules', 'lighthouse', 'package.json'), 'utf8')) as { version: string }).version;
  side.name = `Lighthouse CI ${version} collect (Lighthouse ${lh})`;
  return side;
}

export interface PeerBenchOptions {
  /** The demo's services, their baseUrl where the demo world serves them: the landing pages for (b), their public journey pages for (a). */
  services: readonly Service[];
  device: Device;
  /** Lighthouse runs per page, both tools. */
  runs: number;
  /** One standalone Lighthouse run (Chrome launch + audit), s: the floor's unit. */
  oneLighthouseRun: number;
  /** Repetitions of each accessibility pass. */
  reps?: number;
}

export async function peerBench(options: PeerBenchOptions): Promise<Array<[string, string, string]>> {
  await setupPeers();
  const { runs } = options;
  const reps = options.reps ?? 3;
  const urls = options.services.map((s) => s.baseUrl);
  const pages = urls.length;
  const vendors = await publicPages(options.services, options.device);
  const a11yUrls = vendors.flatMap((v) => v.urls);
  console.log(`bench: accessibility, erh vs pa11y-ci, ${a11yUrls.length} pages (${vendors.length} vendors' journeys up to login) × ${reps} repetitions…`);
  const oursAxe = await ourAccessibility(vendors, options.device, reps, false);
  const oursFull = await ourAccessibility(vendors, options.device, reps, true);
  const pa11y = await pa11yCi(a11yUrls, reps);
  console.log(`bench: performance, erh vs lhci collect, ${pages} landing pages × ${runs} runs…`);
  const oursLh = await ourPerformance(urls, runs, 1);
  const lhci = await lhciCollect(urls, runs, 1);

  const perPage = (s: Side) => median(s.seconds) / a11yUrls.length;
  const rows: Array<[string, string, string]> = [];
  const a11yRatio = perPage(pa11y) / perPage(oursAxe);
  rows.push([`a11y per page: ${oursAxe.name}`, `${perPage(oursAxe).toFixed(2)} s`, `violations CV ${cvText(spreadOf(oursAxe))}`]);
  rows.push([`a11y per page: ${oursFull.name}`, `${perPage(oursFull).toFixed(2)} s`, `violations CV ${cvText(spreadOf(oursFull))}`]);
  rows.push([`a11y per page: ${pa11y.name}`, `${perPage(pa11y).toFixed(2)} s`, `issues CV ${cvText(spreadOf(pa11y))}${pa11y.note ? ` (${pa11y.note})` : ''}`]);
  rows.push(['a11y speed-up vs pa11y-ci (axe only)', `${a11yRatio.toFixed(2)}×`, `target ≥ 2× ${a11yRatio >= 2 ? '✓' : '✗'}; with probes ${(perPage(pa11y) / perPage(oursFull)).toFixed(2)}×`]);
  rows.push(['a11y pages audited', `${a11yUrls.length}`, vendors.map((v) => `${v.service}: ${v.urls.map((u) => new URL(u).pathname + new URL(u).search).join(' ')}`).join('; ')]);
  const ourT = median(oursLh.seconds);
  const lhciT = median(lhci.seconds);
  const ourCv = spreadOf(oursLh);
  const lhciCv = spreadOf(lhci);
  rows.push([`perf: ${oursLh.name}`, `${ourT.toFixed(1)} s`, `score CV ${cvText(ourCv)} (${runs} runs × ${pages} pages)`]);
  rows.push([`perf: ${lhci.name}`, `${lhciT.toFixed(1)} s`, `score CV ${cvText(lhciCv)}${lhci.note ? ` (${lhci.note})` : ''}`]);
  rows.push(['perf time erh / lhci', `${(ourT / lhciT).toFixed(2)}×`, `target ≤ 1.0× ${ourT / lhciT <= 1 ? '✓' : '✗'}; spread ${ourCv !== null && lhciCv !== null && ourCv <= lhciCv ? 'no larger ✓' : 'larger ✗'}`]);
  const floor = runs * pages * options.oneLighthouseRun;
  rows.push(['perf overhead above serial floor', `${(((ourT - floor) / floor) * 100).toFixed(0)} %`, `floor ${floor.toFixed(1)} s = ${runs} runs × ${pages} pages × ${options.oneLighthouseRun.toFixed(1)} s`]);
  return rows;
}

// `node bench/peers.ts --setup` installs the peer tools only (npm run bench:setup); `node bench/peers.ts`
// runs the side-by-side part alone on an ephemeral demo world (npm run bench:peers).
if (import.meta.main) {
  if (process.argv.includes('--setup')) await setupPeers();
  else {
    const { startDemoWorld } = await import('../fixtures/world.ts');
    const { loadConfig } = await import('../src/config/load.ts');
    const { runTmpDir } = await import('../test/support/tmp-dir.ts');
    const tmp = runTmpDir('erh-bench-run-', 'ERH_KEEP_BENCH_TMP');
    const world = await startDemoWorld({ ports: 'ephemeral' });
    try {
      const config = loadConfig({ root: join(import.meta.dirname, '..') });
      const desktop = config.devices.find((d) => d.engine === 'chromium' && d.formFactor === 'desktop' && d.driver === 'playwright') ?? config.devices[0]!;
      // The demo world runs on ephemeral ports here: point each service at its vendor's.
      const services = config.services.flatMap((s) => {
        const url = world.urls[s.id as keyof typeof world.urls];
        return url ? [{ ...s, baseUrl: url }] : [];
      });
      const urls = services.map((s) => s.baseUrl);
      const runs = config.profile.runs.lighthouse;
      // The floor's unit: one standalone Lighthouse run, Chrome launch included (median of 3).
      const single: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await runLighthouse({ chromePath: '/usr/bin/chromium', formFactor: 'desktop', pages: [{ step: 'one', url: urls[0] as string }], runs: 1, artifacts: artifactsFor(mkdtempSync(join(tmpdir(), 'erh-one-')), 'one'), redactor: new Redactor([]) });
        single.push((performance.now() - t) / 1000);
      }
      const rows = await peerBench({ services, device: desktop, runs, oneLighthouseRun: median(single) });
      console.log(`\nbench: side by side with peer tools (same demo pages; one Lighthouse run ${median(single).toFixed(1)} s)`);
      for (const [name, value, note] of rows) console.log(`  ${name.padEnd(52)} ${value.padStart(10)}   ${note}`);
    } finally {
      await world.stop();
      tmp.remove();
    }
  }
}
