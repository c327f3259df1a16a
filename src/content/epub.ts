/**
 * Reads an EPUB's package for the content checks: the package document's accessibility metadata
 * (schema.org, dcterms:conformsTo, a11y:certifiedBy), language, print source, the navigation document
 * (table of contents, page list, landmarks; the NCX of an EPUB 2) and, for every spine document, its
 * language, images without alt and page-break markers. The EPUB is vendor data: it is parsed as XML
 * (xmldom, no scripts, no external entities fetched), never rendered here.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { EpubA11yMetadata, EpubDocument, EpubPackage } from '../core/evidence.ts';

const OPF = 'http://www.idpf.org/2007/opf';
const DC = 'http://purl.org/dc/elements/1.1/';
const XHTML = 'http://www.w3.org/1999/xhtml';
const OPS = 'http://www.idpf.org/2007/ops';
const XML = 'http://www.w3.org/XML/1998/namespace';
const NCX = 'http://www.daisy.org/z3986/2005/ncx/';

/** The EPUB could not be read as one (not a zip, no container, no package document). */
export class EpubReadError extends Error {
  override readonly name = 'EpubReadError';
}

function parseXml(text: string, what: string): Document {
  let doc: Document;
  try {
    // Warnings and recoverable errors are ignored; a fatal error throws (xmldom's ParseError).
    doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(text, 'application/xml');
  } catch (e) {
    throw new EpubReadError(`${what} is not well-formed XML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!doc.documentElement) throw new EpubReadError(`${what} is empty`);
  return doc;
}

const elements = (root: Document | Element, ns: string, name: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(ns, name));

function allElements(root: Element): Element[] {
  return Array.from(root.getElementsByTagName('*'));
}

/** Resolves an href against the folder of `base` (paths inside the zip), without fragment or query. */
export function resolveHref(base: string, href: string): string {
  const clean = decodeURIComponent(href.split('#')[0]!.split('?')[0]!);
  const parts = base.split('/').slice(0, -1);
  for (const seg of clean.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

const text = (e: Element | undefined): string => (e?.textContent ?? '').trim();

function metaValues(metadata: Element, property: string): string[] {
  const out: string[] = [];
  for (const m of [...elements(metadata, OPF, 'meta'), ...elements(metadata, OPF, 'link')]) {
    const prop = m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('rel');
    if (prop === null || !prop.split(/\s+/).includes(property)) continue;
    const value = m.localName === 'link' ? m.getAttribute('href') : (m.getAttribute('content') ?? m.textContent);
    if (value !== null && value.trim() !== '') out.push(value.trim());
  }
  return out;
}

function a11yMetadata(metadata: Element): EpubA11yMetadata {
  const schema = (p: string) => metaValues(metadata, `schema:${p}`);
  return {
    accessMode: schema('accessMode'),
    accessModeSufficient: schema('accessModeSufficient'),
    accessibilityFeature: schema('accessibilityFeature'),
    accessibilityHazard: schema('accessibilityHazard'),
    accessibilitySummary: schema('accessibilitySummary'),
    conformsTo: [
      ...metaValues(metadata, 'dcterms:conformsTo'),
      ...elements(metadata, 'http://purl.org/dc/terms/', 'conformsTo').map((e) => text(e)),
    ].filter(Boolean),
    certifiedBy: metaValues(metadata, 'a11y:certifiedBy'),
  };
}

const typesOf = (e: Element): string[] =>
  [...(e.getAttributeNS(OPS, 'type') ?? '').split(/\s+/), ...(e.getAttribute('role') ?? '').split(/\s+/)].filter(
    Boolean,
  );

function langOf(e: Element): string | null {
  const v = e.getAttributeNS(XML, 'lang') || e.getAttribute('xml:lang') || e.getAttribute('lang');
  return v && v.trim() !== '' ? v.trim() : null;
}

function examineDocument(href: string, doc: Document): EpubDocument {
  const root = doc.documentElement!;
  const below = allElements(root);
  const images = below.filter(
    (e) =>
      (e.localName === 'img' && e.namespaceURI === XHTML) ||
      (e.localName === 'input' && e.getAttribute('type') === 'image'),
  );
  const noAlt = images.filter((e) => !e.hasAttribute('alt'));
  return {
    href,
    lang: langOf(root),
    partsWithLang: below.filter((e) => langOf(e) !== null).length,
    images: images.length,
    imagesWithoutAlt: noAlt.slice(0, 20).map((e) => e.getAttribute('src') ?? '(no src)'),
    imagesWithoutAltTotal: noAlt.length,
    pageBreaks: below.filter((e) => typesOf(e).some((t) => t === 'pagebreak' || t === 'doc-pagebreak')).length,
  };
}

/** Reads the package of an EPUB held in memory. Throws EpubReadError when it is not one. */
export async function readEpub(bytes: Uint8Array): Promise<EpubPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new EpubReadError(`not a zip archive (${(e as Error).message})`);
  }
  const read = async (path: string): Promise<string | undefined> => zip.file(path)?.async('string');
  const container = await read('META-INF/container.xml');
  if (container === undefined) throw new EpubReadError('no META-INF/container.xml');
  const rootfile = parseXml(container, 'META-INF/container.xml').getElementsByTagName('rootfile')[0];
  const opfPath = rootfile?.getAttribute('full-path');
  if (!opfPath) throw new EpubReadError('the container names no package document');
  const opfText = await read(opfPath);
  if (opfText === undefined) throw new EpubReadError(`the package document ${opfPath} is missing`);
  const opf = parseXml(opfText, opfPath);
  const pkg = opf.documentElement!;
  const metadata = elements(opf, OPF, 'metadata')[0];
  if (!metadata) throw new EpubReadError(`${opfPath} has no metadata`);
  const manifest = new Map<string, { href: string; type: string; properties: string[] }>();
  for (const item of elements(opf, OPF, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (id && href)
      manifest.set(id, {
        href: resolveHref(opfPath, href),
        type: item.getAttribute('media-type') ?? '',
        properties: (item.getAttribute('properties') ?? '').split(/\s+/),
      });
  }
  const spineEl = elements(opf, OPF, 'spine')[0];
  const spine = elements(opf, OPF, 'itemref').flatMap((r) => {
    const item = manifest.get(r.getAttribute('idref') ?? '');
    return item ? [item.href] : [];
  });
  const documents: EpubDocument[] = [];
  for (const href of spine.slice(0, 200)) {
    const content = await read(href);
    if (content === undefined) continue;
    const item = [...manifest.values()].find((i) => i.href === href);
    if (item && !/xhtml|html|svg/.test(item.type)) continue;
    try {
      documents.push(examineDocument(href, parseXml(content, href)));
    } catch (e) {
      if (!(e instanceof EpubReadError)) throw e;
      documents.push({
        href,
        lang: null,
        partsWithLang: 0,
        images: 0,
        imagesWithoutAlt: [],
        imagesWithoutAltTotal: 0,
        pageBreaks: 0,
      });
    }
  }
  const nav: EpubPackage['nav'] = {
    present: false,
    tocEntries: 0,
    pageListEntries: 0,
    landmarks: false,
    outOfSpineOrder: [],
  };
  const navItem = [...manifest.values()].find((i) => i.properties.includes('nav'));
  let tocHrefs: string[] = [];
  if (navItem) {
    const navText = await read(navItem.href);
    if (navText !== undefined) {
      const navDoc = parseXml(navText, navItem.href);
      nav.present = true;
      for (const n of elements(navDoc, XHTML, 'nav')) {
        const types = typesOf(n);
        const links = elements(n, XHTML, 'a');
        if (types.includes('toc') || types.includes('doc-toc')) {
          nav.tocEntries += links.length;
          tocHrefs = links.map((a) => resolveHref(navItem.href, a.getAttribute('href') ?? ''));
        }
        if (types.includes('page-list') || types.includes('doc-pagelist')) nav.pageListEntries += links.length;
        if (types.includes('landmarks')) nav.landmarks = links.length > 0;
      }
    }
  } else {
    const ncxItem =
      manifest.get(spineEl?.getAttribute('toc') ?? '') ??
      [...manifest.values()].find((i) => i.type === 'application/x-dtbncx+xml');
    const ncxText = ncxItem ? await read(ncxItem.href) : undefined;
    if (ncxItem && ncxText !== undefined) {
      const ncx = parseXml(ncxText, ncxItem.href);
      nav.present = true;
      const points = elements(ncx, NCX, 'navPoint');
      nav.tocEntries = points.length;
      tocHrefs = points.map((p) =>
        resolveHref(ncxItem.href, elements(p, NCX, 'content')[0]?.getAttribute('src') ?? ''),
      );
      nav.pageListEntries = elements(ncx, NCX, 'pageTarget').length;
    }
  }
  let last = -1;
  for (const href of tocHrefs) {
    const at = spine.indexOf(href);
    if (at === -1) continue;
    if (at < last && nav.outOfSpineOrder.length < 20) nav.outOfSpineOrder.push(href);
    last = Math.max(last, at);
  }
  const printSource =
    elements(metadata, DC, 'source')
      .map((e) => text(e))
      .find(Boolean) ??
    metaValues(metadata, 'pageBreakSource')[0] ??
    null;
  return {
    version: pkg.getAttribute('version') ?? '',
    title:
      elements(metadata, DC, 'title')
        .map((e) => text(e))
        .find(Boolean) ?? null,
    languages: elements(metadata, DC, 'language').map((e) => text(e)),
    metadata: a11yMetadata(metadata),
    printSource,
    nav,
    documents,
  };
}
