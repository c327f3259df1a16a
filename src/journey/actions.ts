/**
 * Carries out one declarative journey action through a BrowserSession. A `login` action is handed to
 * the caller's login handler, so the action runner stays independent of login strategies.
 *
 * An action with `when:` is optional: it runs if and only if what it watches (its own target, or the
 * element `when.visible` names) appears within `withinMs`, and the caller is told either way
 * (`onOptional`) — a consent dialog the journey had to dismiss is a fact about the service.
 *
 * A step that fails on a locator says what the page held instead (src/session diagnose: how many
 * matched, hidden, disabled or covered by what, and the nearest candidates with a locator for each),
 * so that the evaluator can fix the YAML from the message alone.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Action, Locator } from '../core/config.ts';
import type { DownloadEvidence } from '../core/evidence.ts';
import type { PatronRole } from '../core/ids.ts';
import { sniffFileType } from './file-type.ts';
import { ActionError, describeLocator, type BrowserSession, type LocatorDiagnosis } from '../session/types.ts';

/** An optional action's outcome, before it runs (the caller may examine the obstacle it watched). */
export interface OptionalOutcome {
  action: string;
  watched: string;
  appeared: boolean;
  withinMs: number;
}

export interface ActionContext {
  session: BrowserSession;
  baseUrl: string;
  actionTimeoutMs: number;
  navigationTimeoutMs: number;
  /** Told of each navigation repeated after a 5xx answer (recorded in the step's evidence). */
  onRetry?: (retry: { url: string; status: number }) => void;
  /** Performs a login with the patron of this role; throws ActionError when the login does not succeed. */
  login?: (role: PatronRole) => Promise<void>;
  /**
   * Told of every optional action (`when:`) whether what it watched appeared, before the action runs
   * (awaited: the caller may look at the dialog before it is dismissed).
   */
  onOptional?: (outcome: OptionalOutcome) => Promise<void>;
  /**
   * Where a download is saved (the run's evidence folder), by the name the server suggested; absent:
   * a `download` action fails, saying that this walk keeps no files.
   */
  downloadFile?: (suggestedName: string) => { absolute: string; relative: string };
  /** Told of each file a `download` action saved. */
  onDownload?: (download: DownloadEvidence) => void;
}

/** How often a `goto` that got a 5xx answer is repeated before the step fails. */
export const GOTO_RETRIES = 2;

/** How long the network must be quiet for `waitFor: { network: idle }`, ms (Playwright's networkidle). */
export const NETWORK_QUIET_MS = 500;

export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
}

/**
 * Whether `url` is the one a `waitFor: { url }` names: the pattern made absolute against the base
 * URL, `*` matching any characters; the whole URL must match (query and fragment included when the
 * pattern has them, ignored when it has none).
 */
export function urlMatches(pattern: string, url: string, baseUrl: string): boolean {
  const STAR = '__erh_star__';
  const wanted = absoluteUrl(baseUrl, pattern.replaceAll('*', STAR)).replaceAll(encodeURIComponent(STAR), STAR);
  const source = wanted
    .split(STAR)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const hasQuery = /[?#]/.test(pattern);
  const seen = hasQuery ? url : url.replace(/[?#].*$/, '');
  return new RegExp(`^${source}$`).test(seen);
}

/** The element an action works on, if it has one (what `when: visible` watches). */
export function actionTarget(action: Action): Locator | undefined {
  if ('click' in action) return action.click;
  if ('fill' in action) return action.fill.target;
  if ('select' in action) return action.select.target;
  if ('press' in action) return typeof action.press === 'string' ? undefined : action.press.target;
  if ('expect' in action) return action.expect;
  if ('hover' in action) return action.hover;
  if ('scrollIntoView' in action) return action.scrollIntoView;
  if ('download' in action) return action.download;
  return undefined;
}

/** An action in the harness's words (evidence, messages); never a typed value (it could be personal). */
export function describeAction(action: Action): string {
  if ('goto' in action) return `go to ${action.goto}`;
  if ('click' in action) return `click ${describeLocator(action.click)}`;
  if ('fill' in action) return `fill ${describeLocator(action.fill.target)}`;
  if ('select' in action) return `select "${action.select.option}" in ${describeLocator(action.select.target)}`;
  if ('press' in action) {
    if (typeof action.press === 'string') return `press ${action.press}`;
    const on = action.press.target ? ` on ${describeLocator(action.press.target)}` : '';
    return `press ${action.press.key}${on}`;
  }
  if ('expect' in action) return `expect ${describeLocator(action.expect)} to be ${action.state}`;
  if ('hover' in action) return `hover over ${describeLocator(action.hover)}`;
  if ('scrollIntoView' in action) return `scroll to ${describeLocator(action.scrollIntoView)}`;
  if ('waitFor' in action)
    return 'url' in action.waitFor ? `wait for the URL ${action.waitFor.url}` : 'wait for the network to settle';
  if ('download' in action) return `download from ${describeLocator(action.download)}`;
  return `log in as the ${action.login} patron`;
}

/** A driver without a step kind says so, naming the step and the engine. */
function unsupported(ctx: ActionContext, what: string): never {
  throw new ActionError(`Cannot ${what}: not supported on this driver (${ctx.session.engine})`);
}

export async function runAction(ctx: ActionContext, action: Action): Promise<void> {
  if ('when' in action && action.when !== undefined) {
    const when = action.when;
    const watched = (typeof when === 'object' ? when.visible : undefined) ?? actionTarget(action);
    // The schema refuses `when: visible` on an action without a target; this is the runner's own guard.
    if (!watched) throw new ActionError(`${describeAction(action)}: "when: visible" has nothing to watch`);
    const withinMs = typeof when === 'object' ? when.withinMs : 2_000;
    const appeared = await ctx.session.waitForVisible(watched, withinMs);
    await ctx.onOptional?.({ action: describeAction(action), watched: describeLocator(watched), appeared, withinMs });
    if (!appeared) return;
  }
  try {
    await perform(ctx, action);
  } catch (e) {
    const target = actionTarget(action);
    if (!(e instanceof ActionError) || !target || !ctx.session.diagnose || e instanceof Diagnosed) throw e;
    const diagnosis = await ctx.session.diagnose(target).catch(() => undefined);
    throw diagnosis ? new Diagnosed(`${e.message}. ${explain(target, diagnosis)}`) : e;
  }
}

/** An ActionError whose message already says what the page held instead. */
class Diagnosed extends ActionError {}

/**
 * What the page held instead of the element a failed action wanted, in words the evaluator fixes
 * the YAML from: the frame missing, no match, the match hidden, disabled or covered (by what), and
 * the nearest candidates, each with a locator that finds it.
 */
export function explain(target: Locator, d: LocatorDiagnosis): string {
  const parts: string[] = [];
  if (!d.frameFound) parts.push(`The frame of ${describeLocator(target)} is not on the page`);
  else if (d.count === 0) parts.push('Nothing on the page matches it');
  else {
    const many = d.count > 1 ? `${d.count} elements match; the first visible one` : 'One element matches; it';
    if (!d.visible) parts.push(`${many} is not visible`);
    else if (d.obscuredBy) {
      const by = d.obscuredBy;
      const what = `${by.role ?? by.tag}${by.name ? ` "${by.name}"` : ''}`;
      parts.push(
        `${many} is covered by ${what}, which would take the click (dismiss it first, e.g. with an optional step)`,
      );
    } else if (!d.enabled) parts.push(`${many} is disabled`);
    else parts.push(`${many} is visible and enabled now (it may have come too late)`);
  }
  if (d.candidates.length > 0) {
    const list = d.candidates.map((c) => c.locator).join('; ');
    parts.push(`Nearest on the page: ${list}`);
  } else if (d.frameFound) parts.push('Nothing on the page resembles it');
  return parts.join('. ');
}

async function perform(ctx: ActionContext, action: Action): Promise<void> {
  const { session } = ctx;
  if ('goto' in action) {
    const url = absoluteUrl(ctx.baseUrl, action.goto);
    let { status } = await session.goto(url, ctx.navigationTimeoutMs);
    // An intermittent server error is retried (twice, briefly) and recorded; a persistent one is the vendor's failure.
    for (let retry = 1; status !== null && status >= 500 && retry <= GOTO_RETRIES; retry++) {
      ctx.onRetry?.({ url, status });
      await new Promise((r) => setTimeout(r, 250 * retry));
      ({ status } = await session.goto(url, ctx.navigationTimeoutMs));
    }
    if (status !== null && status >= 400) throw new ActionError(`${action.goto} answered HTTP ${status}`);
  } else if ('click' in action) {
    await session.click(action.click, ctx.actionTimeoutMs);
  } else if ('fill' in action) {
    await session.fill(action.fill.target, action.fill.value, ctx.actionTimeoutMs);
  } else if ('select' in action) {
    await session.select(action.select.target, action.select.option, ctx.actionTimeoutMs);
  } else if ('press' in action) {
    if (typeof action.press === 'string') await session.press(action.press);
    else if (!action.press.target) await session.press(action.press.key);
    else if (!session.pressOn) unsupported(ctx, describeAction(action));
    else await session.pressOn(action.press.target, action.press.key, ctx.actionTimeoutMs);
  } else if ('expect' in action) {
    const timeoutMs = action.timeoutMs ?? ctx.actionTimeoutMs;
    if (action.state === 'hidden') {
      if (!session.waitForHidden) unsupported(ctx, describeAction(action));
      if (!(await session.waitForHidden(action.expect, timeoutMs)))
        throw new ActionError(`Expected ${describeLocator(action.expect)} to be hidden, but it was still visible`);
    } else if (!(await session.waitForVisible(action.expect, timeoutMs))) {
      throw new ActionError(`Expected ${describeLocator(action.expect)} to be visible, but it was not`);
    }
  } else if ('hover' in action) {
    if (!session.hover) unsupported(ctx, describeAction(action));
    await session.hover(action.hover, ctx.actionTimeoutMs);
  } else if ('scrollIntoView' in action) {
    if (!session.scrollIntoView) unsupported(ctx, describeAction(action));
    await session.scrollIntoView(action.scrollIntoView, ctx.actionTimeoutMs);
  } else if ('waitFor' in action) {
    await waitFor(ctx, action.waitFor);
  } else if ('download' in action) {
    await download(ctx, action.download);
  } else if ('login' in action) {
    if (!ctx.login) throw new ActionError('This journey logs in, but no login handler was given');
    await ctx.login(action.login);
  } else {
    const never: never = action;
    throw new ActionError(`Unknown action ${JSON.stringify(never)}`);
  }
}

async function waitFor(ctx: ActionContext, wait: Extract<Action, { waitFor: unknown }>['waitFor']): Promise<void> {
  const { session } = ctx;
  const timeoutMs = wait.timeoutMs ?? ctx.actionTimeoutMs;
  if ('url' in wait) {
    // Polled, so that a client-side route (history.pushState, a hash change) counts as well as a load.
    const deadline = performance.now() + timeoutMs;
    let seen = await session.url();
    while (!urlMatches(wait.url, seen, ctx.baseUrl)) {
      if (performance.now() > deadline)
        throw new ActionError(
          `The page did not reach the URL ${wait.url} within ${timeoutMs} ms; it stayed at ${seen}`,
        );
      await new Promise((r) => setTimeout(r, 100));
      seen = await session.url();
    }
    return;
  }
  if (!session.waitForNetworkIdle) unsupported(ctx, 'wait for the network to settle');
  const settled = await session.waitForNetworkIdle(NETWORK_QUIET_MS, timeoutMs);
  if (!settled.idle) {
    const open = settled.open.length ? `; still loading: ${settled.open.join(', ')}` : '';
    throw new ActionError(
      `The network did not settle (${settled.how} for ${NETWORK_QUIET_MS} ms) within ${timeoutMs} ms${open}`,
    );
  }
}

async function download(ctx: ActionContext, target: Locator): Promise<void> {
  const { session } = ctx;
  if (!session.download) unsupported(ctx, `download from ${describeLocator(target)}`);
  const place = ctx.downloadFile;
  if (!place) throw new ActionError(`This walk keeps no files, so ${describeLocator(target)} cannot be downloaded`);
  let saved: { absolute: string; relative: string } | undefined;
  const result = await session.download(target, ctx.actionTimeoutMs, (name) => {
    saved = place(name);
    return saved.absolute;
  });
  if (!saved) throw new ActionError(`The download from ${describeLocator(target)} was not saved`);
  ctx.onDownload?.({
    file: saved.relative,
    name: result.suggestedName,
    url: result.url,
    bytes: statSync(saved.absolute).size,
    contentType: result.contentType,
    sniffedType: sniffFileType(firstBytes(saved.absolute, 512)),
    via: result.via,
  });
}

function firstBytes(path: string, n: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(n);
    return buffer.subarray(0, readSync(fd, buffer, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}
