/**
 * The content gatherer (issue 18; docs/content.md): what the service delivers and what it claims.
 * Publications reach it three ways, all declared under the service's `content:` — sample files (or
 * URLs), an OPDS feed's EPUB acquisition links, and the journey step whose page holds a download link
 * (walked with the journey's session, the link fetched with its cookies). Each EPUB is copied next to
 * the evidence and checked with EPUBCheck and Ace by DAISY (src/content), and its package read. The
 * accessibility statement is the declared one, else the link on the journey's first page named
 * saavutettavuusseloste / tillgänglighetsutlåtande / accessibility statement; it is read in the
 * browser as a patron sees it. The ACR (OpenACR YAML) is read when declared.
 *
 * Content is the same on every device: the matrix gathers it on one device per service
 * (src/matrix/targets.ts). A publication that cannot be fetched is recorded `unreachable` with why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ContentSource, HttpCredentials, ServiceContent } from '../core/config.ts';
import { serviceTimeouts } from '../core/config.ts';
import type {
  AcrEvidence,
  ContentEvidence,
  Evidence,
  Publication,
  StatementEvidence,
  StepEvidence,
} from '../core/evidence.ts';
import { aceVersion, runAce } from '../content/ace.ts';
import { EpubReadError, readEpub } from '../content/epub.ts';
import { epubcheckVersion, runEpubCheck } from '../content/epubcheck.ts';
import { AcrReadError, parseOpenAcr } from '../content/openacr.ts';
import { OpdsReadError, parseOpds } from '../content/opds.ts';
import { readStatement, STATEMENT_LINK_NAMES, type StatementSection } from '../content/statement.ts';
import { walkJourney } from '../journey/walk.ts';
import { fetchWithHttpAuth } from '../session/http-auth.ts';
import type { BrowserSession, SessionCookie } from '../session/types.ts';
import { NavigationError } from '../session/types.ts';
import { envelope, journeyContext, withSession, type GatherKit } from './kit.ts';

/** Largest publication fetched, bytes (a sample, not a library). */
const MAX_BYTES = 50 * 1024 * 1024;

type Fetched = { ok: true; bytes: Uint8Array; contentType: string } | { ok: false; error: string };

/** Fetches a publication or feed (answering the service's HTTP authentication, when it has `httpAuth`). */
async function fetchBytes(
  url: string,
  timeoutMs: number,
  credentials: HttpCredentials | undefined,
  cookies: readonly SessionCookie[] = [],
): Promise<Fetched> {
  const host = new URL(url).hostname;
  const jar = cookies.filter(
    (c) => host === c.domain.replace(/^\./, '') || host.endsWith(c.domain.startsWith('.') ? c.domain : `.${c.domain}`),
  );
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> =
      jar.length > 0 ? { cookie: jar.map((c) => `${c.name}=${c.value}`).join('; ') } : {};
    const res = await fetchWithHttpAuth(url, { signal, redirect: 'follow', headers }, credentials);
    if (!res.ok) return { ok: false, error: `HTTP ${res.status}` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength > MAX_BYTES) return { ok: false, error: `larger than ${MAX_BYTES / 1024 / 1024} MB` };
    return { ok: true, bytes, contentType: res.headers.get('content-type') ?? '' };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return {
      ok: false,
      error: err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause?.code ?? err.message),
    };
  }
}

function readSource(
  source: ContentSource,
  root: string,
  credentials: HttpCredentials | undefined,
): Promise<Fetched> | Fetched {
  if ('url' in source) return fetchBytes(source.url, 30_000, credentials);
  const file = isAbsolute(source.file) ? source.file : resolve(root, source.file);
  try {
    return { ok: true, bytes: readFileSync(file), contentType: '' };
  } catch (e) {
    return { ok: false, error: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

const sourceName = (s: ContentSource) => ('url' in s ? s.url : s.file);

/** In the page: the first link named like an accessibility statement. */
function findStatementLink(names: readonly string[]): { href: string; text: string } | null {
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const text = (a.getAttribute('aria-label') || (a as HTMLElement).innerText || a.getAttribute('title') || '')
      .replace(/\s+/g, ' ')
      .trim();
    if (names.some((n) => text.toLowerCase().includes(n))) return { href: (a as HTMLAnchorElement).href, text };
  }
  return null;
}

/** In the page: the href of the download link. */
function linkHref(selector: string): string | null {
  const a = document.querySelector(selector);
  return a instanceof HTMLAnchorElement && a.href ? a.href : null;
}

/** In the page: its visible text, language and the list items under each heading. */
function statementPage(): { text: string; lang: string | null; sections: Array<{ heading: string; items: string[] }> } {
  const sections: Array<{ heading: string; items: string[] }> = [];
  for (const el of Array.from(document.querySelectorAll('h1, h2, h3, h4, li'))) {
    const text = ((el as HTMLElement).innerText || '').replace(/\s+/g, ' ').trim();
    if (el.tagName === 'LI') sections.at(-1)?.items.push(text);
    else sections.push({ heading: text, items: [] });
  }
  return { text: document.body?.innerText ?? '', lang: document.documentElement.getAttribute('lang'), sections };
}

interface Pending {
  origin: Publication['origin'];
  source: string;
  title?: string;
  fetched: Fetched;
}

async function examine(kit: GatherKit, n: number, p: Pending, chromium: string): Promise<Publication> {
  const base = {
    origin: p.origin,
    source: kit.redactor.text(p.source),
    ...(p.title ? { title: p.title.slice(0, 300) } : {}),
  };
  if (!p.fetched.ok) return { ...base, status: 'unreachable', error: kit.redactor.text(p.fetched.error) };
  const copy = kit.artifacts.file(`content-${n}.epub`);
  writeFileSync(copy.absolute, p.fetched.bytes);
  const publication: Publication = {
    ...base,
    status: 'checked',
    file: copy.relative,
    bytes: p.fetched.bytes.byteLength,
  };
  try {
    publication.package = await readEpub(p.fetched.bytes);
  } catch (e) {
    if (!(e instanceof EpubReadError)) throw e;
    publication.package = {
      version: '',
      title: null,
      languages: [],
      printSource: null,
      documents: [],
      error: e.message,
      metadata: {
        accessMode: [],
        accessModeSufficient: [],
        accessibilityFeature: [],
        accessibilityHazard: [],
        accessibilitySummary: [],
        conformsTo: [],
        certifiedBy: [],
      },
      nav: { present: false, tocEntries: 0, pageListEntries: 0, landmarks: false, outOfSpineOrder: [] },
    };
    return publication;
  }
  kit.progress?.(`EPUBCheck and Ace on publication ${n}`);
  // EPUBCheck (a JVM) and Ace (Chromium) side by side: each mostly waits on its own process.
  const [epubcheck, ace] = await Promise.all([
    runEpubCheck(copy.absolute, kit.artifacts.file(`content-${n}.epubcheck.json`)),
    runAce(copy.absolute, kit.artifacts.file(`content-${n}.ace-report.json`), chromium),
  ]);
  publication.epubcheck = epubcheck;
  publication.ace = ace;
  return publication;
}

async function readAcr(kit: GatherKit, source: ContentSource, root: string): Promise<AcrEvidence> {
  const name = kit.redactor.text(sourceName(source));
  const fetched = await readSource(source, root, kit.httpCredentials);
  if (!fetched.ok) return { source: name, status: 'unreachable', error: kit.redactor.text(fetched.error), claims: [] };
  const copy = kit.artifacts.file('content-acr.yaml');
  writeFileSync(copy.absolute, fetched.bytes);
  try {
    const acr = parseOpenAcr(new TextDecoder().decode(fetched.bytes));
    return { source: name, status: 'parsed', file: copy.relative, ...acr, claims: acr.claims.slice(0, 1000) };
  } catch (e) {
    if (!(e instanceof AcrReadError)) throw e;
    return { source: name, status: 'invalid', error: e.message, file: copy.relative, claims: [] };
  }
}

async function readStatementPage(
  kit: GatherKit,
  session: BrowserSession,
  found: Pick<StatementEvidence, 'foundBy' | 'linkText'> & { url: string },
  timeoutMs: number,
): Promise<StatementEvidence> {
  const head = { ...found, url: kit.redactor.text(found.url), fetchedAt: new Date().toISOString() };
  let status: number | null;
  try {
    ({ status } = await session.goto(found.url, timeoutMs));
  } catch (e) {
    if (!(e instanceof NavigationError)) throw e;
    return { ...head, status: 'unreachable', error: kit.redactor.text(e.message.split('\n')[0] ?? '') };
  }
  if (status !== null && status >= 400)
    return { ...head, status: 'unreachable', httpStatus: status, error: `HTTP ${status}` };
  const page = await session.evaluate(statementPage, undefined);
  const text = kit.redactor.text(page.text).slice(0, 20_000);
  const file = kit.artifacts.file('content-statement.txt');
  writeFileSync(file.absolute, text);
  const sections: StatementSection[] = page.sections.map((s) => ({
    heading: kit.redactor.text(s.heading),
    items: s.items.map((i) => kit.redactor.text(i)),
  }));
  return {
    ...head,
    status: 'fetched',
    httpStatus: status,
    lang: page.lang,
    textLength: text.length,
    text: file.relative,
    ...readStatement(text, sections),
  };
}

export async function gatherContent(kit: GatherKit, attempt = 1): Promise<Evidence> {
  const started = new Date();
  const { service } = kit.target;
  const content: ServiceContent = service.content ?? { samples: [] };
  const root = kit.configRoot ?? process.cwd();
  const timeoutMs = serviceTimeouts(service).navigationMs;
  const [epubcheck, ace] = [await epubcheckVersion(), aceVersion()];
  let chromium = '/usr/bin/chromium';
  try {
    chromium = kit.chromePath?.() ?? chromium;
  } catch {
    // no Chromium for Lighthouse: Ace tries the default
  }
  return withSession(kit, async (session) => {
    const ctx = journeyContext(kit, session);
    let link: { href: string; text: string } | null = null;
    let download: { href: string | null; cookies: SessionCookie[] } | undefined;
    const first = service.journey[0]?.id;
    const walk = await walkJourney(ctx, {
      suite: 'content',
      onState: async (step) => {
        if (step.id === first && content.statement === undefined)
          link = await session.evaluate(findStatementLink, [...STATEMENT_LINK_NAMES]);
        if (content.download && step.id === content.download.step)
          download = {
            href: await session.evaluate(linkHref, content.download.link),
            cookies: (await session.cookies?.()) ?? [],
          };
      },
    });
    const steps: StepEvidence[] = walk.steps;
    if (walk.status !== 'complete') {
      return envelope(
        { target: kit.target, suite: 'content', startedAt: started, browserVersion: session.browserVersion, attempt },
        walk,
      );
    }
    const pending: Pending[] = [];
    for (const s of content.samples)
      pending.push({
        origin: 'sample',
        source: sourceName(s),
        fetched: await readSource(s, root, kit.httpCredentials),
      });
    let opds: ContentEvidence['opds'];
    if (content.opds) {
      const feed = await fetchBytes(content.opds.url, timeoutMs, kit.httpCredentials);
      const url = kit.redactor.text(content.opds.url);
      if (!feed.ok)
        opds = { url, version: null, error: kit.redactor.text(feed.error), entries: 0, entriesWithA11yMetadata: 0 };
      else {
        try {
          const parsed = parseOpds(new TextDecoder().decode(feed.bytes), feed.contentType, content.opds.url);
          opds = {
            url,
            version: parsed.version,
            entries: parsed.entries.length,
            entriesWithA11yMetadata: parsed.entries.filter((e) => e.hasA11yMetadata).length,
          };
          for (const e of parsed.entries.slice(0, content.opds.max))
            pending.push({
              origin: 'opds',
              source: e.href,
              ...(e.title ? { title: e.title } : {}),
              fetched: await fetchBytes(e.href, timeoutMs, kit.httpCredentials),
            });
        } catch (e) {
          if (!(e instanceof OpdsReadError)) throw e;
          opds = { url, version: null, error: e.message, entries: 0, entriesWithA11yMetadata: 0 };
        }
      }
    }
    if (content.download) {
      const where = `the download link ${content.download.link} at step ${content.download.step}`;
      const got = download as { href: string | null; cookies: SessionCookie[] } | undefined;
      if (!got)
        pending.push({
          origin: 'download',
          source: where,
          fetched: { ok: false, error: `the journey did not reach step ${content.download.step}` },
        });
      else if (got.href === null)
        pending.push({
          origin: 'download',
          source: where,
          fetched: { ok: false, error: `no link ${content.download.link} on the page` },
        });
      else
        pending.push({
          origin: 'download',
          source: got.href,
          fetched: await fetchBytes(got.href, timeoutMs, kit.httpCredentials, got.cookies),
        });
    }
    const publications: Publication[] = [];
    for (const [i, p] of pending.entries()) publications.push(await examine(kit, i + 1, p, chromium));
    const found = link as { href: string; text: string } | null;
    const statementAt =
      content.statement !== undefined ? new URL(content.statement, service.baseUrl).toString() : found?.href;
    const statement: StatementEvidence =
      statementAt === undefined
        ? { foundBy: 'none', status: 'absent', fetchedAt: new Date().toISOString() }
        : await readStatementPage(
            kit,
            session,
            content.statement !== undefined
              ? { foundBy: 'declared', url: statementAt }
              : { foundBy: 'link', url: statementAt, linkText: kit.redactor.text(found?.text ?? '').slice(0, 200) },
            timeoutMs,
          );
    const acr = content.acr ? await readAcr(kit, content.acr, root) : undefined;
    const payload: ContentEvidence = {
      tools: {
        ace: { version: ace, ...(ace === null ? { error: '@daisy/ace-core is not installed' } : {}) },
        epubcheck: {
          version: epubcheck.version,
          ...(epubcheck.error ? { error: kit.redactor.text(epubcheck.error) } : {}),
        },
      },
      declared: {
        samples: content.samples.length,
        opds: content.opds ? kit.redactor.text(content.opds.url) : null,
        download: content.download?.step ?? null,
        statement: content.statement ?? null,
        acr: content.acr !== undefined,
      },
      publications,
      ...(opds ? { opds } : {}),
      statement,
      ...(acr ? { acr } : {}),
    };
    return envelope(
      { target: kit.target, suite: 'content', startedAt: started, browserVersion: session.browserVersion, attempt },
      { status: 'complete', steps },
      { content: payload },
    );
  });
}
