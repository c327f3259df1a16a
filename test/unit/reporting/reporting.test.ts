/**
 * The impure end of reporting: run directories on disk. finalizeRun reads earlier runs in the same
 * reports folder for the trend; compareRunDirs writes compare.json and the comparison pages;
 * writeScorecardPdfs prints the scorecards with Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompareResultSchema, evidenceFileName, LANGUAGES, RunResultSchema } from '../../../src/core/index.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { compareRunDirs } from '../../../src/reporting/compare.ts';
import { finalizeRun } from '../../../src/reporting/finalize.ts';
import { readEarlierRuns } from '../../../src/reporting/history.ts';
import { launchPdfBrowser, printPdf, writeScorecardPdfs } from '../../../src/reporting/pdf.ts';
import { sampleRun, type Sample } from '../../support/sample-run.ts';

/** A run directory as `erh run` leaves it: run.json, config.json and evidence/. */
function writeRunDir(reports: string, runId: string, startedAt: string, sample: Sample): string {
  const dir = join(reports, runId);
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  writeFileSync(join(dir, 'run.json'), JSON.stringify({ runId, startedAt, harnessVersion: '0.1.0', fingerprint: sample.result.fingerprint, configRoot: '/demo' }));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ services: sample.services, devices: sample.devices, profile: sample.profile }));
  for (const e of sample.evidence) writeFileSync(join(dir, 'evidence', evidenceFileName(e.service, e.device, e.suite)), JSON.stringify(e));
  return dir;
}

describe('finalizeRun with earlier runs in the same reports folder', () => {
  it('shows the trend over earlier runs and leaves out unreadable ones, naming them', () => {
    const reports = mkdtempSync(join(tmpdir(), 'erh-history-'));
    const older = writeRunDir(reports, '20261101-100000Z-aaaa', '2026-11-01T10:00:00.000Z', sampleRun({ services: 2, devices: 1, seed: 3 }));
    finalizeRun(older);
    mkdirSync(join(reports, '20261110-100000Z-bad'));
    writeFileSync(join(reports, '20261110-100000Z-bad', 'results.json'), '{"schemaVersion": 1}');
    symlinkSync('20261101-100000Z-aaaa', join(reports, 'latest'));
    const current = writeRunDir(reports, '20261125-100000Z-cccc', '2026-11-25T10:00:00.000Z', sampleRun({ services: 2, devices: 1, seed: 5 }));
    // A later run must not appear in an earlier run's trend.
    const later = writeRunDir(reports, '20261130-100000Z-dddd', '2026-11-30T10:00:00.000Z', sampleRun({ services: 2, devices: 1, seed: 8 }));
    finalizeRun(later);

    const out = finalizeRun(current);
    expect(out.historyProblems).toEqual([expect.stringMatching(/^20261110-100000Z-bad\/results\.json: /)]);
    const page = readFileSync(out.files.scorecards.en, 'utf8');
    expect((page.match(/<svg [^>]*class="spark"/g) ?? []).length).toBe(2);
    expect(page).toContain('<code>20261101-100000Z-aaaa</code>');
    expect(page).not.toContain('20261130-100000Z-dddd');
    expect(readEarlierRuns(current).runs.map((r) => r.runId)).toEqual(['20261101-100000Z-aaaa', '20261130-100000Z-dddd']);
    for (const lang of LANGUAGES) expect(existsSync(join(current, `scorecard.${lang}.html`))).toBe(true);
  });
});

describe('compareRunDirs', () => {
  it('writes compare.json and compare.html in three languages, and names the release change', () => {
    const reports = mkdtempSync(join(tmpdir(), 'erh-compare-'));
    const a = writeRunDir(reports, 'a', '2026-11-01T10:00:00.000Z', sampleRun({ services: 2, devices: 1, seed: 3 }));
    const b = writeRunDir(reports, 'b', '2026-11-02T10:00:00.000Z', sampleRun({ services: 2, devices: 1, seed: 21 }));
    finalizeRun(a);
    finalizeRun(b);
    const results = RunResultSchema.parse(JSON.parse(readFileSync(join(b, 'results.json'), 'utf8')));
    results.services[0]!.release = '9.9.9';
    writeFileSync(join(b, 'results.json'), JSON.stringify(results));

    const out = compareRunDirs(a, b);
    expect(CompareResultSchema.parse(JSON.parse(readFileSync(out.files.json, 'utf8')))).toEqual(out.result);
    expect(out.result.services[0]).toMatchObject({ releaseChanged: true, newRelease: '9.9.9' });
    expect([out.result.old.runId, out.result.new.runId]).toEqual(['a', 'b']);
    for (const lang of LANGUAGES) expect(readFileSync(out.files.pages[lang], 'utf8')).toContain(`<html lang="${lang}">`);
    expect(readFileSync(out.files.html, 'utf8')).toBe(readFileSync(out.files.pages.fi, 'utf8'));
    expect(out.files.json).toBe(join(b, 'compare.json'));
  });

  it('refuses a directory that is not a scored run, as a usage error', () => {
    const empty = mkdtempSync(join(tmpdir(), 'erh-compare-empty-'));
    expect(() => compareRunDirs(empty, empty)).toThrow(ConfigError);
    expect(() => compareRunDirs(empty, empty)).toThrow(/not a run directory/);
  });
});

describe('compareRunDirs with nothing comparable', () => {
  it('is a usage error (exit 2) saying why, and writes nothing', () => {
    const reports = mkdtempSync(join(tmpdir(), 'erh-compare-none-'));
    const a = writeRunDir(reports, 'a', '2026-11-01T10:00:00.000Z', sampleRun({ services: 1, devices: 1, seed: 3 }));
    const b = writeRunDir(reports, 'b', '2026-11-02T10:00:00.000Z', sampleRun({ services: 1, devices: 1, seed: 21 }));
    finalizeRun(a);
    finalizeRun(b);
    const results = RunResultSchema.parse(JSON.parse(readFileSync(join(b, 'results.json'), 'utf8')));
    const renamed = JSON.parse(JSON.stringify(results).replaceAll(`"${results.services[0]!.id}"`, '"someone-else"'));
    writeFileSync(join(b, 'results.json'), JSON.stringify(renamed));
    expect(() => compareRunDirs(a, b)).toThrow(ConfigError);
    expect(() => compareRunDirs(a, b)).toThrow(/nothing to compare with .*: no service is in both runs/);
    expect(existsSync(join(b, 'compare.json'))).toBe(false);
  });
});

describe('writeScorecardPdfs', () => {
  const pageCount = (file: string) => (readFileSync(file).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

  it('prints the scorecards to A4 PDFs, drill-downs included', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'erh-pdf-'));
    const dir = writeRunDir(reports, 'r', '2026-11-25T10:00:00.000Z', sampleRun({ services: 3, devices: 2 }));
    finalizeRun(dir);
    const files = await writeScorecardPdfs(dir, ['fi', 'en']);
    expect(Object.keys(files).sort()).toEqual(['en', 'fi']);
    for (const file of Object.values(files)) {
      const pdf = readFileSync(file);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pageCount(file)).toBeGreaterThan(3);
      // A4: 595 × 842 points.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 595(\.\d+)? 84[12]/);
    }
    // The same page without the drill-downs' contents prints on fewer pages: the PDF holds them.
    const html = readFileSync(join(dir, 'scorecard.fi.html'), 'utf8');
    const stripped = join(dir, 'stripped.html');
    writeFileSync(stripped, html.replace(/<details>[\s\S]*?<\/details>/g, ''));
    const browser = await launchPdfBrowser();
    try {
      await printPdf(browser, stripped, join(dir, 'stripped.pdf'));
    } finally {
      await browser.close();
    }
    expect(pageCount(files.fi)).toBeGreaterThan(pageCount(join(dir, 'stripped.pdf')));
  }, 120_000);
});
