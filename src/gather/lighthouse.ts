/**
 * Lighthouse on Chromium: one Chrome per target (launched by chrome-launcher), each page warmed up
 * by one unmeasured load and then run N times in sequence, never concurrently with other
 * browser work (the performance phase runs alone with one worker). Lighthouse's standard mobile or
 * desktop settings are used so that every vendor is measured identically. The median run's full
 * report is kept next to the evidence.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { removeChromeProfile } from './chrome-profile.ts';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import type LighthouseRunner from 'lighthouse';
import type { LighthouseRun, PerformancePage } from '../core/evidence.ts';
import { HarnessError } from '../core/errors.ts';
import { chromiumArgs } from '../session/browsers.ts';
import type { SessionCookie } from '../session/types.ts';
import type { Redactor } from '../config/secrets.ts';
import type { HttpCredentials } from '../core/config.ts';
import type { Artifacts } from '../journey/artifacts.ts';
import { containReport, redactResult } from './lighthouse-report.ts';

const require = createRequire(import.meta.url);
export const LIGHTHOUSE_VERSION = (require('lighthouse/package.json') as { version: string }).version;

export interface LighthousePageRequest {
  step: string;
  url: string;
  /**
   * The logged-in session's cookies, for a page behind the login: they are set in Lighthouse's
   * Chrome and Lighthouse's storage reset is turned off (it would delete them); the browser cache is
   * still cleared before every run, so each run loads the page cold like the public pages.
   */
  cookies?: SessionCookie[];
}

/** The DevTools protocol as used here: clearing the cache, and the Fetch domain's HTTP authentication. */
interface CdpSession {
  send(method: 'Network.clearBrowserCache' | 'Fetch.disable'): Promise<unknown>;
  send(
    method: 'Fetch.enable',
    params: { handleAuthRequests: true; patterns: Array<{ urlPattern: string }> },
  ): Promise<unknown>;
  send(method: 'Fetch.continueRequest', params: { requestId: string }): Promise<unknown>;
  send(
    method: 'Fetch.continueWithAuth',
    params: {
      requestId: string;
      authChallengeResponse:
        { response: 'ProvideCredentials'; username: string; password: string } | { response: 'CancelAuth' };
    },
  ): Promise<unknown>;
  on(event: 'Fetch.requestPaused', listener: (e: { requestId: string }) => void): void;
  on(
    event: 'Fetch.authRequired',
    listener: (e: {
      requestId: string;
      request: { url: string };
      authChallenge: { source?: 'Server' | 'Proxy' };
    }) => void,
  ): void;
  detach(): Promise<void>;
}

/** The few parts of puppeteer-core used here (its types are not reachable from the project root). */
interface PuppeteerPage {
  goto(url: string, options: { waitUntil: 'load'; timeout: number }): Promise<unknown>;
  setCookie(...cookies: Array<Record<string, unknown>>): Promise<void>;
  createCDPSession(): Promise<CdpSession>;
  close(): Promise<void>;
}
interface PuppeteerModule {
  connect(options: {
    browserURL: string;
    defaultViewport: null;
  }): Promise<{ newPage(): Promise<PuppeteerPage>; disconnect(): Promise<void> }>;
}

/** puppeteer-core as Lighthouse itself depends on it (so the protocol versions match). */
async function lighthousePuppeteer(): Promise<PuppeteerModule> {
  const lhRequire = createRequire(require.resolve('lighthouse/package.json'));
  const mod = (await import(pathToFileURL(lhRequire.resolve('puppeteer-core')).href)) as {
    default?: PuppeteerModule;
  } & PuppeteerModule;
  return mod.default ?? mod;
}

/** A tab of ours in Lighthouse's Chrome; `close` closes it and lets go of Chrome, never throwing. */
async function openTab(port: number): Promise<{ tab: PuppeteerPage; close(): Promise<void> }> {
  const puppeteer = await lighthousePuppeteer();
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  const tab = await browser.newPage().catch(async (e: unknown) => {
    await browser.disconnect().catch(() => undefined);
    throw e;
  });
  return {
    tab,
    close: async () => {
      await tab.close().catch(() => undefined);
      await browser.disconnect().catch(() => undefined);
    },
  };
}

/**
 * Answers the HTTP authentication challenges of the service's origin in Lighthouse's tab (service YAML
 * `httpAuth`), through the DevTools Fetch domain: only requests to that origin are paused (and continued at
 * once), a challenge from it gets the credentials, any other (another origin, a proxy) is cancelled. Chrome
 * negotiates the scheme (Basic or Digest). Returns the detach.
 */
async function answerHttpAuth(tab: PuppeteerPage, credentials: HttpCredentials): Promise<() => Promise<void>> {
  const cdp = await tab.createCDPSession();
  const { username, password, origin } = credentials;
  const ignore = () => undefined;
  cdp.on('Fetch.requestPaused', (e) => {
    void cdp.send('Fetch.continueRequest', { requestId: e.requestId }).catch(ignore);
  });
  cdp.on('Fetch.authRequired', (e) => {
    const ours = e.authChallenge.source !== 'Proxy' && new URL(e.request.url).origin === origin;
    void cdp
      .send('Fetch.continueWithAuth', {
        requestId: e.requestId,
        authChallengeResponse: ours
          ? { response: 'ProvideCredentials', username, password }
          : { response: 'CancelAuth' },
      })
      .catch(ignore);
  });
  await cdp.send('Fetch.enable', { handleAuthRequests: true, patterns: [{ urlPattern: `${origin}/*` }] });
  return async () => {
    await cdp.send('Fetch.disable').catch(ignore);
    await cdp.detach().catch(ignore);
  };
}

/**
 * The Lighthouse settings every audit uses (and the benchmark's floor): the performance category
 * only, with Lighthouse's own throttling and waits. The full-page screenshot is turned off: it only
 * illustrates the report's element list, weighs nothing in the score and costs about 1.3 s a run
 * (measured on these 2-core machines: 6.4 s → 5.2 s per run of a demo page).
 */
export const LIGHTHOUSE_FLAGS: {
  output: 'json';
  logLevel: 'error';
  onlyCategories: string[];
  disableFullPageScreenshot: boolean;
} = {
  output: 'json',
  logLevel: 'error',
  onlyCategories: ['performance'],
  disableFullPageScreenshot: true,
};

type LhResult = NonNullable<Awaited<ReturnType<typeof LighthouseRunner>>>['lhr'];

/**
 * Lighthouse's module graph takes about a second to load: loaded when a run measures a page, so that the gathering
 * workers (which never run Lighthouse) do not pay for it.
 */
let lighthouseModule: Promise<typeof import('lighthouse')> | undefined;
const loadLighthouse = (): Promise<typeof import('lighthouse')> => (lighthouseModule ??= import('lighthouse'));

function metric(lhr: LhResult, id: string): number | null {
  const v = lhr.audits[id]?.numericValue;
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null;
}

/** The render-blocking requests of a run (Lighthouse 13's render-blocking insight table). */
function renderBlockingOf(lhr: LhResult): NonNullable<LighthouseRun['renderBlocking']> {
  const details = lhr.audits['render-blocking-insight']?.details as
    { items?: Array<Record<string, unknown>> } | undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : null);
  return (details?.items ?? [])
    .filter((i) => typeof i['url'] === 'string')
    .map((i) => ({ url: i['url'] as string, wastedMs: num(i['wastedMs']), totalBytes: num(i['totalBytes']) }));
}

/**
 * One unmeasured load of a page before its first run. The first load of a page in a Chrome is slower
 * for reasons that have nothing to do with the vendor and that Lighthouse's cache reset between runs
 * does not undo (measured on kuunteli's landing page, 3 runs in one Chrome: first run FCP 1937 ms and
 * score 0.71, then FCP ≈ 1830 ms and 0.73 — also when another page had been loaded first; after this
 * warm-up load, 0.73 from the first run on). A logged-in page is warmed in its own tab, with the
 * session's cookies. A failure here is ignored: the measured runs record whatever is wrong with the
 * page.
 */
async function warmUp(port: number, url: string, tab?: PuppeteerPage, timeoutMs = 15_000): Promise<void> {
  // The runs that follow report the page's problems; the warm-up only readies Chrome.
  const opened = tab ? undefined : await openTab(port).catch(() => undefined);
  await (tab ?? opened?.tab)?.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch(() => undefined);
  await opened?.close();
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export async function runLighthouse(options: {
  chromePath: string;
  formFactor: 'mobile' | 'desktop';
  pages: LighthousePageRequest[];
  runs: number;
  artifacts: Artifacts;
  /** Redacts the report (every string of the result) before it is written. */
  redactor: Redactor;
  /** The service's HTTP Basic/Digest credentials: each page is then measured in a tab that answers its challenge. */
  httpCredentials?: HttpCredentials;
  onRun?: (page: string, run: number) => void;
}): Promise<{ pages: PerformancePage[]; browserVersion: string }> {
  const { default: lighthouse, desktopConfig, generateReport } = await loadLighthouse();
  const { chrome, release } = await launchGuardedChrome(options.chromePath);
  try {
    const pages: PerformancePage[] = [];
    let browserVersion = 'unknown';
    for (const page of options.pages) {
      const runs: Array<LighthouseRun & { lhr: LhResult }> = [];
      // A logged-in page: Lighthouse drives a page of ours that carries the session's cookies; a page behind HTTP
      // authentication, one that answers its challenge.
      const opened = page.cookies || options.httpCredentials ? await openTab(chrome.port) : undefined;
      const tab = opened?.tab;
      const detachAuth =
        tab && options.httpCredentials ? await answerHttpAuth(tab, options.httpCredentials) : undefined;
      if (tab && page.cookies) {
        await tab.setCookie(
          ...page.cookies.map((c) => ({
            name: c.name,
            value: c.value,
            domain: c.domain,
            path: c.path,
            httpOnly: c.httpOnly,
            secure: c.secure,
            sameSite: c.sameSite,
            ...(c.expires > 0 ? { expires: c.expires } : {}),
          })),
        );
      }
      try {
        await warmUp(chrome.port, page.url, tab);
        for (let i = 0; i < options.runs; i++) {
          options.onRun?.(page.step, i + 1);
          const started = performance.now();
          if (tab) {
            const cdp = await tab.createCDPSession();
            await cdp.send('Network.clearBrowserCache');
            await cdp.detach();
          }
          const result = await lighthouse(
            page.url,
            { ...LIGHTHOUSE_FLAGS, port: chrome.port, ...(page.cookies ? { disableStorageReset: true } : {}) },
            options.formFactor === 'desktop' ? desktopConfig : undefined,
            tab as unknown as Parameters<typeof LighthouseRunner>[3],
          );
          if (!result) throw new HarnessError(`Lighthouse returned nothing for ${page.url}`);
          const lhr = result.lhr;
          browserVersion = /Chrome\/([\d.]+)/.exec(lhr.environment.hostUserAgent)?.[1] ?? browserVersion;
          const score = lhr.categories.performance?.score;
          runs.push({
            score: typeof score === 'number' ? score : null,
            metrics: {
              fcp: metric(lhr, 'first-contentful-paint'),
              lcp: metric(lhr, 'largest-contentful-paint'),
              tbt: metric(lhr, 'total-blocking-time'),
              cls: metric(lhr, 'cumulative-layout-shift'),
              si: metric(lhr, 'speed-index'),
              ttfb: metric(lhr, 'server-response-time'),
            },
            renderBlocking: renderBlockingOf(lhr),
            ...(lhr.runtimeError ? { runtimeError: lhr.runtimeError.code } : {}),
            durationMs: Math.round(performance.now() - started),
            lhr,
          });
        }
      } finally {
        await detachAuth?.();
        await opened?.close();
      }
      // The representative run: the one whose score is the median (Lighthouse CI's "median run").
      const scores = runs.map((r) => r.score ?? 0);
      const med = median(scores);
      const repIndex = Math.max(0, scores.indexOf(med ?? 0));
      const rep = runs[repIndex];
      if (rep) {
        const file = options.artifacts.file(`lighthouse-${page.step}.html`);
        // Redacted before it is generated, contained when written (src/gather/lighthouse-report.ts).
        const lhr = redactResult(rep.lhr, options.redactor, { dropScreenshots: page.cookies !== undefined });
        writeFileSync(file.absolute, containReport(generateReport(lhr, 'html')));
        rep.report = file.relative;
      }
      pages.push({
        step: page.step,
        url: page.url,
        formFactor: options.formFactor,
        ...(page.cookies ? { loggedIn: true } : {}),
        runs: runs.map(({ lhr: _lhr, ...run }) => run),
      });
    }
    return { pages, browserVersion };
  } finally {
    release();
  }
}

/**
 * Lighthouse's Chrome, which may not outlive the run: its DevTools port is unauthenticated and its
 * profile holds the logged-in patron's session (cookies, history with the PIN in URLs). The profile
 * is a private directory of its own (mode 0700, `erh-lighthouse-*` in TMPDIR) and a watchdog process
 * (src/gather/chrome-watchdog.ts, its own session) kills Chrome's process group and removes the
 * profile when this worker dies in any way — SIGKILL included: its stdin pipe closes — or when the
 * erh process (ERH_PARENT_PID) is gone. `release` does the same on every normal exit path.
 */
async function launchGuardedChrome(chromePath: string): Promise<{ chrome: LaunchedChrome; release: () => void }> {
  const profile = mkdtempSync(join(tmpdir(), 'erh-lighthouse-'));
  // The watchdog first: a worker killed while Chrome is starting leaves nothing either.
  const erh = Number(process.env.ERH_PARENT_PID ?? 0);
  const watchdog = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./chrome-watchdog.ts', import.meta.url)),
      '--profile',
      profile,
      ...(erh > 0 ? ['--erh', String(erh)] : []),
    ],
    { detached: true, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  watchdog.on('error', () => undefined);
  watchdog.stdin?.on('error', () => undefined);
  // Neither the watchdog nor the pipe to it may keep this process alive.
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  let chrome: LaunchedChrome | undefined;
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    chrome?.kill();
    removeChromeProfile(profile);
    // Letting go of the pipe tells the watchdog that all is done: it makes sure and exits.
    watchdog.stdin?.end();
  };
  try {
    chrome = await launch({
      chromePath,
      chromeFlags: ['--headless=new', ...chromiumArgs()],
      userDataDir: profile,
      logLevel: 'silent',
    });
  } catch (e) {
    release();
    throw new HarnessError(`Chrome for Lighthouse did not start (${chromePath}): ${(e as Error).message}`);
  }
  return { chrome, release };
}
