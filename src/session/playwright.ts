/**
 * The Playwright-backed BrowserSession: one browser context and page per session, on a browser
 * shared by the worker. Locators map to Playwright's user-facing locators (role, label, text).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  chromium,
  devices as playwrightDevices,
  firefox,
  webkit,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type BrowserType,
  type CDPSession,
  type Download,
  type Frame,
  type FrameLocator,
  type Locator as PwLocator,
  type Page,
} from 'playwright';
import type { Device, Locator, PlaywrightDevice } from '../core/config.ts';
import { resolveUrl } from './availability.ts';
import { HarnessError } from '../core/errors.ts';
import type { Engine } from '../core/ids.ts';
import { chromiumArgs, findBrowser, installHint } from './browsers.ts';
import { guardedProbeSource, unguard } from './integrity.ts';
import {
  ActionError,
  NavigationError,
  PageUnexaminableError,
  describeLocator,
  framesOf,
  type BrowserSession,
  type DownloadResult,
  type LocatorDiagnosis,
  type PageScope,
  type PopupScope,
  type Probe,
  type ScreenshotOptions,
  type SessionCookie,
  type SessionListeners,
  type SessionOptions,
} from './types.ts';
import { diagnosisOf, locateProbe, unmaskProbe } from './locate.ts';
import { MASK_COLOUR, maskTextProbe } from './mask-text.ts';

const TYPES: Record<Engine, BrowserType> = { chromium, firefox, webkit };

/** A browser that would not start; `detail` is the launcher's own first line. */
export class BrowserLaunchError extends HarnessError {
  readonly detail: string;
  constructor(device: Device, detail: string) {
    super(`Could not start ${device.engine} for device ${device.id}: ${detail}`);
    this.detail = detail;
  }
}

/**
 * Launches the browser a device needs, or connects to its remote Playwright browser server.
 * Throws HarnessError with an install hint when it is missing.
 */
export async function launchBrowser(device: Device): Promise<Browser> {
  if (device.driver !== 'playwright')
    throw new HarnessError(`Device ${device.id} is driven by ${device.driver}, not Playwright`);
  const type = TYPES[device.engine];
  if (device.connect) {
    const endpoint = resolveUrl(device.connect.wsEndpoint);
    if (!endpoint) throw new HarnessError(`Device ${device.id}: the Playwright server endpoint is not set`);
    const headers: Record<string, string> = {};
    for (const [name, ref] of Object.entries(device.connect.headers)) {
      const value = process.env[ref.env];
      if (value) headers[name] = value;
    }
    try {
      return await type.connect(endpoint, { headers, timeout: device.connect.timeoutMs });
    } catch (e) {
      throw new HarnessError(
        `Could not connect to the Playwright server for device ${device.id}: ${(e as Error).message.split('\n')[0]}`,
      );
    }
  }
  const install = findBrowser(device.engine, device, type.executablePath());
  if (!install)
    throw new HarnessError(`No ${device.engine} browser found for device ${device.id}: ${installHint(device.engine)}`);
  const args = [...(device.engine === 'chromium' ? chromiumArgs() : []), ...(device.browser?.args ?? [])];
  try {
    return await type.launch({
      headless: true,
      ...(install.executablePath ? { executablePath: install.executablePath } : {}),
      ...(install.channel ? { channel: install.channel } : {}),
      args,
    });
  } catch (e) {
    throw new BrowserLaunchError(device, (e as Error).message.split('\n')[0] ?? '');
  }
}

/** Playwright context options for a device: its descriptor, then explicit fields. */
export function contextOptions(device: PlaywrightDevice): BrowserContextOptions {
  let base: BrowserContextOptions = {};
  if (device.emulate) {
    const descriptor = playwrightDevices[device.emulate];
    if (!descriptor) throw new HarnessError(`Device ${device.id}: unknown Playwright descriptor "${device.emulate}"`);
    // Firefox does not support isMobile; keep the rest of the descriptor.
    const { defaultBrowserType: _ignored, ...rest } = descriptor;
    base = device.engine === 'firefox' ? { ...rest, isMobile: undefined } : rest;
  }
  return {
    ...base,
    ...(device.viewport ? { viewport: device.viewport } : {}),
    ...(device.deviceScaleFactor !== undefined ? { deviceScaleFactor: device.deviceScaleFactor } : {}),
    ...(device.isMobile !== undefined && device.engine !== 'firefox' ? { isMobile: device.isMobile } : {}),
    ...(device.hasTouch !== undefined ? { hasTouch: device.hasTouch } : {}),
    ...(device.userAgent ? { userAgent: device.userAgent } : {}),
    locale: device.locale,
    serviceWorkers: 'allow',
  };
}

function resolve(where: Page | Frame, l: Locator): PwLocator {
  // A locator with `frame:` is looked for inside that iframe (or chain of iframes), of any origin.
  let page: Page | Frame | FrameLocator = where;
  for (const css of framesOf(l)) page = page.frameLocator(css);
  if ('role' in l) {
    return page
      .getByRole(l.role as Parameters<Page['getByRole']>[0], {
        ...(l.name !== undefined ? { name: l.name } : {}),
        ...(l.exact !== undefined ? { exact: l.exact } : {}),
      })
      .first();
  }
  if ('label' in l) return page.getByLabel(l.label).first();
  if ('text' in l) return page.getByText(l.text).first();
  if ('placeholder' in l) return page.getByPlaceholder(l.placeholder).first();
  if ('testId' in l) return page.getByTestId(l.testId).first();
  if ('title' in l) return page.getByTitle(l.title).first();
  return page.locator(l.css).first();
}

/** How often goto asks again when the page being left navigated itself in the meantime. */
const GOTO_ATTEMPTS = 3;

export class PlaywrightSession implements BrowserSession {
  readonly engine: Engine;
  readonly browserVersion: string;
  readonly features = { console: true, pageErrors: true, network: true };
  private readonly context: BrowserContext;
  private readonly page: Page;

  private constructor(engine: Engine, version: string, context: BrowserContext, page: Page) {
    this.engine = engine;
    this.browserVersion = version;
    this.context = context;
    this.page = page;
    // A browser that crashes or is killed mid-suite is a harness failure, never a vendor result.
    context
      .browser()
      ?.once('disconnected', () => (this.lostReason ??= 'the browser closed or crashed during gathering'));
    page.once('crash', () => (this.lostReason ??= 'the browser tab crashed during gathering'));
    // Closed by anyone but this session (the runner's teardown after a timeout): what was recorded
    // afterwards is not the vendor's doing, and the evidence is not complete.
    context.once('close', () => {
      if (!this.closedByUs)
        this.lostReason ??= "the browser context was closed (by the harness's teardown) before gathering finished";
    });
    // The page's windows and dialogs are counted; dialogs are dismissed (as Playwright does when no
    // one listens), so that a page showing them cannot stall the session.
    context.on('page', (p) => {
      if (p !== page) this.windowsOpened++;
    });
    context.on('dialog', (d) => {
      this.dialogsShown++;
      d.dismiss().catch(() => undefined);
    });
    // Requests still open, for `waitFor: { network: idle }` (the page's and its frames').
    page.on('request', (r) => this.inflight.add(r));
    const done = (r: import('playwright').Request): void => {
      this.inflight.delete(r);
      this.lastNetworkChange = performance.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  private readonly inflight = new Set<import('playwright').Request>();
  private lastNetworkChange = performance.now();

  private closedByUs = false;
  private windowsOpened = 0;
  private dialogsShown = 0;

  disturbances(): { windows: number; dialogs: number } {
    return { windows: this.windowsOpened, dialogs: this.dialogsShown };
  }

  private lostReason: string | undefined;

  /** Why the browser went away (crashed, killed, disconnected); undefined while it is alive. */
  lost(): string | undefined {
    return this.lostReason;
  }

  static async open(browser: Browser, device: Device, options: SessionOptions = {}): Promise<PlaywrightSession> {
    if (device.driver !== 'playwright')
      throw new HarnessError(`Device ${device.id} is driven by ${device.driver}, not Playwright`);
    const auth = options.httpCredentials;
    const context = await browser.newContext({
      ...contextOptions(device),
      // Answered only when the service's origin challenges (Basic or Digest, as the browser negotiates), never
      // sent to another origin nor before a challenge.
      ...(auth ? { httpCredentials: { ...auth, send: 'unauthorized' as const } } : {}),
    });
    const page = await context.newPage();
    return new PlaywrightSession(device.engine, browser.version(), context, page);
  }

  viewport(): { width: number; height: number } {
    return this.page.viewportSize() ?? { width: 0, height: 0 };
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  async goto(url: string, timeoutMs: number): Promise<{ status: number | null }> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        const timeout = Math.max(1, deadline - Date.now());
        const response = await this.page.goto(url, { timeout, waitUntil: 'load' });
        return { status: response?.status() ?? null };
      } catch (e) {
        // The document being left navigated itself (a timed redirect, a reload loop) just as the harness
        // asked for the next URL: that navigation is the old page's, not an answer to ours. Under load the
        // old document keeps its timers for as long as our request takes to commit, so asking again can
        // lose the same race: leave it first through about:blank, which commits without a request.
        const leftBehind = /interrupted by another navigation/i.test((e as Error).message ?? '');
        if (leftBehind && attempt < GOTO_ATTEMPTS && Date.now() < deadline) {
          await this.leaveForBlank(deadline);
          continue;
        }
        throw NavigationError.from(e, url);
      }
    }
  }

  /**
   * Leaves the current document for about:blank and waits until about:blank is what the page shows: the
   * old document's own navigation can interrupt ours too, and until about:blank has committed its timers
   * still run.
   */
  private async leaveForBlank(deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      await this.page.goto('about:blank', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
      await this.page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
      if (this.page.url() === 'about:blank') return;
    }
  }

  private async act(target: Locator, what: string, fn: (l: PwLocator) => Promise<unknown>): Promise<void> {
    try {
      await fn(resolve(this.page, target));
    } catch (e) {
      throw actionFailed(what, target, e);
    }
  }

  click(target: Locator, timeoutMs: number): Promise<void> {
    return this.act(target, 'click', async (l) => {
      await l.click({ timeout: timeoutMs });
      // Let a navigation the click started settle before the next action.
      await this.page.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
    });
  }

  submit(target: Locator, timeoutMs: number): Promise<void> {
    // noWaitAfter: Playwright would otherwise hold the click until the navigation it starts has its answer.
    return this.act(target, 'click', (l) => l.click({ timeout: timeoutMs, noWaitAfter: true }));
  }

  fill(target: Locator, value: string, timeoutMs: number): Promise<void> {
    return this.act(target, 'fill', (l) => l.fill(value, { timeout: timeoutMs }));
  }

  select(target: Locator, option: string, timeoutMs: number): Promise<void> {
    return this.act(target, 'select in', (l) => l.selectOption({ label: option }, { timeout: timeoutMs }));
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    await this.page.waitForLoadState('load').catch(() => undefined);
  }

  /**
   * Waits for the element; false when it did not become visible — but a page that kept loading new
   * documents by itself meanwhile (RESTLESS_DOCUMENTS or more) was never still long enough to be
   * looked at: that is PageUnexaminableError('navigated'), the page's doing, not a missing element.
   * A page that loaded fewer (a loaded machine slows every load) but goes on loading documents by itself
   * once the wait is over is the same page; one that settled (a redirect chain that ended) is not.
   */
  async waitForVisible(target: Locator, timeoutMs: number): Promise<boolean> {
    let documents = 0;
    const main = this.page.mainFrame();
    const onNavigated = (f: Frame): void => {
      if (f === main) documents++;
    };
    this.page.on('framenavigated', onNavigated);
    try {
      await resolve(this.page, target).waitFor({ state: 'visible', timeout: timeoutMs });
      return true;
    } catch {
      if (this.page.isClosed() || documents === 0) return false;
      const during = documents;
      let restless = during >= RESTLESS_DOCUMENTS;
      if (!restless) {
        const deadline = Date.now() + RESTLESS_AFTER_MS;
        while (documents === during && Date.now() < deadline && !this.page.isClosed())
          await new Promise((r) => setTimeout(r, 50));
        restless = documents > during && !this.page.isClosed();
      }
      if (restless) {
        const seconds = Math.round(timeoutMs / 100) / 10;
        const what = `while the harness waited for ${describeLocator(target)} to be visible`;
        const after = documents > during ? `, and went on loading more after the wait` : '';
        throw new PageUnexaminableError(
          'navigated',
          `The page loaded ${during} documents by itself in ${seconds} s ${what}${after}`,
        );
      }
      return false;
    } finally {
      this.page.off('framenavigated', onNavigated);
    }
  }

  isVisible(target: Locator): Promise<boolean> {
    return resolve(this.page, target).isVisible();
  }

  async textOf(target: Locator): Promise<string | null> {
    const l = resolve(this.page, target);
    if ((await l.count()) === 0) return null;
    return (await l.innerText({ timeout: 2_000 }).catch(() => null))?.trim() ?? null;
  }

  hover(target: Locator, timeoutMs: number): Promise<void> {
    return this.act(target, 'hover over', (l) => l.hover({ timeout: timeoutMs }));
  }

  scrollIntoView(target: Locator, timeoutMs: number): Promise<void> {
    return this.act(target, 'scroll to', (l) => l.scrollIntoViewIfNeeded({ timeout: timeoutMs }));
  }

  pressOn(target: Locator, key: string, timeoutMs: number): Promise<void> {
    return this.act(target, `press ${key} on`, async (l) => {
      await l.press(key, { timeout: timeoutMs });
      await this.page.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
    });
  }

  async waitForHidden(target: Locator, timeoutMs: number): Promise<boolean> {
    return resolve(this.page, target)
      .waitFor({ state: 'hidden', timeout: timeoutMs })
      .then(
        () => true,
        () => false,
      );
  }

  async waitForNetworkIdle(
    quietMs: number,
    timeoutMs: number,
  ): Promise<{ idle: boolean; open: string[]; how: string }> {
    const deadline = performance.now() + timeoutMs;
    // Quiet from now on: a request that finished just before the wait does not count against it.
    let quietSince = performance.now();
    while (performance.now() < deadline) {
      if (this.inflight.size > 0) quietSince = Math.max(performance.now(), this.lastNetworkChange);
      else if (performance.now() - Math.max(quietSince, this.lastNetworkChange) >= quietMs)
        return { idle: true, open: [], how: 'no request open' };
      await new Promise((r) => setTimeout(r, 50));
    }
    return { idle: false, open: [...this.inflight].map((r) => r.url()).slice(0, 5), how: 'no request open' };
  }

  async download(target: Locator, timeoutMs: number, file: (suggestedName: string) => string): Promise<DownloadResult> {
    // The response that carried the download, for its Content-Type (Playwright's Download has no headers).
    const responses: import('playwright').Response[] = [];
    const onResponse = (r: import('playwright').Response): void => void responses.push(r);
    this.context.on('response', onResponse);
    try {
      let download: Download | undefined;
      await this.act(target, 'download from', async (l) => {
        const started = this.page.waitForEvent('download', { timeout: timeoutMs });
        started.catch(() => undefined);
        await l.click({ timeout: timeoutMs });
        download = await started.catch(() => undefined);
      });
      if (!download) throw new ActionError(`Clicking ${describeLocator(target)} started no download`);
      const path = file(download.suggestedFilename());
      await download.saveAs(path);
      const failure = await download.failure();
      if (failure) throw new ActionError(`The download from ${describeLocator(target)} failed: ${failure}`);
      const url = download.url();
      const response = responses.find((r) => r.url() === url);
      const contentType = response ? ((await response.allHeaders())['content-type'] ?? null) : null;
      return { suggestedName: download.suggestedFilename(), url, contentType, via: 'browser' };
    } finally {
      this.context.off('response', onResponse);
    }
  }

  async diagnose(target: Locator): Promise<LocatorDiagnosis> {
    let where: Page | Frame = this.page;
    for (const css of framesOf(target)) {
      const handle: import('playwright').ElementHandle | null = await where
        .locator(css)
        .first()
        .elementHandle({ timeout: 1_000 })
        .catch(() => null);
      const frame: Frame | null | undefined = await handle?.contentFrame();
      if (!frame) return { frameFound: false, count: 0, visible: false, enabled: false, candidates: [] };
      where = frame;
    }
    const r = await evaluateIn(where, locateProbe, { locator: target, mark: null, diagnose: true }, 5_000);
    return diagnosisOf(r);
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async addInitScript(source: string): Promise<void> {
    await this.context.addInitScript({ content: source });
  }

  get isolated(): boolean {
    return utilityWorld(this.page.mainFrame()) !== undefined;
  }

  evaluate<A, R>(probe: Probe<A, R>, arg: A): Promise<R> {
    return evaluateIn(this.page, probe, arg, EVALUATE_TIMEOUT_MS);
  }

  async runScript(source: string): Promise<void> {
    // The completion value is never wanted: `void 0` spares serialising it (axe-core's source ends on
    // a large object; ~70 ms less per injection in a micro-benchmark, within noise on the demo pages).
    const expression = `${source}\n;void 0`;
    const frame = this.page.mainFrame();
    const iso = utilityWorld(frame);
    await settled(
      this.page,
      iso
        ? iso._evaluateExpression(expression, { isFunction: false, world: 'utility' }, undefined)
        : frame.evaluate(expression),
      EVALUATE_TIMEOUT_MS,
    );
  }

  async screenshot(file: string, options: ScreenshotOptions = {}): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    const secrets = options.secrets?.length ? [...options.secrets] : undefined;
    if (secrets) await this.evaluate(maskTextProbe, { needles: secrets, colour: MASK_COLOUR });
    try {
      await this.page.screenshot({
        path: file,
        fullPage: options.fullPage ?? false,
        mask: (options.mask ?? []).map((l) => resolve(this.page, l)),
        maskColor: MASK_COLOUR,
        animations: 'disabled',
        timeout: 10_000,
      });
    } finally {
      if (secrets) await this.evaluate(unmaskProbe, undefined).catch(() => undefined);
    }
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async title(): Promise<string> {
    return this.page.title().catch(() => '');
  }

  listen(listeners: SessionListeners): () => void {
    const onConsole = (msg: import('playwright').ConsoleMessage): void => {
      const type = msg.type();
      if (type !== 'error' && type !== 'warning') return;
      const loc = msg.location();
      listeners.console?.({
        level: type,
        text: msg.text(),
        ...(loc.url ? { location: `${loc.url}:${loc.lineNumber + 1}` } : {}),
      });
    };
    const onPageError = (err: Error): void => listeners.pageError?.(err.message);
    const onFailed = (req: import('playwright').Request): void =>
      listeners.requestFailed?.({
        url: req.url(),
        method: req.method(),
        status: null,
        failure: req.failure()?.errorText ?? 'failed',
        resourceType: req.resourceType(),
      });
    const onResponse = (res: import('playwright').Response): void => {
      if (res.status() < 400) return;
      const req = res.request();
      listeners.requestFailed?.({
        url: res.url(),
        method: req.method(),
        status: res.status(),
        failure: null,
        resourceType: req.resourceType(),
      });
    };
    this.page.on('console', onConsole);
    this.page.on('pageerror', onPageError);
    this.page.on('requestfailed', onFailed);
    this.page.on('response', onResponse);
    return () => {
      this.page.off('console', onConsole);
      this.page.off('pageerror', onPageError);
      this.page.off('requestfailed', onFailed);
      this.page.off('response', onResponse);
    };
  }

  frame(css: string): PageScope {
    const page = this.page;
    // Firefox over WebDriver BiDi does not deliver real clicks into a cross-origin frame (no request
    // is sent); there a DOM click event stands in, which activates buttons and links the same way.
    const element = () => page.locator(css).first();
    return scopeOf(
      this.engine === 'firefox',
      async (timeoutMs) => {
        const handle = await element()
          .elementHandle({ timeout: timeoutMs })
          .catch(() => null);
        const frame = await handle?.contentFrame();
        if (!frame) throw new ActionError(`Could not find the frame ${css}`);
        return frame;
      },
      // After a click, without waiting for the frame to come back: a page that navigated has no frame to settle.
      async () => {
        if ((await within(element().count(), 1_000, 'count')) === 0) return undefined;
        return (
          (await (
            await element()
              .elementHandle({ timeout: 1_000 })
              .catch(() => null)
          )?.contentFrame()) ?? undefined
        );
      },
    );
  }

  async popup(trigger: () => Promise<void>, timeoutMs: number): Promise<PopupScope> {
    const opened = this.context.waitForEvent('page', { timeout: timeoutMs });
    await trigger();
    let popup: Page;
    try {
      popup = await opened;
    } catch {
      throw new ActionError('No popup window opened');
    }
    await popup.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
    return {
      ...scopeOf(false, async () => popup),
      closed: () => popup.isClosed(),
      close: () => popup.close().catch(() => undefined),
    };
  }

  async emulateNetwork(c: {
    latencyMs: number;
    downloadKbps: number;
    uploadKbps: number;
  }): Promise<{ applied: boolean; reason?: string }> {
    if (this.engine !== 'chromium') {
      return {
        applied: false,
        reason: `Playwright can throttle the network only on Chromium (DevTools protocol); this is ${this.engine}`,
      };
    }
    const cdp = await this.context.newCDPSession(this.page);
    await cdp.send('Network.enable');
    // DevTools protocol throughput is in bytes per second.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: c.latencyMs,
      downloadThroughput: (c.downloadKbps * 1024) / 8,
      uploadThroughput: (c.uploadKbps * 1024) / 8,
    });
    return { applied: true };
  }

  private listenerSession: CDPSession | undefined;

  async markListeners(
    types: readonly string[],
    attribute: string,
  ): Promise<{ observable: true; marked: number } | { observable: false; reason: string }> {
    if (this.engine !== 'chromium' || !this.isolated)
      return {
        observable: false,
        reason:
          `event listeners are seen only through the DevTools protocol on a local Chromium; this ` +
          `is ${this.engine}`,
      };
    this.listenerSession ??= await this.context.newCDPSession(this.page);
    const cdp = this.listenerSession;
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: root.nodeId, objectGroup: 'erh-listeners' });
    try {
      // depth -1: the listeners of the whole subtree, each with the node it is on (backendNodeId).
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: object.objectId ?? '',
        depth: -1,
        pierce: false,
      });
      const wanted = new Set(types);
      const byNode = new Map<number, Set<string>>();
      for (const l of listeners) {
        if (l.backendNodeId === undefined || !wanted.has(l.type)) continue;
        const set = byNode.get(l.backendNodeId) ?? new Set<string>();
        set.add(l.type);
        byNode.set(l.backendNodeId, set);
      }
      const ids = [...byNode.keys()].slice(0, 5000);
      if (ids.length === 0) return { observable: true, marked: 0 };
      const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: ids });
      let marked = 0;
      for (const [i, nodeId] of nodeIds.entries()) {
        if (!nodeId) continue;
        const value = [...(byNode.get(ids[i] as number) ?? [])].sort().join(' ');
        // Only elements take attributes (window and document listeners have no node to mark).
        await cdp.send('DOM.setAttributeValue', { nodeId, name: attribute, value }).then(
          () => marked++,
          () => undefined,
        );
      }
      return { observable: true, marked };
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'erh-listeners' }).catch(() => undefined);
    }
  }

  async movePointer(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }

  async capture(
    clip: { x: number; y: number; width: number; height: number },
    options: { animations?: 'allow' | 'disabled' } = {},
  ): Promise<Buffer> {
    return this.page.screenshot({
      clip,
      animations: options.animations ?? 'disabled',
      caret: 'hide',
      scale: 'css',
      timeout: 10_000,
    });
  }

  async cookies(): Promise<SessionCookie[]> {
    return (await this.context.cookies()).map((c) => ({ ...c }));
  }

  async resetState(): Promise<void> {
    for (const extra of this.context.pages()) {
      if (extra === this.page) continue;
      closing.add(extra);
      await extra.close().catch(() => undefined);
    }
    await this.context.clearCookies();
    await this.page.goto('about:blank').catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closedByUs = true;
    for (const p of this.context.pages()) closing.add(p);
    await this.context.close().catch(() => undefined);
  }
}

/** Documents a page may load by itself during one wait before it counts as never holding still. */
const RESTLESS_DOCUMENTS = 3;
/** After a wait that saw fewer: the page still loading a document by itself within this long counts as restless. */
const RESTLESS_AFTER_MS = 1_500;

/** How long one probe may take before the page counts as hung (axe-core on a large page takes seconds). */
const EVALUATE_TIMEOUT_MS = 60_000;

/**
 * Playwright's own (in-process) server object behind a client Frame. It can evaluate in Playwright's
 * utility world — a CDP isolated world on Chromium, a WebDriver BiDi sandbox on Firefox, WebKit's
 * isolated world — which shares the DOM but none of the page's JavaScript: a page that defines
 * `window.axe` or replaces `HTMLElement.prototype.focus` changes nothing there. Playwright's public
 * API evaluates only in the page's own world; this reaches the same server call its own
 * actionability checks use (Playwright is pinned to an exact version in package.json). A browser on a
 * remote Playwright server has no in-process server object: probes run guarded in the page's world.
 */
interface ServerFrame {
  _evaluateExpression(
    expression: string,
    options: { isFunction: boolean; world: 'utility' },
    arg: unknown,
  ): Promise<unknown>;
}
function utilityWorld(frame: Frame): ServerFrame | undefined {
  const impl = (frame as unknown as { _connection?: { toImpl?: (x: unknown) => unknown } })._connection?.toImpl?.(
    frame,
  );
  return impl && typeof (impl as Partial<ServerFrame>)._evaluateExpression === 'function'
    ? (impl as ServerFrame)
    : undefined;
}

/** An action that failed: what it was, on which element, and why (a timeout: not found or not usable in time). */
function actionFailed(what: string, target: Locator, e: unknown): ActionError {
  const msg = (e as Error).message.split('\n')[0] ?? '';
  const why = /Timeout/i.test(msg) ? ': not found or not usable in time' : `: ${msg}`;
  return new ActionError(`Could not ${what} ${describeLocator(target)}${why}`);
}

/** What Playwright's errors say when the document went away under an evaluation. */
const NAVIGATED_AWAY = new RegExp(
  [
    'Execution context was destroyed',
    'context.*(?:was )?destroyed',
    'Frame was detached',
    'frame got detached',
    'navigated',
    'Cannot find context',
  ].join('|'),
  'i',
);

/**
 * `p` settled, with the page's misbehaviour told apart from the harness's: the document went away
 * under the probe (the page navigated), the page closed itself, or it did not answer in `ms` (its
 * main thread hung) are PageUnexaminableError — vendor facts; anything else is rethrown as it is.
 */
async function settled<T>(page: Page, p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PageUnexaminableError(
            'hung',
            `The page did not answer a probe within ${ms / 1000} s (its main thread was busy)`,
          ),
        ),
      ms,
    );
  });
  p.catch(() => undefined);
  try {
    return await Promise.race([p, hung]);
  } catch (e) {
    if (e instanceof PageUnexaminableError) throw e;
    const m = (e as Error).message;
    if (NAVIGATED_AWAY.test(m)) {
      throw new PageUnexaminableError('navigated', 'The page navigated away while it was being examined');
    }
    const connected = page.context().browser()?.isConnected() ?? true;
    if (page.isClosed() && !closing.has(page) && connected) {
      throw new PageUnexaminableError('closed', 'The page closed itself while it was being examined');
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Pages the harness itself is closing: their errors are never the vendor's. */
const closing = new WeakSet<Page>();

/** Runs a probe in `where`'s utility world, or guarded in the page's own world where there is none. */
async function evaluateIn<A, R>(where: Page | Frame, probe: Probe<A, R>, arg: A, ms: number): Promise<R> {
  const frame = 'mainFrame' in where ? where.mainFrame() : where;
  const page = frame.page();
  const iso = utilityWorld(frame);
  // Probes take plain JSON arguments, so Playwright's handle unboxing never applies.
  if (iso)
    return (await settled(
      page,
      iso._evaluateExpression(probe.toString(), { isFunction: true, world: 'utility' }, arg),
      ms,
    )) as R;
  return unguard<R>(
    await settled(page, frame.evaluate(`(${guardedProbeSource(probe)})(${JSON.stringify(arg) ?? 'undefined'})`), ms),
  );
}

/**
 * `p`, or an error after `ms`. Playwright's count() and evaluate() take no timeout, and in Firefox a
 * call into a frame that is navigating away (a login that moves the whole page) can stay pending.
 */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ActionError(`${what} did not answer within ${ms} ms`)), ms);
  });
  p.catch(() => undefined);
  return Promise.race([p, expired]).finally(() => clearTimeout(timer));
}

/** A PageScope over a page or frame found anew for every call (frames are replaced when they navigate). */
function scopeOf(
  syntheticClicks: boolean,
  find: (timeoutMs: number) => Promise<Page | Frame>,
  present?: () => Promise<Page | Frame | undefined>,
): PageScope {
  const act = async (
    target: Locator,
    what: string,
    timeoutMs: number,
    fn: (l: PwLocator) => Promise<unknown>,
  ): Promise<void> => {
    const where = await find(timeoutMs);
    try {
      await fn(resolve(where, target));
    } catch (e) {
      throw actionFailed(what, target, e);
    }
  };
  return {
    click: (t, ms) =>
      act(t, 'click', ms, async (l) => {
        if (syntheticClicks) await l.dispatchEvent('click', undefined, { timeout: ms });
        else await l.click({ timeout: ms });
        // The click may take the frame away (a login that navigates the whole page): settle if it is still there.
        const where = await (present ? present() : find(ms)).catch(() => undefined);
        await where?.waitForLoadState('load', { timeout: ms }).catch(() => undefined);
      }),
    submit: (t, ms) =>
      act(t, 'click', ms, (l) =>
        syntheticClicks
          ? l.dispatchEvent('click', undefined, { timeout: ms })
          : l.click({ timeout: ms, noWaitAfter: true }),
      ),
    fill: (t, v, ms) => act(t, 'fill', ms, (l) => l.fill(v, { timeout: ms })),
    select: (t, o, ms) => act(t, 'select in', ms, (l) => l.selectOption({ label: o }, { timeout: ms })),
    waitForVisible: async (t, ms) => {
      try {
        await resolve(await find(ms), t).waitFor({ state: 'visible', timeout: ms });
        return true;
      } catch {
        return false;
      }
    },
    isVisible: async (t) => resolve(await find(1_000), t).isVisible(),
    textOf: async (t) => {
      const l = resolve(await find(1_000), t);
      if ((await within(l.count(), 2_000, 'count')) === 0) return null;
      return (await l.innerText({ timeout: 2_000 }).catch(() => null))?.trim() ?? null;
    },
    evaluate: async <A, R>(probe: Probe<A, R>, arg: A): Promise<R> =>
      within(evaluateIn(await find(2_000), probe, arg, 5_000), 5_000, 'evaluate'),
    url: async () => (await find(1_000)).url(),
  };
}
