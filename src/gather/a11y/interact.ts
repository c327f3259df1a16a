/**
 * The interaction probes' Node side (issue 16.2), run by runA11yProbes (index.ts) after the Tab
 * walk at one page state: listeners seen through the session, custom controls sent Enter and Space,
 * hover triggers hovered and focused, doubtful focus indicators captured and compared by pixels,
 * form errors told by colour alone, flashing content. Each is cheap where nothing applies: it works
 * only on the candidates the in-page inventory found (elements with listeners, role=button…, :hover
 * rules that show other content, stops whose style change was in doubt, running animations).
 *
 * Side effects are bounded: clicks a key causes are held back (recorded, not delivered), hovering
 * and focusing change nothing but the page's own hover/focus state, and nothing is tried while an
 * overlay (dialog, menu) the step opened is showing, so the journey goes on from the same state.
 */
import type { A11yProbes, TabStop } from '../../core/evidence.ts';
import { PageUnexaminableError, type BrowserSession } from '../../session/types.ts';
import { inPage } from './in-page.ts';
import * as raw from './interaction.ts';
import { MAX_HOVER_TESTS, MAX_KEY_TESTS, type ControlsInventory, type Shown } from './interaction.ts';

export type { ControlsInventory } from './interaction.ts';
import { changedPixels, decodePng } from './pixels.ts';

const controlsProbe = inPage(raw.controlsProbe);
const keyArmProbe = inPage(raw.keyArmProbe);
const keyReadProbe = inPage(raw.keyReadProbe);
const hoverStateProbe = inPage(raw.hoverStateProbe);
const pixelFocusProbe = inPage(raw.pixelFocusProbe);
const errorCuesProbe = inPage(raw.errorCuesProbe);
const flashWatchProbe = inPage(raw.flashWatchProbe);
const flashProbe = inPage(raw.flashProbe);
const interactionCleanupProbe = inPage(raw.interactionCleanupProbe);

/** The attribute the session marks listening elements with (removed by the cleanup). */
export const LISTENER_ATTRIBUTE = 'data-erh-listens';
export const LISTENER_TYPES = [
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'mouseenter',
  'mouseover',
  'pointerenter',
  'pointerover',
] as const;
/** Most stops whose focus indicator is judged by pixels at one state. */
export const MAX_PIXEL_STOPS = 12;
/**
 * Restyles per second by script that make an element a flashing candidate: more than three flashes a
 * second need more than six changes of luminance, each a restyle.
 */
export const FLASH_RATE = 7;
/** The window a flashing candidate is sampled over (WCAG 2.3.1 counts flashes in any one second), ms. */
export const FLASH_SAMPLE_MS = 1000;
/**
 * The window restyles are counted again over, with the main thread free, when something was restyled
 * but nothing `FLASH_RATE` times a second while the other probes held the thread, ms (a quiet page
 * does not wait; one whose scripts restyle on focus or hover waits this once per state).
 */
export const FLASH_WATCH_MS = 450;

type Errors = A11yProbes['errors'];

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}

/** A lost browser or a page that will not hold still goes up; anything else is this probe's error. */
async function guarded<T>(
  session: BrowserSession,
  errors: Errors,
  probe: string,
  fn: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (session.lost?.() || e instanceof PageUnexaminableError) throw e;
    errors.push({ probe, message: message(e) });
    return undefined;
  }
}

/** Before the inventory: starts watching restyles for the flashing probe, and marks listening elements. */
export async function beforeInventory(
  session: BrowserSession,
  errors: Errors,
): Promise<{ observable: true } | { observable: false; reason: string }> {
  await guarded(session, errors, 'flashing', () => session.evaluate(flashWatchProbe, undefined));
  if (!session.markListeners)
    return { observable: false, reason: 'this driver cannot see event listeners (no DevTools protocol)' };
  const marked = await guarded(session, errors, 'clickListeners', () =>
    session.markListeners!(LISTENER_TYPES, LISTENER_ATTRIBUTE),
  );
  if (!marked) return { observable: false, reason: 'the event listeners could not be read' };
  return marked.observable ? { observable: true } : { observable: false, reason: marked.reason };
}

export async function findControls(
  session: BrowserSession,
  errors: Errors,
  listeners: { observable: true } | { observable: false; reason: string },
): Promise<{ inventory: ControlsInventory | undefined; clickListeners: A11yProbes['clickListeners'] }> {
  const inventory = await guarded(session, errors, 'clickListeners', () =>
    session.evaluate(controlsProbe, {
      attr: LISTENER_ATTRIBUTE,
      observable: listeners.observable,
      maxKeys: MAX_KEY_TESTS,
      maxHover: MAX_HOVER_TESTS,
    }),
  );
  if (!inventory) return { inventory, clickListeners: undefined };
  const clickListeners: A11yProbes['clickListeners'] = listeners.observable
    ? { observable: true, items: inventory.clickListeners.items, total: inventory.clickListeners.total }
    : { observable: false, reason: listeners.reason, items: [], total: 0 };
  return { inventory, clickListeners };
}

/** Custom controls sent the keys a patron would press; the page's click handlers are held back. */
export async function pressKeys(
  session: BrowserSession,
  inventory: ControlsInventory,
  overlayOpen: boolean,
): Promise<NonNullable<A11yProbes['keyActivation']>> {
  if (overlayOpen)
    return {
      items: [],
      total: inventory.keysTotal,
      skipped: 'an overlay was open: keys were not pressed, so the journey goes on from the same state',
    };
  const items: NonNullable<A11yProbes['keyActivation']>['items'] = [];
  for (const [index, c] of inventory.keys.entries()) {
    const presses: NonNullable<A11yProbes['keyActivation']>['items'][number]['presses'] = [];
    for (const key of c.keys) {
      if (!(await session.evaluate(keyArmProbe, { index }))) break;
      await session.press(key);
      presses.push({ key, answers: await session.evaluate(keyReadProbe, undefined) });
    }
    if (presses.length === c.keys.length)
      items.push({ selector: c.selector, name: c.name, role: c.role, clickListener: c.clickListener, presses });
  }
  return { items, total: inventory.keysTotal };
}

/** Each hover trigger focused (the keyboard's way) and hovered (the pointer's), comparing what showed. */
export async function hoverTriggers(
  session: BrowserSession,
  inventory: ControlsInventory,
  overlayOpen: boolean,
): Promise<NonNullable<A11yProbes['hoverDisclosure']>> {
  const none = (skipped: string) => ({ items: [], total: inventory.hoverTotal, tested: 0, skipped });
  if (inventory.hover.length === 0) return { items: [], total: 0, tested: 0 };
  if (overlayOpen) return none('an overlay was open: nothing was hovered, so the journey goes on from the same state');
  if (!session.movePointer) return none('this driver cannot move the pointer');
  const { width, height } = session.viewport();
  const away = async () => session.movePointer!(width - 1, height - 1);
  const state = (index: number, mode: 'base' | 'compare' | 'focus' | 'point' | 'blur') =>
    session.evaluate(hoverStateProbe, { index, mode });
  const items: NonNullable<A11yProbes['hoverDisclosure']>['items'] = [];
  let tested = 0;
  for (const [index, t] of inventory.hover.entries()) {
    // From no focus and no hover: what the Tab walk left focused (a menu it opened) is not the baseline.
    await away();
    await state(index, 'blur');
    await state(index, 'base');
    const focused = (await state(index, 'focus')) === true;
    const byFocus = focused ? ((await state(index, 'compare')) as Shown | null) : null;
    await state(index, 'blur');
    const point = (await state(index, 'point')) as { x: number; y: number } | null;
    if (!point) continue;
    await state(index, 'base');
    await session.movePointer(point.x, point.y);
    const byHover = (await state(index, 'compare')) as Shown | null;
    await away();
    tested++;
    if (!byHover || byHover.texts.length === 0) continue;
    const same =
      byFocus !== null && byHover.texts.every((h) => byFocus.texts.some((f) => f.includes(h) || h.includes(f)));
    items.push({
      selector: t.selector,
      name: t.name,
      revealed: byHover.texts.join(' ').slice(0, 80),
      byFocus: same,
      focusable: t.focusable,
    });
  }
  return { items, total: inventory.hoverTotal, tested };
}

/** Stops whose style change was in doubt, captured focused and unfocused; `focusPixels` set on each. */
export async function focusPixels(session: BrowserSession, stops: TabStop[], doubtful: readonly number[]) {
  if (!session.capture) return;
  for (const stop of doubtful.slice(0, MAX_PIXEL_STOPS)) {
    const focused = await session.evaluate(pixelFocusProbe, { stop, blur: false });
    if (!focused || !focused.focusVisible) continue;
    const a = decodePng(await session.capture(focused.clip));
    await session.evaluate(pixelFocusProbe, { stop, blur: true });
    const b = decodePng(await session.capture(focused.clip));
    const target = stops[stop];
    if (target) target.focusPixels = changedPixels(a, b);
  }
}

export async function errorCues(session: BrowserSession): Promise<NonNullable<A11yProbes['errorCues']>> {
  return session.evaluate(errorCuesProbe, undefined);
}

export async function flashing(session: BrowserSession): Promise<NonNullable<A11yProbes['flashing']>> {
  return session.evaluate(flashProbe, { minRate: FLASH_RATE, sampleMs: FLASH_SAMPLE_MS, minWatchMs: FLASH_WATCH_MS });
}

export async function interactionCleanup(session: BrowserSession): Promise<void> {
  await session.evaluate(interactionCleanupProbe, { attr: LISTENER_ATTRIBUTE });
}
