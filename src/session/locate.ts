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
}

/** Marks the chosen element with data-erh-target=<mark> (removing the mark from any other element). */
export function locateProbe(arg: { locator: Locator; mark: string }): LocateResult {
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

  for (const el of Array.from(document.querySelectorAll('[data-erh-target]'))) {
    if (el.getAttribute('data-erh-target') === arg.mark) el.removeAttribute('data-erh-target');
  }
  const chosen = found.find(isVisible) ?? found[0];
  if (!chosen) return { count: 0, visible: false, enabled: false, text: null, name: null };
  chosen.setAttribute('data-erh-target', arg.mark);
  const disabled = (chosen as HTMLButtonElement).disabled === true || chosen.getAttribute('aria-disabled') === 'true';
  return {
    count: found.length,
    visible: isVisible(chosen),
    enabled: !disabled,
    text: norm((chosen as HTMLElement).innerText ?? chosen.textContent ?? ''),
    name: accessibleName(chosen),
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
    box.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;background:#ff00ff;z-index:2147483647;pointer-events:none`;
    document.documentElement.appendChild(box);
    n++;
  }
  return n;
}

export function unmaskProbe(): void {
  for (const el of Array.from(document.querySelectorAll('[data-erh-mask]'))) el.remove();
}
