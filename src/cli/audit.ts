/**
 * `erh audit <url…> | --sitemap <url> | --urls <file>`: the public pages of a site without a journey
 * (pa11y-ci's and Lighthouse CI's habit). The pages become open-access services made in memory — one
 * per site (scheme, host and port), one journey step per page — that run through the same pipeline,
 * checks and scorecard as `erh run`, with the accessibility and compatibility suites only.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { urlProblem } from '../core/config.ts';
import { ConfigError } from '../core/errors.ts';
import { LANGUAGES, type ServiceKind, type Suite } from '../core/ids.ts';
import { slugify } from './init.ts';

/** Stands for the file in messages and reports: the services of an audit are not read from one. */
export const AUDIT_SOURCE = 'erh audit';
/** The suites an audit runs: what a page shows to anyone, without logging in. */
export const AUDIT_SUITES = ['accessibility', 'compatibility'] as const satisfies readonly Suite[];
/** Pages audited when --max-pages is not given: a first look, not a crawl. */
export const DEFAULT_MAX_PAGES = 50;
/** Larger sitemaps are refused (the protocol's own limit is 50 MB uncompressed; a first look needs far less). */
const MAX_SITEMAP_BYTES = 10_000_000;
/** Sitemap files read from one sitemap index. */
const MAX_SITEMAPS = 20;

/** One page address as given: absolute http(s), no credentials, no fragment. */
export function pageUrl(text: string, source: string): string {
  const problem = urlProblem(text);
  // The address itself is not repeated: it may carry the credentials the problem is about.
  if (problem) throw new ConfigError(source, undefined, problem);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(source, undefined, `"${text}" is not an absolute URL (e.g. https://vendor.example/page)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(source, undefined, `${text}: expected an http:// or https:// address`);
  url.hash = '';
  return url.href;
}

/** The addresses of a --urls file: one per line; blank lines and lines starting with # are skipped. */
export function urlsFromText(text: string, file: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l, i) => pageUrl(l, `${file} (address ${i + 1})`));
}

/** The <loc> of a sitemap (<urlset>) or of a sitemap index (<sitemapindex>), per sitemaps.org. */
export function parseSitemap(xml: string, source: string): { pages: string[]; sitemaps: string[] } {
  const errors: string[] = [];
  let root: Element | null = null;
  try {
    root = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message.split('\n')[0] ?? message);
      },
    }).parseFromString(xml, 'text/xml').documentElement;
  } catch (e) {
    // xmldom throws on a fatal error (after reporting it).
    errors.push((e as Error).message.split('\n')[0] ?? 'malformed XML');
  }
  if (errors.length || !root)
    throw new ConfigError(source, undefined, `not a readable XML sitemap: ${errors[0] ?? 'no root element'}`);
  const locs = (parent: string): string[] =>
    Array.from(root.getElementsByTagNameNS('*', parent)).flatMap((el: Element) =>
      Array.from(el.getElementsByTagNameNS('*', 'loc')).map((loc) => (loc.textContent ?? '').trim()),
    );
  if (root.localName === 'urlset') return { pages: locs('url').filter(Boolean), sitemaps: [] };
  if (root.localName === 'sitemapindex') return { pages: [], sitemaps: locs('sitemap').filter(Boolean) };
  throw new ConfigError(source, undefined, `not a sitemap: the root element is <${root.localName}>, not <urlset>`);
}

async function fetchText(url: string, fetcher: typeof fetch): Promise<string> {
  let res: Response;
  try {
    res = await fetcher(url, { redirect: 'follow', signal: AbortSignal.timeout(20_000) });
  } catch (e) {
    throw new ConfigError('--sitemap', undefined, `${url} could not be fetched: ${(e as Error).message}`);
  }
  if (!res.ok) throw new ConfigError('--sitemap', undefined, `${url} answered HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_SITEMAP_BYTES)
    throw new ConfigError(
      '--sitemap',
      undefined,
      `${url} is ${declared} bytes; sitemaps are limited to ${MAX_SITEMAP_BYTES}`,
    );
  const text = await res.text();
  if (text.length > MAX_SITEMAP_BYTES)
    throw new ConfigError('--sitemap', undefined, `${url} is over ${MAX_SITEMAP_BYTES} characters`);
  return text;
}

/** The pages a sitemap lists; a sitemap index is followed one level (its sitemaps' pages, in order). */
export async function sitemapPages(url: string, fetcher: typeof fetch = fetch): Promise<string[]> {
  const first = parseSitemap(await fetchText(url, fetcher), url);
  const pages = [...first.pages];
  for (const nested of first.sitemaps.slice(0, MAX_SITEMAPS)) {
    const inner = parseSitemap(await fetchText(pageUrl(nested, url), fetcher), nested);
    pages.push(...inner.pages);
  }
  return pages.map((p, i) => pageUrl(p, `${url} (page ${i + 1})`));
}

/** A step id from a page's path: / → home, /kirjat/seitseman-veljesta → kirjat-seitseman-veljesta. */
function stepId(url: URL, taken: Set<string>): string {
  const base = slugify(`${url.pathname}${url.search ? ` ${url.search}` : ''}`) || 'home';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** A service id for a site: its host, and its port when the address names one. */
function siteId(url: URL, taken: Set<string>): string {
  const base = slugify(`${url.hostname}${url.port ? `-${url.port}` : ''}`) || 'site';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The services of an audit, as a service file would hold them (the loader checks them with the same
 * schema): one per site in the order its first page was given, one journey step per page, open access.
 */
export function auditServices(urls: readonly string[], options: { kind?: ServiceKind } = {}): unknown[] {
  const sites = new Map<string, URL[]>();
  const seen = new Set<string>();
  for (const u of urls) {
    const url = new URL(u);
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const list = sites.get(url.origin) ?? [];
    list.push(url);
    sites.set(url.origin, list);
  }
  const ids = new Set<string>();
  return [...sites.values()].map((pages) => {
    const first = pages[0] as URL;
    const steps = new Set<string>();
    return {
      id: siteId(first, ids),
      name: first.host,
      vendor: first.host,
      kind: options.kind ?? 'ebook',
      baseUrl: `${first.origin}/`,
      languages: [...LANGUAGES],
      login: { strategy: 'none' },
      suites: [...AUDIT_SUITES],
      journey: pages.map((p) => ({
        id: stepId(p, steps),
        name: `${p.pathname}${p.search}`,
        actions: [{ goto: p.href }],
      })),
      notes: `${AUDIT_SOURCE}: ${pages.length} public page(s) of ${first.origin}, each reached directly (no journey)`,
    };
  });
}
