/**
 * In-page probes for what only interaction shows (issue 16.2): controls that are not controls
 * (click listeners without a role or a keyboard path), custom controls that ignore Enter or Space,
 * disclosures that open on hover but not from the keyboard, focus captured for a pixel comparison,
 * form errors told by colour alone, and flashing content. Like probes.ts, each function is
 * serialised into the page on its own: nothing may reference anything outside its body but the
 * shared helpers `inPage` puts in front of it (in-page.ts), declared here.
 *
 * Marks they leave (`data-erh-key`, `data-erh-hover`, the listener attribute) are removed by
 * `interactionCleanupProbe`; window state lives in `window.__erhInteraction` (the utility world's).
 */
import type { A11yProbes } from '../../core/evidence.ts';
import type * as Helpers from './in-page.ts';

declare const sel: typeof Helpers.sel;
declare const nameOf: typeof Helpers.nameOf;
declare const rendered: typeof Helpers.rendered;

type KeyName = 'Enter' | 'Space';

export interface ControlsInventory {
  clickListeners: { items: NonNullable<A11yProbes['clickListeners']>['items']; total: number };
  keys: Array<{ selector: string; name: string; role: string; clickListener: boolean | null; keys: KeyName[] }>;
  keysTotal: number;
  hover: Array<{ selector: string; name: string; focusable: boolean }>;
  hoverTotal: number;
}

/** Most custom controls pressed, and hover triggers tried, at one state. */
export const MAX_KEY_TESTS = 10;
export const MAX_HOVER_TESTS = 8;

/**
 * Finds the candidates, reading the listener marks `attr` the session left (`observable`: the
 * driver could see listeners). Marks the first custom controls `data-erh-key` and hover triggers
 * `data-erh-hover`.
 */
export function controlsProbe(arg: {
  attr: string;
  observable: boolean;
  maxKeys: number;
  maxHover: number;
}): ControlsInventory {
  for (const el of Array.from(document.querySelectorAll('[data-erh-key],[data-erh-hover]'))) {
    el.removeAttribute('data-erh-key');
    el.removeAttribute('data-erh-hover');
  }
  const NATIVE =
    'a[href],area[href],button,input,select,textarea,summary,label,option,optgroup,details,audio,' +
    'video,iframe,embed,object,[contenteditable=""],[contenteditable="true"]';
  const WIDGETS = [
    'button',
    'link',
    'checkbox',
    'radio',
    'switch',
    'tab',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'option',
    'slider',
    'spinbutton',
    'textbox',
    'combobox',
    'searchbox',
    'listbox',
    'gridcell',
    'treeitem',
    'scrollbar',
  ];
  const widgetSel = WIDGETS.map((r) => `[role="${r}"]`).join(',');
  const roleOf = (el: Element): string => (el.getAttribute('role') ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const types = (el: Element): string[] => (el.getAttribute(arg.attr) ?? '').split(' ').filter(Boolean);
  const POINTER = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'];
  const KEYS = ['keydown', 'keyup', 'keypress'];
  const HOVER = ['mouseenter', 'mouseover', 'pointerenter', 'pointerover'];
  const disabled = (el: Element): boolean =>
    (el as HTMLButtonElement).disabled === true || el.closest('[aria-disabled="true"],[inert]') !== null;
  const viewportArea = window.innerWidth * window.innerHeight;
  const box = (el: Element): DOMRect => el.getBoundingClientRect();
  const hasContent = (el: Element): boolean =>
    ((el as HTMLElement).innerText ?? '').trim() !== '' ||
    el.querySelector('img,svg,[aria-label]') !== null ||
    (el.getAttribute('aria-label') ?? '').trim() !== '';
  const holdsControl = (el: Element): boolean => el.querySelector(`${NATIVE},${widgetSel},[tabindex]`) !== null;
  const focusable = (el: Element): boolean => el.hasAttribute('tabindex') && (el as HTMLElement).tabIndex >= 0;

  // ── click listeners on what is not a control ──
  const clickOnly: ControlsInventory['clickListeners']['items'] = [];
  let clickTotal = 0;
  const listened = arg.observable ? Array.from(document.body.querySelectorAll(`[${arg.attr}]`)) : [];
  for (const el of listened) {
    const t = types(el);
    if (!t.some((x) => POINTER.includes(x))) continue;
    if (el === document.body || !rendered(el) || disabled(el)) continue;
    if (el.matches(NATIVE) || el.closest(NATIVE) || el.closest(widgetSel) || holdsControl(el)) continue;
    // An onclick attribute on an element out of the Tab order is keyboard-reachable's finding already.
    if (el.hasAttribute('onclick') && !focusable(el)) continue;
    const r = box(el);
    // A backdrop or a page-sized wrapper (a click anywhere closes a menu) is no control.
    if (r.width === 0 || r.height === 0 || r.width * r.height > viewportArea / 2 || !hasContent(el)) continue;
    clickTotal++;
    if (clickOnly.length < 25)
      clickOnly.push({
        selector: sel(el),
        name: nameOf(el),
        focusable: focusable(el),
        keyListener: t.some((x) => KEYS.includes(x)),
      });
  }

  // ── custom controls a patron presses Enter or Space on ──
  const KEY_ROLES: Record<string, KeyName[]> = {
    button: ['Enter', 'Space'],
    link: ['Enter'],
    menuitem: ['Enter'],
    menuitemcheckbox: ['Enter', 'Space'],
    menuitemradio: ['Enter', 'Space'],
    checkbox: ['Space'],
    switch: ['Space'],
  };
  const keyCandidates = Array.from(
    document.body.querySelectorAll(
      `${Object.keys(KEY_ROLES)
        .map((r) => `[role="${r}"]`)
        .join(',')},[${arg.attr}]`,
    ),
  ).filter((el) => {
    if (el.matches(NATIVE) || !focusable(el) || !rendered(el) || disabled(el)) return false;
    if (el.closest('[data-erh-overlay]')) return false;
    const role = roleOf(el);
    if (KEY_ROLES[role]) return true;
    // A focusable element with its own click listener and no role: does Enter do what a click does?
    return role === '' && types(el).some((x) => POINTER.includes(x)) && !holdsControl(el);
  });
  const clickHandled = (el: Element): boolean | null => {
    for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
      if (e.hasAttribute('onclick') || types(e).some((x) => POINTER.includes(x))) return true;
    }
    return arg.observable ? false : null;
  };
  const keys = keyCandidates.slice(0, arg.maxKeys).map((el, i) => {
    el.setAttribute('data-erh-key', String(i));
    const role = roleOf(el);
    return {
      selector: sel(el),
      name: nameOf(el),
      role: KEY_ROLES[role] ? role : '',
      // Its own or an ancestor element's (a container that delegates); one on the document cannot be told.
      clickListener: clickHandled(el),
      keys: KEY_ROLES[role] ?? (['Enter', 'Space'] as KeyName[]),
    };
  });

  // ── disclosures that open on hover ──
  const SHOWS = [
    'display',
    'visibility',
    'opacity',
    'max-height',
    'height',
    'clip',
    'clip-path',
    'transform',
    'left',
    'top',
    'content',
  ];
  const triggerSels = new Set<string>();
  const scan = (rules: CSSRuleList): void => {
    for (const r of Array.from(rules)) {
      if ('cssRules' in r && !(r instanceof CSSStyleRule)) {
        scan((r as CSSGroupingRule).cssRules);
        continue;
      }
      if (!(r instanceof CSSStyleRule) || !r.selectorText.includes(':hover')) continue;
      if (!SHOWS.some((p) => r.style.getPropertyValue(p) !== '')) continue;
      for (const s of r.selectorText.split(',')) {
        const at = s.indexOf(':hover');
        if (at < 0) continue;
        const rest = s.slice(at + 6);
        // Only rules that style something else than the hovered element: a descendant, a sibling, a pseudo-element.
        const other = /^[^\s>+~]*[\s>+~]+\S/.test(rest) || /^[^\s>+~]*::?(after|before)/.test(rest);
        if (!other) continue;
        const compoundEnd = rest.search(/[\s>+~]|::?(after|before)/);
        const trigger = (s.slice(0, at) + rest.slice(0, compoundEnd < 0 ? rest.length : compoundEnd))
          .replace(/:hover/g, '')
          .trim();
        if (trigger) triggerSels.add(trigger);
      }
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      scan(sheet.cssRules);
    } catch {
      // cross-origin sheet: unreadable
    }
  }
  const triggers = new Set<Element>();
  for (const s of triggerSels) {
    try {
      for (const el of Array.from(document.body.querySelectorAll(s)).slice(0, 50)) triggers.add(el);
    } catch {
      // a selector querySelectorAll does not take
    }
  }
  if (arg.observable) for (const el of listened) if (types(el).some((x) => HOVER.includes(x))) triggers.add(el);
  const firstFocusable = (el: Element): Element | null =>
    el.matches(NATIVE) || focusable(el)
      ? el
      : (Array.from(el.querySelectorAll(`${NATIVE},[tabindex]`)).find((c) => (c as HTMLElement).tabIndex >= 0) ?? null);
  const hoverAll = [...triggers].filter((el) => {
    if (el === document.body || !rendered(el) || el.closest('[data-erh-overlay]')) return false;
    const r = box(el);
    if (r.width === 0 || r.height === 0 || r.width * r.height > viewportArea / 2) return false;
    // A button or a control that says it opens something has its keyboard path by construction.
    const f = firstFocusable(el);
    if (f && (f.tagName === 'BUTTON' || f.hasAttribute('aria-expanded') || f.hasAttribute('aria-haspopup')))
      return false;
    return true;
  });
  const hover = hoverAll.slice(0, arg.maxHover).map((el, i) => {
    el.setAttribute('data-erh-hover', String(i));
    return { selector: sel(el), name: nameOf(el).slice(0, 80), focusable: firstFocusable(el) !== null };
  });

  return {
    clickListeners: { items: clickOnly, total: clickTotal },
    keys,
    keysTotal: keyCandidates.length,
    hover,
    hoverTotal: hoverAll.length,
  };
}

type Answer = 'click' | 'default-prevented' | 'page-changed' | 'focus-moved';

interface KeyWatch {
  clicked: boolean;
  mutations: number;
  scroll: [number, number];
  key: KeyboardEvent | null;
  observer: MutationObserver | null;
  onClick: (e: Event) => void;
  onKey: (e: Event) => void;
}

/**
 * Focuses the custom control marked `data-erh-key=index` and starts watching for the page's answer
 * to the key about to be pressed. Clicks are held back until `keyReadProbe` (recorded, not
 * delivered), so a key that makes the page click the control does not act on the vendor's service.
 */
export function keyArmProbe(arg: { index: number }): boolean {
  const el = document.querySelector(`[data-erh-key="${arg.index}"]`) as HTMLElement | null;
  if (!el) return false;
  el.focus({ preventScroll: false });
  if (document.activeElement !== el) return false;
  const state: KeyWatch = {
    clicked: false,
    mutations: 0,
    scroll: [window.scrollX, window.scrollY],
    key: null,
    observer: null,
    onClick: (e: Event): void => {
      if (e.target instanceof Node && (el === e.target || el.contains(e.target) || e.target.contains(el)))
        state.clicked = true;
      e.preventDefault();
      e.stopImmediatePropagation();
    },
    onKey: (e: Event): void => {
      state.key = e as KeyboardEvent;
    },
  };
  window.addEventListener('click', state.onClick, true);
  window.addEventListener('keydown', state.onKey, true);
  state.observer = new MutationObserver((records) => {
    for (const r of records) if (!(r.attributeName ?? '').startsWith('data-erh')) state.mutations++;
  });
  state.observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  (window as unknown as { __erhKey?: unknown }).__erhKey = { state, el };
  return true;
}

/** After the key press: what answered it; stops watching and puts the scroll position back. */
export async function keyReadProbe(): Promise<Answer[]> {
  const held = (window as unknown as { __erhKey?: { state: KeyWatch; el: Element } }).__erhKey;
  if (!held) return [];
  // Let the page's handlers (and a framework's re-render on the next frame) run.
  await new Promise((r) => setTimeout(r, 60));
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  const { state, el } = held;
  const pending = state.observer?.takeRecords() ?? [];
  state.mutations += pending.filter((r) => !(r.attributeName ?? '').startsWith('data-erh')).length;
  state.observer?.disconnect();
  window.removeEventListener('click', state.onClick, true);
  window.removeEventListener('keydown', state.onKey, true);
  delete (window as unknown as { __erhKey?: unknown }).__erhKey;
  const answers: Answer[] = [];
  if (state.clicked) answers.push('click');
  if (state.key?.defaultPrevented) answers.push('default-prevented');
  if (state.mutations > 0) answers.push('page-changed');
  if (document.activeElement !== el) answers.push('focus-moved');
  window.scrollTo(state.scroll[0], state.scroll[1]);
  return answers;
}

export interface Shown {
  /** Texts of content visible now that was not at the baseline (the outermost new elements, each ≤ 80 characters). */
  texts: string[];
}

/**
 * What is visible around hover trigger `index`: `mode: 'base'` remembers it; `'compare'` says what
 * is visible now that was not then (elements with text, or the trigger's ::before/::after content).
 * `'focus'` focuses the trigger (or the first focusable element in it) first; `'point'` returns
 * where to put the pointer (the trigger's centre, scrolled into view), or null when something else
 * is on top there.
 */
export async function hoverStateProbe(arg: {
  index: number;
  mode: 'base' | 'compare' | 'focus' | 'point' | 'blur';
}): Promise<{ x: number; y: number } | Shown | boolean | null> {
  const el = document.querySelector(`[data-erh-hover="${arg.index}"]`) as HTMLElement | null;
  if (!el) return null;
  const w = window as unknown as { __erhHover?: { visible: Set<Element>; pseudo: string } };
  if (arg.mode === 'point') {
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    const x = r.left + Math.min(r.width / 2, 20);
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
  }
  if (arg.mode === 'focus' || arg.mode === 'blur') {
    const f = (
      el.matches('a[href],button,input,select,textarea,summary,[tabindex]') && el.tabIndex >= 0
        ? el
        : Array.from(el.querySelectorAll('a[href],button,input,select,textarea,summary,[tabindex]')).find(
            (c) => (c as HTMLElement).tabIndex >= 0,
          )
    ) as HTMLElement | undefined;
    if (arg.mode === 'blur') {
      (document.activeElement as HTMLElement | null)?.blur?.();
      return true;
    }
    if (!f) return false;
    f.focus({ preventScroll: true });
    return document.activeElement === f;
  }
  const shownNow = (): Set<Element> => {
    const out = new Set<Element>();
    const scope = el.parentElement ?? el;
    const all = [...Array.from(scope.querySelectorAll('*')).slice(0, 2000), ...Array.from(document.body.children)];
    for (const e of all) {
      if (e.getClientRects().length === 0) continue;
      const st = getComputedStyle(e);
      if (st.visibility !== 'visible' || parseFloat(st.opacity) === 0) continue;
      const r = e.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || r.right < 0 || r.bottom < 0 || r.left > innerWidth) continue;
      out.add(e);
    }
    return out;
  };
  const pseudo = (): string =>
    ['::before', '::after']
      .map((p) => {
        const st = getComputedStyle(el, p);
        return st.content === 'none' || st.display === 'none' || parseFloat(st.opacity) === 0 ? '' : st.content;
      })
      .join('|');
  if (arg.mode === 'base') {
    w.__erhHover = { visible: shownNow(), pseudo: pseudo() };
    return true;
  }
  // A script that opens it on mouseenter or focusin may render on the next frame.
  await new Promise((resolve) => {
    const t = setTimeout(resolve, 50);
    requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(t), resolve(undefined))));
  });
  const base = w.__erhHover;
  if (!base) return null;
  const now = shownNow();
  const fresh = [...now].filter((e) => !base.visible.has(e) && ((e as HTMLElement).innerText ?? '').trim() !== '');
  // Report the outermost new elements only.
  const outer = fresh.filter((e) => !fresh.some((o) => o !== e && o.contains(e)));
  const texts = outer.map((e) => ((e as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 80));
  const p = pseudo();
  const said = p.replace(/["|]/g, ' ').trim();
  if (p !== base.pseudo && said !== '') texts.push(said.slice(0, 80));
  return { texts: texts.slice(0, 10) };
}

/**
 * Focuses tab stop `stop` (marked by the inventory probe) for a capture, or takes the focus away
 * (`blur`). Returns the box to capture (the element and 8 px around it, within the viewport) and
 * whether the focus shows as :focus-visible; null when the element cannot take the focus now.
 */
export function pixelFocusProbe(arg: { stop: number; blur: boolean }): {
  clip: { x: number; y: number; width: number; height: number };
  focusVisible: boolean;
} | null {
  const el = document.querySelector(`[data-erh-stop="${arg.stop}"]`) as HTMLElement | null;
  if (!el) return null;
  if (arg.blur) {
    if (document.activeElement === el) el.blur();
    const start = document.querySelector('[data-erh-start]') as HTMLElement | null;
    start?.focus({ preventScroll: true });
  } else {
    el.focus({ preventScroll: true });
    if (document.activeElement !== el) return null;
  }
  let r = el.getBoundingClientRect();
  if (!arg.blur && (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth)) {
    el.scrollIntoView({ block: 'center', inline: 'center' });
    r = el.getBoundingClientRect();
  }
  const pad = 8;
  const x = Math.max(0, Math.floor(r.left - pad));
  const y = Math.max(0, Math.floor(r.top - pad));
  const width = Math.min(innerWidth, Math.ceil(r.right + pad)) - x;
  const height = Math.min(innerHeight, Math.ceil(r.bottom + pad)) - y;
  if (width < 2 || height < 2) return null;
  let visible = true;
  try {
    visible = arg.blur ? false : el.matches(':focus-visible');
  } catch {
    // an engine without :focus-visible
  }
  return { clip: { x, y, width, height }, focusVisible: visible };
}

/**
 * Form fields shown in an error state (an error/invalid class on the field or a wrapper of it
 * holding no other field): takes the class off for a moment and compares what the patron sees —
 * colours, borders, outline, shadow, weight, text, icons, ::before/::after — then puts it back.
 * Colour-only: only colours changed, and neither aria-invalid, an error text tied to the field, nor
 * an error message or alert in its form says anything.
 */
export function errorCuesProbe(): NonNullable<A11yProbes['errorCues']> {
  const ERR = /(^|[-_])(error|errors|invalid|danger|errored|has-error|is-invalid)($|[-_])/i;
  const fields = (Array.from(document.querySelectorAll('input,select,textarea')) as HTMLInputElement[])
    .filter((f) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type) && rendered(f))
    .slice(0, 300);
  const colourOnly: NonNullable<A11yProbes['errorCues']>['colourOnly'] = [];
  let marked = 0;
  const COLOURS = [
    'border-top-color',
    'border-bottom-color',
    'border-left-color',
    'border-right-color',
    'background-color',
    'color',
    'outline-color',
    'caret-color',
  ];
  const SHAPES = [
    'border-top-width',
    'border-bottom-width',
    'border-left-width',
    'border-right-width',
    'border-top-style',
    'border-bottom-style',
    'outline-style',
    'outline-width',
    'box-shadow',
    'font-weight',
    'font-style',
    'text-decoration-line',
    'background-image',
    'padding-left',
    'padding-right',
    'width',
    'height',
  ];
  const fieldCount = (e: Element): number => e.querySelectorAll('input:not([type="hidden"]),select,textarea').length;
  for (const f of fields) {
    // The field and the wrappers that hold it alone, up to its form.
    const chain: Element[] = [f];
    for (
      let p = f.parentElement;
      p && p !== document.body && !p.matches('form') && fieldCount(p) === 1;
      p = p.parentElement
    )
      chain.push(p);
    const flagged = chain.flatMap((e) =>
      Array.from(e.classList)
        .filter((c) => ERR.test(c))
        .map((c) => ({ e, c })),
    );
    if (flagged.length === 0) continue;
    marked++;
    if (f.getAttribute('aria-invalid') === 'true' || (f.getAttribute('aria-errormessage') ?? '').trim()) continue;
    const wrap = chain[chain.length - 1] as Element;
    // An error text tied to the field, or an alert or error message in its form: the error is told in words.
    const ids = (f.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.some((id) => {
      const d = document.getElementById(id);
      return (
        d !== null &&
        rendered(d) &&
        ((d as HTMLElement).innerText ?? '').trim() !== '' &&
        (Array.from(d.classList).some((c) => ERR.test(c)) || d.matches('[role="alert"],[aria-live]'))
      );
    });
    const scope = f.form ?? wrap.parentElement ?? document.body;
    const told = Array.from(
      scope.querySelectorAll('[role="alert"],[aria-live="assertive"],[aria-live="polite"],[class]'),
    ).some(
      (m) =>
        !m.contains(f) &&
        (m.matches('[role="alert"],[aria-live]') || Array.from(m.classList).some((c) => ERR.test(c))) &&
        rendered(m) &&
        ((m as HTMLElement).innerText ?? '').trim() !== '',
    );
    // Any text in the field's own wrapper beyond its label (a help or error line, static or not) may say it.
    let own = ((wrap as HTMLElement).innerText ?? '').replace(/\s+/g, ' ');
    for (const l of Array.from(f.labels ?? []))
      own = own.replace(((l as HTMLElement).innerText ?? '').replace(/\s+/g, ' '), '');
    const besideLabel = /\p{L}{2}/u.test(own);
    if (described || told || besideLabel) continue;
    const look = (): { colours: string[]; shapes: string; text: string; icons: number; pseudo: string } => {
      const st = getComputedStyle(f);
      return {
        colours: COLOURS.map((p) => st.getPropertyValue(p)),
        shapes: SHAPES.map((p) => st.getPropertyValue(p).replace(/rgba?\([^)]*\)/g, '')).join('|'),
        text: ((wrap as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim(),
        icons: Array.from(wrap.querySelectorAll('img,svg,[class*="icon" i]')).filter((i) => rendered(i)).length,
        pseudo: chain
          .flatMap((e) =>
            ['::before', '::after'].map((p) => {
              const s = getComputedStyle(e, p);
              return s.display === 'none' ? '' : `${s.content}${s.backgroundImage}`;
            }),
          )
          .join('|'),
      };
    };
    const shown = look();
    for (const { e, c } of flagged) e.classList.remove(c);
    const plain = look();
    for (const { e, c } of flagged) e.classList.add(c);
    const colourChanges = COLOURS.filter((_, i) => shown.colours[i] !== plain.colours[i]);
    const otherCue =
      shown.shapes !== plain.shapes ||
      shown.text !== plain.text ||
      shown.icons !== plain.icons ||
      shown.pseudo !== plain.pseudo;
    if (colourChanges.length > 0 && !otherCue && colourOnly.length < 25)
      colourOnly.push({ selector: sel(f), name: nameOf(f), changed: colourChanges });
  }
  return { marked, colourOnly };
}

/** Starts counting the page's restyles by script (class and style changes per element), for the flashing probe. */
export function flashWatchProbe(): void {
  const w = window as unknown as {
    __erhFlash?: { observer: MutationObserver; counts: Map<Element, number>; started: number };
  };
  w.__erhFlash?.observer.disconnect();
  const counts = new Map<Element, number>();
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.target instanceof Element) counts.set(r.target, (counts.get(r.target) ?? 0) + 1);
    }
  });
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class', 'style'] });
  w.__erhFlash = { observer, counts, started: performance.now() };
}

/**
 * Flashing (WCAG 2.3.1). Candidates: running animations of colour, opacity, visibility or filter
 * (sampled over one second of their own timeline by seeking, put back after, so no waiting), and
 * elements the page restyled by script at least `minRate` times a second while watched (sampled
 * live for one second). The luminance is the element's background composited over what is behind it
 * (opacity, visibility). A transition: a change of relative luminance of 10 % or more with the darker
 * state below 0.80.
 */
export async function flashProbe(arg: {
  minRate: number;
  sampleMs: number;
  minWatchMs: number;
}): Promise<NonNullable<A11yProbes['flashing']>> {
  const w = window as unknown as {
    __erhFlash?: { observer: MutationObserver; counts: Map<Element, number>; started: number };
  };
  const watch = w.__erhFlash;
  const often = (n: number, ms: number): boolean => n >= Math.max(3, (arg.minRate * ms) / 1000);
  let watchedMs = watch ? performance.now() - watch.started : 0;
  // The probes before this one ran on the page's main thread, so while they ran the page's timers fired
  // less often than they do for a patron (a script restyling every 60 ms was seen once or twice in half
  // a second). When something was restyled but nothing often enough, restyles are counted again over a
  // window of this probe's own, with the thread free; a page that restyled nothing never waits.
  const counted = watch ? [...watch.counts.values()] : [];
  if (watch && counted.length > 0 && !counted.some((n) => often(n, watchedMs))) {
    watch.counts.clear();
    const since = performance.now();
    await new Promise((r) => setTimeout(r, arg.minWatchMs));
    watchedMs = performance.now() - since;
  }
  watch?.observer.disconnect();
  delete w.__erhFlash;
  const parse = (c: string): [number, number, number, number] => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const p = (m[1] as string)
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p.length > 3 ? (p[3] ?? 1) : 1];
  };
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const behind = (el: Element): [number, number, number] => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const [r, g, b, a] = parse(getComputedStyle(p).backgroundColor);
      if (a > 0.5) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const luminance = (el: Element, under: [number, number, number]): number => {
    const st = getComputedStyle(el);
    const [r, g, b, a0] = parse(st.backgroundColor);
    let alpha = a0;
    for (let p: Element | null = el; p; p = p.parentElement) alpha *= parseFloat(getComputedStyle(p).opacity);
    if (st.visibility !== 'visible' || st.display === 'none') alpha = 0;
    const mix = (c: number, u: number): number => c * alpha + u * (1 - alpha);
    return 0.2126 * lin(mix(r, under[0])) + 0.7152 * lin(mix(g, under[1])) + 0.0722 * lin(mix(b, under[2]));
  };
  // Changes of 10 % or more between extremes (a further move the same way extends the change).
  const transitions = (ls: number[]): number => {
    let n = 0;
    let anchor = ls[0] ?? 0;
    let dir = 0;
    for (const l of ls) {
      const d = l - anchor;
      if (dir !== 0 && Math.sign(d) === dir) {
        anchor = l;
        continue;
      }
      if (Math.abs(d) >= 0.1 && Math.min(l, anchor) < 0.8) {
        n++;
        dir = Math.sign(d);
        anchor = l;
      }
    }
    return n;
  };
  const items: NonNullable<A11yProbes['flashing']>['items'] = [];
  const FLASHY = [
    'backgroundColor',
    'background-color',
    'background',
    'color',
    'opacity',
    'visibility',
    'filter',
    'display',
  ];
  const animated = new Map<Element, Animation[]>();
  for (const a of document.getAnimations ? document.getAnimations() : []) {
    const target = (a.effect as KeyframeEffect | null)?.target;
    if (!target || a.playState !== 'running' || !(a.effect instanceof KeyframeEffect)) continue;
    const props = new Set(a.effect.getKeyframes().flatMap((k) => Object.keys(k)));
    if (!FLASHY.some((p) => props.has(p))) continue;
    animated.set(target, [...(animated.get(target) ?? []), a]);
  }
  const step = 10;
  const area = (el: Element): number => {
    const r = el.getBoundingClientRect();
    return Math.round(r.width * r.height);
  };
  let candidates = 0;
  for (const [el, anims] of [...animated].slice(0, 5)) {
    if (el.getClientRects().length === 0) continue;
    candidates++;
    const under = behind(el);
    const saved = anims.map((a) => a.currentTime);
    const ls: number[] = [];
    for (let t = 0; t <= arg.sampleMs; t += step) {
      anims.forEach((a, i) => {
        a.currentTime = Number(saved[i] ?? 0) + t;
      });
      ls.push(luminance(el, under));
    }
    anims.forEach((a, i) => {
      a.currentTime = saved[i] ?? null;
    });
    const n = transitions(ls);
    if (n > 6 && items.length < 10)
      items.push({
        selector: sel(el),
        name: nameOf(el).slice(0, 80),
        transitions: n,
        areaPx: area(el),
        source: 'animation',
      });
  }
  // Restyled by script several times a second while watched: sampled live.
  const busy = watch
    ? [...watch.counts]
        .filter(([el, n]) => often(n, watchedMs) && el.isConnected && !animated.has(el))
        .map(([el]) => el)
        .slice(0, 5)
    : [];
  if (busy.length > 0) {
    candidates += busy.length;
    const under = busy.map((el) => behind(el));
    const series: number[][] = busy.map(() => []);
    const started = performance.now();
    while (performance.now() - started < arg.sampleMs) {
      busy.forEach((el, i) => series[i]?.push(luminance(el, under[i] as [number, number, number])));
      await new Promise((r) => setTimeout(r, step));
    }
    busy.forEach((el, i) => {
      const n = transitions(series[i] ?? []);
      if (n > 6 && items.length < 10)
        items.push({
          selector: sel(el),
          name: nameOf(el).slice(0, 80),
          transitions: n,
          areaPx: area(el),
          source: 'script',
        });
    });
  }
  return { candidates, items };
}

/** Removes the marks of these probes (and the listener marks the session left under `attr`). */
export function interactionCleanupProbe(arg: { attr: string }): void {
  for (const el of Array.from(document.querySelectorAll(`[data-erh-key],[data-erh-hover],[${arg.attr}]`))) {
    el.removeAttribute('data-erh-key');
    el.removeAttribute('data-erh-hover');
    el.removeAttribute(arg.attr);
  }
  const w = window as unknown as {
    __erhHover?: unknown;
    __erhKey?: unknown;
    __erhFlash?: { observer: MutationObserver };
  };
  w.__erhFlash?.observer.disconnect();
  delete w.__erhHover;
  delete w.__erhKey;
  delete w.__erhFlash;
}
