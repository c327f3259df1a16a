/**
 * Pristine built-ins for drivers without an isolated world (WebDriver classic: WebKitGTK,
 * chromedriver, Appium). There a probe runs in the page's own world, after the page's scripts, so
 * the page may have replaced anything the probe or axe-core calls (`HTMLElement.prototype.focus`,
 * `getComputedStyle`, `KeyboardEvent`, `Array.prototype.filter`…). Detection alone cannot undo that
 * — a bound native function stringifies as native — so before every probe the session borrows the
 * browser's own built-ins from a fresh realm and puts them in place, for that probe only:
 *
 * 1. A fresh realm: an about:blank iframe, inserted and removed at once (its realm lives on while
 *    referenced; axe never sees the frame). Its window is taken by WindowProxy index (`window[n]`),
 *    which no script can redefine, not through the `contentWindow` getter the page may have patched.
 * 2. From then on only that realm's functions are called (`Reflect.apply`, `Object.defineProperty`,
 *    its `Function.prototype.toString`…), never one looked up in the page's world.
 * 3. Every configurable own property of the page's built-ins — each interface prototype and
 *    constructor, the namespaces (JSON, Math, Reflect, CSS…), the window's own functions and
 *    accessors — is replaced by the fresh realm's; keys the page added to a built-in prototype are
 *    removed; own properties of the document's nodes that shadow a built-in are removed; a global
 *    interface the page replaced (`window.KeyboardEvent = …`) is the fresh realm's, with an
 *    `instanceof` that also knows the page's nodes. The fresh realm's functions work on the page's
 *    objects (WebIDL brand checks do not depend on the realm): this is what an isolated world sees.
 * 4. After the probe, each swapped property is checked to be still what was put there (a page that
 *    changed one back while it ran gets no result), and the page's own are restored, so that its
 *    scripts behave as before for the rest of the journey.
 *
 * What cannot be put back — a built-in the page made non-configurable, a frozen prototype, a node
 * whose prototype the page replaced, no frame could be made — is named, and the session throws
 * PageUnexaminableError('tampered'): a vendor result with the evidence, never a silent pass.
 *
 * Limits (why an isolated world is still preferred where a driver has one): the iframe is created
 * with the page's `createElement`/`appendChild`, so a page hooked into them could tamper the new
 * realm before it is used — checked afterwards with the fresh realm's own `toString`, which such a
 * page would have had to fake too; objects of the fresh realm installed in the page (a replaced
 * interface, its prototype) could be changed by page code that runs while an asynchronous probe
 * waits; and state a probe leaves on `window` for the next one is the page's to read.
 */

/** What `borrowBuiltins` returns in the page: either the swap, or what could not be swapped. */
export interface Borrowed {
  /** Names of built-ins that could not be put in place (empty: the probe may run; else nothing is swapped). */
  problems: string[];
  /** Names of swapped-in built-ins that are no longer what was put there. */
  verify: () => string[];
  /** Puts the page's own back. */
  restore: () => void;
  /**
   * JSON of `{ v: value }`, or `{ t: names, why }`, made with the fresh realm's JSON on objects without
   * a prototype (no `toJSON` of the page's is consulted).
   */
  answer: (value: unknown, names?: string[], why?: 'fixed' | 'changed') => string;
}

/** In-page, self-contained: swaps a fresh realm's built-ins into the page (see the module comment). */
export function borrowBuiltins(): Borrowed {
  const main = window as unknown as Record<string | number, unknown> & typeof globalThis;
  // Fresh realm. Indexed access on the WindowProxy cannot be redefined by the page.
  let n = 0;
  while (main[n] !== undefined && n < 1000) n++;
  let realm: (typeof globalThis & Record<string, unknown>) | undefined;
  let frame: HTMLIFrameElement | undefined;
  try {
    frame = document.createElement('iframe');
    (document.body ?? document.documentElement).appendChild(frame);
    realm = main[n] as typeof realm;
  } catch {
    realm = undefined;
  }
  // Nothing of the page's is trusted to write this answer: a constant.
  const failed = (why: string): Borrowed => {
    const text = `{"t":["${why}"],"why":"fixed"}`;
    return { problems: [why], verify: () => [], restore: () => undefined, answer: () => text };
  };
  if (!realm || (realm as unknown) === main || typeof realm.Reflect !== 'object' || realm.Object === main.Object) {
    try {
      frame?.remove();
    } catch {
      // nothing of the page's can be relied on here
    }
    return failed('means to make a frame of the harness (the page kept it from being created)');
  }
  const R = realm;
  const ROb = R.Object;
  const RRe = R.Reflect;
  const apply = RRe.apply;
  const gopd = RRe.getOwnPropertyDescriptor;
  const dp = RRe.defineProperty;
  const del = RRe.deleteProperty;
  const has = RRe.has;
  const ownKeys = RRe.ownKeys;
  const getProto = RRe.getPrototypeOf;
  const fnToString = R.Function.prototype.toString;
  const bind = R.Function.prototype.bind;
  const push = R.Array.prototype.push;
  const indexOf = R.String.prototype.indexOf;
  const RMap = R.Map;
  const mapGet = RMap.prototype.get;
  const mapSet = RMap.prototype.set;
  const mapHas = RMap.prototype.has;
  const RArray = R.Array;
  const Rarr = (): unknown[] => new RArray() as unknown[];
  const problems = Rarr() as string[];
  const problem = (name: string): void => void apply(push, problems, [name]);
  const symbolText = R.Symbol.prototype.toString;
  const label = (k: string | symbol): string => (typeof k === 'symbol' ? `[${apply(symbolText, k, []) as string}]` : k);
  const nativeText = (f: unknown): string | undefined => {
    if (typeof f !== 'function') return undefined;
    try {
      const text = apply(fnToString, f, []) as string;
      return apply(indexOf, text, ['[native code]']) >= 0 ? text : undefined;
    } catch {
      return undefined;
    }
  };
  const RJSON = R.JSON;
  const stringify = RJSON.stringify;
  const bare = (): Record<string, unknown> => ROb.create(null) as Record<string, unknown>;
  const answer = (value: unknown, names?: string[], why?: 'fixed' | 'changed'): string => {
    const o = bare();
    if (names) {
      const list = Rarr();
      for (let i = 0; i < names.length; i++) apply(push, list, [`${names[i]}`]);
      o.t = list;
      o.why = why ?? 'fixed';
    } else {
      o.v = value;
    }
    return apply(stringify, RJSON, [o]) as string;
  };
  // The realm was not changed on its way in, and the page's functions that made it were the browser's own.
  // (The frame stays in the document until everything is taken from its window: Chromium empties a
  // detached window's globals. It is removed before the probe runs, so that axe never sees it.)
  const removeFrame = gopd(R.Element.prototype, 'remove')?.value as (() => void) | undefined;
  const detach = (): void => {
    try {
      if (frame && removeFrame) apply(removeFrame, frame, []);
    } catch {
      problem('frame the harness made (the page kept it from being removed)');
    }
  };
  const findOwn = (o: object | null, key: string): unknown => {
    for (let p = o, i = 0; p && i < 20; p = getProto(p), i++) {
      const d = gopd(p, key);
      if (d) return d.value ?? d.get;
    }
    return undefined;
  };
  const creators: Array<[string, unknown]> = [
    ['Document.prototype.createElement', findOwn(document, 'createElement')],
    ['Node.prototype.appendChild', findOwn(document, 'appendChild')],
    ['Document.prototype.body', findOwn(document, 'body')],
  ];
  for (const [name, f] of creators) if (f !== undefined && nativeText(f) === undefined) problem(name);
  for (const f of [fnToString, apply, gopd, dp, ownKeys, getProto, removeFrame]) {
    if (nativeText(f) === undefined) {
      detach();
      return failed('frame the harness made (the page changed it as it was made)');
    }
  }
  const none = (): string[] => Rarr() as string[];
  if (problems.length) {
    detach();
    return { problems, verify: none, restore: () => undefined, answer };
  }

  // Swapped properties: [object, key, the page's descriptor or undefined, what was put there or undefined (removed)].
  type Desc = PropertyDescriptor | undefined;
  const saved = Rarr() as Array<[object, string | symbol, Desc, Desc]>;
  const swappedProtos = new RMap() as Map<object, object>;
  const same = (a: Desc, b: Desc): boolean =>
    a === b || (!!a && !!b && a.value === b.value && a.get === b.get && a.set === b.set);
  /** Puts `d` (or nothing) at `target[key]`, remembering the page's; `owner` names the object in problems. */
  const put = (target: object, key: string | symbol, d: Desc, owner: string): void => {
    const old = gopd(target, key);
    if (old && !old.configurable) {
      // The page's stays: fine when it is the browser's own (it may only have been frozen in place).
      const f: unknown = old.value ?? old.get ?? old.set;
      if (typeof f === 'function' && nativeText(f) === undefined) problem(`${owner}.${label(key)}`);
      return;
    }
    if (!(d ? dp(target, key, d) : del(target, key))) {
      problem(`${owner}.${label(key)}`);
      return;
    }
    saved[saved.length] = [target, key, old, d];
  };
  /**
   * Makes `target`'s own properties those of `source` (its fresh-realm twin), but for `skip`
   * (0: none, 1: `constructor`, 2: a constructor's `prototype`, `length`, `name`).
   */
  const swapObject = (target: object, source: object, name: string, skip: 0 | 1 | 2): void => {
    const skipped = (k: string | symbol): boolean =>
      skip === 1 ? k === 'constructor' : skip === 2 && (k === 'prototype' || k === 'length' || k === 'name');
    const keys = ownKeys(source);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string | symbol;
      if (skipped(k)) continue;
      const d = gopd(source, k);
      if (!d || !d.configurable) continue; // constants: the same in every realm, and unchangeable
      put(target, k, d, name);
    }
    const extra = ownKeys(target);
    for (let i = 0; i < extra.length; i++) {
      const k = extra[i] as string | symbol;
      if (!skipped(k) && !gopd(source, k)) put(target, k, undefined, name);
    }
  };
  const isPlainNamespace = (v: unknown): v is object =>
    typeof v === 'object' && v !== null && getProto(v) === R.Object.prototype;
  const replaced = Rarr() as Array<{ ctor: object; proto: object }>;

  for (const k of ownKeys(R)) {
    if (typeof k !== 'string') continue;
    const rd = gopd(R, k);
    if (!rd || !('value' in rd)) {
      // Accessors of the window (innerWidth, onerror…): the fresh realm's, called on the page's window.
      if (rd && rd.configurable) put(main, k, rd, 'window');
      continue;
    }
    const v: unknown = rd.value;
    const md = gopd(main, k);
    const mv: unknown = md && 'value' in md ? md.value : undefined;
    const protoDesc = typeof v === 'function' ? gopd(v, 'prototype') : undefined;
    const protoValue: unknown = protoDesc?.value;
    const hasPrototype = protoValue !== null && (typeof protoValue === 'object' || typeof protoValue === 'function');
    if (typeof v === 'function' && hasPrototype) {
      // An interface or a constructor: its prototype and statics, and the binding itself.
      const rproto = protoValue as object;
      const text = nativeText(mv);
      const rname = gopd(v, 'name')?.value as unknown;
      const genuine =
        text !== undefined && typeof rname === 'string' && apply(indexOf, text, [`function ${rname}(`]) === 0;
      if (genuine) {
        const mproto = gopd(mv as object, 'prototype')?.value as object | undefined;
        if (mproto && (typeof mproto === 'object' || typeof mproto === 'function')) {
          swapObject(mproto, rproto, `${k}.prototype`, 1);
          apply(mapSet, swappedProtos, [mproto, rproto]);
        }
        swapObject(mv as object, v, k, 2);
      } else if (md || rd.configurable) {
        put(main, k, rd, 'window');
        apply(push, replaced, [{ ctor: v, proto: rproto }]);
      }
      continue;
    }
    if (isPlainNamespace(v)) {
      if (typeof mv === 'object' && mv !== null) swapObject(mv, v, k, 0);
      else put(main, k, rd, 'window');
      continue;
    }
    // The window's own functions (getComputedStyle, setTimeout…): the fresh realm's, bound to the page's
    // window (called unbound they would act on the fresh, detached one: its timers never fire). Data
    // such as `name` stay; `eval` too (the fresh realm's would evaluate there).
    if (typeof v === 'function' && rd.configurable && k !== 'eval') {
      const bound: unknown = apply(bind, v, [main]);
      put(main, k, { value: bound, writable: true, enumerable: rd.enumerable ?? false, configurable: true }, 'window');
    }
  }
  /** The fresh-realm prototype that a page object's prototype chain stands for, if any. */
  const twinOf = (o: unknown): object | undefined => {
    const start = typeof o === 'object' || typeof o === 'function' ? getProto(o as object) : null;
    for (let p = start, i = 0; p && i < 50; p = getProto(p), i++) {
      const twin = apply(mapGet, swappedProtos, [p]) as object | undefined;
      if (twin) return twin;
    }
    return undefined;
  };
  // A replaced interface is the fresh realm's: its instanceof also answers for the page's objects.
  for (const { ctor, proto } of replaced) {
    const isPrototypeOf = R.Object.prototype.isPrototypeOf;
    dp(ctor, R.Symbol.hasInstance, {
      configurable: true,
      value: (x: unknown): boolean => {
        if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return false;
        if (apply(isPrototypeOf, proto, [x])) return true;
        const twin = twinOf(x);
        return twin !== undefined && (twin === proto || (apply(isPrototypeOf, proto, [twin]) as boolean));
      },
    });
  }

  // The document's nodes: own properties that shadow a built-in, and prototypes the page replaced.
  type Getter = (this: Node) => unknown;
  const nodeGet = (name: string): Getter => gopd(R.Node.prototype, name)?.get as Getter;
  const firstChild = nodeGet('firstChild');
  const nextSibling = nodeGet('nextSibling');
  const parentNode = nodeGet('parentNode');
  const shadowRoot = gopd(R.Element.prototype, 'shadowRoot')?.get as ((this: Element) => ShadowRoot | null) | undefined;
  const nodeName = nodeGet('nodeName');
  const nodeType = nodeGet('nodeType');
  const seen = new RMap() as Map<object, boolean>;
  detach();
  const checkNode = (node: object): void => {
    const keys = ownKeys(node);
    for (const k of keys) {
      if (has(getProto(node) ?? {}, k)) put(node, k, undefined, apply(nodeName, node, []) as string);
    }
    // Prototypes between the node and the first built-in one (a custom element's class, or an
    // interface whose global the page replaced): what they define over a built-in is removed.
    const twin = twinOf(node);
    if (twin === undefined) {
      problem(`the prototype of ${apply(nodeName, node, []) as string}`);
      return;
    }
    for (let p = getProto(node), i = 0; p && i < 50 && !apply(mapHas, swappedProtos, [p]); p = getProto(p), i++) {
      if (apply(mapHas, seen, [p])) break;
      apply(mapSet, seen, [p, true]);
      for (const k of ownKeys(p)) {
        const owner = `${apply(nodeName, node, []) as string} prototype`;
        if (k !== 'constructor' && has(twin, k)) put(p, k, undefined, owner);
      }
    }
  };
  const roots = Rarr() as Node[];
  apply(push, roots, [document]);
  let visited = 0;
  for (let r = 0; r < roots.length && visited < 50_000; r++) {
    let node: Node | null = roots[r] ?? null;
    const top = node;
    while (node && visited < 50_000) {
      visited++;
      checkNode(node);
      const element = apply(nodeType, node, []) === 1;
      const sr = shadowRoot && element ? (apply(shadowRoot, node, []) as ShadowRoot | null) : null;
      if (sr) apply(push, roots, [sr]);
      let next = apply(firstChild, node, []) as Node | null;
      while (!next && node && node !== top) {
        next = apply(nextSibling, node, []) as Node | null;
        if (!next) node = apply(parentNode, node, []) as Node | null;
      }
      node = next;
    }
  }

  const verify = (): string[] => {
    const changed = Rarr() as string[];
    for (let i = 0; i < saved.length; i++) {
      const entry = saved[i];
      if (entry && !same(gopd(entry[0], entry[1]), entry[3])) apply(push, changed, [label(entry[1])]);
    }
    return changed;
  };
  const restore = (): void => {
    for (let i = saved.length - 1; i >= 0; i--) {
      const entry = saved[i];
      if (!entry) continue;
      const [target, key, old] = entry;
      if (old) dp(target, key, old);
      else del(target, key);
    }
    saved.length = 0;
  };
  if (problems.length) {
    restore();
    return { problems, verify: none, restore: () => undefined, answer };
  }
  return { problems, verify, restore, answer };
}
