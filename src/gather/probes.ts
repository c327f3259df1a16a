/**
 * In-page probes: self-contained functions serialised into the page by any BrowserSession. They must
 * not reference anything outside their own body.
 */

export interface OverflowProbeResult {
  viewportWidth: number;
  documentWidth: number;
  offenders: Array<{ selector: string; right: number }>;
}

/** Measures horizontal overflow: document wider than the layout viewport, and the elements causing it. */
export function overflowProbe(): OverflowProbeResult {
  const root = document.documentElement;
  const viewportWidth = root.clientWidth;
  const documentWidth = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
  const describe = (el: Element): string => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const cls = Array.from(el.classList).slice(0, 2);
    if (cls.length) s += `.${cls.join('.')}`;
    return s;
  };
  const offenders: Array<{ selector: string; right: number }> = [];
  if (documentWidth > viewportWidth + 1) {
    const all = Array.from(document.body ? document.body.querySelectorAll('*') : []);
    const hits: Element[] = [];
    for (const el of all) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right + window.scrollX > viewportWidth + 1 && !hits.some((h) => h.contains(el))) hits.push(el);
      if (hits.length >= 10) break;
    }
    for (const el of hits) {
      offenders.push({ selector: describe(el), right: Math.round(el.getBoundingClientRect().right + window.scrollX) });
    }
  }
  return { viewportWidth, documentWidth, offenders };
}
