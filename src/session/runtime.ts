/**
 * DeviceRuntime: everything a worker needs to open BrowserSessions on devices — Playwright browsers,
 * and the driver processes (Xvfb, WebKitWebDriver, chromedriver, Appium) that WebDriver and Appium
 * devices need — started on first use and stopped by `close()`.
 *
 * `acquire(device)` decides once per device whether it can run: the static checks
 * (availability.ts), then starting its drivers and opening a first session. Any failure up to that
 * point means the device is not available here (skipped with the reason) — except a local Playwright
 * browser that is installed but does not start, which is a harness error (retried, never a skipped
 * device); the first session is kept and handed to the first `open()`, so checking costs nothing
 * extra. Failures after that are harness errors, as with any other device.
 */
import { chromium, firefox, webkit, type Browser } from 'playwright';
import type { AppiumDevice, Device, PlaywrightDevice, WebDriverDevice } from '../core/config.ts';
import { HarnessError } from '../core/errors.ts';
import type { Engine } from '../core/ids.ts';
import { deviceAvailability, envValue, resolveUrl, setPath } from './availability.ts';
import { chromiumArgs, findBrowser, findChromedriver, findMiniBrowser } from './browsers.ts';
import {
  freePort,
  startAppium,
  startChromedriver,
  startWebKitWebDriver,
  startXvfb,
  type DriverProcess,
} from './drivers.ts';
import { BrowserLaunchError, launchBrowser, PlaywrightSession } from './playwright.ts';
import type { BrowserSession, SessionOptions } from './types.ts';
import { WebDriverSession, type WebDriverEndpoint, type WebDriverSessionOptions } from './webdriver.ts';

export type Acquired =
  | {
      ok: true;
      via: string;
      open: (options?: SessionOptions) => Promise<BrowserSession>;
    }
  | { ok: false; via: string; reason: string; hint?: string };

/**
 * Whether the device's sessions can answer an HTTP Basic/Digest challenge (`SessionOptions.httpCredentials`):
 * Playwright's contexts can (httpCredentials, every engine); a WebDriver or Appium session has no standard way to.
 */
export function answersHttpAuth(device: Device): boolean {
  return device.driver === 'playwright';
}

export const PLAYWRIGHT_PATHS: Record<Engine, () => string> = {
  chromium: () => chromium.executablePath(),
  firefox: () => firefox.executablePath(),
  webkit: () => webkit.executablePath(),
};

function playwrightPaths(): Record<Engine, string> {
  return {
    chromium: PLAYWRIGHT_PATHS.chromium(),
    firefox: PLAYWRIGHT_PATHS.firefox(),
    webkit: PLAYWRIGHT_PATHS.webkit(),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Capabilities with env-filled paths applied; throws when a variable is missing. */
function withEnvCapabilities(
  base: Record<string, unknown>,
  fromEnv: Record<string, { env: string }>,
): Record<string, unknown> {
  const caps = structuredClone(base);
  for (const [path, ref] of Object.entries(fromEnv)) {
    const value = envValue(ref);
    if (value === undefined) throw new HarnessError(`capability ${path} needs the environment variable ${ref.env}`);
    setPath(caps, path, value);
  }
  return caps;
}

/** Chromium options for chromedriver-based sessions: our binary, headless and quiet switches, kept logs. */
function chromeCapabilities(caps: Record<string, unknown>, device: Device, headless: boolean): Record<string, unknown> {
  const options = isRecord(caps['goog:chromeOptions']) ? { ...caps['goog:chromeOptions'] } : {};
  const binary = typeof options.binary === 'string' ? options.binary : findBrowser('chromium', device)?.executablePath;
  const args = Array.isArray(options.args) ? options.args.map(String) : [];
  const wanted = [
    ...(headless ? ['--headless=new'] : []),
    ...chromiumArgs(),
    '--disable-gpu',
    `--lang=${device.locale}`,
  ];
  if (device.viewport && !isRecord(options.mobileEmulation))
    wanted.push(`--window-size=${device.viewport.width},${device.viewport.height}`);
  for (const a of wanted) if (!args.some((x) => x.split('=')[0] === a.split('=')[0])) args.push(a);
  return {
    ...caps,
    'goog:chromeOptions': { ...options, ...(binary ? { binary } : {}), args },
    'goog:loggingPrefs': {
      browser: 'ALL',
      performance: 'ALL',
      ...(isRecord(caps['goog:loggingPrefs']) ? caps['goog:loggingPrefs'] : {}),
    },
  };
}

export class DeviceRuntime {
  private readonly acquired = new Map<string, Promise<Acquired>>();
  private readonly browsers = new Map<string, Promise<Browser>>();
  private xvfb: Promise<DriverProcess> | undefined;
  private webkitDriver: Promise<DriverProcess> | undefined;
  private chromedriver: Promise<DriverProcess> | undefined;
  private appium: Promise<DriverProcess> | undefined;
  private readonly sessions = new Set<BrowserSession>();

  /** Decides (once per device) whether it runs here, starting what it needs. */
  acquire(device: Device): Promise<Acquired> {
    let a = this.acquired.get(device.id);
    if (!a) {
      a = this.doAcquire(device);
      this.acquired.set(device.id, a);
      // A harness error is not remembered: the next cell tries again.
      a.catch(() => this.acquired.delete(device.id));
    }
    return a;
  }

  private async doAcquire(device: Device): Promise<Acquired> {
    const availability = deviceAvailability(device, playwrightPaths());
    if (!availability.available) {
      return {
        ok: false,
        via: availability.via,
        reason: availability.reason ?? 'not available',
        ...(availability.hint ? { hint: availability.hint } : {}),
      };
    }
    // A browser installed on this machine that does not start (e.g. a launch timeout on a loaded
    // machine) is the harness's failure, not a device this machine lacks: retried as a harness error.
    const local = device.driver === 'playwright' && !device.connect;
    const notStarted = (e: unknown) =>
      new HarnessError(
        `${device.engine} for device ${device.id} is installed (${availability.via}) but did not start: ` +
          `${e instanceof BrowserLaunchError ? e.detail : firstLine(e)}`,
      );
    let opener: (options?: SessionOptions) => Promise<BrowserSession>;
    try {
      opener = await this.opener(device);
    } catch (e) {
      if (local) throw notStarted(e);
      return { ok: false, via: availability.via, reason: `could not start what it needs: ${firstLine(e)}` };
    }
    let spare: BrowserSession | undefined;
    try {
      spare = await opener();
    } catch (e) {
      if (local) throw notStarted(e);
      return { ok: false, via: availability.via, reason: `no session could be opened: ${firstLine(e)}` };
    }
    const open = async (options: SessionOptions = {}): Promise<BrowserSession> => {
      if (options.httpCredentials && !answersHttpAuth(device))
        throw new HarnessError(`device ${device.id} (${device.driver}) cannot answer HTTP authentication`);
      // The spare session was opened without credentials: a session that needs them is a new one.
      if (spare && !options.httpCredentials) {
        const s = spare;
        spare = undefined;
        return s;
      }
      return this.track(await opener(options));
    };
    this.track(spare);
    return { ok: true, via: availability.via, open };
  }

  private track(session: BrowserSession): BrowserSession {
    this.sessions.add(session);
    const close = session.close.bind(session);
    session.close = async () => {
      this.sessions.delete(session);
      await close();
    };
    return session;
  }

  private async opener(device: Device): Promise<(options?: SessionOptions) => Promise<BrowserSession>> {
    switch (device.driver) {
      case 'playwright':
        return this.playwrightOpener(device);
      case 'webdriver':
        return this.webdriverOpener(device);
      case 'appium':
        return this.appiumOpener(device);
    }
  }

  private async playwrightOpener(
    device: PlaywrightDevice,
  ): Promise<(options?: SessionOptions) => Promise<BrowserSession>> {
    let b = this.browsers.get(device.id);
    if (!b) {
      b = launchBrowser(device);
      this.browsers.set(device.id, b);
      b.catch(() => this.browsers.delete(device.id));
    }
    const browser = await b;
    return (options) => PlaywrightSession.open(browser, device, options);
  }

  private async webdriverOpener(device: WebDriverDevice): Promise<() => Promise<BrowserSession>> {
    const wd = device.webdriver;
    let url: string;
    let caps = withEnvCapabilities(wd.capabilities, wd.capabilityEnv);
    if (wd.server === 'webkitgtk') {
      this.xvfb ??= startXvfb();
      const display = (await this.xvfb).address;
      this.webkitDriver ??= startWebKitWebDriver(display);
      url = (await this.webkitDriver).address;
      const options = isRecord(caps['webkitgtk:browserOptions']) ? caps['webkitgtk:browserOptions'] : {};
      caps = {
        browserName: 'MiniBrowser',
        ...caps,
        'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: ['--automation'], ...options },
      };
    } else if (wd.server === 'chromedriver') {
      this.chromedriver ??= startChromedriver();
      url = (await this.chromedriver).address;
      caps = chromeCapabilities({ browserName: 'chrome', ...caps }, device, true);
    } else {
      const remote = wd.url ? resolveUrl(wd.url) : undefined;
      if (!remote) throw new HarnessError('the remote WebDriver URL is not set');
      url = remote;
    }
    const endpoint: WebDriverEndpoint = { url, capabilities: caps, connectTimeoutMs: wd.timeoutMs };
    const options: WebDriverSessionOptions = {
      engine: device.engine,
      viewport: device.viewport ?? (device.formFactor === 'desktop' ? { width: 1366, height: 768 } : null),
      chromeLogs: device.engine === 'chromium',
    };
    return () => WebDriverSession.open(endpoint, options);
  }

  private async appiumOpener(device: AppiumDevice): Promise<() => Promise<BrowserSession>> {
    const ap = device.appium;
    let caps = withEnvCapabilities(ap.capabilities, ap.capabilityEnv);
    let url: string;
    if (ap.server === 'local') {
      this.appium ??= startAppium();
      url = (await this.appium).address;
      if (ap.automation === 'chromium') {
        const executable =
          typeof caps['appium:executable'] === 'string' ? caps['appium:executable'] : findChromedriver();
        caps = chromeCapabilities(
          { ...caps, ...(executable ? { 'appium:executable': executable } : {}) },
          device,
          true,
        );
      } else if (device.engine === 'chromium') {
        caps = { ...caps, 'goog:loggingPrefs': { browser: 'ALL', performance: 'ALL' } };
      }
    } else {
      const remote = ap.url ? resolveUrl(ap.url) : undefined;
      if (!remote) throw new HarnessError('the remote Appium URL is not set');
      url = remote;
    }
    const options: WebDriverSessionOptions = {
      engine: device.engine,
      viewport: device.viewport ?? null,
      chromeLogs: device.engine === 'chromium',
    };
    const local =
      ap.server === 'local' && ap.automation === 'chromium' && caps['appium:chromedriverPort'] === undefined;
    return async () => {
      // Each session's chromedriver on a port of its own: several workers may run Appium at once.
      const capabilities = local ? { ...caps, 'appium:chromedriverPort': await freePort() } : caps;
      return WebDriverSession.open({ url, capabilities, connectTimeoutMs: ap.timeoutMs }, options);
    };
  }

  /** Closes sessions and browsers, then stops driver processes (WebDriver servers before Xvfb). */
  async close(): Promise<void> {
    await Promise.allSettled([...this.sessions].map((s) => s.close()));
    for (const b of this.browsers.values()) await (await b.catch(() => undefined))?.close().catch(() => undefined);
    this.browsers.clear();
    const stop = async (p: Promise<DriverProcess> | undefined): Promise<void> => {
      const d = await p?.catch(() => undefined);
      await d?.stop();
    };
    await Promise.allSettled([stop(this.appium), stop(this.chromedriver), stop(this.webkitDriver)]);
    await stop(this.xvfb);
    this.appium = this.chromedriver = this.webkitDriver = this.xvfb = undefined;
    this.acquired.clear();
  }
}

function firstLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0] ?? 'unknown error';
}
