/**
 * In-page probe of what a page tells the patron: visible status and alert messages, and whether
 * assistive technology is told of them. Self-contained (serialised into the page by any
 * BrowserSession): it must not reference anything outside its own body.
 */

export interface MessageProbeResult {
  /** Visible alert-like messages, in document order. */
  messages: Array<{ text: string; announced: boolean }>;
}

/**
 * Finds visible status messages: role=alert/status, aria-live regions and <output>, plus (when
 * `text` is given) the element showing that text. `announced` means assistive technology is told:
 * the element or an ancestor is a live region/alert, or it holds the focus.
 */
export function messageProbe(arg: { text: string | null }): MessageProbeResult {
  const isVisible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
  };
  const live = (el: Element | null): boolean => {
    for (let e = el; e; e = e.parentElement) {
      const role = e.getAttribute('role');
      const aria = e.getAttribute('aria-live');
      if (role === 'alert' || role === 'status' || (aria && aria !== 'off') || e.tagName === 'OUTPUT') return true;
    }
    return false;
  };
  const focused = (el: Element): boolean => {
    const a = document.activeElement;
    if (!a) return false;
    if (el === a || el.contains(a)) return true;
    // A field described by the message also announces it when focused.
    const describedBy = (a.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return describedBy.some((id) => {
      const d = document.getElementById(id);
      return d !== null && (d === el || d.contains(el) || el.contains(d));
    });
  };
  const found: Element[] = [];
  for (const el of Array.from(
    document.querySelectorAll('[role="alert"],[role="status"],[aria-live]:not([aria-live="off"]),output'),
  )) {
    if ((el.textContent ?? '').trim() && isVisible(el)) found.push(el);
  }
  if (arg.text) {
    const needle = arg.text.trim();
    let best: Element | null = null;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const t = (el as HTMLElement).innerText?.trim();
      if (t && t.includes(needle) && isVisible(el) && (!best || best.contains(el))) best = el;
    }
    if (best && !found.includes(best)) found.unshift(best);
  }
  return {
    messages: found.map((el) => ({
      text: ((el as HTMLElement).innerText ?? el.textContent ?? '').trim().slice(0, 500),
      announced: live(el) || focused(el),
    })),
  };
}
