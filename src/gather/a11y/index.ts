/**
 * The beyond-axe accessibility gatherer (issue 4): at one page state, through any BrowserSession,
 * measures what a rule engine alone misses — real Tab presses (reachability, order, traps, visible
 * and unobscured focus; inside an open dialog or menu when the step opened one, with Escape and the
 * return of focus to its opener), reflow at 320 CSS px (WCAG's exceptions recorded), text at 200 % and WCAG
 * text spacing, target size, page language and language of parts (any language), bypass blocks, tab
 * stops that are not controls, link purpose, placeholder-only fields and hints not associated,
 * animated images, transcripts, and the media player; and, by interaction (interact.ts), click
 * listeners on what is no control, custom controls sent Enter and Space, hover disclosures, focus
 * indicators in doubt judged by pixels, form errors told by colour alone, flashing. Layout probes measure
 * the settled page (the layout unchanged for several frames, a failing one watched for up to 2 s),
 * not a fixed moment after the change. The page is left as it was found (viewport restored, marks and injected styles
 * removed), so the journey goes on from it.
 *
 * A probe that fails is recorded in `errors` (the check for it is then inconclusive); only a
 * failing session call that is not about the page (the browser went away) propagates.
 */
import type { Locator } from '../../core/config.ts';
import type { A11yProbes, AccessibilityState, OverlayEscape, OverlayProbe, TabStop } from '../../core/evidence.ts';
import { ActionError, PageUnexaminableError, type BrowserSession } from '../../session/types.ts';
import { EXTRA_RULE_ENGINES, type ExtraRuleEngine } from '../../core/evidence.ts';
import { runRules } from './engines/index.ts';
import { inPage } from './in-page.ts';
import * as interact from './interact.ts';
import { languageIdentifier } from './language.ts';
import * as raw from './probes.ts';
import { SETTLE_BOUND_MS, SETTLE_FRAMES, type InventoryResult } from './probes.ts';

// Every in-page probe with the shared helpers in front of it (in-page.ts).
const armOpenerProbe = inPage(raw.armOpenerProbe);
const animatedImagesProbe = inPage(raw.animatedImagesProbe);
const cleanupProbe = inPage(raw.cleanupProbe);
const focusIntoOverlayProbe = inPage(raw.focusIntoOverlayProbe);
const focusProbe = inPage(raw.focusProbe);
const inventoryProbe = inPage(raw.inventoryProbe);
const overlayStateProbe = inPage(raw.overlayStateProbe);
const reflowProbe = inPage(raw.reflowProbe);
const reflowSettleProbe = inPage(raw.reflowSettleProbe);
const reopenedProbe = inPage(raw.reopenedProbe);
const textChangeProbe = inPage(raw.textChangeProbe);

/** Width of the reflow check, CSS px (WCAG 2.1 SC 1.4.10). */
export const REFLOW_WIDTH = 320;
/**
 * Most Tab presses at one state; pages with more stops are marked truncated (the keyboard checks are then
 * inconclusive there). Real catalogue pages have 100–200 stops (header, facets, result lists, footer), so the
 * budget is set to walk them whole: each press costs one focus read.
 */
export const MAX_TAB_PRESSES = 250;
/** Extra Tab presses for each audio or video with native controls (play, timeline, volume, menu… inside it). */
export const MEDIA_CONTROL_PRESSES = 8;

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}

/**
 * Focus styles apply only in a document that has the focus. In Firefox a page loses it for good when
 * another page of the browser opens (the login attempts do); bring it back before walking with Tab.
 * Where it cannot be brought back, the focus probe records focus visibility as not judged (null).
 */
async function ensureDocumentFocus(session: BrowserSession): Promise<void> {
  const hasFocus = () => session.evaluate(() => document.hasFocus(), null);
  if ((await hasFocus()) || !session.bringToFront) return;
  await session.bringToFront();
  for (let waited = 0; waited < 2000 && !(await hasFocus()); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
}

/**
 * How long an overlay may take to close after Escape (a closing animation), and to show again after its opener is
 * clicked, ms.
 */
export const OVERLAY_WAIT_MS = 1000;

export interface A11yProbeOptions {
  /**
   * The control whose click opened the overlay at this state (the step's last `click`). With it, the
   * walk presses Escape in an open overlay and then clicks it again, so the journey goes on from the
   * same state; without it, Escape is not tried.
   */
  opener?: Locator | undefined;
  /** Time allowed for the opener click, ms. */
  actionTimeoutMs?: number | undefined;
}

async function poll<T>(
  probe: () => Promise<T>,
  done: (t: T) => boolean,
  ms: number,
): Promise<{ value: T; waitedMs: number }> {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    const waitedMs = Math.round(performance.now() - started);
    if (done(value) || waitedMs >= ms) return { value, waitedMs };
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Escape in the open overlay: does it close, where does the focus go, is that the opener? Then the
 * opener is clicked again so the state the step reached is restored for the rest of the journey.
 */
async function tryEscape(
  session: BrowserSession,
  options: A11yProbeOptions,
): Promise<Pick<OverlayProbe, 'escape' | 'escapeSkipped'>> {
  if (!options.opener)
    return {
      escape: null,
      escapeSkipped: 'The step did not open it with a click, so it could not be reopened for the rest of the journey.',
    };
  await session.evaluate(focusIntoOverlayProbe, null);
  await session.press('Escape');
  const { value: after, waitedMs } = await poll(
    () => session.evaluate(overlayStateProbe, null),
    (v) => !v.open,
    OVERLAY_WAIT_MS,
  );
  if (after.open)
    return {
      escape: { closed: false, waitedMs, focusAfter: null, focusedAfter: null, toOpener: null, reopened: null },
    };
  await session.evaluate(armOpenerProbe, null);
  let clicked = true;
  try {
    await session.click(options.opener, options.actionTimeoutMs ?? 10_000);
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    clicked = false;
  }
  const again = clicked
    ? (
        await poll(
          () => session.evaluate(reopenedProbe, null),
          (v) => v.open,
          OVERLAY_WAIT_MS,
        )
      ).value
    : { open: false, opener: null };
  const escape: OverlayEscape = {
    closed: true,
    waitedMs,
    focusAfter: after.focus,
    focusedAfter: after.focused,
    toOpener: after.focus === 'none' ? false : again.opener === null ? null : again.opener === 'same',
    reopened: again.open,
  };
  return { escape };
}

async function keyboardWalk(
  session: BrowserSession,
  inv: InventoryResult,
  options: A11yProbeOptions,
  doubtful: number[] = [],
): Promise<NonNullable<A11yProbes['keyboard']>> {
  const stops: TabStop[] = inv.stops.map((s) => ({
    ...s,
    x: 0,
    y: 0,
    width: 0,
    height: 0,
    focusVisible: null,
    obscuredBy: null,
  }));
  const sequence: Array<number | null> = [];
  // A player with native controls keeps the focus on its element for the Tab presses through its own buttons.
  const budget = Math.min(stops.length + 3 + MEDIA_CONTROL_PRESSES * inv.nativePlayers, MAX_TAB_PRESSES);
  const seen = new Set<number>();
  // The overlay's stops while the focus has stayed among them (undefined once it left, or without an overlay).
  let overlayStops: Set<number> | undefined = inv.overlay ? new Set(inv.overlay.stops) : undefined;
  await ensureDocumentFocus(session);
  for (let i = 0; i < budget && stops.length > 0; i++) {
    await session.press('Tab');
    const f = await session.evaluate(focusProbe, null);
    sequence.push(f.stop);
    const stop = f.stop === null ? undefined : stops[f.stop];
    if (f.stop !== null && stop && !seen.has(f.stop)) {
      seen.add(f.stop);
      if (f.doubtful && !stop.frame) doubtful.push(f.stop);
      Object.assign(stop, {
        x: f.x,
        y: f.y,
        width: f.width,
        height: f.height,
        focusVisible: f.focusVisible,
        obscuredBy: f.obscuredBy,
      });
    }
    // Every stop visited and focus has wrapped (left the stops or came back to the first): done.
    if (seen.size === stops.length && (f.stop === null || (f.stop === sequence[0] && sequence.length > 1))) break;
    // An overlay that has held the focus round all its stops twice (and at least 6 presses) holds it: done.
    if (overlayStops && overlayStops.size > 0 && f.stop !== null && !overlayStops.has(f.stop)) overlayStops = undefined;
    if (
      overlayStops &&
      sequence.length >= Math.max(6, 2 * overlayStops.size + 1) &&
      [...overlayStops].every((s) => seen.has(s))
    )
      break;
  }
  const walked = {
    stops,
    sequence,
    unfocusable: inv.unfocusable,
    unfocusableTotal: inv.unfocusableTotal,
    truncated: budget < stops.length + 3 + MEDIA_CONTROL_PRESSES * inv.nativePlayers,
  };
  if (!inv.overlay) return walked;
  // An overlay that held the focus and went round all its stops was walked whole, however many stops the page behind it
  // has.
  const inside = new Set(inv.overlay.stops);
  const focused = sequence.filter((i): i is number => i !== null);
  const wentRound =
    focused.length > inside.size && focused.every((i) => inside.has(i)) && [...inside].every((i) => seen.has(i));
  if (wentRound) walked.truncated = false;
  let escape: Pick<OverlayProbe, 'escape' | 'escapeSkipped'>;
  try {
    escape = await tryEscape(session, options);
  } catch (e) {
    // A lost browser is the harness's; a page that will not hold still is the vendor's (both handled above).
    if (session.lost?.() || e instanceof PageUnexaminableError) throw e;
    escape = { escape: null, escapeSkipped: `Escape could not be tried: ${message(e)}` };
  }
  return { ...walked, overlay: { ...inv.overlay, ...escape } };
}

/**
 * After the Tab walk (interact.ts): doubtful focus indicators by pixels, custom controls sent Enter
 * and Space, hover triggers, form errors by colour alone, flashing. Each records its own error.
 */
async function interactionProbes(
  session: BrowserSession,
  probes: Omit<A11yProbes, 'errors' | 'durationMs'>,
  errors: A11yProbes['errors'],
  controls: interact.ControlsInventory | undefined,
  overlayOpen: boolean,
  doubtful: readonly number[],
): Promise<void> {
  const run = async (probe: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      if (session.lost?.() || e instanceof PageUnexaminableError) throw e;
      errors.push({ probe, message: message(e) });
    }
  };
  if (probes.keyboard && doubtful.length > 0)
    await run('focusPixels', () => interact.focusPixels(session, probes.keyboard!.stops, doubtful));
  if (controls) {
    await run('keyActivation', async () => {
      probes.keyActivation = await interact.pressKeys(session, controls, overlayOpen);
    });
    await run('hoverDisclosure', async () => {
      probes.hoverDisclosure = await interact.hoverTriggers(session, controls, overlayOpen);
    });
  }
  await run('errorCues', async () => {
    probes.errorCues = await interact.errorCues(session);
  });
  await run('flashing', async () => {
    probes.flashing = await interact.flashing(session);
  });
}

/** Runs every beyond-axe probe at the current page state. */
export async function runA11yProbes(session: BrowserSession, options: A11yProbeOptions = {}): Promise<A11yProbes> {
  const started = performance.now();
  const viewport = session.viewport();
  const errors: A11yProbes['errors'] = [];
  const probes: Omit<A11yProbes, 'errors' | 'durationMs'> = { viewport };
  let inv: InventoryResult | undefined;
  const listeners = await interact.beforeInventory(session, errors);
  try {
    inv = await session.evaluate(inventoryProbe, null);
  } catch (e) {
    errors.push({ probe: 'inventory', message: message(e) });
  }
  if (inv) {
    const identifyLanguage = await languageIdentifier();
    probes.targets = inv.targets;
    probes.bypass = inv.bypass;
    probes.media = inv.media;
    probes.motion = inv.motion;
    probes.staticStops = inv.staticStops;
    probes.links = inv.links;
    probes.fields = inv.fields;
    probes.transcripts = inv.transcripts;
    probes.language = {
      declared: inv.language.declared,
      detected: identifyLanguage(inv.language.text),
      parts: inv.language.parts.map((p) => ({
        selector: p.selector,
        name: p.name,
        declared: p.declared,
        detected: identifyLanguage(p.text),
      })),
      unmarked: inv.language.passages.flatMap((p) => {
        const detected = identifyLanguage(p.text);
        return detected ? [{ selector: p.selector, name: p.name, detected }] : [];
      }),
    };
    const controls = await interact.findControls(session, errors, listeners);
    if (controls.clickListeners) probes.clickListeners = controls.clickListeners;
    const doubtful: number[] = [];
    try {
      probes.keyboard = await keyboardWalk(session, inv, options, doubtful);
    } catch (e) {
      errors.push({ probe: 'keyboard', message: message(e) });
    }
    await interactionProbes(session, probes, errors, controls.inventory, inv.overlay !== null, doubtful);
  }
  try {
    await interact.interactionCleanup(session);
  } catch (e) {
    errors.push({ probe: 'cleanup', message: message(e) });
  }
  try {
    probes.animatedImages = await session.evaluate(animatedImagesProbe, undefined);
  } catch (e) {
    errors.push({ probe: 'animatedImages', message: message(e) });
  }
  try {
    await session.evaluate(cleanupProbe, { keepFocus: inv?.overlay != null });
  } catch (e) {
    errors.push({ probe: 'cleanup', message: message(e) });
  }
  for (const mode of ['resize', 'spacing'] as const) {
    try {
      const r = await session.evaluate(textChangeProbe, { mode, frames: SETTLE_FRAMES, boundMs: SETTLE_BOUND_MS });
      if (mode === 'resize') probes.textResize = r;
      else probes.textSpacing = r;
    } catch (e) {
      errors.push({ probe: mode === 'resize' ? 'textResize' : 'textSpacing', message: message(e) });
    }
  }
  try {
    await session.setViewport(REFLOW_WIDTH, viewport.height);
    try {
      // Measured once the page has re-laid out for the narrow viewport (a wide page is watched until the bound).
      const settle = await session.evaluate(reflowSettleProbe, {
        frames: SETTLE_FRAMES,
        boundMs: SETTLE_BOUND_MS,
        fits: true,
      });
      probes.reflow = { ...(await session.evaluate(reflowProbe, undefined)), settle };
    } finally {
      await session.setViewport(viewport.width, viewport.height);
      await session
        .evaluate(reflowSettleProbe, { frames: SETTLE_FRAMES, boundMs: SETTLE_BOUND_MS, fits: false })
        .catch(() => undefined);
    }
  } catch (e) {
    errors.push({ probe: 'reflow', message: message(e) });
  }
  return { ...probes, errors, durationMs: Math.round(performance.now() - started) };
}

/**
 * Everything the accessibility suite does at one page state — axe-core, the other rule engines (all by
 * default) and the beyond-axe probes — with the time each took (for `npm run bench`; target ≤ 3 s on
 * Chromium on a 2-core machine).
 */
export async function measureAccessibilityState(
  session: BrowserSession,
  step: string,
  url: string,
  options: A11yProbeOptions = {},
  engines: readonly ExtraRuleEngine[] = EXTRA_RULE_ENGINES,
): Promise<{
  state: AccessibilityState;
  axeMs: number;
  enginesMs: Partial<Record<ExtraRuleEngine, number>>;
  probesMs: number;
  totalMs: number;
}> {
  const t0 = performance.now();
  const rules = await runRules(session, step, url, engines);
  const t1 = performance.now();
  const probes = await runA11yProbes(session, options);
  const t2 = performance.now();
  const enginesMs = Object.fromEntries((rules.engines ?? []).map((e) => [e.engine, e.durationMs]));
  const totalMs = Math.round(t2 - t0);
  return {
    state: { ...rules, probes },
    axeMs: rules.axeDurationMs ?? 0,
    enginesMs,
    probesMs: Math.round(t2 - t1),
    totalMs,
  };
}
