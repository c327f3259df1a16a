/** Content-suite evidence for the check tests (issue 18): a clean publication and statement, and ways to spoil them. */
import type { ContentEvidence, EpubPackage, EvidenceOf, Publication, StatementEvidence } from '../../../src/core/index.ts';
import { EvidenceSchema } from '../../../src/core/index.ts';

export function goodPackage(extra: Partial<EpubPackage> = {}): EpubPackage {
  return {
    version: '3.0',
    title: 'Hyvä kirja',
    languages: ['fi'],
    metadata: {
      accessMode: ['textual', 'visual'],
      accessModeSufficient: ['textual'],
      accessibilityFeature: ['alternativeText', 'tableOfContents', 'printPageNumbers'],
      accessibilityHazard: ['none'],
      accessibilitySummary: ['Kuvilla on tekstivastineet.'],
      conformsTo: ['EPUB Accessibility 1.1 - WCAG 2.1 Level AA'],
      certifiedBy: ['Kustantamo'],
    },
    printSource: 'urn:isbn:9789510000000',
    nav: { present: true, tocEntries: 3, pageListEntries: 10, landmarks: true, outOfSpineOrder: [] },
    documents: [{ href: 'EPUB/c1.xhtml', lang: 'fi', partsWithLang: 1, images: 2, imagesWithoutAlt: [], imagesWithoutAltTotal: 0, pageBreaks: 3 }],
    ...extra,
  };
}

export function publication(extra: Partial<Publication> = {}): Publication {
  return {
    origin: 'opds',
    source: 'http://127.0.0.1:1/publications/a.epub',
    status: 'checked',
    file: 'evidence/x/content-1.epub',
    epubcheck: { ran: true, fatal: 0, errors: 0, warnings: 0, messages: [], report: 'evidence/x/content-1.epubcheck.json' },
    ace: { ran: true, outcome: 'pass', violations: [], metadataMissing: [], report: 'evidence/x/content-1.ace-report.json' },
    package: goodPackage(),
    ...extra,
  };
}

export const FETCHED_AT = '2026-11-25T10:00:00.000Z';

export function statement(extra: Partial<StatementEvidence> = {}): StatementEvidence {
  const found = (quote: string, date?: string) => ({ found: true, quote, ...(date ? { date } : {}) });
  return {
    foundBy: 'link',
    linkText: 'Saavutettavuusseloste',
    url: 'http://127.0.0.1:1/accessibility',
    status: 'fetched',
    fetchedAt: FETCHED_AT,
    parts: {
      conformance: found('Palvelu täyttää osittain saavutettavuusvaatimukset.'),
      'non-accessible': found('Ei-saavutettava sisältö'),
      prepared: found('Seloste on laadittu 1.3.2026.', '2026-03-01'),
      reviewed: found('Seloste on päivitetty 1.10.2026.', '2026-10-01'),
      feedback: found('Palaute: saavutettavuus@example.fi'),
      enforcement: found('Etelä-Suomen aluehallintovirasto'),
    },
    conformance: 'partial',
    nonAccessible: ['Vanhat näköispainokset'],
    ...extra,
  };
}

export function contentEvidence(data: Partial<ContentEvidence> = {}): EvidenceOf<'content'> {
  const content: ContentEvidence = {
    tools: { ace: { version: '1.4.6' }, epubcheck: { version: '4.2.6' } },
    declared: { samples: 0, opds: 'http://127.0.0.1:1/opds.xml', download: null, statement: null, acr: false },
    publications: [publication()],
    statement: statement(),
    ...data,
  };
  return EvidenceSchema.parse({
    evidenceVersion: 1,
    service: 'kirjava',
    device: 'desktop-chromium',
    suite: 'content',
    status: 'complete',
    startedAt: FETCHED_AT,
    finishedAt: FETCHED_AT,
    browser: { engine: 'chromium', version: '131.0' },
    steps: [],
    attempt: 1,
    content,
  }) as EvidenceOf<'content'>;
}
