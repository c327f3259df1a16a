/**
 * In-page probes of the beyond-axe accessibility gatherer (issue 4). Each is a self-contained
 * function serialised into the page by any BrowserSession (Playwright, WebDriver), so nothing here
 * may reference anything outside its own body: small helpers are repeated on purpose.
 *
 * The shared helpers (the selector and the accessible name of an element, whether it is rendered,
 * the focus-style signature) are defined once in in-page.ts and put in front of each probe by
 * `inPage`: here they are only declared.
 *
 * The inventory probe marks the page's tabbable elements (`data-erh-stop`) and fixed/sticky boxes
 * (`data-erh-fixed`) and remembers their unfocused styles in `window.__erhA11y`; the focus probe,
 * run after each real Tab press, reads them back; the cleanup probe removes every mark.
 */

import type { A11yProbes } from '../../core/evidence.ts';
import type * as Helpers from './in-page.ts';

declare const sel: typeof Helpers.sel;
declare const nameOf: typeof Helpers.nameOf;
declare const rendered: typeof Helpers.rendered;
declare const focusSignature: typeof Helpers.focusSignature;

export interface InventoryResult {
  stops: Array<{ selector: string; name: string; frame?: boolean }>;
  /** Tab stops that are audio or video with native controls (each holds several presses). */
  nativePlayers: number;
  staticStops: NonNullable<A11yProbes['staticStops']>;
  links: NonNullable<A11yProbes['links']>;
  fields: NonNullable<A11yProbes['fields']>;
  transcripts: NonNullable<A11yProbes['transcripts']>;
  unfocusable: Array<{ selector: string; name: string }>;
  unfocusableTotal: number;
  targets: {
    measured: number;
    smallTotal: number;
    small: Array<{ selector: string; name: string; width: number; height: number; nearestPx: number }>;
  };
  language: {
    declared: string | null;
    text: string;
    parts: Array<{ selector: string; name: string; declared: string; text: string }>;
    /** Passages (paragraphs, list items, quotes, cells) with no lang of their own, for language of parts. */
    passages: Array<{ selector: string; name: string; text: string }>;
  };
  bypass: { skipLink: string | null; main: number; navigation: number; blockStops: number };
  media: Array<{
    selector: string;
    name: string;
    kind: 'audio' | 'video';
    autoplaySound: boolean;
    captions: boolean;
    nativeControls: boolean;
    controls: Array<{ selector: string; name: string; stop: number | null }>;
  }>;
  motion: { longAnimations: string[]; reducedMotionRule: boolean; pauseControl: boolean };
  /** The overlay open at this state (marked `data-erh-overlay`), or null; the focus start point is inside it. */
  overlay: {
    selector: string;
    name: string;
    role: 'dialog' | 'alertdialog' | 'menu';
    modal: boolean;
    stops: number[];
    focusOnOpen: 'inside' | 'outside' | 'none';
  } | null;
}

/**
 * Marks tabbables and fixed boxes, and measures everything that needs no interaction. Puts a focus start point at the
 * top of the page.
 */
export function inventoryProbe(): InventoryResult {
  const disabled = (el: Element): boolean => (el as HTMLButtonElement).disabled === true;

  // Forget marks of an earlier run at this state.
  for (const el of Array.from(document.querySelectorAll('[data-erh-stop],[data-erh-fixed],[data-erh-overlay]'))) {
    el.removeAttribute('data-erh-stop');
    el.removeAttribute('data-erh-fixed');
    el.removeAttribute('data-erh-overlay');
  }
  document.querySelector('[data-erh-start]')?.remove();

  // ── an open overlay (dialog, alert dialog, popup menu): where the patron's keyboard is ──
  const focusedAtStart = document.activeElement;
  const overlays = Array.from(
    document.querySelectorAll('dialog,[role="dialog"],[role="alertdialog"],[aria-modal="true"],[role="menu"]'),
  ).filter((el) => {
    if (el.tagName === 'DIALOG' && !(el as HTMLDialogElement).open) return false;
    if (!rendered(el) || el.closest('[aria-hidden="true"]')) return false;
    // A menu counts only as a popup (positioned over the page), not a menu drawn in the page's flow.
    if (el.getAttribute('role') === 'menu') return ['absolute', 'fixed'].includes(getComputedStyle(el).position);
    return true;
  });
  const isModal = (el: Element): boolean => {
    let native = false;
    try {
      native = el.matches(':modal');
    } catch {
      // an engine without :modal
    }
    return native || el.getAttribute('aria-modal') === 'true';
  };
  const outermost = overlays.filter(
    (el) => !overlays.some((o) => o !== el && o.contains(el) && o.getAttribute('role') !== 'menu'),
  );
  const holding = focusedAtStart ? overlays.filter((el) => el.contains(focusedAtStart)) : [];
  const overlayEl: Element | undefined =
    holding[holding.length - 1] ??
    outermost.filter(isModal)[outermost.filter(isModal).length - 1] ??
    outermost[outermost.length - 1];

  // ── sequential focus order ──
  const focusable =
    'a[href],area[href],button,input,select,textarea,iframe,summary,[tabindex],[contenteditable=""],' +
    '[contenteditable="true"],audio[controls],video[controls]';
  const candidates = Array.from(document.querySelectorAll(focusable)).filter(
    (el) =>
      (el as HTMLElement).tabIndex >= 0 &&
      !disabled(el) &&
      !(el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') &&
      rendered(el),
  );
  // A radio group is one tab stop (the checked radio, else the first): arrow keys move inside it.
  const groupStop = new Map<string, Element>();
  for (const el of candidates) {
    const r = el as HTMLInputElement;
    if (el.tagName !== 'INPUT' || r.type !== 'radio' || !r.name) continue;
    const key = `${r.form ? sel(r.form) : ''}|${r.name}`;
    const held = groupStop.get(key) as HTMLInputElement | undefined;
    if (!held || (r.checked && !held.checked)) groupStop.set(key, el);
  }
  const inGroup = (el: Element): boolean => {
    const r = el as HTMLInputElement;
    if (el.tagName !== 'INPUT' || r.type !== 'radio' || !r.name) return true;
    return groupStop.get(`${r.form ? sel(r.form) : ''}|${r.name}`) === el;
  };
  candidates.splice(0, candidates.length, ...candidates.filter(inGroup));
  const positive = candidates
    .filter((el) => (el as HTMLElement).tabIndex > 0)
    .sort((a, b) => (a as HTMLElement).tabIndex - (b as HTMLElement).tabIndex);
  const ordered = [...positive, ...candidates.filter((el) => (el as HTMLElement).tabIndex === 0)];
  const styles: Array<[string, string]> = [];
  ordered.forEach((el, i) => {
    el.setAttribute('data-erh-stop', String(i));
    styles.push([focusSignature(el), focusSignature(el.parentElement)]);
  });
  for (const el of Array.from(document.body.querySelectorAll('*')).slice(0, 5000)) {
    const p = getComputedStyle(el).position;
    if ((p === 'fixed' || p === 'sticky') && rendered(el)) el.setAttribute('data-erh-fixed', '');
  }
  (window as unknown as { __erhA11y: unknown }).__erhA11y = { styles };

  const widgetRoles =
    '[role="button"],[role="link"],[role="tab"],[role="menuitem"],[role="checkbox"],[role="radio"],' +
    '[role="switch"],[role="slider"],[onclick]';
  const unfocusableAll = Array.from(document.body.querySelectorAll(widgetRoles)).filter(
    (el) =>
      !el.hasAttribute('data-erh-stop') &&
      !disabled(el) &&
      el.getAttribute('aria-disabled') !== 'true' &&
      rendered(el) &&
      !el.querySelector('[data-erh-stop]'),
  );
  const unfocusable = unfocusableAll.slice(0, 25).map((el) => ({ selector: sel(el), name: nameOf(el) }));

  // ── target size (WCAG 2.2 SC 2.5.8) ──
  const targetSel =
    'a[href],button,input:not([type="hidden"]),select,textarea,summary,[role="button"],' +
    '[role="link"],[role="checkbox"],[role="radio"],[role="tab"],[role="menuitem"],[role="switch"],' +
    '[role="slider"],[onclick]';
  const targets = Array.from(document.body.querySelectorAll(targetSel))
    .filter((el) => rendered(el) && !disabled(el))
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter((t) => t.r.width > 0 && t.r.height > 0);
  const inline = (el: Element): boolean => {
    if (getComputedStyle(el).display !== 'inline') return false;
    const block = el.parentElement;
    const own = (el.textContent ?? '').trim().length;
    return block !== null && (block.textContent ?? '').trim().length > own + 10;
  };
  const labelled = (el: Element): boolean =>
    el.tagName === 'INPUT' &&
    ['checkbox', 'radio'].includes((el as HTMLInputElement).type) &&
    ((el as HTMLInputElement).labels?.length ?? 0) > 0;
  const isSmall = (r: DOMRect): boolean => r.width < 23.5 || r.height < 23.5;
  const small: InventoryResult['targets']['small'] = [];
  let smallTotal = 0;
  for (const t of targets) {
    if (!isSmall(t.r) || inline(t.el) || labelled(t.el)) continue;
    const cx = t.r.left + t.r.width / 2;
    const cy = t.r.top + t.r.height / 2;
    let nearest = Infinity;
    for (const o of targets) {
      if (o.el === t.el || o.el.contains(t.el) || t.el.contains(o.el)) continue;
      let d: number;
      if (isSmall(o.r)) {
        d = Math.hypot(o.r.left + o.r.width / 2 - cx, o.r.top + o.r.height / 2 - cy);
      } else {
        const dx = Math.max(o.r.left - cx, 0, cx - o.r.right);
        const dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
        d = Math.hypot(dx, dy) * 2; // a 12 px radius against the box = 24 px between centres
      }
      nearest = Math.min(nearest, d);
    }
    if (nearest < 24) smallTotal++;
    if (nearest < 24 && small.length < 25) {
      small.push({
        selector: sel(t.el),
        name: nameOf(t.el),
        width: Math.round(t.r.width * 10) / 10,
        height: Math.round(t.r.height * 10) / 10,
        nearestPx: Math.round(nearest * 10) / 10,
      });
    }
  }

  // ── language ──
  const parts = Array.from(document.body.querySelectorAll('[lang]'))
    .filter((el) => rendered(el))
    .slice(0, 25)
    .map((el) => ({
      selector: sel(el),
      name: nameOf(el).slice(0, 40),
      declared: el.getAttribute('lang') ?? '',
      text: ((el as HTMLElement).innerText ?? '').slice(0, 1000),
    }));
  // The page's own words: text inside an element that declares its own language belongs to that
  // part (3.1.2, judged above), not to the page's language (3.1.1).
  const ownWords: string[] = [];
  let ownLength = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null && ownLength < 4000; node = walker.nextNode()) {
    const parent = node.parentElement;
    const words = (node.textContent ?? '').trim();
    if (!parent || !words || parent.closest('script,style,noscript,template')) continue;
    const marked = parent.closest('[lang]');
    if (marked !== null && marked !== document.body && marked !== document.documentElement) continue;
    if (typeof parent.checkVisibility === 'function' && !parent.checkVisibility()) continue;
    ownWords.push(words);
    ownLength += words.length + 1;
  }
  const passages = Array.from(document.body.querySelectorAll('p,li,blockquote,dd,td,figcaption'))
    .filter((el) => {
      const marked = el.closest('[lang]');
      return (
        (marked === null || marked === document.body || marked === document.documentElement) &&
        rendered(el) &&
        !el.querySelector('p,li,blockquote')
      );
    })
    .map((el) => ({ el, text: ((el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim() }))
    .filter((p) => p.text.split(' ').length >= 12)
    .slice(0, 40)
    .map((p) => ({ selector: sel(p.el), name: p.text.slice(0, 40), text: p.text.slice(0, 1000) }));
  const language = {
    declared: document.documentElement.getAttribute('lang'),
    text: ownWords.join(' ').slice(0, 4000),
    parts,
    passages,
  };

  // ── bypass blocks ──
  let skipLink: string | null = null;
  for (const el of ordered.slice(0, 3)) {
    const href = el.getAttribute('href');
    if (el.tagName === 'A' && href && href.startsWith('#') && href.length > 1) {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (target) {
        skipLink = sel(el);
        break;
      }
    }
  }
  // The repeated block a skip link bypasses: the tab stops before the first heading, or without one those in nav and
  // header.
  const heading = document.querySelector('h1') ?? document.querySelector('h2,h3,[role="heading"]');
  const blockStops = heading
    ? ordered.filter((el) => el.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).length
    : ordered.filter((el) => el.closest('nav,header,[role="navigation"],[role="banner"]')).length;
  const bypass = {
    skipLink,
    main: document.querySelectorAll('main,[role="main"]').length,
    navigation: document.querySelectorAll('nav,[role="navigation"]').length,
    blockStops,
  };

  // ── media and player controls ──
  const media = Array.from(document.querySelectorAll('audio,video'))
    .slice(0, 10)
    .map((el) => {
      const m = el as HTMLMediaElement;
      const container =
        el.closest('section,figure,[role="region"],[role="group"],[aria-label],form') ??
        el.parentElement ??
        document.body;
      const controls = Array.from(container.querySelectorAll('button,input,select,[role="button"],[role="slider"]'))
        .filter((c) => rendered(c))
        .slice(0, 30)
        .map((c) => ({
          selector: sel(c),
          name: nameOf(c),
          stop: c.hasAttribute('data-erh-stop') ? Number(c.getAttribute('data-erh-stop')) : null,
        }));
      return {
        selector: sel(el),
        name: nameOf(el),
        kind: el.tagName === 'VIDEO' ? ('video' as const) : ('audio' as const),
        autoplaySound: ((!m.paused && m.currentTime > 0) || m.autoplay) && !m.muted && m.volume > 0,
        captions: el.tagName !== 'VIDEO' || el.querySelector('track[kind="captions"],track[kind="subtitles"]') !== null,
        nativeControls: m.controls,
        controls,
      };
    });

  // ── motion ──
  const longAnimations: string[] = [];
  for (const a of document.getAnimations ? document.getAnimations() : []) {
    const timing = a.effect?.getComputedTiming();
    const target = (a.effect as KeyframeEffect | null)?.target;
    if (!timing || !target || a.playState !== 'running') continue;
    const total = timing.iterations === Infinity ? Infinity : Number(timing.duration) * (timing.iterations ?? 1);
    if (total > 5000 && longAnimations.length < 10) longAnimations.push(sel(target));
  }
  const PAUSE = /pause|stop|pysäytä|keskeytä|tauko|pausa|stoppa|paus/i;
  const pauseControl = Array.from(
    document.querySelectorAll('button,[role="button"],input[type="button"],input[type="checkbox"],[role="switch"]'),
  ).some((el) => rendered(el) && PAUSE.test(`${nameOf(el)} ${(el as HTMLInputElement).value ?? ''}`));
  let reducedMotionRule = false;
  const scan = (rules: CSSRuleList): void => {
    for (const r of Array.from(rules)) {
      if ('conditionText' in r && /prefers-reduced-motion/.test(String((r as CSSMediaRule).conditionText)))
        reducedMotionRule = true;
      if ('cssRules' in r) scan((r as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      scan(sheet.cssRules);
    } catch {
      // cross-origin sheet: unreadable
    }
  }

  // ── tab stops that are not controls (4.1.2) ──
  function staticStopsOf(stops: Element[]): InventoryResult['staticStops'] {
    const native =
      'a[href],area[href],button,input,select,textarea,iframe,summary,audio,video,' +
      '[contenteditable=""],[contenteditable="true"]';
    // Roles that may take the focus themselves: widgets, and containers the ARIA practices make focusable.
    const roles = new Set([
      'button',
      'link',
      'checkbox',
      'radio',
      'switch',
      'tab',
      'tabpanel',
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
      'grid',
      'gridcell',
      'tree',
      'treeitem',
      'treegrid',
      'menu',
      'menubar',
      'tablist',
      'radiogroup',
      'toolbar',
      'scrollbar',
      'separator',
      'dialog',
      'alertdialog',
      'application',
      'document',
      'region',
      'group',
      'log',
      'status',
      'feed',
      'article',
      'figure',
      'img',
      'math',
    ]);
    const found = stops.filter((el) => {
      if (!el.hasAttribute('tabindex') || el.matches(native) || el.closest('[data-erh-start]')) return false;
      const role = (el.getAttribute('role') ?? '').trim().split(/\s+/)[0] ?? '';
      if (roles.has(role)) return false;
      const st = getComputedStyle(el);
      // A scroll container is made focusable so that keyboard users can scroll it (axe scrollable-region-focusable).
      const scrolls =
        (['auto', 'scroll'].includes(st.overflowY) && el.scrollHeight > el.clientHeight) ||
        (['auto', 'scroll'].includes(st.overflowX) && el.scrollWidth > el.clientWidth);
      return !scrolls;
    });
    return { items: found.slice(0, 25).map((el) => ({ selector: sel(el), name: nameOf(el) })), total: found.length };
  }

  // ── link purpose (2.4.4) ──
  function linksOf(): InventoryResult['links'] {
    // Regex literals, not new RegExp(): a page may replace the RegExp constructor, never a literal.
    const GENERIC_EN = /^(click here|here|read more|more|more info|learn more|link|this link|details|continue|go)$/i;
    const GENERIC_FI_SV = /^(lue lisää|klikkaa tästä|tästä|lisää|lisätietoja|läs mer|klicka här|här|mer)$/i;
    const GENERIC = { test: (text: string): boolean => GENERIC_EN.test(text) || GENERIC_FI_SV.test(text) };
    const all = Array.from(document.querySelectorAll('a[href]'))
      .filter((a) => rendered(a))
      .slice(0, 2000) as HTMLAnchorElement[];
    const nameOfLink = (a: HTMLAnchorElement): string =>
      nameOf(a)
        .replace(/[.…:!›»→]+$/u, '')
        .trim();
    // Text that tells the purpose beyond the words: a description, or a title that adds to them.
    const described = (a: HTMLAnchorElement): boolean => (a.getAttribute('aria-describedby') ?? '').trim() !== '';
    const generic = all
      .filter((a) => GENERIC.test(nameOfLink(a)) && !described(a))
      .slice(0, 25)
      .map((a) => ({ selector: sel(a), name: nameOf(a), href: a.href }));
    const byName = new Map<string, HTMLAnchorElement[]>();
    for (const a of all) {
      const n = nameOfLink(a).toLowerCase();
      if (!n || GENERIC.test(n)) continue;
      byName.set(n, [...(byName.get(n) ?? []), a]);
    }
    const ambiguous = [...byName.entries()]
      .map(([, links]) => ({ links, hrefs: [...new Set(links.map((l) => l.href.split('#')[0] ?? l.href))] }))
      .filter((g) => g.hrefs.length > 1)
      .slice(0, 25)
      .map((g) => ({
        name: nameOf(g.links[0] as Element),
        hrefs: g.hrefs.slice(0, 10),
        selectors: g.links.slice(0, 10).map((l) => sel(l)),
      }));
    const describedBy = (a: Element): string => {
      const ids = (a.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    };
    const NEW_WINDOW_FI = /uusi (ikkuna|välilehti)|uuteen (ikkunaan|välilehteen)|uudessa (ikkunassa|välilehdessä)/i;
    const NEW_WINDOW_OTHER = /new (window|tab)|nytt (fönster|flik)|external|ulkoinen|extern/i;
    const NEW_WINDOW = { test: (text: string): boolean => NEW_WINDOW_FI.test(text) || NEW_WINDOW_OTHER.test(text) };
    const newWindow = all
      .filter(
        (a) =>
          a.target === '_blank' && !NEW_WINDOW.test(`${nameOf(a)} ${a.getAttribute('title') ?? ''} ${describedBy(a)}`),
      )
      .slice(0, 25)
      .map((a) => ({ selector: sel(a), name: nameOf(a) }));
    const DOC = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|epub|rtf)(?:[?#]|$)/i;
    const documents = all
      .filter((a) => {
        const m = DOC.exec(a.pathname);
        return m !== null && !new RegExp(`\\b${m[1]}\\b`, 'i').test(`${nameOf(a)} ${a.getAttribute('title') ?? ''}`);
      })
      .slice(0, 25)
      .map((a) => ({ selector: sel(a), name: nameOf(a), href: a.href }));
    return { generic, ambiguous, newWindow, documents, total: all.length };
  }

  // ── form fields: placeholder as the only label, hints not associated (3.3.2, 1.3.1) ──
  function fieldsOf(): InventoryResult['fields'] {
    const fields = Array.from(document.querySelectorAll('input,select,textarea'))
      .filter((el) => {
        const t = (el as HTMLInputElement).type;
        return rendered(el) && !['hidden', 'submit', 'button', 'reset', 'image'].includes(t);
      })
      .slice(0, 500) as HTMLInputElement[];
    const placeholderOnly = fields
      .filter((f) => (f.getAttribute('placeholder') ?? '').trim() !== '' && nameOf(f) === '')
      .slice(0, 25)
      .map((f) => ({ selector: sel(f), name: '', placeholder: (f.getAttribute('placeholder') ?? '').slice(0, 80) }));
    const HINT =
      '[id*="hint" i],[class*="hint" i],[id*="help" i],[class*="help" i],[class*="description" ' +
      'i],[class*="form-text" i],small';
    const unassociatedHints: InventoryResult['fields']['unassociatedHints'] = [];
    for (const f of fields) {
      // The field's own wrapper: the nearest ancestor holding no other field.
      let wrap: Element | null = f.parentElement;
      while (
        wrap &&
        wrap.parentElement &&
        wrap.parentElement.querySelectorAll('input:not([type="hidden"]),select,textarea').length === 1 &&
        wrap.parentElement !== document.body
      )
        wrap = wrap.parentElement;
      if (!wrap || wrap.querySelectorAll('input:not([type="hidden"]),select,textarea').length !== 1) continue;
      const ids = `${f.getAttribute('aria-describedby') ?? ''} ${f.getAttribute('aria-labelledby') ?? ''}`;
      const referenced = new Set(ids.split(/\s+/).filter(Boolean));
      const labels = Array.from(f.labels ?? []);
      for (const h of Array.from(wrap.querySelectorAll(HINT))) {
        const text = ((h as HTMLElement).innerText ?? '').trim();
        if (!text || !rendered(h) || h.contains(f) || labels.some((l) => l.contains(h))) continue;
        if (
          [...referenced].some((id) => {
            const r = document.getElementById(id);
            return r !== null && (r === h || r.contains(h) || h.contains(r));
          })
        )
          continue;
        if (unassociatedHints.length < 25)
          unassociatedHints.push({ selector: sel(f), name: nameOf(f), hint: text.slice(0, 80) });
        break;
      }
    }
    return { placeholderOnly, unassociatedHints, total: fields.length };
  }

  // ── text alternatives for time-based media (1.2.1) ──
  function transcriptsOf(): InventoryResult['transcripts'] {
    const TRANSCRIPT = /transcript|tekstivastine|litterointi|tekstiversio|transkription|textversion|text version/i;
    const offered = Array.from(
      document.querySelectorAll('a[href],button,h1,h2,h3,h4,summary,details,[aria-label]'),
    ).some(
      (el) =>
        rendered(el) &&
        TRANSCRIPT.test(`${(el as HTMLElement).innerText ?? ''} ` + `${el.getAttribute('aria-label') ?? ''}`),
    );
    const audio = Array.from(document.querySelectorAll('audio'))
      .slice(0, 10)
      .map((el) => ({ selector: sel(el), name: nameOf(el), transcript: offered }));
    const MEDIA = /\.(mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac|mp4|m4v|webm|mov|ogv)(?:[?#]|$)/i;
    const mediaLinks = (Array.from(document.querySelectorAll('a[href]')) as HTMLAnchorElement[])
      .filter((a) => MEDIA.test(a.pathname) && rendered(a))
      .slice(0, 25)
      .map((a) => ({ selector: sel(a), name: nameOf(a), href: a.href, transcript: offered }));
    return { audio, mediaLinks };
  }

  // Focus start point. With an overlay open the walk starts where the patron's focus is (or should
  // be): on the focused element when it is inside the overlay, else at the overlay's first position.
  // Otherwise a transient element at the top of the body, so the first Tab reaches the first stop.
  let overlay: InventoryResult['overlay'] = null;
  if (overlayEl) {
    overlayEl.setAttribute('data-erh-overlay', '');
    const atBody = !focusedAtStart || focusedAtStart === document.body || focusedAtStart === document.documentElement;
    const focusOnOpen = atBody
      ? ('none' as const)
      : overlayEl.contains(focusedAtStart)
        ? ('inside' as const)
        : ('outside' as const);
    const role = overlayEl.getAttribute('role');
    overlay = {
      selector: sel(overlayEl),
      name: nameOf(overlayEl).slice(0, 80),
      role: role === 'alertdialog' ? 'alertdialog' : role === 'menu' ? 'menu' : 'dialog',
      modal: isModal(overlayEl),
      stops: ordered.flatMap((el, i) => (overlayEl.contains(el) ? [i] : [])),
      focusOnOpen,
    };
    if (focusOnOpen !== 'inside') {
      const start = document.createElement('span');
      start.setAttribute('data-erh-start', '');
      start.tabIndex = -1;
      overlayEl.prepend(start);
      start.focus({ preventScroll: true });
    }
  } else {
    const start = document.createElement('span');
    start.setAttribute('data-erh-start', '');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  return {
    stops: ordered.map((el) => ({
      selector: sel(el),
      name: nameOf(el),
      ...(el.tagName === 'IFRAME' ? { frame: true } : {}),
    })),
    staticStops: staticStopsOf(ordered),
    nativePlayers: ordered.filter((el) => el.matches('audio[controls],video[controls]')).length,
    links: linksOf(),
    fields: fieldsOf(),
    transcripts: transcriptsOf(),
    unfocusable,
    unfocusableTotal: unfocusableAll.length,
    targets: { measured: targets.length, small, smallTotal },
    language,
    bypass,
    media,
    motion: { longAnimations, reducedMotionRule, pauseControl },
    overlay,
  };
}

export interface FocusResult {
  /** Stop index of the focused element, or null (page itself, the start point, or an unmarked element). */
  stop: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** null: the document did not have the focus, so no engine shows :focus styles — not judged. */
  focusVisible: boolean | null;
  obscuredBy: string | null;
  /**
   * The style comparison is in doubt, so the pixels should decide (index.ts): nothing changed (a ring
   * drawn by a pseudo-element or a neighbour is not in the styles), an outline the colour of what is
   * behind it, or only colours changed, each by a few levels.
   */
  doubtful: boolean;
}

/** After a Tab press: which stop has the focus, whether its style changed, and whether fixed content hides it. */
export function focusProbe(): FocusResult {
  const el = document.activeElement;
  const attr = el ? el.getAttribute('data-erh-stop') : null;
  const none = { stop: null, x: 0, y: 0, width: 0, height: 0, focusVisible: false, obscuredBy: null, doubtful: false };
  if (!el || attr === null) return none;
  const stop = Number(attr);
  const state = (window as unknown as { __erhA11y?: { styles: Array<[string, string]> } }).__erhA11y;
  const before = state?.styles[stop];
  const st = getComputedStyle(el);
  const outlined = st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0;
  // An iframe holds the focus while its own document shows the ring: the frame element's style says nothing.
  const focusVisible =
    !document.hasFocus() || el.tagName === 'IFRAME'
      ? null
      : outlined ||
        (before !== undefined && (focusSignature(el) !== before[0] || focusSignature(el.parentElement) !== before[1]));
  const rgb = (c: string): number[] => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    return m
      ? (m[1] as string)
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number)
      : [];
  };
  const near = (a: number[], b: number[]): boolean =>
    a.length >= 3 && b.length >= 3 && [0, 1, 2].every((i) => Math.abs((a[i] ?? 0) - (b[i] ?? 0)) < 30);
  const backdrop = (): number[] => {
    for (let p: Element | null = el; p; p = p.parentElement) {
      const c = rgb(getComputedStyle(p).backgroundColor);
      if (c.length >= 3 && (c[3] ?? 1) > 0.5) return c;
    }
    return [255, 255, 255];
  };
  // Only colours changed, each by a few levels: the strings equal once colours are taken out.
  const faintChange = (was: string | undefined, now: string): boolean => {
    if (was === undefined || was === now) return false;
    const bare = (x: string) => x.replace(/rgba?\([^)]*\)/g, 'c');
    if (bare(was) !== bare(now)) return false;
    const a = was.match(/rgba?\([^)]*\)/g) ?? [];
    const b = now.match(/rgba?\([^)]*\)/g) ?? [];
    return a.every((c, i) => near(rgb(c), rgb(b[i] ?? '')));
  };
  const outlineColour = rgb(st.outlineColor);
  const doubtful =
    focusVisible === false ||
    (focusVisible === true &&
      ((outlined && ((outlineColour[3] ?? 1) === 0 || near(outlineColour, backdrop()))) ||
        (!outlined &&
          before !== undefined &&
          (focusSignature(el) === before[0] || faintChange(before[0], focusSignature(el))) &&
          (focusSignature(el.parentElement) === before[1] ||
            faintChange(before[1], focusSignature(el.parentElement))))));
  const r = el.getBoundingClientRect();
  // Obscured (WCAG 2.2 SC 2.4.11): every sampled point of the element shows fixed/sticky content it is not part of.
  let obscuredBy: string | null = null;
  const candidates: Array<[number, number]> = [
    [r.left + r.width / 2, r.top + r.height / 2],
    [r.left + 2, r.top + 2],
    [r.right - 2, r.top + 2],
    [r.left + 2, r.bottom - 2],
    [r.right - 2, r.bottom - 2],
  ];
  const points = candidates.filter(([x, y]) => x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight);
  if (points.length > 0 && r.width > 0 && r.height > 0) {
    let cover: Element | null = null;
    let all = true;
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      const fixed = hit ? hit.closest('[data-erh-fixed]') : null;
      if (!hit || el === hit || el.contains(hit) || hit.contains(el) || !fixed || fixed.contains(el)) {
        all = false;
        break;
      }
      cover = fixed;
    }
    if (all && cover) {
      const tag = cover.tagName.toLowerCase();
      obscuredBy = cover.id
        ? `${tag}#${cover.id}`
        : `${tag}${cover.classList.length ? `.${Array.from(cover.classList).slice(0, 2).join('.')}` : ''}`;
    }
  }
  return {
    stop,
    x: Math.round(r.left + window.scrollX),
    y: Math.round(r.top + window.scrollY),
    width: Math.round(r.width),
    height: Math.round(r.height),
    focusVisible,
    obscuredBy,
    doubtful,
  };
}

export interface ClippedResult {
  clipped: Array<{ selector: string; name: string; hiddenPx: number }>;
  /** Elements newly clipped in all (`clipped` lists the first 25). */
  total: number;
  settle: SettleResult;
}

/**
 * Applies a text change, measures text newly clipped by overflow hidden/clip or line clamps, and
 * reverts the change. `resize`: each element's font size doubled (in px, so nothing compounds:
 * WCAG 1.4.4). `spacing`: the WCAG 1.4.12 text-spacing style.
 */
export async function textChangeProbe(arg: {
  mode: 'resize' | 'spacing';
  frames: number;
  boundMs: number;
}): Promise<ClippedResult> {
  const frame = (): Promise<void> =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  const all = Array.from(document.body.querySelectorAll('*')).slice(0, 5000) as HTMLElement[];
  const measure = (): Map<Element, number> => {
    const out = new Map<Element, number>();
    for (const el of all) {
      if (!(el.innerText ?? '').trim()) continue;
      const st = getComputedStyle(el);
      const clips =
        ['hidden', 'clip'].includes(st.overflowX) ||
        ['hidden', 'clip'].includes(st.overflowY) ||
        st.webkitLineClamp !== 'none';
      if (!clips || el.getClientRects().length === 0) continue;
      const hidden = Math.max(el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight);
      if (hidden > 2) out.set(el, hidden);
    }
    return out;
  };
  const before = measure();
  const undo: Array<() => void> = [];
  if (arg.mode === 'resize') {
    const sizes = all.map((el) => parseFloat(getComputedStyle(el).fontSize));
    all.forEach((el, i) => {
      const value = el.style.getPropertyValue('font-size');
      const priority = el.style.getPropertyPriority('font-size');
      el.style.setProperty('font-size', `${(sizes[i] ?? 16) * 2}px`, 'important');
      undo.push(() => {
        if (value) el.style.setProperty('font-size', value, priority);
        else el.style.removeProperty('font-size');
      });
    });
  } else {
    const style = document.createElement('style');
    style.setAttribute('data-erh-spacing', '');
    style.textContent =
      '*{line-height:1.5 !important;letter-spacing:0.12em !important;word-spacing:0.16em ' +
      '!important}p{margin-bottom:2em !important}';
    document.head.append(style);
    undo.push(() => style.remove());
  }
  // Measure once the page has finished re-laying out: the layout the same for `frames` frames; text
  // that is newly cut off is watched until the bound, in case the page adapts late (a ResizeObserver).
  const tick = (): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(resolve, 100); // rAF is throttled in a window without focus
      requestAnimationFrame(() => {
        clearTimeout(t);
        resolve();
      });
    });
  const signature = (): string => {
    const root = document.documentElement;
    const parts = [root.scrollWidth, root.scrollHeight];
    for (const el of Array.from(document.body.children).slice(0, 60)) {
      const r = el.getBoundingClientRect();
      parts.push(Math.round(r.left), Math.round(r.width), Math.round(r.height));
    }
    return parts.join(',');
  };
  const newlyClipped = (m: Map<Element, number>): boolean =>
    [...m].some(([el, hidden]) => !(before.has(el) && (before.get(el) ?? 0) >= hidden - 2));
  const started = performance.now();
  let last = signature();
  let lastChange = 0;
  let stable = 0;
  let after = new Map<Element, number>();
  let settledMs: number | null = null;
  for (;;) {
    await tick();
    const now = performance.now() - started;
    const sig = signature();
    if (sig !== last) {
      last = sig;
      lastChange = now;
      stable = 0;
    } else {
      stable++;
    }
    if (stable >= arg.frames || now >= arg.boundMs) {
      after = measure();
      settledMs = stable >= arg.frames ? Math.round(lastChange) : null;
      if (!newlyClipped(after) || now >= arg.boundMs) break;
      stable = 0; // clipped: keep watching the page until the bound
    }
  }
  for (const u of undo) u();
  await frame();
  const clipped: ClippedResult['clipped'] = [];
  let total = 0;
  for (const [el, hidden] of after) {
    if (before.has(el) && (before.get(el) ?? 0) >= hidden - 2) continue;
    // Report the innermost clipping element only.
    if ([...after.keys()].some((o) => o !== el && el.contains(o) && !before.has(o))) continue;
    total++;
    if (clipped.length >= 25) continue;
    clipped.push({
      selector: sel(el),
      name: ((el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
      hiddenPx: Math.round(hidden),
    });
  }
  return { clipped, total, settle: { settledMs, boundMs: arg.boundMs } };
}

/** Frames the layout must stay the same before it counts as settled. */
export const SETTLE_FRAMES = 5;
/** The most a layout probe waits for the page to finish re-laying out, ms. */
export const SETTLE_BOUND_MS = 2000;

export interface SettleResult {
  /** Time from the start until the layout was last seen changing, ms; null: still changing at the bound. */
  settledMs: number | null;
  boundMs: number;
}

/**
 * Waits until the page has finished re-laying out after a viewport change: the document's size and
 * the boxes of the body's children stay the same for `frames` animation frames. When the page does
 * not fit the viewport (`fits: true` asks for that), the probe goes on watching until `boundMs`, in
 * case the page reflows late (a debounced resize handler): only then is a wide page measured as wide.
 */
export async function reflowSettleProbe(arg: {
  frames: number;
  boundMs: number;
  fits: boolean;
}): Promise<SettleResult> {
  const frame = (): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(resolve, 100); // rAF is throttled in a window without focus: never wait on it alone
      requestAnimationFrame(() => {
        clearTimeout(t);
        resolve();
      });
    });
  const signature = (): string => {
    const root = document.documentElement;
    const parts = [
      root.scrollWidth,
      root.scrollHeight,
      root.clientWidth,
      document.body ? document.body.scrollWidth : 0,
    ];
    for (const el of Array.from(document.body ? document.body.children : []).slice(0, 60)) {
      const r = el.getBoundingClientRect();
      parts.push(Math.round(r.left), Math.round(r.width), Math.round(r.height));
    }
    return parts.join(',');
  };
  const wide = (): boolean => {
    const root = document.documentElement;
    return Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0) > root.clientWidth + 1;
  };
  const started = performance.now();
  let last = signature();
  let lastChange = 0;
  let stable = 0;
  for (;;) {
    await frame();
    const now = performance.now() - started;
    const sig = signature();
    if (sig !== last) {
      last = sig;
      lastChange = now;
      stable = 0;
    } else {
      stable++;
    }
    if (now >= arg.boundMs)
      return { settledMs: stable >= arg.frames ? Math.round(lastChange) : null, boundMs: arg.boundMs };
    if (stable >= arg.frames && (!arg.fits || !wide()))
      return { settledMs: Math.round(lastChange), boundMs: arg.boundMs };
  }
}

/** Removes every mark the inventory probe left, and the focus. */
export function cleanupProbe(arg: { keepFocus: boolean }): void {
  for (const el of Array.from(
    document.querySelectorAll('[data-erh-stop],[data-erh-fixed],[data-erh-overlay],[data-erh-returned]'),
  )) {
    el.removeAttribute('data-erh-stop');
    el.removeAttribute('data-erh-fixed');
    el.removeAttribute('data-erh-overlay');
    el.removeAttribute('data-erh-returned');
  }
  document.documentElement.removeAttribute('data-erh-opener');
  document.querySelector('[data-erh-start]')?.remove();
  // An open overlay keeps the focus the patron has in it; elsewhere the focus is let go.
  if (!arg.keepFocus) (document.activeElement as HTMLElement | null)?.blur?.();
  delete (window as unknown as { __erhA11y?: unknown }).__erhA11y;
  window.scrollTo(0, 0);
}

export interface OverlayStateResult {
  /** The overlay marked by the inventory probe is still shown (connected, rendered, open). */
  open: boolean;
  focus: 'inside' | 'outside' | 'none';
  /** The focused element (null: the page itself). */
  focused: { selector: string; name: string } | null;
}

/**
 * Is the marked overlay still open, and where is the focus? When it has closed and the focus is on
 * an element, that element is marked `data-erh-returned` (to compare with the opener later).
 */
export function overlayStateProbe(): OverlayStateResult {
  const overlay = document.querySelector('[data-erh-overlay]');
  const st = overlay ? getComputedStyle(overlay) : null;
  const open =
    overlay !== null &&
    overlay.isConnected &&
    overlay.getClientRects().length > 0 &&
    st !== null &&
    st.visibility !== 'hidden' &&
    !(overlay.tagName === 'DIALOG' && !(overlay as HTMLDialogElement).open) &&
    !overlay.closest('[aria-hidden="true"],[inert]');
  const a = document.activeElement;
  const atBody = !a || a === document.body || a === document.documentElement;
  const focus = atBody
    ? ('none' as const)
    : overlay && overlay.contains(a)
      ? ('inside' as const)
      : ('outside' as const);
  document.querySelector('[data-erh-returned]')?.removeAttribute('data-erh-returned');
  if (!open && a && !atBody) a.setAttribute('data-erh-returned', '');
  return { open, focus, focused: a && !atBody ? { selector: sel(a), name: nameOf(a) } : null };
}

/**
 * Before the harness clicks the opener again: remembers (on the root element, `data-erh-opener`)
 * whether the next click lands on the element the focus returned to.
 */
export function armOpenerProbe(): void {
  document.documentElement.removeAttribute('data-erh-opener');
  document.addEventListener(
    'click',
    (e) => {
      const t = e.target;
      const returned = document.querySelector('[data-erh-returned]');
      const same =
        returned !== null && t instanceof Node && (returned === t || returned.contains(t) || t.contains(returned));
      document.documentElement.setAttribute('data-erh-opener', same ? 'same' : 'other');
    },
    { capture: true, once: true },
  );
}

/** After the opener was clicked again: whether an overlay is shown again, and what the armed click saw. */
export function reopenedProbe(): { open: boolean; opener: 'same' | 'other' | null } {
  const shown = Array.from(
    document.querySelectorAll('dialog,[role="dialog"],[role="alertdialog"],[aria-modal="true"],[role="menu"]'),
  ).some((el) => {
    if (el.tagName === 'DIALOG' && !(el as HTMLDialogElement).open) return false;
    const st = getComputedStyle(el);
    return el.getClientRects().length > 0 && st.visibility !== 'hidden' && !el.closest('[aria-hidden="true"],[inert]');
  });
  const v = document.documentElement.getAttribute('data-erh-opener');
  return { open: shown, opener: v === 'same' ? 'same' : v === 'other' ? 'other' : null };
}

/**
 * Before Escape is pressed: puts the focus back inside the marked overlay when the walk left it (a
 * non-modal overlay lets the focus go on to the page), on its first tab stop or else the overlay
 * itself, so the key reaches the overlay as it would from a patron working in it. True when the
 * focus is inside the overlay afterwards.
 */
export function focusIntoOverlayProbe(): boolean {
  const overlay = document.querySelector('[data-erh-overlay]');
  if (!overlay) return false;
  if (overlay.contains(document.activeElement)) return true;
  const first = overlay.querySelector('[data-erh-stop]') as HTMLElement | null;
  if (first) first.focus({ preventScroll: true });
  else {
    const start = overlay.querySelector('[data-erh-start]') as HTMLElement | null;
    start?.focus({ preventScroll: true });
  }
  return overlay.contains(document.activeElement);
}

/**
 * Animated images on the page, from their bytes (fetched again from the browser's cache; an image of
 * another origin that does not allow reading is skipped): a GIF with more than one frame and its
 * NETSCAPE2.0 loop count, an APNG (acTL chunk), an animated WebP (ANIM and ANMF chunks).
 */
export async function animatedImagesProbe(): Promise<NonNullable<A11yProbes['animatedImages']>> {
  const images = Array.from(document.images)
    .filter(
      (img) => img.complete && img.naturalWidth > 0 && rendered(img) && /^(https?|data|blob):/.test(img.currentSrc),
    )
    .slice(0, 40);
  const found: NonNullable<A11yProbes['animatedImages']> = [];
  for (const img of images) {
    let bytes: Uint8Array;
    try {
      const res = await fetch(img.currentSrc, { cache: 'force-cache' });
      if (!res.ok) continue;
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch {
      continue; // not readable from the page (cross-origin without CORS): not judged
    }
    const ascii = (at: number, n: number): string => String.fromCharCode(...bytes.subarray(at, at + n));
    let frames = 1;
    let loops: number | 'forever' = 1;
    if (ascii(0, 3) === 'GIF') {
      frames = 0;
      for (let i = 0; i + 3 < bytes.length; i++) {
        // Graphic control extension before each frame: 0x21 0xF9 0x04.
        if (bytes[i] === 0x21 && bytes[i + 1] === 0xf9 && bytes[i + 2] === 0x04) frames++;
        if (bytes[i] === 0x21 && bytes[i + 1] === 0xff && ascii(i + 3, 11) === 'NETSCAPE2.0') {
          const count = (bytes[i + 16] ?? 0) | ((bytes[i + 17] ?? 0) << 8);
          loops = count === 0 ? 'forever' : count + 1;
        }
      }
      frames = Math.max(frames, 1);
    } else if (bytes[0] === 0x89 && ascii(1, 3) === 'PNG') {
      for (let i = 8; i + 8 < bytes.length;) {
        const length =
          (((bytes[i] ?? 0) << 24) >>> 0) +
          ((bytes[i + 1] ?? 0) << 16) +
          ((bytes[i + 2] ?? 0) << 8) +
          (bytes[i + 3] ?? 0);
        const type = ascii(i + 4, 4);
        if (type === 'acTL') {
          const at = i + 8;
          frames =
            (((bytes[at] ?? 0) << 24) >>> 0) +
            ((bytes[at + 1] ?? 0) << 16) +
            ((bytes[at + 2] ?? 0) << 8) +
            (bytes[at + 3] ?? 0);
          const plays =
            (((bytes[at + 4] ?? 0) << 24) >>> 0) +
            ((bytes[at + 5] ?? 0) << 16) +
            ((bytes[at + 6] ?? 0) << 8) +
            (bytes[at + 7] ?? 0);
          loops = plays === 0 ? 'forever' : plays;
          break;
        }
        if (type === 'IDAT') break;
        i += 12 + length;
      }
    } else if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
      frames = 0;
      for (let i = 12; i + 8 <= bytes.length;) {
        const type = ascii(i, 4);
        const size =
          (bytes[i + 4] ?? 0) | ((bytes[i + 5] ?? 0) << 8) | ((bytes[i + 6] ?? 0) << 16) | ((bytes[i + 7] ?? 0) << 24);
        if (type === 'ANIM') {
          const count = (bytes[i + 12] ?? 0) | ((bytes[i + 13] ?? 0) << 8);
          loops = count === 0 ? 'forever' : count;
        }
        if (type === 'ANMF') frames++;
        i += 8 + size + (size % 2);
      }
      frames = Math.max(frames, 1);
    }
    if (frames > 1 && found.length < 25)
      found.push({
        selector: sel(img),
        name: nameOf(img) || (img.alt ?? ''),
        src: img.currentSrc.slice(0, 200),
        frames,
        loops,
      });
  }
  return found;
}

/**
 * At the narrow viewport (WCAG 1.4.10): the document's width and the outermost elements that stick
 * out past the viewport (up to 10), each either an offender or content WCAG excepts from reflow — a
 * data table (with header cells or a caption), a map, a diagram (svg, canvas, role=img), a video —
 * or an element that only holds such content.
 */
export function reflowProbe(): Omit<NonNullable<A11yProbes['reflow']>, 'settle'> {
  const root = document.documentElement;
  const viewportWidth = root.clientWidth;
  const documentWidth = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
  const offenders: Array<{ selector: string; right: number }> = [];
  const excepted: NonNullable<NonNullable<A11yProbes['reflow']>['excepted']> = [];
  if (documentWidth <= viewportWidth + 1) return { viewportWidth, documentWidth, offenders, excepted };
  const dataTable = (t: Element | null): boolean =>
    t !== null && t.querySelector('th,caption') !== null && t.getAttribute('role') !== 'presentation';
  const kindOf = (el: Element): (typeof excepted)[number]['kind'] | null => {
    if (dataTable(el.closest('table'))) return 'data-table';
    if (
      el.closest(
        'map,[role="application"][aria-roledescription*="map" ' + 'i],.leaflet-container,.ol-viewport,.mapboxgl-map',
      )
    )
      return 'map';
    if (el.closest('svg,canvas,[role="img"]')) return 'diagram';
    if (el.closest('video')) return 'video';
    return null;
  };
  const hits: Element[] = [];
  for (const el of Array.from(document.body ? document.body.querySelectorAll('*') : [])) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right + window.scrollX > viewportWidth + 1 && !hits.some((h) => h.contains(el))) hits.push(el);
    if (hits.length >= 10) break;
  }
  for (const el of hits) {
    const right = Math.round(el.getBoundingClientRect().right + window.scrollX);
    // A wrapper sticks out only because of what it holds: judge by the widest things inside that stick out.
    const inner = Array.from(el.querySelectorAll('table,svg,canvas,video,[role="img"],map')).filter(
      (c) => c.getBoundingClientRect().right + window.scrollX > viewportWidth + 1,
    );
    const kind =
      kindOf(el) ??
      (inner.length > 0 && inner.every((c) => kindOf(c) !== null) && el.children.length === 1
        ? kindOf(inner[0] as Element)
        : null);
    if (kind) excepted.push({ selector: sel(el), right, kind });
    else offenders.push({ selector: sel(el), right });
  }
  return { viewportWidth, documentWidth, offenders, excepted };
}
