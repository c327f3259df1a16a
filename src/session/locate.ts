/**
 * Locators without Playwright: an in-page resolver (a self-contained probe) that finds the element a
 * Locator names — by ARIA role and accessible name, label, visible text, placeholder, title, test id or
 * CSS — and marks it with a `data-erh-target` attribute so that a WebDriver session can address it
 * with a plain CSS selector and use native clicks and typing.
 *
 * Roles and names follow the WAI-ARIA / accname rules for the common cases, as Playwright's
 * getByRole does: explicit role first, else the implicit role of the element (a[href] → link,
 * h1–h6 → heading, nav → navigation, input types …); the name from aria-labelledby, aria-label,
 * label[for] / a wrapping label (form fields), alt (images), the text content (roles named from
 * content) and finally title/placeholder. Elements hidden from assistive technology
 * (aria-hidden, display:none, visibility:hidden) do not match role locators. Name and text matching
 * is case-insensitive substring matching with collapsed white space unless `exact` is set.
 * Among matches, the first visible one is chosen (else the first one).
 */
import type { Locator } from '../core/config.ts';
import type { LocatorDiagnosis } from './types.ts';

export interface LocateResult {
  /** How many elements match. */
  count: number;
  /** The chosen element is visible (non-empty box, not visibility:hidden). */
  visible: boolean;
  /** The chosen element is enabled (not disabled, not aria-disabled). */
  enabled: boolean;
  /** innerText of the chosen element, trimmed; null when none matched. */
  text: string | null;
  /** Accessible name computed for the chosen element (diagnostics). */
  name: string | null;
  /** With `diagnose`: what covers the chosen element, and the elements nearest to what the locator names. */
  diagnosis?: {
    obscuredBy?: { role: string | null; name: string; tag: string };
    candidates: Array<{ role: string | null; name: string; tag: string; locator: string }>;
  };
}

/** A diagnosing locateProbe's result as the session reports it (both drivers), the locator's frame found. */
export function diagnosisOf(r: LocateResult): LocatorDiagnosis {
  return {
    frameFound: true,
    count: r.count,
    visible: r.visible,
    enabled: r.enabled,
    ...(r.diagnosis?.obscuredBy ? { obscuredBy: r.diagnosis.obscuredBy } : {}),
    candidates: r.diagnosis?.candidates ?? [],
  };
}

/**
 * Marks the chosen element with data-erh-target=<mark> (removing the mark from any other element);
 * `mark: null` leaves the page unmarked. `diagnose` adds what covers the chosen element and the
 * nearest candidates (failure messages).
 */
export function locateProbe(arg: { locator: Locator; mark: string | null; diagnose?: boolean }): LocateResult {
  const loc = arg.locator as Record<string, unknown>;
  const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const matches = (value: string, wanted: string, exact: boolean): boolean =>
    exact ? norm(value) === norm(wanted) : norm(value).toLowerCase().includes(norm(wanted).toLowerCase());
  const isVisible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const st = getComputedStyle(el);
    return st.visibility !== 'hidden' && st.visibility !== 'collapse' && st.display !== 'none';
  };
  const hiddenFromAt = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (e.getAttribute('aria-hidden') === 'true') return true;
      if ((e as HTMLElement).hidden) return true;
      const st = getComputedStyle(e);
      if (st.display === 'none') return true;
    }
    const st = getComputedStyle(el);
    return st.visibility === 'hidden' || st.visibility === 'collapse';
  };
  const tag = (el: Element): string => el.tagName.toLowerCase();

  const implicitRole = (el: Element): string | null => {
    const t = tag(el);
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    switch (t) {
      case 'a':
      case 'area':
        return el.hasAttribute('href') ? 'link' : null;
      case 'button':
        return 'button';
      case 'input':
        if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
        if (type === 'checkbox') return 'checkbox';
        if (type === 'radio') return 'radio';
        if (type === 'range') return 'slider';
        if (type === 'number') return 'spinbutton';
        if (type === 'search') return el.hasAttribute('list') ? 'combobox' : 'searchbox';
        if (type === 'hidden' || type === 'file' || type === 'color' || type === 'date' || type === 'time') return null;
        return el.hasAttribute('list') ? 'combobox' : 'textbox';
      case 'textarea':
        return 'textbox';
      case 'select':
        return (el as HTMLSelectElement).multiple || (el as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox';
      case 'option':
        return 'option';
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return 'heading';
      case 'nav':
        return 'navigation';
      case 'main':
        return 'main';
      case 'aside':
        return 'complementary';
      case 'header':
        return el.closest('article,aside,main,nav,section') ? null : 'banner';
      case 'footer':
        return el.closest('article,aside,main,nav,section') ? null : 'contentinfo';
      case 'form':
        return 'form';
      case 'section':
        return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
      case 'article':
        return 'article';
      case 'ul':
      case 'ol':
      case 'menu':
        return 'list';
      case 'li':
        return 'listitem';
      case 'table':
        return 'table';
      case 'tr':
        return 'row';
      case 'td':
        return 'cell';
      case 'th':
        return 'columnheader';
      case 'img':
        return el.getAttribute('alt') === '' ? 'presentation' : 'img';
      case 'dialog':
        return 'dialog';
      case 'progress':
        return 'progressbar';
      case 'output':
        return 'status';
      case 'fieldset':
        return 'group';
      case 'hr':
        return 'separator';
      case 'p':
        return 'paragraph';
      case 'summary':
        return 'button';
      default:
        return null;
    }
  };
  const roleOf = (el: Element): string | null => {
    const explicit = norm(el.getAttribute('role')).split(' ')[0];
    return explicit ? explicit : implicitRole(el);
  };
  const NAME_FROM_CONTENT = new Set([
    'button',
    'link',
    'heading',
    'cell',
    'columnheader',
    'rowheader',
    'checkbox',
    'radio',
    'switch',
    'tab',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'option',
    'treeitem',
    'tooltip',
    'row',
  ]);

  const textAlternative = (node: Node, depth: number): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const el = node as Element;
    if (depth > 0 && (el.getAttribute('aria-hidden') === 'true' || getComputedStyle(el).display === 'none')) return '';
    const t = tag(el);
    if (t === 'script' || t === 'style' || t === 'template') return '';
    if (depth > 0) {
      const label = el.getAttribute('aria-label');
      if (label && norm(label)) return label;
      if (t === 'img') return el.getAttribute('alt') ?? '';
      if (t === 'input' || t === 'select' || t === 'textarea') return (el as HTMLInputElement).value ?? '';
    }
    let out = '';
    for (const child of Array.from(el.childNodes)) {
      const piece = textAlternative(child, depth + 1);
      const block = child.nodeType === Node.ELEMENT_NODE && getComputedStyle(child as Element).display !== 'inline';
      out += block ? ` ${piece} ` : piece;
    }
    return out;
  };
  const labelsOf = (el: Element): string[] => {
    const out: string[] = [];
    const id = el.getAttribute('id');
    if (id) {
      for (const l of Array.from(document.querySelectorAll('label')))
        if (l.htmlFor === id) out.push(norm(textAlternative(l, 1)));
    }
    const wrapping = el.closest('label');
    if (wrapping) out.push(norm(textAlternative(wrapping, 1)));
    return out.filter(Boolean);
  };
  const byIds = (ids: string): string =>
    norm(
      ids
        .split(/\s+/)
        .map((i) => document.getElementById(i))
        .filter((e): e is HTMLElement => e !== null)
        .map((e) => textAlternative(e, 1))
        .join(' '),
    );
  const accessibleName = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const n = byIds(labelledBy);
      if (n) return n;
    }
    const aria = norm(el.getAttribute('aria-label'));
    if (aria) return aria;
    const t = tag(el);
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (t === 'input' && ['button', 'submit', 'reset'].includes(type)) {
      return norm((el as HTMLInputElement).value) || (type === 'submit' ? 'Submit' : type === 'reset' ? 'Reset' : '');
    }
    if (t === 'input' && type === 'image') return norm(el.getAttribute('alt')) || norm(el.getAttribute('value'));
    if (t === 'input' || t === 'select' || t === 'textarea') {
      const labels = labelsOf(el);
      if (labels.length) return labels.join(' ');
      return norm(el.getAttribute('title')) || norm(el.getAttribute('placeholder'));
    }
    if (t === 'img' || t === 'area') return norm(el.getAttribute('alt')) || norm(el.getAttribute('title'));
    if (t === 'fieldset') {
      const legend = el.querySelector(':scope > legend');
      if (legend) return norm(textAlternative(legend, 1));
    }
    if (t === 'table') {
      const caption = el.querySelector(':scope > caption');
      if (caption) return norm(textAlternative(caption, 1));
    }
    const role = roleOf(el);
    if (role && NAME_FROM_CONTENT.has(role)) {
      const n = norm(textAlternative(el, 0));
      if (n) return n;
    }
    return norm(el.getAttribute('title'));
  };

  const all = (): Element[] => Array.from(document.querySelectorAll('body *'));
  let found: Element[] = [];
  if (typeof loc.role === 'string') {
    const wanted = loc.role;
    found = all().filter((el) => roleOf(el) === wanted && !hiddenFromAt(el));
    if (typeof loc.name === 'string') {
      const name = loc.name;
      found = found.filter((el) => matches(accessibleName(el), name, loc.exact === true));
    }
  } else if (typeof loc.label === 'string') {
    const label = loc.label;
    found = all().filter((el) => {
      const t = tag(el);
      const field =
        t === 'input' ||
        t === 'select' ||
        t === 'textarea' ||
        el.getAttribute('role') === 'textbox' ||
        el.hasAttribute('contenteditable');
      if (!field && !el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby')) return false;
      const names = [...labelsOf(el), norm(el.getAttribute('aria-label'))];
      const lb = el.getAttribute('aria-labelledby');
      if (lb) names.push(byIds(lb));
      return names.some((n) => n && matches(n, label, false));
    });
  } else if (typeof loc.text === 'string') {
    const text = loc.text;
    const candidates = all().filter((el) => {
      const t = tag(el);
      if (t === 'script' || t === 'style' || t === 'template' || t === 'noscript') return false;
      return matches(el.textContent ?? '', text, false);
    });
    // The innermost elements holding the text, as Playwright's getByText returns.
    found = candidates.filter((el) => !candidates.some((other) => other !== el && el.contains(other)));
  } else if (typeof loc.placeholder === 'string') {
    const ph = loc.placeholder;
    found = Array.from(document.querySelectorAll('[placeholder]')).filter((el) =>
      matches(el.getAttribute('placeholder') ?? '', ph, false),
    );
  } else if (typeof loc.testId === 'string') {
    const id = loc.testId;
    found = Array.from(document.querySelectorAll('[data-testid]')).filter(
      (el) => el.getAttribute('data-testid') === id,
    );
  } else if (typeof loc.title === 'string') {
    const title = loc.title;
    found = Array.from(document.querySelectorAll('[title]')).filter((el) =>
      matches(el.getAttribute('title') ?? '', title, false),
    );
  } else if (typeof loc.css === 'string') {
    found = Array.from(document.querySelectorAll(loc.css));
  }

  if (arg.mark !== null) {
    for (const el of Array.from(document.querySelectorAll('[data-erh-target]'))) {
      if (el.getAttribute('data-erh-target') === arg.mark) el.removeAttribute('data-erh-target');
    }
  }
  const chosen = found.find(isVisible) ?? found[0];

  // ── diagnosis: what covers the match, and what the page holds nearest to what was asked for ──
  const quote = (v: string): string => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  const diagnose = (): NonNullable<LocateResult['diagnosis']> => {
    const describe = (el: Element) => ({ role: roleOf(el), name: norm(accessibleName(el)).slice(0, 80), tag: tag(el) });
    let obscuredBy: { role: string | null; name: string; tag: string } | undefined;
    if (chosen && isVisible(chosen)) {
      const r = chosen.getBoundingClientRect();
      const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== chosen && !chosen.contains(hit) && !hit.contains(chosen)) {
        // What covers it is named by its dialog: the one it is in, else the open dialog it is the backdrop of.
        const DIALOGS = 'dialog[open],[role="dialog"],[role="alertdialog"],[aria-modal="true"]';
        const open = Array.from(document.querySelectorAll(DIALOGS)).find((d) => isVisible(d) && !hiddenFromAt(d));
        const cover = hit.closest(DIALOGS) ?? open ?? hit;
        obscuredBy = describe(cover);
      }
    }
    const wantedRole = typeof loc.role === 'string' ? loc.role : null;
    const wanted = norm(
      String(loc.name ?? loc.label ?? loc.text ?? loc.placeholder ?? loc.title ?? loc.testId ?? loc.css ?? ''),
    ).toLowerCase();
    const bigrams = (v: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i < v.length - 1; i++) out.push(v.slice(i, i + 2));
      return out;
    };
    const similarity = (a: string, b: string): number => {
      if (!a || !b) return 0;
      if (a === b) return 1;
      if (a.includes(b) || b.includes(a)) return 0.8;
      const x = bigrams(a);
      const y = bigrams(b);
      if (x.length === 0 || y.length === 0) return 0;
      const pool = [...y];
      let common = 0;
      for (const g of x) {
        const i = pool.indexOf(g);
        if (i >= 0) {
          common++;
          pool.splice(i, 1);
        }
      }
      return (2 * common) / (x.length + y.length);
    };
    const CONTROLS = new Set([
      'button',
      'link',
      'textbox',
      'searchbox',
      'combobox',
      'listbox',
      'checkbox',
      'radio',
      'switch',
      'slider',
      'spinbutton',
      'tab',
      'menuitem',
      'option',
      'heading',
      'dialog',
      'alertdialog',
      'img',
    ]);
    const scored: Array<{ score: number; el: Element; role: string | null; name: string }> = [];
    const pool = all().slice(0, 3000);
    for (const el of pool) {
      if (!isVisible(el) || hiddenFromAt(el)) continue;
      const role = roleOf(el);
      const clickable =
        el.hasAttribute('onclick') || el.hasAttribute('tabindex') || getComputedStyle(el).cursor === 'pointer';
      if (!(role && CONTROLS.has(role)) && !el.hasAttribute('title') && !clickable) continue;
      const name = norm(accessibleName(el) || el.getAttribute('title') || (el as HTMLElement).innerText || '');
      if (!name && !role) continue;
      const nameScore = wanted ? similarity(name.toLowerCase(), wanted) : 0;
      const titleScore = wanted ? similarity(norm(el.getAttribute('title')).toLowerCase(), wanted) : 0;
      const score = Math.max(nameScore, titleScore) + (wantedRole && role === wantedRole ? 0.35 : 0);
      if (score >= 0.3) scored.push({ score, el, role, name });
    }
    scored.sort((a, b) => b.score - a.score);
    const candidates = scored.slice(0, 5).map(({ el, role, name }) => {
      const title = norm(el.getAttribute('title'));
      const named = norm(accessibleName(el));
      const locator =
        role && named
          ? `{ role: ${role}, name: ${quote(named)} }`
          : title
            ? `{ title: ${quote(title)} }`
            : `{ text: ${quote(name)} }`;
      return { role, name: name.slice(0, 80), tag: tag(el), locator };
    });
    return { ...(obscuredBy ? { obscuredBy } : {}), candidates };
  };

  if (!chosen)
    return {
      count: 0,
      visible: false,
      enabled: false,
      text: null,
      name: null,
      ...(arg.diagnose ? { diagnosis: diagnose() } : {}),
    };
  if (arg.mark !== null) chosen.setAttribute('data-erh-target', arg.mark);
  const disabled = (chosen as HTMLButtonElement).disabled === true || chosen.getAttribute('aria-disabled') === 'true';
  return {
    count: found.length,
    visible: isVisible(chosen),
    enabled: !disabled,
    text: norm((chosen as HTMLElement).innerText ?? chosen.textContent ?? ''),
    name: accessibleName(chosen),
    ...(arg.diagnose ? { diagnosis: diagnose() } : {}),
  };
}

/** Covers the elements the locators name with opaque boxes (before a screenshot); returns how many. */
export function maskProbe(arg: { marks: string[] }): number {
  let n = 0;
  for (const mark of arg.marks) {
    const el = document.querySelector(`[data-erh-target="${mark}"]`);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    const box = document.createElement('div');
    box.setAttribute('data-erh-mask', '');
    box.style.cssText =
      `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;` +
      `background:#ff00ff;z-index:2147483647;pointer-events:none`;
    document.documentElement.appendChild(box);
    n++;
  }
  return n;
}

export function unmaskProbe(): void {
  for (const el of Array.from(document.querySelectorAll('[data-erh-mask]'))) el.remove();
}
