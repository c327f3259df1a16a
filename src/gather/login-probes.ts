/**
 * In-page probes and a local helper for the login suite. Probes are self-contained functions run in
 * the form's document (any driver); the third-party-cookie helper is a tiny loopback server with
 * two sites (127.0.0.1 and localhost) that asks the browser whether a cross-site frame keeps its
 * cookies — what an iframe login needs.
 */
import http from 'node:http';
import type { LoginFormProbe } from '../core/evidence.ts';
import type { BrowserSession } from '../session/types.ts';

/** Labels, autocomplete and paste of the card and PIN fields; CAPTCHA-like puzzles next to them. */
export function loginFormProbe(): LoginFormProbe {
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
  };
  const nameOf = (el: HTMLInputElement): string | null => {
    const aria = el.getAttribute('aria-label')?.trim();
    if (aria) return aria;
    const by = (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    if (by) return by;
    const labels = Array.from(el.labels ?? [])
      .map((l) => l.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    if (labels) return labels;
    const title = el.getAttribute('title')?.trim();
    return title || null;
  };
  const pasteAllowed = (el: HTMLInputElement): boolean => {
    let event: Event;
    try {
      event = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
    } catch {
      event = new Event('paste', { bubbles: true, cancelable: true });
    }
    return el.dispatchEvent(event);
  };
  const inputs = Array.from(document.querySelectorAll('input')).filter(
    (i) => visible(i) && !['hidden', 'submit', 'button', 'checkbox', 'radio'].includes(i.type),
  );
  const pin = inputs.find((i) => i.type === 'password');
  const card = pin ? inputs.slice(0, inputs.indexOf(pin)).reverse()[0] : inputs[0];
  const fields: LoginFormProbe['fields'] = [];
  for (const [field, el] of [
    ['card', card],
    ['pin', pin],
  ] as const) {
    if (!el) continue;
    const placeholder = el.getAttribute('placeholder')?.trim() || null;
    fields.push({
      field,
      label: nameOf(el),
      placeholder,
      autocomplete: el.getAttribute('autocomplete'),
      pasteAllowed: pasteAllowed(el),
    });
  }
  const puzzle = document.querySelector(
    '[class*="captcha" i], [id*="captcha" i], iframe[src*="captcha" i], [data-sitekey]',
  );
  return {
    fields,
    cognitiveTest: puzzle ? `${puzzle.tagName.toLowerCase()}${puzzle.id ? `#${puzzle.id}` : ''}` : null,
  };
}

const TOP = `<!doctype html><html lang="en"><title>pending</title><body><iframe id="f" title="probe"></iframe><script>
addEventListener('message', (e) => { document.title = String(e.data); });
document.getElementById('f').src = 'http://localhost:' + location.port + '/set';
</script></body></html>`;

/**
 * Whether this browser keeps cookies of a cross-site frame: the frame (localhost) sets a
 * SameSite=None cookie, reloads, and reports whether it came back. 'unknown' when the probe cannot run.
 */
export async function probeThirdPartyCookies(
  session: BrowserSession,
  timeoutMs = 15_000,
): Promise<'allowed' | 'blocked' | 'unknown'> {
  const server = http.createServer((req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (req.url === '/top') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(TOP);
    } else if (req.url === '/set') {
      res.setHeader('set-cookie', 'erh_3p=1; Path=/; SameSite=None; Secure');
      res.writeHead(302, { location: '/check' }).end();
    } else if (req.url === '/check') {
      const kept = /(?:^|;\s*)erh_3p=1/.test(req.headers.cookie ?? '');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        '<!doctype html><html lang="en"><title>c</title>' +
          `<script>parent.postMessage(${JSON.stringify(kept ? 'allowed' : 'blocked')}, '*')</script></html>`,
      );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const address = server.address();
    if (!address || typeof address !== 'object') return 'unknown';
    await session.goto(`http://127.0.0.1:${address.port}/top`, timeoutMs);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const title = await session.title();
      if (title === 'allowed' || title === 'blocked') return title;
      await new Promise((r) => setTimeout(r, 100));
    }
    return 'unknown';
  } catch {
    return 'unknown';
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
