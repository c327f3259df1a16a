/**
 * Secrets shown as on-screen text (a page that prints the patron's card or PIN) are covered before
 * every screenshot: the probe finds the elements whose text holds a secret — ignoring whitespace
 * and letter case, and text split over several child elements — and covers the boxes of their text
 * (and of inputs whose value holds one) with opaque boxes marked `data-erh-mask` (removed again by
 * locate.ts's unmaskProbe). Boxes are placed in document coordinates, so full-page captures are
 * covered too. Text drawn by CSS (`content:`) or into a canvas is not DOM text and is not found.
 */

/** The colour of every mask (tests look for it in screenshots). */
export const MASK_COLOUR = '#ff00ff';

/** Covers every on-screen text holding one of `needles`; returns the boxes it drew (document coordinates). */
export function maskTextProbe(arg: {
  needles: string[];
  colour: string;
}): Array<{ x: number; y: number; width: number; height: number }> {
  const squeeze = (s: string): string => s.replace(/\s+/g, '').toLowerCase();
  const needles = arg.needles.map(squeeze).filter((n) => n.length >= 4);
  const drawn: Array<{ x: number; y: number; width: number; height: number }> = [];
  if (needles.length === 0) return drawn;
  const holds = (text: string | null | undefined): boolean => {
    if (!text) return false;
    const t = squeeze(text);
    return needles.some((n) => t.includes(n));
  };
  const cover = (rects: Iterable<DOMRect>): void => {
    for (const r of rects) {
      if (r.width <= 0 || r.height <= 0) continue;
      const box = {
        x: r.left + window.scrollX - 2,
        y: r.top + window.scrollY - 2,
        width: r.width + 4,
        height: r.height + 4,
      };
      const el = document.createElement('div');
      el.setAttribute('data-erh-mask', '');
      el.style.cssText =
        `position:absolute;left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px;` +
        `background:${arg.colour};z-index:2147483647;pointer-events:none;margin:0;padding:0;border:0`;
      document.documentElement.appendChild(el);
      drawn.push(box);
    }
  };
  const visit = (root: Element | ShadowRoot): void => {
    for (const el of Array.from(root.children)) {
      if (el.hasAttribute('data-erh-mask')) continue;
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && holds(el.value))
        cover([el.getBoundingClientRect()]);
      const shadow = (el as HTMLElement).shadowRoot;
      if (shadow) visit(shadow);
      if (!holds(el.textContent)) continue;
      // The deepest element holding it: if no child holds it alone, its text is split among them (or is its own).
      if (Array.from(el.children).some((c) => holds(c.textContent))) {
        visit(el);
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = Array.from(range.getClientRects());
      cover(rects.length ? rects : [el.getBoundingClientRect()]);
    }
  };
  visit(document.documentElement);
  return drawn;
}
