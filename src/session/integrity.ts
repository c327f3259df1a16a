/**
 * Instruments the page could replace, for drivers without an isolated world (WebDriver classic,
 * a remote Playwright server): before every probe, the built-ins the probes and axe-core rely on are
 * checked to be the browser's own functions. A page that replaced one gets no examination that
 * could be faked: the session throws PageUnexaminableError('tampered') naming what was replaced.
 *
 * This is detection, not isolation: a page determined to hide its changes from a check that runs in
 * its own world can do so. That is why every driver that has an isolated world uses it
 * (src/session/playwright.ts), and why the evidence says which sessions ran without one.
 */
import { PageUnexaminableError, type Probe } from './types.ts';

/** In-page, self-contained: names of the built-ins that are not the browser's own. */
export function integrityProbe(): string[] {
  const fnToString = Function.prototype.toString;
  const native = (f: unknown): boolean => {
    if (typeof f !== 'function') return false;
    try {
      return /^function (?:get |set )?[\w$]*\(\) \{\s*\[native code\]\s*\}$/.test(fnToString.call(f));
    } catch {
      return false;
    }
  };
  const proto = (o: unknown, key: string): unknown => {
    const d = o ? Object.getOwnPropertyDescriptor(o, key) : undefined;
    return d ? (d.value ?? d.get) : undefined;
  };
  const checks: Array<[string, unknown]> = [
    ['Function.prototype.toString', fnToString],
    ['window.getComputedStyle', window.getComputedStyle],
    ['window.matchMedia', window.matchMedia],
    ['KeyboardEvent', window.KeyboardEvent],
    ['MouseEvent', window.MouseEvent],
    ['HTMLElement.prototype.focus', proto(HTMLElement.prototype, 'focus')],
    ['HTMLElement.prototype.blur', proto(HTMLElement.prototype, 'blur')],
    ['Element.prototype.getBoundingClientRect', proto(Element.prototype, 'getBoundingClientRect')],
    ['Element.prototype.getAttribute', proto(Element.prototype, 'getAttribute')],
    ['Element.prototype.querySelectorAll', proto(Element.prototype, 'querySelectorAll')],
    ['Element.prototype.matches', proto(Element.prototype, 'matches')],
    ['Document.prototype.querySelectorAll', proto(Document.prototype, 'querySelectorAll')],
    ['Document.prototype.activeElement', proto(Document.prototype, 'activeElement')],
    ['Document.prototype.elementFromPoint', proto(Document.prototype, 'elementFromPoint')],
    ['EventTarget.prototype.dispatchEvent', proto(EventTarget.prototype, 'dispatchEvent')],
    ['Node.prototype.contains', proto(Node.prototype, 'contains')],
    ['JSON.stringify', JSON.stringify],
    ['Array.from', Array.from],
    ['Object.keys', Object.keys],
  ];
  const replaced = checks.filter(([, f]) => !native(f)).map(([name]) => name);
  // An element's own `focus` (or one on Element.prototype) shadows nothing the probes call, but a
  // page that defines one is tampering all the same: name it.
  if (Object.getOwnPropertyDescriptor(Element.prototype, 'focus')) replaced.push('Element.prototype.focus');
  return replaced;
}

/** The marker a guarded probe returns instead of its result when the page replaced built-ins. */
export const TAMPERED = '__erhInstrumentsTampered';

/**
 * Source of a function expression `(arg) => result` that runs `probe` only after `integrityProbe`
 * found nothing replaced; otherwise it returns `{ [TAMPERED]: names }`.
 */
export function guardedProbeSource(probe: Probe<never, unknown> | Probe<unknown, unknown>): string {
  return `(function (arg) { var t = (${integrityProbe.toString()})(); if (t.length) { var o = {}; o[${JSON.stringify(TAMPERED)}] = t; return o; } return (${probe.toString()})(arg); })`;
}

/** Throws PageUnexaminableError when a guarded probe reported replaced built-ins; else its result. */
export function unguard<R>(value: unknown): R {
  if (value && typeof value === 'object' && TAMPERED in value) {
    const names = (value as Record<string, unknown>)[TAMPERED];
    const list = Array.isArray(names) ? names.map(String).slice(0, 10) : [];
    throw new PageUnexaminableError(
      'tampered',
      `The page replaced the browser's own ${list.join(', ')}, which the examination relies on; this driver has no world isolated from the page's scripts, so nothing measured there could be trusted`,
    );
  }
  return value as R;
}
