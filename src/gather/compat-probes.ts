/**
 * In-page probes of the compatibility suite (self-contained functions, run by any BrowserSession):
 * viewport meta, touch target spacing, media element state, web feature detection, cross-site
 * frames. See src/checks/compatibility/ for how their results are judged.
 */

export function viewportMetaProbe(): { content: string | null } {
  const metas = Array.from(document.querySelectorAll('meta[name]')).filter(
    (m) => (m.getAttribute('name') ?? '').toLowerCase() === 'viewport',
  );
  const last = metas[metas.length - 1];
  return { content: last ? (last.getAttribute('content') ?? '') : null };
}

export interface TouchTargetProbeResult {
  targets: number;
  crowded: Array<{ selector: string; name: string; width: number; height: number; nearestPx: number; nearest: string }>;
}

/**
 * WCAG 2.2 SC 2.5.8 (target size, minimum) as measured on the device's own layout: a visible
 * interactive element smaller than 24×24 CSS px passes only if a 24 px circle centred on it does not
 * intersect another target or that target's circle — i.e. centres at least 24 px apart. Inline links
 * inside running text are exempt (the SC's inline exception).
 */
export function touchTargetProbe(): TouchTargetProbeResult {
  const MIN = 24;
  const describe = (el: Element): string => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const cls = Array.from(el.classList).slice(0, 2);
    if (cls.length) s += `.${cls.join('.')}`;
    return s;
  };
  const selector =
    'a[href],button,input:not([type=hidden]),select,textarea,summary,[role=button],[role=link],' +
    '[role=checkbox],[role=radio],[role=tab],[role=menuitem],[role=switch],' +
    '[tabindex]:not([tabindex="-1"])';
  const inlineInText = (el: Element): boolean => {
    if (el.tagName !== 'A') return false;
    if (getComputedStyle(el).display !== 'inline') return false;
    const parent = el.parentElement;
    if (!parent) return false;
    const own = Array.from(parent.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => (n.textContent ?? '').trim())
      .join('');
    return own.length > 0;
  };
  const boxes: Array<{ el: Element; r: DOMRect; cx: number; cy: number }> = [];
  for (const el of Array.from(document.querySelectorAll(selector))) {
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden' || st.display === 'none' || (el as HTMLInputElement).disabled) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    // Nested targets (a button inside a link) count once, as the outer one.
    if (boxes.some((b) => b.el.contains(el))) continue;
    boxes.push({ el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2 });
  }
  const crowded: TouchTargetProbeResult['crowded'] = [];
  for (const b of boxes) {
    if (b.r.width >= MIN && b.r.height >= MIN) continue;
    if (inlineInText(b.el)) continue;
    let nearest: (typeof boxes)[number] | undefined;
    let best = Infinity;
    for (const o of boxes) {
      if (o === b || o.el.contains(b.el) || b.el.contains(o.el)) continue;
      // Distance from b's centre to the other target's rectangle (the circle must not touch it).
      const dx = Math.max(o.r.left - b.cx, 0, b.cx - o.r.right);
      const dy = Math.max(o.r.top - b.cy, 0, b.cy - o.r.bottom);
      const toRect = Math.hypot(dx, dy);
      const small = o.r.width < MIN || o.r.height < MIN;
      // Against an undersized target, the two 24 px circles must not meet: centres ≥ 24 px apart.
      const d = small ? Math.min(toRect * 2, Math.hypot(o.cx - b.cx, o.cy - b.cy)) : toRect * 2;
      if (d < best) {
        best = d;
        nearest = o;
      }
    }
    if (nearest && best < MIN) {
      const name = (
        (b.el.getAttribute('aria-label') ?? (b.el as HTMLElement).innerText ?? '') ||
        (b.el.getAttribute('title') ?? '')
      )
        .trim()
        .slice(0, 60);
      crowded.push({
        selector: describe(b.el),
        name,
        width: Math.round(b.r.width),
        height: Math.round(b.r.height),
        nearestPx: Math.round(best),
        nearest: describe(nearest.el),
      });
      if (crowded.length >= 25) break;
    }
  }
  return { targets: boxes.length, crowded };
}

export interface MediaStateProbeResult {
  found: boolean;
  position: number | null;
  paused: boolean | null;
  error: number | null;
  readyState: number | null;
}

/** The first audio/video element's state; with `play`, starts it from script first (muted). */
export async function mediaStateProbe(arg: { play: boolean }): Promise<MediaStateProbeResult> {
  const media = document.querySelector('audio,video') as HTMLMediaElement | null;
  if (!media) return { found: false, position: null, paused: null, error: null, readyState: null };
  if (arg.play) {
    media.muted = true;
    try {
      await media.play();
    } catch {
      // reported through paused / error below
    }
  }
  return {
    found: true,
    position: Number.isFinite(media.currentTime) ? media.currentTime : null,
    paused: media.paused,
    error: media.error ? media.error.code : null,
    readyState: media.readyState,
  };
}

export interface FeatureProbeResult {
  available: Record<string, boolean>;
  keySystems: string[];
  serviceWorkerActive: boolean;
}

/** Web features the device offers (EME with the key systems that answer, service worker, MSE, Web Audio, IndexedDB). */
export async function featureProbe(): Promise<FeatureProbeResult> {
  const nav = navigator as Navigator & { requestMediaKeySystemAccess?: (k: string, c: unknown[]) => Promise<unknown> };
  const w = window as unknown as Record<string, unknown>;
  const keySystems: string[] = [];
  if (typeof nav.requestMediaKeySystemAccess === 'function') {
    const config = [
      {
        initDataTypes: ['cenc', 'keyids', 'webm'],
        audioCapabilities: [
          { contentType: 'audio/mp4; codecs="mp4a.40.2"' },
          { contentType: 'audio/webm; codecs="opus"' },
        ],
        videoCapabilities: [
          { contentType: 'video/mp4; codecs="avc1.42E01E"' },
          { contentType: 'video/webm; codecs="vp9"' },
        ],
      },
    ];
    for (const k of ['org.w3.clearkey', 'com.widevine.alpha', 'com.microsoft.playready', 'com.apple.fps']) {
      try {
        await Promise.race([
          nav.requestMediaKeySystemAccess(k, config),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
        ]);
        keySystems.push(k);
      } catch {
        // not supported
      }
    }
  }
  let serviceWorkerActive = false;
  if ('serviceWorker' in navigator) {
    serviceWorkerActive = navigator.serviceWorker.controller !== null;
    if (!serviceWorkerActive) {
      try {
        serviceWorkerActive = (await navigator.serviceWorker.getRegistrations()).some((r) => r.active !== null);
      } catch {
        // not allowed here
      }
    }
  }
  return {
    available: {
      eme: typeof nav.requestMediaKeySystemAccess === 'function' && keySystems.length > 0,
      'service-worker': 'serviceWorker' in navigator && window.isSecureContext,
      'media-source': typeof w.MediaSource === 'function' || typeof w.ManagedMediaSource === 'function',
      'web-audio': typeof w.AudioContext === 'function' || typeof w.webkitAudioContext === 'function',
      indexeddb: typeof w.indexedDB === 'object' && w.indexedDB !== null,
    },
    keySystems,
    serviceWorkerActive,
  };
}

/** Frames whose site (scheme + host, ports ignored) differs from the page's: third-party contexts. */
export function crossSiteFramesProbe(): Array<{ frame: string; visible: boolean }> {
  const site = (u: URL): string => `${u.protocol}//${u.hostname.split('.').slice(-2).join('.')}`;
  const top = site(new URL(location.href));
  const out: Array<{ frame: string; visible: boolean }> = [];
  for (const f of Array.from(document.querySelectorAll('iframe[src],frame[src]'))) {
    let url: URL;
    try {
      url = new URL(f.getAttribute('src') ?? '', location.href);
    } catch {
      continue;
    }
    if (!url.protocol.startsWith('http') || site(url) === top) continue;
    const r = f.getBoundingClientRect();
    const st = getComputedStyle(f);
    out.push({
      frame: url.href,
      visible: r.width >= 2 && r.height >= 2 && st.visibility !== 'hidden' && st.display !== 'none',
    });
  }
  return out;
}

export interface HandledErrorsResult {
  /** The observer runs in the page (it is not when the page's CSP forbids inline scripts). */
  observing: boolean;
  /**
   * Uncaught exceptions and unhandled rejections the page's own handler caught since the last call (each ≤ 500
   * characters; vendor-controlled).
   */
  errors: string[];
}

/**
 * The in-page observer of uncaught exceptions that the page catches itself — a `window.onerror` that
 * returns true, an `unhandledrejection` handler that calls preventDefault(), typically to show the
 * error in its own dialog. Those are still page errors, but the browser reports nothing for them.
 * It must run in the page's own world (where the events are dispatched): as an init script before
 * the page's scripts where the driver has one (`BrowserSession.addInitScript`), else inserted as an
 * inline script by handledErrorsProbe. It keeps what it saw in `data-erh-page-errors` on the root
 * element (the DOM is what every world shares) and marks the root `data-erh-errors-observer`.
 * Errors the page did not handle are left to the driver's own report.
 */
export const HANDLED_ERRORS_OBSERVER = `(function () {
  var attr = 'data-erh-page-errors';
  function mark() { var r = document.documentElement; if (r) r.setAttribute('data-erh-errors-observer', ''); }
  if (window.__erhErrorsObserved) { mark(); return; }
  window.__erhErrorsObserved = true;
  var pending = [];
  function flush() {
    var root = document.documentElement;
    if (!root || pending.length === 0) return;
    var list = [];
    try { list = JSON.parse(root.getAttribute(attr) || '[]'); } catch (e) { list = []; }
    while (pending.length > 0 && list.length < 50) list.push(pending.shift());
    pending = [];
    root.setAttribute(attr, JSON.stringify(list));
  }
  function record(message) { pending.push(String(message).slice(0, 500)); flush(); }
  function text(value, fallback) {
    if (value && typeof value === 'object' && 'message' in value) return String(value.message);
    return value === undefined ? String(fallback) : String(value);
  }
  mark();
  document.addEventListener('readystatechange', function () { mark(); flush(); });
  window.addEventListener('error', function (e) {
    if (!(e instanceof ErrorEvent)) return;
    setTimeout(function () { if (e.defaultPrevented) record(text(e.error, e.message)); }, 0);
  });
  window.addEventListener('unhandledrejection', function (e) {
    setTimeout(function () { if (e.defaultPrevented) record(text(e.reason, 'unhandled rejection')); }, 0);
  });
})();`;

/**
 * Returns what the observer (HANDLED_ERRORS_OBSERVER, passed as `source`) collected since the last
 * call, installing it first as an inline `<script>` when it is not running in this document (a
 * probe may run in an isolated world that never sees the page's error events).
 */
export function handledErrorsProbe(arg: { source: string }): HandledErrorsResult {
  const root = document.documentElement;
  const attr = 'data-erh-page-errors';
  if (!root.hasAttribute('data-erh-errors-observer')) {
    try {
      const script = document.createElement('script');
      script.textContent = arg.source;
      (document.head ?? root).append(script);
      script.remove();
    } catch {
      // Trusted Types or a DOM the page has locked: not observable
    }
  }
  let errors: string[] = [];
  try {
    const parsed: unknown = JSON.parse(root.getAttribute(attr) ?? '[]');
    if (Array.isArray(parsed)) errors = parsed.map((m) => String(m).slice(0, 500));
  } catch {
    errors = [];
  }
  root.removeAttribute(attr);
  return { observing: root.hasAttribute('data-erh-errors-observer'), errors };
}
