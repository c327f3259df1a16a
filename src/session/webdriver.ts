/**
 * The WebdriverIO-backed BrowserSession: W3C WebDriver classic, so it works the same against
 * WebKitGTK's WebKitWebDriver, chromedriver, Appium (real devices, emulators, simulators,
 * appium-chromium-driver) and remote grids or farms.
 *
 * Locators are resolved in the page by `locateProbe` (role + accessible name, label, text,
 * placeholder, test id, CSS), which marks the element; the session then clicks and types through
 * WebDriver's own element commands, so events are trusted and user activation counts (media play).
 *
 * What WebDriver classic cannot observe is reported in `features`: console messages, uncaught
 * exceptions and network events are observable only where the remote end keeps Chrome's logs
 * (chromedriver and Appium's Chromium/Chrome drivers: `goog:loggingPrefs`); elsewhere they are
 * "not observable" and the compatibility evidence says so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Locator } from '../core/config.ts';
import type { Engine } from '../core/ids.ts';
import { guardedProbeSource, unguard } from './integrity.ts';
import { diagnosisOf, locateProbe, maskProbe, unmaskProbe, type LocateResult } from './locate.ts';
import { MASK_COLOUR, maskTextProbe } from './mask-text.ts';
import {
  ActionError,
  NavigationError,
  PageUnexaminableError,
  describeLocator,
  framesOf,
  type BrowserSession,
  type DownloadResult,
  type LocatorDiagnosis,
  type ConsoleEvent,
  type Probe,
  type RequestFailedEvent,
  type ScreenshotOptions,
  type SessionFeatures,
  type SessionListeners,
} from './types.ts';

type WdioBrowser = WebdriverIO.Browser;

export interface WebDriverEndpoint {
  /** http(s) URL of the WebDriver/Appium server, e.g. http://127.0.0.1:4444 or https://user:key@hub/wd/hub */
  url: string;
  capabilities: Record<string, unknown>;
  /** How long creating the session may take, ms. */
  connectTimeoutMs: number;
}

export interface WebDriverSessionOptions {
  engine: Engine;
  /** Resize the window so that the layout viewport is this size (desktop browsers); null keeps it. */
  viewport: { width: number; height: number } | null;
  /** Read Chrome's browser/performance logs for console, errors and network (chromedriver-based). */
  chromeLogs: boolean;
}

/** Splits a WebDriver URL into what WebdriverIO's remote() wants. */
export function endpointOptions(url: string): {
  protocol: 'http' | 'https';
  hostname: string;
  port: number;
  path: string;
  user?: string;
  key?: string;
} {
  const u = new URL(url);
  const protocol = u.protocol === 'https:' ? 'https' : 'http';
  return {
    protocol,
    hostname: u.hostname,
    port: u.port ? Number(u.port) : protocol === 'https' ? 443 : 80,
    path: u.pathname === '' ? '/' : u.pathname,
    ...(u.username ? { user: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { key: decodeURIComponent(u.password) } : {}),
  };
}

const KEYS: Record<string, string> = {
  Enter: '\uE007',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  Home: '\uE011',
  End: '\uE010',
};

/** Console line from Chrome's browser log: `url line:col "text"` or `url - text`. */
export function parseChromeLogMessage(message: string): { text: string; location?: string } {
  const m = /^(\S+) (\d+):(\d+) (.*)$/s.exec(message);
  if (m) {
    let text = m[4] ?? '';
    if (/^".*"$/s.test(text)) {
      try {
        text = JSON.parse(text) as string;
      } catch {
        text = text.slice(1, -1);
      }
    }
    return { text, location: `${m[1]}:${m[2]}` };
  }
  const dash = /^(\S+) - (.*)$/s.exec(message);
  if (dash) return { text: dash[2] ?? '', location: dash[1] ?? '' };
  return { text: message };
}

interface ChromeLogEntry {
  level: string;
  message: string;
  source?: string;
}

let markCounter = 0;

export class WebDriverSession implements BrowserSession {
  readonly engine: Engine;
  readonly browserVersion: string;
  readonly features: SessionFeatures;
  private readonly browser: WdioBrowser;
  private size: { width: number; height: number };
  private readonly listeners = new Set<SessionListeners>();
  private readonly origins = new Set<string>();
  private readonly requestMethods = new Map<string, { method: string; url: string; type: string }>();

  private constructor(
    browser: WdioBrowser,
    engine: Engine,
    version: string,
    features: SessionFeatures,
    size: { width: number; height: number },
  ) {
    this.browser = browser;
    this.engine = engine;
    this.browserVersion = version;
    this.features = features;
    this.size = size;
  }

  static async open(endpoint: WebDriverEndpoint, options: WebDriverSessionOptions): Promise<WebDriverSession> {
    const { remote } = await import('webdriverio');
    const browser = await remote({
      ...endpointOptions(endpoint.url),
      logLevel: 'silent',
      connectionRetryTimeout: endpoint.connectTimeoutMs,
      connectionRetryCount: 0,
      capabilities: { 'wdio:enforceWebDriverClassic': true, ...endpoint.capabilities } as WebdriverIO.Capabilities,
    });
    try {
      const caps = browser.capabilities as Record<string, unknown>;
      const version = String(caps.browserVersion ?? caps.version ?? caps['appium:platformVersion'] ?? 'unknown');
      await browser.setTimeout({ pageLoad: 60_000, script: 60_000 }).catch(() => undefined);
      if (options.viewport) await resizeViewport(browser, options.viewport);
      const size = await browser.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
      let logs = false;
      if (options.chromeLogs) {
        logs = await (browser as unknown as { getLogs: (t: string) => Promise<unknown[]> }).getLogs('browser').then(
          () => true,
          () => false,
        );
      }
      const features = { console: logs, pageErrors: logs, network: logs };
      return new WebDriverSession(browser, options.engine, version, features, size);
    } catch (e) {
      await browser.deleteSession().catch(() => undefined);
      throw e;
    }
  }

  viewport(): { width: number; height: number } {
    return this.size;
  }

  /**
   * Resizes the window so that the layout viewport is width × height CSS px (desktop browsers; phones keep their
   * screen).
   */
  async setViewport(width: number, height: number): Promise<void> {
    await resizeViewport(this.browser, { width, height });
    await this.remember();
  }

  private async waitForLoad(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const state = await this.browser.execute(() => document.readyState).catch(() => 'loading');
      if (state === 'complete') return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Notes the current origin (for resetState) and the layout viewport of the current page. */
  private async remember(): Promise<string> {
    const url = await this.browser.getUrl().catch(() => '');
    const size = await this.browser
      .execute(() => ({ width: window.innerWidth, height: window.innerHeight }))
      .catch(() => undefined);
    if (size && size.width > 0) this.size = size;
    try {
      const origin = new URL(url).origin;
      if (origin.startsWith('http')) this.origins.add(origin);
    } catch {
      // about:blank and the like
    }
    return url;
  }

  async goto(url: string, timeoutMs: number): Promise<{ status: number | null }> {
    await this.browser.setTimeout({ pageLoad: timeoutMs }).catch(() => undefined);
    try {
      await this.browser.url(url);
    } catch (e) {
      throw NavigationError.from(e, url);
    }
    await this.remember();
    await this.drain();
    // WebDriver classic does not expose the HTTP status; the Navigation Timing API does where supported.
    const status = await this.browser
      .execute(() => {
        const nav = performance.getEntriesByType('navigation')[0] as
          (PerformanceEntry & { responseStatus?: number }) | undefined;
        return nav && typeof nav.responseStatus === 'number' && nav.responseStatus > 0 ? nav.responseStatus : null;
      })
      .catch(() => null);
    return { status };
  }

  /**
   * Runs `fn` inside the iframes a locator names (WebDriver's Switch To Frame, outermost first), and
   * back in the top-level document afterwards; without `frame:` it runs where it is. A frame that is
   * not there throws FrameMissingError.
   */
  private async inFrames<T>(target: Locator, fn: () => Promise<T>): Promise<T> {
    const frames = framesOf(target);
    if (frames.length === 0) return fn();
    try {
      for (const css of frames) {
        const ref = (await this.browser.findElement('css selector', css).catch(() => undefined)) as
          Record<string, unknown> | undefined;
        if (!ref || typeof ref !== 'object' || 'error' in ref) throw new FrameMissingError(css);
        await this.browser.switchToFrame(ref);
      }
      return await fn();
    } finally {
      await this.browser.switchToFrame(null).catch(() => undefined);
    }
  }

  /** Finds the element now (inside its frame, if it names one); returns the locate result and its mark. */
  private async locate(target: Locator): Promise<{ result: LocateResult; mark: string }> {
    const mark = `m${++markCounter}`;
    const result = (await this.inFrames(target, () =>
      this.browser.execute(probeSource(locateProbe), { locator: target, mark }),
    )) as LocateResult;
    return { result, mark };
  }

  /** Polls until the element is there, visible and enabled. */
  private async usable(target: Locator, timeoutMs: number, what: string): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last: LocateResult | undefined;
    for (;;) {
      const { result, mark } = await this.locate(target).catch(() => ({ result: undefined, mark: '' }));
      last = result;
      if (result && result.count > 0 && result.visible && result.enabled) return mark;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    const why = !last || last.count === 0 ? 'not found' : !last.visible ? 'not visible' : 'not enabled';
    throw new ActionError(`Could not ${what} ${describeLocator(target)}: ${why} in time`);
  }

  private el(mark: string) {
    return this.browser.$(`[data-erh-target="${mark}"]`);
  }

  async click(target: Locator, timeoutMs: number): Promise<void> {
    await this.clickOnly(target, timeoutMs);
    await this.waitForLoad(timeoutMs);
    await this.remember();
    await this.drain();
  }

  /**
   * The click without waiting for the page it may load. The driver's own click still returns only
   * once a navigation it starts has begun loading, within the session's page-load timeout (WebDriver's
   * page load strategy); a slower answer ends the click in an error.
   */
  async submit(target: Locator, timeoutMs: number): Promise<void> {
    await this.clickOnly(target, timeoutMs);
    await this.drain();
  }

  private async clickOnly(target: Locator, timeoutMs: number): Promise<void> {
    const mark = await this.usable(target, timeoutMs, 'click');
    try {
      await this.inFrames(target, async () => {
        const el = await this.el(mark);
        await el.scrollIntoView({ block: 'center' }).catch(() => undefined);
        await el.click();
      });
    } catch (e) {
      throw new ActionError(`Could not click ${describeLocator(target)}: ${(e as Error).message.split('\n')[0]}`);
    }
  }

  async fill(target: Locator, value: string, timeoutMs: number): Promise<void> {
    const mark = await this.usable(target, timeoutMs, 'fill');
    try {
      await this.inFrames(target, async () => {
        const el = await this.el(mark);
        await el.clearValue();
        await el.addValue(value);
      });
    } catch (e) {
      throw new ActionError(`Could not fill ${describeLocator(target)}: ${(e as Error).message.split('\n')[0]}`);
    }
  }

  async select(target: Locator, option: string, timeoutMs: number): Promise<void> {
    const mark = await this.usable(target, timeoutMs, 'select in');
    try {
      await this.inFrames(target, async () => (await this.el(mark)).selectByVisibleText(option));
    } catch (e) {
      throw new ActionError(
        `Could not select "${option}" in ${describeLocator(target)}: ${(e as Error).message.split('\n')[0]}`,
      );
    }
  }

  async press(key: string): Promise<void> {
    await this.browser.keys(KEYS[key] ?? key);
    await this.waitForLoad(10_000);
    await this.remember();
    await this.drain();
  }

  async waitForVisible(target: Locator, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { result } = await this.locate(target).catch(() => ({ result: undefined }));
      if (result && result.count > 0 && result.visible) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async isVisible(target: Locator): Promise<boolean> {
    const { result } = await this.locate(target);
    return result.count > 0 && result.visible;
  }

  async textOf(target: Locator): Promise<string | null> {
    const { result } = await this.locate(target);
    return result.count > 0 ? result.text : null;
  }

  async hover(target: Locator, timeoutMs: number): Promise<void> {
    const mark = await this.usable(target, timeoutMs, 'hover over');
    try {
      await this.inFrames(target, async () => {
        const el = await this.el(mark);
        await el.scrollIntoView({ block: 'center' }).catch(() => undefined);
        await el.moveTo();
      });
    } catch (e) {
      throw new ActionError(`Could not hover over ${describeLocator(target)}: ${(e as Error).message.split('\n')[0]}`);
    }
  }

  async scrollIntoView(target: Locator, timeoutMs: number): Promise<void> {
    const mark = await this.present(target, timeoutMs, 'scroll to');
    await this.inFrames(target, () =>
      this.browser.execute(
        (m: string) => document.querySelector(`[data-erh-target="${m}"]`)?.scrollIntoView({ block: 'center' }),
        mark,
      ),
    );
  }

  async pressOn(target: Locator, key: string, timeoutMs: number): Promise<void> {
    const mark = await this.usable(target, timeoutMs, `press ${key} on`);
    try {
      // The keys go to the focused element of the browsing context the element is in.
      await this.inFrames(target, async () => {
        await this.browser.execute((m: string) => {
          const el = document.querySelector(`[data-erh-target="${m}"]`) as HTMLElement | null;
          el?.focus();
        }, mark);
        await this.browser.keys(KEYS[key] ?? key);
      });
    } catch (e) {
      throw new ActionError(
        `Could not press ${key} on ${describeLocator(target)}: ${(e as Error).message.split('\n')[0]}`,
      );
    }
    await this.waitForLoad(10_000);
    await this.remember();
    await this.drain();
  }

  async waitForHidden(target: Locator, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { result } = await this.locate(target);
        if (result.count === 0 || !result.visible) return true;
      } catch (e) {
        // No frame, no element: hidden.
        if (e instanceof FrameMissingError) return true;
      }
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /**
   * WebDriver classic sees no requests: the network counts as idle when no resource has finished
   * loading (Resource Timing entries of the document) for `quietMs` and the document is complete.
   * A request still open is invisible here, and a page whose Resource Timing buffer is full looks quiet.
   */
  async waitForNetworkIdle(
    quietMs: number,
    timeoutMs: number,
  ): Promise<{ idle: boolean; open: string[]; how: string }> {
    const how = 'no resource finished loading (Resource Timing; WebDriver classic cannot see open requests)';
    const deadline = Date.now() + timeoutMs;
    let last = -1;
    let since = Date.now();
    while (Date.now() < deadline) {
      const seen = await this.browser
        .execute(() => ({
          entries: performance.getEntriesByType('resource').length,
          complete: document.readyState === 'complete',
        }))
        .catch(() => ({ entries: -2, complete: false }));
      if (seen.entries !== last || !seen.complete) {
        last = seen.entries;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return { idle: true, open: [], how };
      await new Promise((r) => setTimeout(r, 100));
    }
    return { idle: false, open: [], how };
  }

  /**
   * WebDriver classic cannot see a download the browser makes: the control must be a link (or inside
   * one), whose href is fetched here with the session's cookies and user agent (`via: 'link'`).
   */
  async download(target: Locator, timeoutMs: number, file: (suggestedName: string) => string): Promise<DownloadResult> {
    const mark = await this.usable(target, timeoutMs, 'download from');
    const link = await this.inFrames(target, () =>
      this.browser.execute((m: string) => {
        const el = document.querySelector(`[data-erh-target="${m}"]`);
        const a = el?.closest('a[href]') as HTMLAnchorElement | null;
        return a
          ? { href: a.href, name: a.getAttribute('download'), page: location.href, ua: navigator.userAgent }
          : null;
      }, mark),
    );
    if (!link || !/^https?:/.test(link.href))
      throw new ActionError(
        `Downloading from ${describeLocator(target)} is not supported on this driver: WebDriver classic cannot ` +
          `see the browser's downloads, and this control is no link whose file could be fetched`,
      );
    const cookies = await this.inFrames(target, () => this.browser.getCookies()).catch(() => []);
    const host = new URL(link.href).hostname;
    const cookie = cookies
      .filter((c) => !c.domain || host === c.domain.replace(/^\./, '') || host.endsWith(c.domain.replace(/^\.?/, '.')))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    let response: Response;
    try {
      response = await fetch(link.href, {
        headers: { 'user-agent': link.ua, referer: link.page, ...(cookie ? { cookie } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new ActionError(`The download from ${describeLocator(target)} did not answer: ${(e as Error).message}`);
    }
    if (!response.ok)
      throw new ActionError(`The download from ${describeLocator(target)} answered HTTP ${response.status}`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const named =
      /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
    const suggestedName =
      (named ? decodeURIComponent(named) : null) ||
      link.name ||
      decodeURIComponent(new URL(link.href).pathname.split('/').pop() ?? '') ||
      'download';
    const path = file(suggestedName);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    return { suggestedName, url: link.href, contentType: response.headers.get('content-type'), via: 'link' };
  }

  async diagnose(target: Locator): Promise<LocatorDiagnosis> {
    try {
      const r = (await this.inFrames(target, () =>
        this.browser.execute(probeSource(locateProbe), { locator: target, mark: null, diagnose: true }),
      )) as LocateResult;
      return diagnosisOf(r);
    } catch (e) {
      if (e instanceof FrameMissingError)
        return { frameFound: false, count: 0, visible: false, enabled: false, candidates: [] };
      throw e;
    }
  }

  /** Polls until the element is there (visible or not); returns its mark. */
  private async present(target: Locator, timeoutMs: number, what: string): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { result, mark } = await this.locate(target).catch(() => ({ result: undefined, mark: '' }));
      if (result && result.count > 0) return mark;
      if (Date.now() > deadline)
        throw new ActionError(`Could not ${what} ${describeLocator(target)}: not found in time`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** WebDriver classic has no world isolated from the page's scripts: probes run guarded (src/session/integrity.ts). */
  readonly isolated = false;

  async evaluate<A, R>(probe: Probe<A, R>, arg: A): Promise<R> {
    try {
      return unguard<R>(
        await this.browser.execute(
          `return ${guardedProbeSource(probe as Probe<unknown, unknown>)}(arguments[0]);`,
          arg as unknown,
        ),
      );
    } catch (e) {
      throw await this.misbehaviour(e);
    }
  }

  async runScript(source: string): Promise<void> {
    try {
      await this.browser.execute(source);
    } catch (e) {
      throw await this.misbehaviour(e);
    }
  }

  /**
   * A script call that failed because of what the page did — an alert/confirm/prompt left open
   * (dismissed here, so the session can go on), the document unloaded under it, the script timeout
   * (a hung main thread) — becomes PageUnexaminableError; anything else is returned as it is.
   */
  private async misbehaviour(e: unknown): Promise<unknown> {
    if (e instanceof PageUnexaminableError) return e;
    const m = e instanceof Error ? e.message : String(e);
    if (/unexpected alert open|alert.*open|modal dialog|user prompt/i.test(m)) {
      await this.browser.dismissAlert().catch(() => undefined);
      return new PageUnexaminableError(
        'dialog',
        'The page kept opening a dialog (alert, confirm or prompt) while it was being examined',
      );
    }
    if (/unload|navigat|document.*(?:changed|replaced)|stale/i.test(m)) {
      return new PageUnexaminableError('navigated', 'The page navigated away while it was being examined');
    }
    if (/script timeout|timed? ?out/i.test(m)) {
      return new PageUnexaminableError('hung', 'The page did not answer a probe in time (its main thread was busy)');
    }
    return e;
  }

  async screenshot(file: string, options: ScreenshotOptions = {}): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    const marks: string[] = [];
    const framed: Array<{ locator: Locator; mark: string }> = [];
    for (const l of options.mask ?? []) {
      const { result, mark } = await this.locate(l).catch(() => ({ result: undefined, mark: '' }));
      if (!result || result.count === 0) continue;
      if (framesOf(l).length) framed.push({ locator: l, mark });
      else marks.push(mark);
    }
    if (marks.length) await this.browser.execute(probeSource(maskProbe), { marks });
    // A field in a frame is covered inside its frame (the box sits in the frame's own viewport).
    for (const f of framed)
      await this.inFrames(f.locator, () => this.browser.execute(probeSource(maskProbe), { marks: [f.mark] }));
    const secrets = options.secrets?.length ? [...options.secrets] : undefined;
    try {
      if (secrets) await this.evaluate(maskTextProbe, { needles: secrets, colour: MASK_COLOUR });
      // WebDriver classic captures the viewport; fullPage is not available on every remote end.
      const png = await this.browser.takeScreenshot();
      writeFileSync(file, Buffer.from(png, 'base64'));
    } finally {
      if (marks.length || secrets) await this.browser.execute(probeSource(unmaskProbe), null).catch(() => undefined);
      for (const f of framed)
        await this.inFrames(f.locator, () => this.browser.execute(probeSource(unmaskProbe), null)).catch(
          () => undefined,
        );
    }
  }

  async url(): Promise<string> {
    const url = await this.remember();
    await this.drain();
    return url;
  }

  async title(): Promise<string> {
    return this.browser.getTitle().catch(() => '');
  }

  listen(listeners: SessionListeners): () => void {
    this.listeners.add(listeners);
    return () => {
      this.listeners.delete(listeners);
    };
  }

  /** Reads Chrome's logs (when kept) and hands what they say to the listeners. */
  private async drain(): Promise<void> {
    if (!this.features.console) return;
    const get = (this.browser as unknown as { getLogs: (t: string) => Promise<ChromeLogEntry[]> }).getLogs.bind(
      this.browser,
    );
    const browserLog = await get('browser').catch(() => [] as ChromeLogEntry[]);
    const perfLog = this.features.network ? await get('performance').catch(() => [] as ChromeLogEntry[]) : [];
    if (this.listeners.size === 0) return;
    const consoleEvents: ConsoleEvent[] = [];
    const pageErrors: string[] = [];
    for (const entry of browserLog) {
      const level = entry.level === 'SEVERE' ? 'error' : entry.level === 'WARNING' ? 'warning' : undefined;
      if (!level) continue;
      const { text, location } = parseChromeLogMessage(entry.message);
      if (entry.source === 'javascript' && /Uncaught/.test(text)) {
        pageErrors.push(text.replace(/^Uncaught\s+/, ''));
        continue;
      }
      consoleEvents.push({ level, text, ...(location ? { location } : {}) });
    }
    const failed: RequestFailedEvent[] = [];
    for (const entry of perfLog) {
      let msg: { message?: { method?: string; params?: Record<string, unknown> } };
      try {
        msg = JSON.parse(entry.message) as typeof msg;
      } catch {
        continue;
      }
      const method = msg.message?.method;
      const params = msg.message?.params ?? {};
      const id = String(params.requestId ?? '');
      if (method === 'Network.requestWillBeSent') {
        const req = params.request as { method?: string; url?: string } | undefined;
        this.requestMethods.set(id, {
          method: req?.method ?? 'GET',
          url: req?.url ?? '',
          type: String(params.type ?? 'other'),
        });
      } else if (method === 'Network.responseReceived') {
        const res = params.response as { status?: number; url?: string } | undefined;
        if (res?.status !== undefined && res.status >= 400) {
          const req = this.requestMethods.get(id);
          failed.push({
            url: res.url ?? req?.url ?? '',
            method: req?.method ?? 'GET',
            status: res.status,
            failure: null,
            resourceType: String(params.type ?? req?.type ?? 'other').toLowerCase(),
          });
        }
      } else if (method === 'Network.loadingFailed') {
        const req = this.requestMethods.get(id);
        if (params.canceled === true) continue;
        failed.push({
          url: req?.url ?? '',
          method: req?.method ?? 'GET',
          status: null,
          failure: String(params.errorText ?? 'failed'),
          resourceType: String(params.type ?? req?.type ?? 'other').toLowerCase(),
        });
      }
    }
    for (const l of this.listeners) {
      for (const e of consoleEvents) l.console?.(e);
      for (const e of pageErrors) l.pageError?.(e);
      for (const e of failed) l.requestFailed?.(e);
    }
  }

  async resetState(): Promise<void> {
    // WebDriver deletes the cookies of the current document only: visit each origin seen.
    for (const origin of this.origins) {
      try {
        await this.browser.url(`${origin}/favicon.ico`);
        await this.browser.deleteAllCookies();
        await this.browser.execute(() => {
          try {
            localStorage.clear();
            sessionStorage.clear();
          } catch {
            // storage may be disabled
          }
        });
      } catch {
        // the origin may be gone; nothing to clear there
      }
    }
    await this.browser.url('about:blank').catch(() => undefined);
    // Anything logged while clearing is not the patron's journey.
    const listeners = [...this.listeners];
    this.listeners.clear();
    await this.drain().catch(() => undefined);
    for (const l of listeners) this.listeners.add(l);
  }

  async close(): Promise<void> {
    await this.browser.deleteSession().catch(() => undefined);
  }
}

/** The iframe a locator names is not in the page (WebDriver's Switch To Frame found nothing to switch to). */
class FrameMissingError extends ActionError {
  constructor(css: string) {
    super(`the frame "${css}" is not on the page`);
  }
}

/** WebDriver runs a function body; a probe becomes `return (probe)(arguments[0])` (awaited by the remote end). */
export function probeSource(probe: Probe<never, unknown> | Probe<unknown, unknown>): string {
  return `return (${probe.toString()})(arguments[0]);`;
}

/**
 * Sets the window so that window.innerWidth/innerHeight match the wanted viewport (window chrome differs per browser).
 */
async function resizeViewport(browser: WdioBrowser, want: { width: number; height: number }): Promise<void> {
  await browser.setWindowSize(want.width, want.height).catch(() => undefined);
  for (let i = 0; i < 2; i++) {
    const inner = await browser.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
    const outer = await browser.getWindowSize().catch(() => undefined);
    if (!outer || (inner.width === want.width && inner.height === want.height)) return;
    await browser
      .setWindowSize(outer.width + (want.width - inner.width), outer.height + (want.height - inner.height))
      .catch(() => undefined);
  }
}
