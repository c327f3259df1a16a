/**
 * Lighthouse's HTML report as the scorecard links it: redacted and contained.
 *
 * - Redacted: every string of the result (URLs, node labels, snippets, warnings, object keys) goes
 *   through the run's Redactor before the report is generated. For a logged-in page the
 *   screenshots (filmstrip, final screenshot, full-page screenshot) are dropped: they photograph a
 *   page that may show the patron's card or PIN as text, and no text redaction reaches into an image.
 * - Contained: the report needs its own inline scripts, so it gets a Content-Security-Policy that
 *   allows exactly those scripts (by their SHA-256 hashes, no 'unsafe-inline', no eval) and nothing
 *   else that could reach the network: no fetch/XHR/WebSocket, no images or fonts but data: URLs, no
 *   frames, workers, forms or <base>. CSP cannot stop a click on a link or window.open, so a last
 *   inline script (hashed like the others) runs after the report has rendered and keeps watching: it
 *   turns every link that leaves the report into plain text (the address stays readable as its
 *   title) and removes the buttons that open other sites ("Open in Viewer", "Save as Gist", Treemap,
 *   unthrottled trace). A sandboxed frame was the alternative; it would need a second file per report
 *   and an allow-scripts frame whose document could still open links, so the CSP-with-hashes way
 *   keeps one self-contained file that is as safe to open directly as from the scorecard.
 */
import { createHash } from 'node:crypto';
import type { Redactor } from '../config/secrets.ts';

/** Audits whose details are screenshots of the page. */
const SCREENSHOT_AUDITS = ['screenshot-thumbnails', 'final-screenshot'];

/** Runs after the report has rendered: no link leaves the report, no button opens another site. */
const CONTAIN_SCRIPT = `(function () {
  var OUTBOUND = '[data-action="open-viewer"],[data-action="save-gist"],' +
    '[data-action="view-unthrottled-trace"],.lh-report-icon--treemap';
  function contain(root) {
    if (!root || !root.querySelectorAll) return;
    root.querySelectorAll(OUTBOUND).forEach(function (el) { el.remove(); });
    root.querySelectorAll('a[href], area[href]').forEach(function (a) {
      var href = a.getAttribute('href') || '';
      if (href.charAt(0) === '#') return;
      var span = document.createElement('span');
      span.className = a.className;
      span.title = href;
      span.textContent = a.textContent;
      a.replaceWith(span);
    });
  }
  contain(document);
  new MutationObserver(function (records) {
    records.forEach(function (r) { r.addedNodes.forEach(function (n) { contain(n.parentNode || n); }); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy for a report whose inline scripts are `scripts`. */
export function reportPolicy(scripts: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${[...new Set(scripts.map(sha256))].join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Adds the contain script and the CSP (hashes of every inline script) to a Lighthouse HTML report. */
export function containReport(html: string): string {
  const body = html.lastIndexOf('</body>');
  if (body === -1) throw new Error('Lighthouse report HTML has no </body>');
  const withScript = `${html.slice(0, body)}<script>${CONTAIN_SCRIPT}</script>\n${html.slice(body)}`;
  // The report's scripts are plain <script> elements (Lighthouse escapes '<' inside its JSON).
  const scripts = [...withScript.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  if (/<script\s[^>]*>/i.test(withScript))
    throw new Error('Lighthouse report HTML has a script element with attributes');
  const policy = reportPolicy(scripts).replaceAll('"', '&quot;');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const head = withScript.indexOf('<head>');
  if (head === -1) throw new Error('Lighthouse report HTML has no <head>');
  const at = head + '<head>'.length;
  return `${withScript.slice(0, at)}\n${meta}${withScript.slice(at)}`;
}

/** A Lighthouse result with every string redacted and, for a logged-in page, no screenshot. */
export function redactResult<T extends object>(lhr: T, redactor: Redactor, options: { dropScreenshots: boolean }): T {
  const clean = redactor.deep(lhr) as T & {
    audits?: Record<string, { details?: unknown }>;
    fullPageScreenshot?: unknown;
  };
  if (options.dropScreenshots) {
    for (const id of SCREENSHOT_AUDITS) {
      const audit = clean.audits?.[id];
      if (audit) delete audit.details;
    }
    delete clean.fullPageScreenshot;
  }
  return clean;
}
