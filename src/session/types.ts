/**
 * BrowserSession: the one interface gatherers use to drive a browser, whatever drives it —
 * Playwright (src/session/playwright.ts) or WebdriverIO over WebDriver classic for WebKitGTK,
 * chromedriver, Appium and remote grids (src/session/webdriver.ts). Everything a gatherer needs
 * from the page runs as an in-page probe — a self-contained function serialised into the page — so
 * the same probe works through CDP, WebDriver BiDi or WebDriver classic.
 */
import type { HttpCredentials, Locator } from '../core/config.ts';
import type { UNEXAMINABLE_CAUSES } from '../core/evidence.ts';
import type { Engine } from '../core/ids.ts';

export interface ConsoleEvent {
  level: 'error' | 'warning';
  text: string;
  location?: string;
}

export interface RequestFailedEvent {
  url: string;
  method: string;
  /** HTTP status when a response arrived (≥ 400), else null. */
  status: number | null;
  failure: string | null;
  resourceType: string;
}

export interface SessionCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Unix time in seconds; −1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

export interface SessionListeners {
  console?: (e: ConsoleEvent) => void;
  pageError?: (message: string) => void;
  requestFailed?: (e: RequestFailedEvent) => void;
}

/** Which events a driver can report; gatherers record "not observable" instead of "none seen". */
export interface SessionFeatures {
  console: boolean;
  pageErrors: boolean;
  network: boolean;
}

/** A self-contained function run inside the page: it may not close over anything outside itself. */
export type Probe<A, R> = (arg: A) => R | Promise<R>;

export interface ScreenshotOptions {
  fullPage?: boolean;
  /** Fields to cover (the login form's card and PIN). */
  mask?: Locator[];
  /** Secrets whose on-screen text is covered (the Redactor's secrets). */
  secrets?: readonly string[];
}

/**
 * What a failed navigation's driver message says, as typed flags — the one place that reads them:
 * Chromium's net::ERR_*, Firefox's NS_ERROR_*, WebKitGTK's and WebDriver servers' own words.
 */
const UNREACHABLE = new RegExp(
  [
    'ERR_CONNECTION_(?:REFUSED|RESET|CLOSED|ABORTED)',
    'ERR_NAME_NOT_RESOLVED',
    'ERR_ADDRESS_UNREACHABLE',
    'ERR_EMPTY_RESPONSE',
    'ERR_SOCKET_NOT_CONNECTED',
    'NS_ERROR_CONNECTION_REFUSED',
    'NS_ERROR_NET_(?:RESET|INTERRUPT)',
    'NS_ERROR_UNKNOWN_HOST',
    'Could not connect',
    'Connection refused',
    'Cannot resolve',
    'Could not resolve',
  ].join('|'),
  'i',
);
const TIMED_OUT = /timeout|timed out/i;

export class NavigationError extends Error {
  override readonly name = 'NavigationError';
  /** The target could not be reached at all (connection refused, DNS, reset). */
  readonly unreachable: boolean;
  /** The page did not load in time. */
  readonly timedOut: boolean;
  constructor(message: string, kind: { unreachable?: boolean; timedOut?: boolean }) {
    super(message);
    this.unreachable = kind.unreachable ?? false;
    this.timedOut = kind.timedOut ?? false;
  }

  /** The NavigationError for a driver's failure to load `url` (Playwright's or WebDriver's), classified. */
  static from(cause: unknown, url: string): NavigationError {
    const m = cause instanceof Error ? cause.message : String(cause);
    const unreachable = UNREACHABLE.test(m);
    const timedOut = TIMED_OUT.test(m);
    const what = unreachable ? 'Could not reach' : timedOut ? 'Timed out loading' : 'Failed to load';
    return new NavigationError(`${what} ${url}: ${m.split('\n')[0]}`, { unreachable, timedOut });
  }
}

/** An action could not be carried out on the page (element missing, not enabled…): a vendor-side fact. */
export class ActionError extends Error {
  override readonly name = 'ActionError';
}

/** How a vendor's page kept the harness from examining it. */
export type UnexaminableCause = (typeof UNEXAMINABLE_CAUSES)[number];

/**
 * The page would not let itself be examined: it navigated away or closed itself while a probe ran,
 * kept a dialog open, hung its main thread, or replaced the built-ins (axe, focus, getComputedStyle…)
 * the probes rely on where the driver offers no isolated world. A vendor-side fact, recorded as a
 * failed step with its cause — never a harness error, never a pass.
 */
export class PageUnexaminableError extends Error {
  override readonly name = 'PageUnexaminableError';
  readonly why: UnexaminableCause;
  constructor(why: UnexaminableCause, message: string) {
    super(message);
    this.why = why;
  }
}

/** What can be done inside one document: the page, an iframe in it, or a popup window. */
export interface PageScope {
  click(target: Locator, timeoutMs: number): Promise<void>;
  /**
   * Clicks a control that sends a form (a login's submit button) and returns once the click is
   * delivered, without waiting for the answer: the caller waits for what the answer shows by its own
   * deadline (a login's `timeoutMs`), so a slow answer is never taken for an unusable button.
   */
  submit(target: Locator, timeoutMs: number): Promise<void>;
  fill(target: Locator, value: string, timeoutMs: number): Promise<void>;
  select(target: Locator, option: string, timeoutMs: number): Promise<void>;
  waitForVisible(target: Locator, timeoutMs: number): Promise<boolean>;
  isVisible(target: Locator): Promise<boolean>;
  textOf(target: Locator): Promise<string | null>;
  evaluate<A, R>(probe: Probe<A, R>, arg: A): Promise<R>;
  url(): Promise<string>;
}

/** A popup window the page opened (e.g. a library login window). */
export interface PopupScope extends PageScope {
  /** The popup has closed itself (or was closed). */
  closed(): boolean;
  close(): Promise<void>;
}

/** What a session is opened with, beyond its device. */
export interface SessionOptions {
  /**
   * Credentials for an HTTP Basic or Digest challenge, given only to `origin` (service YAML `httpAuth`).
   * Only devices whose driver can answer it (runtime.ts `answersHttpAuth`) open a session with them.
   */
  httpCredentials?: HttpCredentials;
}

export interface BrowserSession {
  readonly engine: Engine;
  readonly browserVersion: string;
  readonly features: SessionFeatures;
  viewport(): { width: number; height: number };
  /**
   * Resizes the layout viewport to width × height CSS px (e.g. 320 px wide for WCAG 1.4.10 reflow);
   * `viewport()` reports the new size afterwards. Playwright sets the page's viewport; WebDriver sets
   * the window rect so that the inner size matches.
   */
  setViewport(width: number, height: number): Promise<void>;
  goto(url: string, timeoutMs: number): Promise<{ status: number | null }>;
  click(target: Locator, timeoutMs: number): Promise<void>;
  /** As PageScope.submit: the click that sends a form, without waiting for its answer. */
  submit(target: Locator, timeoutMs: number): Promise<void>;
  fill(target: Locator, value: string, timeoutMs: number): Promise<void>;
  select(target: Locator, option: string, timeoutMs: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Waits until the element is visible; false on timeout. */
  waitForVisible(target: Locator, timeoutMs: number): Promise<boolean>;
  isVisible(target: Locator): Promise<boolean>;
  /** Visible text of the first matching element, or null when there is none. */
  textOf(target: Locator): Promise<string | null>;
  /**
   * Runs a probe in the page's main frame — in a world isolated from the page's own scripts where the
   * driver has one (Playwright's utility world: CDP isolated world on Chromium, a WebDriver BiDi
   * sandbox on Firefox), so the page cannot replace what the probe calls. Where there is none
   * (WebDriver classic, a remote Playwright server), the probe first checks the built-ins it relies
   * on and throws PageUnexaminableError('tampered') when the page replaced them.
   */
  evaluate<A, R>(probe: Probe<A, R>, arg: A): Promise<R>;
  /**
   * Gives the page's window the focus again (after another page of the same browser took it):
   * without it, some engines (Firefox) apply no :focus styles. Optional; may take effect a moment later.
   */
  bringToFront?(): Promise<void>;
  /**
   * Runs script source in the page's own world at the start of every document the session opens
   * from now on, before the page's scripts (e.g. an observer of errors the page handles itself).
   * Optional: drivers without it leave it out and the caller installs what it can later.
   */
  addInitScript?(source: string): Promise<void>;
  /**
   * Evaluates script source (e.g. axe-core) in the same world as `evaluate`; not subject to the
   * page's CSP. Where that world is the page's own, a global the script defines can be replaced by
   * the page: callers must not trust it (src/gather/axe.ts runs axe in the same call instead).
   */
  runScript(source: string): Promise<void>;
  /** Whether `evaluate` runs isolated from the page's scripts (true) or in the page's own world (false). */
  readonly isolated?: boolean;
  /**
   * PNG screenshot of the viewport/full page; `mask` hides fields (card, PIN) before capture, and
   * every on-screen text holding one of `secrets` is covered too (src/session/mask-text.ts). When
   * the covering fails, no screenshot is taken.
   */
  screenshot(file: string, options?: ScreenshotOptions): Promise<void>;
  url(): Promise<string>;
  title(): Promise<string>;
  /** Subscribes to page events; returns an unsubscribe function. */
  listen(listeners: SessionListeners): () => void;
  /**
   * The journey steps beyond click/fill/select/press (src/journey/actions.ts). Each is optional: a
   * driver without one leaves it out and the step fails with "not supported on this driver".
   */
  /** Moves the pointer over the element (menus and tooltips that open on hover). */
  hover?(target: Locator, timeoutMs: number): Promise<void>;
  /** Scrolls the element into view (content that loads when scrolled to). */
  scrollIntoView?(target: Locator, timeoutMs: number): Promise<void>;
  /** Focuses the element, then presses the key there (page turns by key in a reader). */
  pressOn?(target: Locator, key: string, timeoutMs: number): Promise<void>;
  /** Waits until the element is hidden or absent; false on timeout. */
  waitForHidden?(target: Locator, timeoutMs: number): Promise<boolean>;
  /**
   * Waits until the page's network has been quiet for `quietMs`: no request open (Playwright), or no
   * resource finished loading (WebDriver classic, which sees only the Resource Timing entries).
   * `open` names what was still loading when the wait timed out.
   */
  waitForNetworkIdle?(quietMs: number, timeoutMs: number): Promise<{ idle: boolean; open: string[]; how: string }>;
  /**
   * Activates the control and saves the file it downloads at the path `file(suggestedName)` gives.
   * Playwright catches the browser's own download; WebDriver classic cannot see one, and fetches a
   * link's href with the session's cookies instead (`via: 'link'`), refusing a control that is no link.
   */
  download?(target: Locator, timeoutMs: number, file: (suggestedName: string) => string): Promise<DownloadResult>;
  /**
   * What the page holds instead of the element a locator names: how many match, whether the one
   * found is visible, enabled and not covered by another element, and the nearest candidates by
   * role and name (for failure messages the evaluator fixes the YAML from).
   */
  diagnose?(target: Locator): Promise<LocatorDiagnosis>;
  /**
   * The document inside an <iframe> (CSS selector of the iframe element), for logins embedded in a
   * frame. Optional: drivers that cannot enter frames leave it out and the strategy says so.
   */
  frame?(css: string): PageScope;
  /** Runs `trigger`, which must open a popup window, and returns the popup. Optional like `frame`. */
  popup?(trigger: () => Promise<void>, timeoutMs: number): Promise<PopupScope>;
  /** Clears cookies and storage (a new patron). */
  resetState(): Promise<void>;
  /**
   * Throttles the page's network (latency, throughput) where the driver can; absent or
   * `{ applied: false, reason }` where it cannot (the timings then say "not applied").
   */
  emulateNetwork?(conditions: {
    latencyMs: number;
    downloadKbps: number;
    uploadKbps: number;
  }): Promise<{ applied: boolean; reason?: string }>;
  /**
   * Marks every element of the main document that has its own event listener of one of `types`
   * (added by script, as a property or as an attribute) with `attribute` = the types it listens to,
   * space-separated; as the browser's debugger sees them (Chromium: DevTools protocol
   * `DOMDebugger.getEventListeners`). `{ observable: false, reason }` where the driver cannot see
   * listeners: callers record "not observable", never "none". Optional like `emulateNetwork`.
   */
  markListeners?(
    types: readonly string[],
    attribute: string,
  ): Promise<{ observable: true; marked: number } | { observable: false; reason: string }>;
  /** Moves the mouse pointer to (x, y) in the viewport, CSS px (to hover a point). Optional. */
  movePointer?(x: number, y: number): Promise<void>;
  /**
   * PNG of a region of the viewport (CSS px), kept in memory and never written (pixel comparisons
   * such as focus visibility). `animations: 'disabled'` finishes transitions first. Optional.
   */
  capture?(
    clip: { x: number; y: number; width: number; height: number },
    options?: { animations?: 'allow' | 'disabled' },
  ): Promise<Buffer>;
  /** The session's cookies (Playwright), so that Lighthouse can audit a logged-in page in its own Chrome. */
  cookies?(): Promise<SessionCookie[]>;
  /**
   * What the page has done to the session so far (counts since it opened): windows it opened and
   * dialogs (alert, confirm, prompt, beforeunload) it showed — dismissed by the session. Optional:
   * drivers that cannot see them leave it out (WebDriver classic meets a dialog as an error instead).
   */
  disturbances?(): { windows: number; dialogs: number };
  /**
   * Why the session's browser went away (crashed, killed, disconnected), or undefined while it is
   * alive. Gatherers turn a lost session into a harness error (retried), never into a vendor result.
   */
  lost?(): string | undefined;
  close(): Promise<void>;
}

/** A file a download step saved (src/session drivers; the journey turns it into typed evidence). */
export interface DownloadResult {
  /** The name the server or the page suggested (vendor text). */
  suggestedName: string;
  /** Where the download came from. */
  url: string;
  /** Content-Type as served; null where the driver cannot see the response headers. */
  contentType: string | null;
  /** browser: the browser's own download; link: the link's href fetched with the session's cookies. */
  via: 'browser' | 'link';
}

/** What a locator found, for failure messages (src/session/locate.ts locateProbe with `diagnose`). */
export interface LocatorDiagnosis {
  /** The locator's frame was found (always true without `frame`). */
  frameFound: boolean;
  /** How many elements match. */
  count: number;
  /** The chosen match is visible / enabled. */
  visible: boolean;
  enabled: boolean;
  /** The element on top at the chosen match's centre, when it is not the match (a dialog covering it). */
  obscuredBy?: { role: string | null; name: string; tag: string };
  /** Elements on the page nearest to what the locator names, best first, each with a locator that finds it. */
  candidates: Array<{ role: string | null; name: string; tag: string; locator: string }>;
}

/** The iframes (CSS selectors, outermost first) a locator's element is in; empty when it is in the page. */
export function framesOf(l: Locator): string[] {
  return l.frame === undefined ? [] : typeof l.frame === 'string' ? [l.frame] : [...l.frame];
}

export function describeLocator(l: Locator): string {
  const frames = framesOf(l);
  const where = frames.length ? ` in frame ${frames.map((f) => `"${f}"`).join(' → ')}` : '';
  return describeElement(l) + where;
}

function describeElement(l: Locator): string {
  if ('role' in l) return `${l.role}${l.name ? ` "${l.name}"` : ''}`;
  if ('label' in l) return `field labelled "${l.label}"`;
  if ('text' in l) return `text "${l.text}"`;
  if ('placeholder' in l) return `field with placeholder "${l.placeholder}"`;
  if ('testId' in l) return `test id "${l.testId}"`;
  if ('title' in l) return `element titled "${l.title}"`;
  return `element "${l.css}"`;
}
