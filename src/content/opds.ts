/**
 * Reads an OPDS catalogue feed: OPDS 1.2 (Atom XML) or OPDS 2.0 (JSON). What the content suite needs:
 * the publications with an EPUB acquisition link (resolved against the feed's URL), their titles, and
 * whether each entry carries accessibility metadata of its own (schema.org elements in Atom; Readium's
 * `metadata.accessibility` or schema.org keys in OPDS 2.0).
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

const ATOM = 'http://www.w3.org/2005/Atom';
const EPUB_TYPE = 'application/epub+zip';
const ACQUISITION = /^http:\/\/opds-spec\.org\/acquisition(\/.*)?$/;

export interface OpdsEntry {
  title: string | null;
  href: string;
  hasA11yMetadata: boolean;
}

export interface OpdsFeed {
  version: '1.2' | '2.0';
  entries: OpdsEntry[];
}

export class OpdsReadError extends Error {
  override readonly name = 'OpdsReadError';
}

function resolve(href: string, base: string): string {
  return new URL(href, base).toString();
}

function atom(text: string, base: string): OpdsFeed {
  let doc;
  try {
    doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(text, 'application/xml');
  } catch (e) {
    throw new OpdsReadError(`the feed is not well-formed XML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc.documentElement?.localName !== 'feed') throw new OpdsReadError('the document is not an Atom feed');
  const entries: OpdsEntry[] = [];
  for (const entry of Array.from(doc.getElementsByTagNameNS(ATOM, 'entry'))) {
    const links = Array.from(entry.getElementsByTagNameNS(ATOM, 'link'));
    const epub = links.find(
      (l) => ACQUISITION.test(l.getAttribute('rel') ?? '') && (l.getAttribute('type') ?? '') === EPUB_TYPE,
    );
    const href = epub?.getAttribute('href');
    if (!href) continue;
    const below = Array.from(entry.getElementsByTagName('*')) as Element[];
    entries.push({
      title: entry.getElementsByTagNameNS(ATOM, 'title')[0]?.textContent?.trim() || null,
      href: resolve(href, base),
      hasA11yMetadata: below.some(
        (e) => /^https?:\/\/schema\.org\/?$/.test(e.namespaceURI ?? '') && /^access/.test(e.localName ?? ''),
      ),
    });
  }
  return { version: '1.2', entries };
}

interface Opds2Link {
  href?: string;
  rel?: string | string[];
  type?: string;
}
interface Opds2Publication {
  metadata?: { title?: unknown; accessibility?: unknown; [k: string]: unknown };
  links?: Opds2Link[];
}

function opds2(json: unknown, base: string): OpdsFeed {
  const feed = json as { publications?: Opds2Publication[]; groups?: Array<{ publications?: Opds2Publication[] }> };
  if (typeof feed !== 'object' || feed === null) throw new OpdsReadError('the feed is not a JSON object');
  const pubs = [...(feed.publications ?? []), ...(feed.groups ?? []).flatMap((g) => g.publications ?? [])];
  const entries: OpdsEntry[] = [];
  for (const p of pubs) {
    const epub = (p.links ?? []).find((l) => {
      const rels = Array.isArray(l.rel) ? l.rel : [l.rel ?? ''];
      return rels.some((r) => ACQUISITION.test(r)) && l.type === EPUB_TYPE && typeof l.href === 'string';
    });
    if (!epub?.href) continue;
    const m = p.metadata ?? {};
    entries.push({
      title: typeof m.title === 'string' ? m.title : null,
      href: resolve(epub.href, base),
      hasA11yMetadata: m.accessibility !== undefined || Object.keys(m).some((k) => /^(schema:)?access/.test(k)),
    });
  }
  return { version: '2.0', entries };
}

/** Parses a feed by its content type (or, failing that, by its first character). */
export function parseOpds(text: string, contentType: string, base: string): OpdsFeed {
  const json = /json/.test(contentType) || /^\s*[{[]/.test(text);
  if (!json) return atom(text, base);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new OpdsReadError(`the feed is not valid JSON: ${(e as Error).message}`);
  }
  return opds2(parsed, base);
}
