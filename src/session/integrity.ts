/**
 * Probes on drivers without an isolated world (WebDriver classic, a remote Playwright server): every
 * probe runs guarded. The guard first puts the browser's own built-ins in place, borrowed from a
 * fresh realm (src/session/pristine.ts), so that a page that replaced `focus`, `getComputedStyle`
 * or axe's helpers gets the same examination as its honest twin; then `integrityProbe` checks the
 * built-ins the probes and axe-core rely on once more; after the probe, what was swapped in is
 * checked to be still in place. Whatever could not be put back, or was changed while the probe ran,
 * is named, and the session throws PageUnexaminableError('tampered'): a vendor result with the
 * evidence, never a silent pass.
 *
 * This is not isolation: the page's world is borrowed back, not left (see pristine.ts for the
 * limits). Every driver that has an isolated world uses it instead (src/session/playwright.ts), and
 * the session says which it is (`BrowserSession.isolated`).
 */
import { z } from 'zod';
import { borrowBuiltins } from './pristine.ts';
import { PageUnexaminableError, type Probe } from './types.ts';

/** In-page, self-contained: names of the built-ins that are not the browser's own (checked after the swap, too). */
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

/**
 * Source of a function expression `(arg) => string` that runs `probe` with the browser's own
 * built-ins in place (borrowBuiltins, src/session/pristine.ts), checks them with `integrityProbe`
 * while they are, and answers with JSON made while they still are — `{"v": result}`, or
 * `{"t": names, "why": …}` when the page kept the examination from being honest — so that nothing
 * the page restores afterwards (a `toJSON`, a setter) touches the answer on its way out.
 */
export function guardedProbeSource(probe: Probe<never, unknown> | Probe<unknown, unknown>): string {
  return `(function (arg) {
var b = (${borrowBuiltins.toString()})();
if (b.problems.length) return b.answer(undefined, b.problems, 'fixed');
function finish(value) {
  var changed = b.verify();
  var out = changed.length ? b.answer(undefined, changed, 'changed') : b.answer(value);
  b.restore();
  return out;
}
var r;
try {
  var t = (${integrityProbe.toString()})();
  if (t.length) { var o = b.answer(undefined, t, 'fixed'); b.restore(); return o; }
  r = (${probe.toString()})(arg);
} catch (e) { b.restore(); throw e; }
if (r && typeof r.then === 'function') return r.then(finish, function (e) { b.restore(); throw e; });
return finish(r);
})`;
}

/** A guarded probe's answer: what kept it from being honest, or its result (`v` absent when it was undefined). */
const Answer = z.union([
  z.object({ t: z.array(z.string()), why: z.enum(['fixed', 'changed']) }),
  z.strictObject({ v: z.unknown().optional() }),
]);

/** The probe's result from a guarded probe's answer; PageUnexaminableError when the page kept it from being honest. */
export function unguard<R>(answer: unknown): R {
  const parsed = typeof answer === 'string' ? Answer.safeParse(JSON.parse(answer)) : undefined;
  if (!parsed?.success) throw new Error(`A guarded probe answered with something else than its JSON: ${typeof answer}`);
  const a = parsed.data;
  if (!('t' in a)) return a.v as R;
  const list = a.t.slice(0, 10).join(', ');
  const why =
    a.why === 'changed'
      ? `The page changed the browser's own ${list} while it was being examined, after the harness had put them back`
      : `The page replaced the browser's own ${list} so that they could not be put back for the examination`;
  const limit = "this driver has no world isolated from the page's scripts, so what was measured could not be trusted";
  throw new PageUnexaminableError('tampered', `${why}; ${limit}`);
}
