/**
 * The beyond-axe accessibility gatherer (issue 4): at one page state, through any BrowserSession,
 * measures what a rule engine alone misses — real Tab presses (reachability, order, traps, visible
 * and unobscured focus), reflow at 320 CSS px, text at 200 % and WCAG text spacing, target size,
 * page language and language of parts, bypass blocks, and the media player. The page is left as it
 * was found (viewport restored, marks and injected styles removed), so the journey goes on from it.
 *
 * A probe that fails is recorded in `errors` (the check for it is then inconclusive); only a
 * failing session call that is not about the page (the browser went away) propagates.
 */
import type { A11yProbes, AccessibilityState, TabStop } from '../../core/evidence.ts';
import type { Language } from '../../core/ids.ts';
import type { BrowserSession } from '../../session/types.ts';
import { runAxe } from '../axe.ts';
import { detectLanguage } from '../language.ts';
import { overflowProbe } from '../probes.ts';
import { cleanupProbe, focusProbe, inventoryProbe, settleProbe, textChangeProbe, type InventoryResult } from './probes.ts';

/** Width of the reflow check, CSS px (WCAG 2.1 SC 1.4.10). */
export const REFLOW_WIDTH = 320;
/** Most Tab presses at one state; pages with more stops are marked truncated. */
export const MAX_TAB_PRESSES = 80;

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
  for (let waited = 0; waited < 2000 && !(await hasFocus()); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

async function keyboardWalk(session: BrowserSession, inv: InventoryResult): Promise<NonNullable<A11yProbes['keyboard']>> {
  const stops: TabStop[] = inv.stops.map((s) => ({ ...s, x: 0, y: 0, width: 0, height: 0, focusVisible: null, obscuredBy: null }));
  const sequence: Array<number | null> = [];
  const budget = Math.min(stops.length + 3, MAX_TAB_PRESSES);
  const seen = new Set<number>();
  await ensureDocumentFocus(session);
  for (let i = 0; i < budget && stops.length > 0; i++) {
    await session.press('Tab');
    const f = await session.evaluate(focusProbe, null);
    sequence.push(f.stop);
    const stop = f.stop === null ? undefined : stops[f.stop];
    if (f.stop !== null && stop && !seen.has(f.stop)) {
      seen.add(f.stop);
      Object.assign(stop, { x: f.x, y: f.y, width: f.width, height: f.height, focusVisible: f.focusVisible, obscuredBy: f.obscuredBy });
    }
    // Every stop visited and focus has wrapped (left the stops or came back to the first): done.
    if (seen.size === stops.length && (f.stop === null || (f.stop === sequence[0] && sequence.length > 1))) break;
  }
  return { stops, sequence, unfocusable: inv.unfocusable, truncated: stops.length + 3 > MAX_TAB_PRESSES };
}

/** Runs every beyond-axe probe at the current page state. */
export async function runA11yProbes(session: BrowserSession): Promise<A11yProbes> {
  const started = performance.now();
  const viewport = session.viewport();
  const errors: A11yProbes['errors'] = [];
  const probes: Omit<A11yProbes, 'errors' | 'durationMs'> = { viewport };
  let inv: InventoryResult | undefined;
  try {
    inv = await session.evaluate(inventoryProbe, null);
  } catch (e) {
    errors.push({ probe: 'inventory', message: message(e) });
  }
  if (inv) {
    probes.targets = inv.targets;
    probes.bypass = inv.bypass;
    probes.media = inv.media;
    probes.motion = inv.motion;
    const detect = (text: string): Language | null => detectLanguage(text);
    probes.language = {
      declared: inv.language.declared,
      detected: detect(inv.language.text),
      parts: inv.language.parts.map((p) => ({ selector: p.selector, name: p.name, declared: p.declared, detected: detect(p.text) })),
    };
    try {
      probes.keyboard = await keyboardWalk(session, inv);
    } catch (e) {
      errors.push({ probe: 'keyboard', message: message(e) });
    }
  }
  try {
    await session.evaluate(cleanupProbe, null);
  } catch (e) {
    errors.push({ probe: 'cleanup', message: message(e) });
  }
  for (const mode of ['resize', 'spacing'] as const) {
    try {
      const r = await session.evaluate(textChangeProbe, { mode });
      if (mode === 'resize') probes.textResize = r;
      else probes.textSpacing = r;
    } catch (e) {
      errors.push({ probe: mode === 'resize' ? 'textResize' : 'textSpacing', message: message(e) });
    }
  }
  try {
    await session.setViewport(REFLOW_WIDTH, viewport.height);
    try {
      await session.evaluate(settleProbe, null);
      probes.reflow = await session.evaluate(overflowProbe, null);
    } finally {
      await session.setViewport(viewport.width, viewport.height);
      await session.evaluate(settleProbe, null).catch(() => undefined);
    }
  } catch (e) {
    errors.push({ probe: 'reflow', message: message(e) });
  }
  return { ...probes, errors, durationMs: Math.round(performance.now() - started) };
}

/**
 * Everything the accessibility suite does at one page state — axe-core plus the beyond-axe probes —
 * with the time each took (for `npm run bench`; target ≤ 3 s on Chromium on a 2-core machine).
 */
export async function measureAccessibilityState(
  session: BrowserSession,
  step: string,
  url: string,
): Promise<{ state: AccessibilityState; axeMs: number; probesMs: number; totalMs: number }> {
  const t0 = performance.now();
  const axe = await runAxe(session, step, url);
  const t1 = performance.now();
  const probes = await runA11yProbes(session);
  const t2 = performance.now();
  return { state: { ...axe, probes }, axeMs: Math.round(t1 - t0), probesMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0) };
}
