/**
 * Reads the release version a service declares (service YAML `release:`), through the same
 * BrowserSession as the tests — so the same network, cookies and engine — with in-page probes that
 * work over any driver:
 * - `meta`: open the page (`path`, default the base URL) and read `<meta name="…" content="…">`;
 * - `header`: from a page of the service's origin, `fetch` the path and read the response header;
 * - `json`: `fetch` the endpoint and read the dotted field.
 * Called once per target by the compatibility gatherer, after its own listeners are removed, so that
 * reading the release never adds console or network entries to the evidence. A release that cannot be
 * read is recorded with version null and the reason; it never fails gathering.
 */
import type { ReleaseSource, Service } from '../core/config.ts';
import type { ReleaseEvidence } from '../core/evidence.ts';
import type { Redactor } from '../config/secrets.ts';
import type { BrowserSession } from '../session/types.ts';
import { absoluteUrl } from '../journey/actions.ts';

/** Longest release text kept (vendor-controlled). */
export const MAX_RELEASE_LENGTH = 100;

type ProbeResult = { ok: true; value: string | null } | { ok: false; error: string };

/** In-page: content of the first <meta name=…>. Self-contained. */
function metaProbe(arg: { name: string }): ProbeResult {
  for (const meta of Array.from(document.querySelectorAll('meta[name]'))) {
    if (meta.getAttribute('name')?.toLowerCase() === arg.name.toLowerCase())
      return { ok: true, value: meta.getAttribute('content') };
  }
  return { ok: true, value: null };
}

/** In-page: fetches a same-origin URL and reads a header or a dotted JSON field. Self-contained. */
async function fetchProbe(arg: { url: string; header?: string; field?: string }): Promise<ProbeResult> {
  try {
    const response = await fetch(arg.url, {
      cache: 'no-store',
      credentials: 'same-origin',
      headers: arg.field ? { accept: 'application/json' } : {},
    });
    if (!response.ok) return { ok: false, error: `${arg.url} answered HTTP ${response.status}` };
    if (arg.header) return { ok: true, value: response.headers.get(arg.header) };
    let value: unknown = await response.json();
    for (const part of (arg.field ?? '').split('.')) {
      value =
        value !== null && typeof value === 'object' && Object.hasOwn(value, part)
          ? (value as Record<string, unknown>)[part]
          : undefined;
    }
    return { ok: true, value: typeof value === 'string' || typeof value === 'number' ? String(value) : null };
  } catch (e) {
    return { ok: false, error: `could not fetch ${arg.url}: ${(e as Error).message}` };
  }
}

function kindOf(source: ReleaseSource): ReleaseEvidence['source'] {
  return 'meta' in source ? 'meta' : 'header' in source ? 'header' : 'json';
}

function describe(source: ReleaseSource): string {
  return 'meta' in source
    ? `meta tag "${source.meta}"`
    : 'header' in source
      ? `header "${source.header}"`
      : `field "${source.json.field}"`;
}

export async function readRelease(
  session: BrowserSession,
  service: Service,
  redactor: Redactor,
  navigationTimeoutMs: number,
): Promise<ReleaseEvidence | undefined> {
  const source = service.release;
  if (source === undefined) return undefined;
  const kind = kindOf(source);
  const path = 'json' in source ? source.json.path : source.path;
  const url = path === undefined ? service.baseUrl : absoluteUrl(service.baseUrl, path);
  const record = (version: string | null, error?: string): ReleaseEvidence => {
    const clean = version === null ? null : redactor.text(version.trim()).slice(0, MAX_RELEASE_LENGTH);
    const missing =
      clean === null || clean === ''
        ? `the service did not report its release (${describe(source)} at ${url})`
        : undefined;
    const reason = error ?? missing;
    return {
      version: clean === '' ? null : clean,
      source: kind,
      url: redactor.text(url),
      ...(reason !== undefined ? { error: redactor.text(reason) } : {}),
    };
  };
  try {
    let result: ProbeResult;
    if ('meta' in source) {
      const { status } = await session.goto(url, navigationTimeoutMs);
      if (status !== null && status >= 400) return record(null, `${url} answered HTTP ${status}`);
      result = await session.evaluate(metaProbe, { name: source.meta });
    } else {
      // fetch() needs a page of the service's own origin.
      const here = await session.url().catch(() => '');
      if (!here.startsWith(new URL(url).origin)) await session.goto(service.baseUrl, navigationTimeoutMs);
      result = await session.evaluate(
        fetchProbe,
        'header' in source ? { url, header: source.header } : { url, field: source.json.field },
      );
    }
    return result.ok ? record(result.value) : record(null, result.error);
  } catch (e) {
    return record(null, `could not read the release: ${(e as Error).message.split('\n')[0]}`);
  }
}
