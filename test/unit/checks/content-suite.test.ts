/**
 * The content suite's checks (issue 18; src/checks/content/): each passes on a clean publication and
 * statement, fails on its seeded defect, and is unscored (with why) where it cannot decide; and the
 * ACR comparison ("claimed supports, found failing").
 */
import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../../src/checks/content/index.ts';
import type { AcrClaim } from '../../../src/core/index.ts';
import { check } from './helpers.ts';
import { contentEvidence, goodPackage, publication, statement } from './content-fixtures.ts';

const CLEAN = contentEvidence();

describe('content checks on a clean publication and statement', () => {
  it('pass (and the ACR check is not applicable without an ACR)', () => {
    for (const id of ['content/publications-reachable', 'content/epub-valid', 'content/a11y-metadata', 'content/metadata-consistent', 'content/navigation', 'content/language', 'content/image-alternatives', 'content/ace-wcag', 'content/conformance-claim', 'content/statement-present', 'content/statement-complete', 'content/statement-current'])
      expect(check(CLEAN, id).status, id).toBe('pass');
    expect(check(CLEAN, 'content/acr-readable').status).toBe('not-applicable');
  });
});

describe('seeded defects', () => {
  it('an unreachable publication fails publications-reachable; the others judge what was examined', () => {
    const e = contentEvidence({ publications: [publication(), { origin: 'download', source: 'x', status: 'unreachable', error: 'HTTP 404' }] });
    const r = check(e, 'content/publications-reachable');
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.message).toContain('HTTP 404');
    expect(check(e, 'content/epub-valid').status).toBe('pass');
  });
  it('EPUBCheck errors fail epub-valid; EPUBCheck missing is inconclusive', () => {
    const bad = publication({ epubcheck: { ran: true, fatal: 0, errors: 1, warnings: 0, messages: [{ severity: 'ERROR', id: 'RSC-005', message: 'bad', location: 'EPUB/c1.xhtml:3' }] } });
    const r = check(contentEvidence({ publications: [bad] }), 'content/epub-valid');
    expect(r).toMatchObject({ status: 'fail', impact: 'serious' });
    expect(r.findings[0]?.message).toContain('RSC-005');
    expect(check(contentEvidence({ tools: { ace: { version: '1.4.6' }, epubcheck: { version: null, error: 'not installed' } } }), 'content/epub-valid').status).toBe('inconclusive');
  });
  it('no accessibility metadata fails a11y-metadata; metadata-consistent is then not applicable', () => {
    const none = { accessMode: [], accessModeSufficient: [], accessibilityFeature: [], accessibilityHazard: [], accessibilitySummary: [], conformsTo: [], certifiedBy: [] };
    const e = contentEvidence({ publications: [publication({ package: goodPackage({ metadata: none }) })] });
    expect(check(e, 'content/a11y-metadata').status).toBe('fail');
    expect(check(e, 'content/metadata-consistent').status).toBe('not-applicable');
    expect(check(e, 'content/conformance-claim').status).toBe('not-applicable');
  });
  it('alternativeText claimed with images lacking alt fails metadata-consistent and image-alternatives', () => {
    const docs = [{ href: 'EPUB/c1.xhtml', lang: null, partsWithLang: 0, images: 2, imagesWithoutAlt: ['a.png', 'b.png'], imagesWithoutAltTotal: 2, pageBreaks: 3 }];
    const e = contentEvidence({ publications: [publication({ package: goodPackage({ documents: docs }) })] });
    expect(check(e, 'content/metadata-consistent').findings.map((f) => f.message).join(' ')).toContain('alternativeText');
    expect(check(e, 'content/image-alternatives')).toMatchObject({ status: 'fail', impact: 'critical' });
    expect(check(e, 'content/language').status).toBe('fail');
  });
  it('a print equivalent without a page list, and a table of contents out of order, fail navigation', () => {
    const pkg = goodPackage({ nav: { present: true, tocEntries: 3, pageListEntries: 0, landmarks: false, outOfSpineOrder: ['EPUB/c1.xhtml'] } });
    const r = check(contentEvidence({ publications: [publication({ package: pkg })] }), 'content/navigation');
    expect(r.status).toBe('fail');
    expect(r.findings.map((f) => f.message).join(' ')).toMatch(/page list.*out of reading order/s);
  });
  it("Ace's serious WCAG violation fails ace-wcag and contradicts the publication's conformance claim", () => {
    const ace = { ran: true, outcome: 'fail', metadataMissing: [], violations: [{ rule: 'image-alt', impact: 'critical' as const, count: 2, criteria: ['1.1.1'], description: 'Images must have alternate text', documents: ['EPUB/c1.xhtml'], tags: ['wcag2a', 'wcag111'] }] };
    const e = contentEvidence({ publications: [publication({ ace })] });
    expect(check(e, 'content/ace-wcag').status).toBe('fail');
    expect(check(e, 'content/conformance-claim').findings[0]?.message).toContain('claims "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"');
    const notRun = contentEvidence({ publications: [publication({ ace: { ran: false, error: 'Ace failed', violations: [], metadataMissing: [] } })] });
    expect(check(notRun, 'content/ace-wcag').status).toBe('inconclusive');
  });
  it('a missing statement fails statement-present; completeness and age are then not applicable', () => {
    const e = contentEvidence({ statement: { foundBy: 'none', status: 'absent', fetchedAt: '2026-11-25T10:00:00.000Z' } });
    expect(check(e, 'content/statement-present').status).toBe('fail');
    expect(check(e, 'content/statement-complete').status).toBe('not-applicable');
    expect(check(e, 'content/statement-current').status).toBe('not-applicable');
  });
  it('a statement without feedback and enforcement, dated two years ago, fails complete and current', () => {
    const s = statement();
    const parts = { ...s.parts!, feedback: { found: false }, enforcement: { found: false }, reviewed: { found: false }, prepared: { found: true, date: '2024-11-01' } };
    const e = contentEvidence({ statement: { ...s, parts } });
    const c = check(e, 'content/statement-complete');
    expect(c.status).toBe('fail');
    expect(c.findings.map((f) => f.message).join(' ')).toMatch(/feedback.*enforcement/s);
    expect(check(e, 'content/statement-current')).toMatchObject({ status: 'fail', value: 754, unit: 'days' });
  });
  it('an unreadable ACR fails acr-readable', () => {
    const e = contentEvidence({ acr: { source: 'acr.yaml', status: 'invalid', error: 'not an OpenACR document', claims: [] } });
    expect(check(e, 'content/acr-readable').status).toBe('fail');
  });
  it('no publication declared: the publication checks are not applicable, never passed', () => {
    const e = contentEvidence({ publications: [], declared: { samples: 0, opds: null, download: null, statement: null, acr: false } });
    for (const id of ['content/publications-reachable', 'content/epub-valid', 'content/a11y-metadata', 'content/ace-wcag'])
      expect(check(e, id).status, id).toBe('not-applicable');
  });
});

describe('ACR claims against findings', () => {
  const claim = (criterion: string, level: AcrClaim['level'], component = 'web'): AcrClaim => ({ criterion, component, level });
  const ev = (check: string, status: 'pass' | 'fail' | 'not-applicable', device = 'desktop-chromium') => ({ check, title: check, device, status, findings: status === 'fail' ? 1 : 0 });
  const bySc = new Map([
    ['3.1.1', [ev('accessibility/axe/html-has-lang', 'fail'), ev('content/language', 'pass')]],
    ['1.2.1', [ev('accessibility/transcripts', 'pass')]],
    ['1.4.3', [ev('accessibility/axe/color-contrast', 'fail')]],
    ['1.1.1', [ev('accessibility/axe/image-alt', 'pass'), ev('content/image-alternatives', 'fail')]],
  ]);
  it('"claimed supports, found failing" and "claimed not applicable, found applicable" are contradictions, shown first', () => {
    const rows = compareClaims([claim('1.4.3', 'partially-supports'), claim('2.4.7', 'supports'), claim('3.1.1', 'supports'), claim('1.2.1', 'not-applicable')], bySc);
    expect(rows.map((r) => [r.claim.criterion, r.verdict, r.kind])).toEqual([
      ['1.2.1', 'contradicted', 'not-applicable-but-applicable'],
      ['3.1.1', 'contradicted', 'supports-but-failing'],
      ['1.4.3', 'consistent', undefined],
      ['2.4.7', 'not-testable', undefined],
    ]);
    expect(rows[1]?.evidence.map((e) => e.check)).toEqual(['accessibility/axe/html-has-lang']);
  });
  it('electronic-docs claims meet the content checks, web claims the pages', () => {
    const rows = compareClaims([claim('1.1.1', 'supports'), claim('1.1.1', 'supports', 'electronic-docs')], bySc);
    expect(rows.find((r) => r.claim.component === 'web')?.verdict).toBe('consistent');
    expect(rows.find((r) => r.claim.component === 'electronic-docs')).toMatchObject({ verdict: 'contradicted', kind: 'supports-but-failing' });
  });
});
