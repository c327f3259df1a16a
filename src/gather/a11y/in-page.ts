/**
 * Helpers the in-page probes share (probes.ts). A probe is serialised into the page by its source
 * text, so it cannot close over anything in this module; `inPage(probe)` gives each probe these
 * helpers by putting their source in front of the probe's own, under the same names. One
 * definition of "the selector of an element" and "its accessible name" for every probe.
 */

/** A CSS selector path for an element: up to 5 steps, stopping at an id that is unique in the document. */
export function sel(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && e !== document.documentElement && parts.length < 5; e = e.parentElement) {
    const tag = e.tagName.toLowerCase();
    if (e.id && document.querySelectorAll(`#${CSS.escape(e.id)}`).length === 1) {
      parts.unshift(`${tag}#${CSS.escape(e.id)}`);
      break;
    }
    const parent: Element | null = e.parentElement;
    const same = parent ? Array.from(parent.children).filter((c) => c.tagName === e!.tagName) : [];
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(e) + 1})` : tag);
  }
  return parts.join(' > ');
}

/**
 * An approximation of the accessible name, up to 80 characters: aria-label, aria-labelledby, the
 * field's labels, its text, the alternative text of images inside, a button's value, then title.
 * A placeholder is not a name here (it disappears on input): `placeholderOnly` finds fields named by it alone.
 */
export function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  let name = label && label.trim() ? label : '';
  if (!name) {
    const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    name = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  }
  if (!name && 'labels' in el) {
    const labels = (el as HTMLInputElement).labels;
    if (labels)
      name = Array.from(labels)
        .map((l) => l.textContent ?? '')
        .join(' ');
  }
  const field = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
  if (!name && !field) name = (el as HTMLElement).innerText ?? el.textContent ?? '';
  if (!name.trim()) {
    const images = Array.from(el.querySelectorAll('img[alt], svg[aria-label]'));
    name = images.map((i) => i.getAttribute('alt') ?? i.getAttribute('aria-label') ?? '').join(' ');
  }
  const input = el.tagName === 'INPUT' ? (el as HTMLInputElement) : null;
  if (!name.trim() && input && ['submit', 'button', 'reset'].includes(input.type)) name = input.value;
  if (!name.trim()) name = el.getAttribute('title') ?? '';
  return name.replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** Rendered: has boxes, is not visibility-hidden, and is not inside an inert subtree. */
export function rendered(el: Element): boolean {
  if (el.getClientRects().length === 0) return false;
  const st = getComputedStyle(el);
  return st.visibility !== 'hidden' && st.visibility !== 'collapse' && !el.closest('[inert]');
}

/**
 * What a focus indicator can change, as one string: outline, shadow, top and bottom border,
 * background, colour, underline. Only what can be seen: an outline or border of no width has no
 * colour or offset. Compared focused and unfocused (WCAG 2.4.7).
 */
export function focusSignature(el: Element | null): string {
  if (!el) return '';
  const s = getComputedStyle(el);
  const noOutline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0;
  const outline = noOutline ? 'none' : [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(' ');
  const noTop = parseFloat(s.borderTopWidth) === 0 || s.borderTopStyle === 'none';
  const top = noTop ? 'none' : `${s.borderTopWidth} ${s.borderTopColor}`;
  const noBottom = parseFloat(s.borderBottomWidth) === 0 || s.borderBottomStyle === 'none';
  const bottom = noBottom ? 'none' : `${s.borderBottomWidth} ${s.borderBottomColor}`;
  return [outline, s.boxShadow, top, bottom, s.backgroundColor, s.color, s.textDecorationLine].join('|');
}

const HELPERS = [sel, nameOf, rendered, focusSignature] as const;

/**
 * The probe with the shared helpers in front of it, as a function whose source text is complete on
 * its own (what every BrowserSession serialises). Called here in Node it runs the same code.
 */
export function inPage<A, R>(probe: (arg: A) => R): (arg: A) => R {
  const helpers = HELPERS.map((h) => `const ${h.name} = ${h.toString()};`).join('\n');
  // The probe's own source, composed here in Node: never text from the page.
  return new Function('arg', `${helpers}\nreturn (${probe.toString()})(arg);`) as (arg: A) => R;
}
