/**
 * `erh record <url>`: the evaluator uses the vendor's site in a headed browser while Playwright's
 * recorder (its programmatic recording API, the one behind codegen) writes down each action with
 * the locator Playwright would choose — role and name, label, placeholder, text, title or test id
 * before CSS. erh turns the recording into journey YAML: a step per page state reached (its main
 * heading becomes the step's `expect`), and a card + PIN typed into a login form becomes the
 * service's `login:` block and a `login: valid` action, with the patron's environment references in
 * place of what was typed. Typed card numbers and PINs stay in this process's memory only.
 *
 * The translation (recorded actions → YAML) is pure and tested alone; the browser part is thin.
 */
import YAML from 'yaml';
import { ServiceSchema, isAriaRole, isBrowserFormStrategy, type Locator } from '../core/config.ts';
import { ConfigError } from '../core/errors.ts';
import { formatIssues } from '../config/issues.ts';
import { envPrefix, slugify } from './init.ts';

// ───────────────────────────── what Playwright's recorder hands over ─────────────────────────────

/** A locator as Playwright's JSONL code generator writes it: kind, body, options, and the next link of a chain. */
export interface PwLocator {
  kind: string;
  body: unknown;
  options?: { name?: unknown; exact?: boolean; hasText?: unknown };
  next?: PwLocator;
}

/** One recorded action (Playwright's JSONL entry), or a page state erh observed (`pageState`). */
export interface RecordedEntry {
  name: string;
  url?: string;
  text?: string;
  key?: string;
  modifiers?: number;
  options?: string[];
  clickCount?: number;
  locator?: PwLocator;
  /** Set by erh from the element itself: a password, PIN or one-time-code field. */
  secret?: boolean;
  /** pageState: the page's main heading once it settled. */
  heading?: string;
}

type Action = Record<string, unknown>;
export interface RecordedStep {
  id: string;
  name?: string;
  actions: Action[];
}
export interface RecordedLogin {
  start: Action[];
  card?: Locator;
  pin: Locator;
  submit?: Locator;
  success?: Locator;
}
export interface Translation {
  journey: RecordedStep[];
  login?: RecordedLogin;
  patrons?: { valid: { card: { env: string }; pin: { env: string } } };
  /** What the evaluator should check or finish by hand. */
  notes: string[];
}

const SECRET_NAME = /\b(pin|pin-koodi|salasana|tunnusluku|password|passcode|lösenord|pin-kod)\b/i;

/** Playwright's locator chain as erh's Locator: frames become `frame:`, the rest maps kind by kind. */
export function toLocator(pw: PwLocator | undefined, notes: string[]): Locator | undefined {
  if (!pw) return undefined;
  const chain: PwLocator[] = [];
  for (let l: PwLocator | undefined = pw; l; l = l.next) chain.push(l);
  const frames: string[] = [];
  let i = 0;
  // `locator('iframe#x').contentFrame()` (or a title/role for the iframe) before the element's own locator.
  while (chain[i + 1]?.kind === 'frame') {
    const f = chain[i] as PwLocator;
    const css =
      f.kind === 'default' && typeof f.body === 'string'
        ? f.body
        : f.kind === 'title' && typeof f.body === 'string'
          ? `iframe[title=${JSON.stringify(f.body)}]`
          : f.kind === 'test-id' && typeof f.body === 'string'
            ? `iframe[data-testid=${JSON.stringify(f.body)}]`
            : 'iframe';
    frames.push(css);
    i += 2;
  }
  const [el, ...rest] = chain.slice(i);
  if (!el) return undefined;
  const body = typeof el.body === 'string' ? el.body : undefined;
  const name = typeof el.options?.name === 'string' ? el.options.name : undefined;
  let loc: Locator | undefined;
  switch (el.kind) {
    case 'role':
      // Playwright's codegen names only roles getByRole accepts; one it does not is left unrecorded.
      if (body && isAriaRole(body))
        loc = { role: body, ...(name !== undefined ? { name } : {}), ...(el.options?.exact ? { exact: true } : {}) };
      break;
    case 'label':
      if (body) loc = { label: body };
      break;
    case 'placeholder':
      if (body) loc = { placeholder: body };
      break;
    case 'text':
      if (body) loc = { text: body };
      break;
    case 'title':
      if (body) loc = { title: body };
      break;
    case 'test-id':
      if (body) loc = { testId: body };
      break;
    case 'alt':
      if (body) loc = { role: 'img', name: body };
      break;
    case 'default':
      if (body && !body.startsWith('internal:') && !body.startsWith('xpath=')) loc = { css: body };
      break;
  }
  if (!loc) {
    notes.push(`a ${el.kind} locator Playwright chose has no YAML form: that action was left out`);
    return undefined;
  }
  if (rest.some((r) => r.kind === 'nth' || r.kind === 'first' || r.kind === 'last'))
    notes.push(
      `${describe(loc)} matched several elements when recorded: make it unique (exact: true, or another locator)`,
    );
  if (frames.length) return { ...loc, frame: frames.length === 1 ? (frames[0] as string) : frames } as Locator;
  return loc;
}

function describe(l: Locator): string {
  const { frame: _frame, ...rest } = l as Locator & { frame?: unknown };
  void _frame;
  return JSON.stringify(rest);
}

const MODIFIERS: Array<[number, string]> = [
  [1, 'Alt'],
  [2, 'Control'],
  [4, 'Meta'],
  [8, 'Shift'],
];

function isSecretField(e: RecordedEntry): boolean {
  if (e.secret) return true;
  const l = e.locator;
  const text = [l?.body, l?.options?.name].filter((x): x is string => typeof x === 'string').join(' ');
  return SECRET_NAME.test(text);
}

/** A recorded address as a journey goto: a path when it is on the service's site, else the absolute URL. */
export function gotoFor(url: string, baseUrl: string): string {
  const u = new URL(url);
  const base = new URL(baseUrl);
  u.username = '';
  u.password = '';
  return u.origin === base.origin ? `${u.pathname}${u.search}${u.hash}` : u.href;
}

/**
 * Recorded entries → journey steps (and the login, when a PIN was typed). A step ends where a page
 * state is reached: an assertion the evaluator recorded, or a page (or SPA route) that settled with
 * its main heading, which becomes the step's `expect`.
 */
export function translateRecording(input: {
  entries: readonly RecordedEntry[];
  baseUrl: string;
  serviceId: string;
  /** The service's own patron references (when recording for an existing service). */
  patrons?: { card: string; pin: string };
}): Translation {
  const notes: string[] = [];
  const steps: RecordedStep[] = [];
  const ids = new Set<string>();
  let actions: Action[] = [];
  let stepUrl = input.baseUrl;
  let url = input.baseUrl;
  let login: RecordedLogin | undefined;
  let awaiting: 'submit' | 'success' | undefined;
  /** The note that login.success is only a heading, while a better element may still be asserted. */
  let headingSuccess: string | undefined;

  const close = (heading?: string): void => {
    if (actions.length === 0) return;
    const path = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
    const hasLogin = actions.some((a) => 'login' in a);
    let id = steps.length === 0 ? 'landing' : slugify(decodeURIComponent(path)) || (hasLogin ? 'logged-in' : 'page');
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    steps.push({ id, ...(heading ? { name: heading } : {}), actions });
    actions = [];
    stepUrl = url;
  };

  for (const e of input.entries) {
    switch (e.name) {
      case 'openPage':
      case 'navigate': {
        if (!e.url || !/^https?:/.test(e.url)) break;
        const goto = gotoFor(e.url, input.baseUrl);
        // The same address again (the recorder notes the start page as erh opens it): one goto.
        if (actions.length === 1 && (actions[0] as { goto?: string }).goto === goto) break;
        close();
        url = e.url;
        stepUrl = e.url;
        actions.push({ goto });
        break;
      }
      case 'pageState': {
        if (e.url) url = e.url;
        if (actions.length === 0) break;
        if ('expect' in (actions.at(-1) ?? {})) {
          close(e.heading);
          break;
        }
        if (e.heading) {
          const expect: Locator = { role: 'heading', name: e.heading };
          actions.push({ expect });
          if (awaiting === 'success') {
            login = { ...(login as RecordedLogin), success: expect };
            awaiting = undefined;
            headingSuccess =
              `login.success is the heading after logging in (${JSON.stringify(e.heading)}): ` +
              'better an element shown only when logged in, e.g. the log-out button';
            notes.push(headingSuccess);
          }
        }
        close(e.heading);
        break;
      }
      case 'fill': {
        const target = toLocator(e.locator, notes);
        if (!target) break;
        if (isSecretField(e)) {
          // A login: the card typed just before, the PIN now; what led here on this page brings the form up.
          const cardAt = actions.findLastIndex((a) => 'fill' in a);
          const card =
            cardAt >= 0 ? ((actions[cardAt] as { fill: { target: Locator } }).fill.target as Locator) : undefined;
          if (cardAt >= 0) actions.splice(cardAt, 1);
          else notes.push('no card number was typed before the PIN on that page: set login.card to the card field');
          if (login) notes.push('a PIN was typed a second time: that step logs in as the valid patron too');
          else {
            const before = actions.filter((a) => !('goto' in a));
            login = {
              start: [{ goto: gotoFor(stepUrl, input.baseUrl) }, ...before],
              ...(card ? { card } : {}),
              pin: target,
            };
          }
          actions = [{ login: 'valid' }];
          awaiting = 'submit';
          break;
        }
        actions.push({ fill: { target, value: e.text ?? '' } });
        break;
      }
      case 'click':
      case 'check':
      case 'uncheck': {
        const target = toLocator(e.locator, notes);
        if (!target) break;
        if (awaiting === 'submit') {
          login = { ...(login as RecordedLogin), submit: target };
          awaiting = 'success';
          break;
        }
        if (e.clickCount === 2) notes.push(`${describe(target)} was double-clicked: the journey clicks it once`);
        actions.push({ click: target });
        break;
      }
      case 'press': {
        if (!e.key) break;
        if (awaiting === 'submit' && e.key === 'Enter') {
          notes.push('the login form was sent with Enter: set login.submit to the button that sends it');
          awaiting = 'success';
          break;
        }
        const mods = MODIFIERS.filter(([bit]) => ((e.modifiers ?? 0) & bit) !== 0).map(([, n]) => n);
        actions.push({ press: [...mods, e.key].join('+') });
        break;
      }
      case 'select': {
        const target = toLocator(e.locator, notes);
        const option = e.options?.[0];
        if (!target || option === undefined) break;
        notes.push(
          `select ${JSON.stringify(option)}: Playwright records the option's value; the journey needs its visible text`,
        );
        actions.push({ select: { target, option } });
        break;
      }
      case 'assertVisible':
      case 'assertText': {
        const target = toLocator(e.locator, notes);
        if (!target) break;
        const previous = steps.at(-1);
        if (actions.length === 0 && previous) {
          // An assertion on the page state just reached belongs to that state's step.
          previous.actions.push({ expect: target });
          if (headingSuccess && previous.actions.some((a) => 'login' in a)) {
            login = { ...(login as RecordedLogin), success: target };
            notes.splice(notes.indexOf(headingSuccess), 1);
            headingSuccess = undefined;
          }
          break;
        }
        actions.push({ expect: target });
        if (awaiting === 'success') {
          login = { ...(login as RecordedLogin), success: target };
          awaiting = undefined;
        }
        close();
        break;
      }
      case 'closePage':
        break;
      default:
        notes.push(`a recorded "${e.name}" has no journey action yet: it was left out`);
    }
  }
  close();
  if (login && !login.submit && awaiting !== 'success') notes.push('no click sent the login form: set login.submit');
  if (login && !login.success)
    notes.push('nothing was seen after logging in: set login.success (e.g. the log-out button)');
  if (steps.length === 0) notes.push('nothing was recorded');
  const prefix = envPrefix(input.serviceId);
  const patrons = login
    ? {
        valid: {
          card: { env: input.patrons?.card ?? `${prefix}_VALID_CARD` },
          pin: { env: input.patrons?.pin ?? `${prefix}_VALID_PIN` },
        },
      }
    : undefined;
  return { journey: steps, ...(login ? { login } : {}), ...(patrons ? { patrons } : {}), notes };
}

/** The translation as a YAML fragment to paste into services/<id>.yaml (notes as comments). */
export function translationYaml(t: Translation, source: string): string {
  const head = [`# Recorded by erh record from ${source}.`, ...t.notes.map((n) => `# CHECK: ${n}`)];
  const body: Record<string, unknown> = {};
  if (t.login) body.login = { strategy: 'card-pin-form', ...t.login };
  if (t.patrons) body.patrons = t.patrons;
  body.journey = t.journey;
  return `${head.join('\n')}\n${YAML.stringify(body, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/**
 * services/<id>.yaml with the recorded journey in place of its own (and the recorded login's
 * locators, when one was recorded), its other fields and comments kept. Refused (ConfigError) when
 * the result would not validate; the file is then left as it was.
 */
export function applyToService(text: string, t: Translation, file: string): string {
  const doc = YAML.parseDocument(text);
  const current = doc.toJS() as { login?: { strategy?: string }; patrons?: Record<string, unknown> };
  doc.set('journey', doc.createNode(t.journey, { aliasDuplicateObjects: false }));
  if (t.login) {
    const strategy = current.login?.strategy;
    if (strategy && isBrowserFormStrategy(strategy)) {
      for (const [k, v] of Object.entries(t.login))
        doc.setIn(['login', k], doc.createNode(v, { aliasDuplicateObjects: false }));
    } else {
      doc.set('login', doc.createNode({ strategy: 'card-pin-form', ...t.login }, { aliasDuplicateObjects: false }));
    }
    if (!current.patrons || !('valid' in current.patrons))
      doc.setIn(['patrons', 'valid'], doc.createNode(t.patrons?.valid));
  }
  const out = String(doc);
  const parsed = ServiceSchema.safeParse(YAML.parse(out));
  if (!parsed.success) {
    const { field, problem } = formatIssues(parsed.error);
    throw new ConfigError(
      file,
      field,
      `the recorded journey does not fit this service: ${problem} (the file was not changed)`,
    );
  }
  return out;
}

// ───────────────────────────── the browser ─────────────────────────────

/** A display to open the browser window on: DISPLAY or WAYLAND_DISPLAY (always there on macOS and Windows). */
export function displayProblem(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  if (platform !== 'linux' && platform !== 'freebsd') return undefined;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return (
    'not set: erh record opens a browser window for you to use, and this session has no display. ' +
    'Run it on a workstation (the same command, with the config folder copied or shared), over SSH with X ' +
    'forwarding (ssh -X host, then erh record …), or in a virtual display you can see: ' +
    'xvfb-run -a -s "-screen 0 1280x900x24" erh record … together with a VNC server such as x11vnc on that display'
  );
}

/** How long a page is given to settle before its heading is read, ms. */
const SETTLE_MS = 600;
/** Longer than Playwright's recorder holds a click back (kActionBufferTimeout, 500 ms). */
const RECORDER_BUFFER_MS = 700;

/** The main heading: the first visible h1 (or level-1 heading, else h2), whitespace collapsed. Runs in the page. */
function mainHeading(): string {
  const visible = (el: Element) => el.getClientRects().length > 0;
  const h = [...document.querySelectorAll('h1, [role=heading][aria-level="1"], h2')].find(visible);
  return (h?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);
}

interface PlaywrightRecorderContext {
  _startRecording?: (
    params: { language: string },
    sink: {
      actionAdded?: (page: unknown, action: unknown, code: string) => void;
      actionUpdated?: (page: unknown, action: unknown, code: string) => void;
    },
  ) => Promise<void>;
  _stopRecording?: () => Promise<void>;
}

/**
 * Opens the URL in a headed Chromium with Playwright's recorder on and returns what was done once the
 * window is closed (or `drive` has finished: a test drives the page itself). Secrets typed stay here.
 */
export async function recordSession(options: {
  url: string;
  display?: string;
  drive?: (page: import('playwright').Page) => Promise<void>;
  log?: (line: string) => void;
}): Promise<{ entries: RecordedEntry[]; typed: string[] }> {
  const { chromium } = await import('playwright');
  const { chromiumArgs, findBrowser } = await import('../session/browsers.ts');
  const install = findBrowser('chromium', undefined, chromium.executablePath());
  const browser = await chromium.launch({
    headless: false,
    args: chromiumArgs(),
    ...(install?.executablePath ? { executablePath: install.executablePath } : {}),
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
  });
  try {
    const context = await browser.newContext({ viewport: null });
    const recorder = context as unknown as PlaywrightRecorderContext;
    if (typeof recorder._startRecording !== 'function' || typeof recorder._stopRecording !== 'function')
      throw new Error(
        "this Playwright has no recording API (BrowserContext._startRecording): erh record needs Playwright's",
      );
    const entries: RecordedEntry[] = [];
    const typed = new Set<string>();
    const checks: Array<Promise<void>> = [];
    const page = await context.newPage();
    const onAction = (replace: boolean) => (_page: unknown, _action: unknown, code: string) => {
      let entry: RecordedEntry;
      try {
        entry = JSON.parse(code) as RecordedEntry;
      } catch {
        return;
      }
      if (entry.name === 'fill' && entry.text) {
        typed.add(entry.text);
        const selector = (_action as { selector?: string }).selector;
        if (selector)
          checks.push(
            page
              .locator(selector)
              .evaluate(
                (el) => {
                  const input = el as HTMLInputElement;
                  return (
                    input.type === 'password' ||
                    /current-password|one-time-code|new-password/.test(input.autocomplete ?? '')
                  );
                },
                undefined,
                { timeout: 1000 },
              )
              .then((secret) => {
                if (secret) entry.secret = true;
              })
              .catch(() => undefined),
          );
      }
      if (replace && entries.length > 0 && entries.at(-1)?.name === entry.name) entries[entries.length - 1] = entry;
      else entries.push(entry);
    };
    await recorder._startRecording(
      { language: 'jsonl' },
      { actionAdded: onAction(false), actionUpdated: onAction(true) },
    );
    // Each page state (a load, or an SPA's route change) is noted with its main heading once it settled. It joins the
    // entries only then: Playwright holds a click back for up to 500 ms to see whether it navigates, so a state
    // noted at once would come before the click that led to it.
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const state: RecordedEntry = { name: 'pageState', url: frame.url() };
      checks.push(
        (async () => {
          await page.waitForLoadState('domcontentloaded', { timeout: 5000 }).catch(() => undefined);
          await page.waitForTimeout(SETTLE_MS).catch(() => undefined);
          const heading = await page.evaluate(mainHeading).catch(() => '');
          if (heading) state.heading = heading;
          await page.waitForTimeout(RECORDER_BUFFER_MS).catch(() => undefined);
          entries.push(state);
        })(),
      );
    });
    context.on('page', (p) => {
      if (p !== page)
        options.log?.('erh: a new tab or window opened: a journey runs in one tab, record in the first one');
    });
    const closed = new Promise<void>((done) => {
      page.once('close', () => done());
      browser.once('disconnected', () => done());
      process.once('SIGINT', () => done());
    });
    entries.push({ name: 'navigate', url: options.url });
    await page.goto(options.url);
    if (options.drive) {
      await options.drive(page);
      await page.waitForTimeout(800);
    } else {
      options.log?.('erh: recording: use the site in the browser window; close the window when you are done');
      await closed;
    }
    await Promise.all(checks);
    await recorder._stopRecording().catch(() => undefined);
    // A heading or an address showing what was typed (a card number, a PIN: a GET form puts them in the query) is
    // not written anywhere.
    const shows = (text: string) =>
      [...typed].some((t) => t.length >= 3 && (text.includes(t) || text.includes(encodeURIComponent(t))));
    for (const e of entries) {
      if (e.heading && shows(e.heading)) delete e.heading;
      if (e.url && shows(e.url)) {
        const u = new URL(e.url);
        e.url = `${u.origin}${u.pathname}`;
      }
    }
    return { entries, typed: [...typed] };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
