/**
 * The scorecard passes our own accessibility suite: a realistic RunResult (the pipeline's own
 * evaluateRun over evidence shaped like real runs, with gates, budgets, score ranges, releases and a
 * trend) is rendered in Finnish, Swedish and English, opened in headless Chromium, and axe-core is
 * run through a BrowserSession exactly as the accessibility gatherer runs it on vendors (same tags).
 * Each page is checked as it loads and again with every findings drill-down opened, on a desktop
 * viewport (and the Finnish pages also on a phone-sized one). The comparison page is checked the
 * same way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSchema, LANGUAGES, type Device, type Language } from '../../../src/core/index.ts';
import { AXE_TAGS, runAxe } from '../../../src/gather/axe.ts';
import { renderCompareHtml, renderScorecardHtml } from '../../../src/render/index.ts';
import { compareRuns } from '../../../src/scorecard/index.ts';
import { launchBrowser, PlaywrightSession } from '../../../src/session/playwright.ts';
import { sampleRun } from '../../support/sample-run.ts';

const DEVICES: Device[] = [
  DeviceSchema.parse({ id: 'desktop-chromium', name: 'Desktop', engine: 'chromium', formFactor: 'desktop', viewport: { width: 1366, height: 900 } }),
  DeviceSchema.parse({ id: 'phone-chromium', name: 'Phone', engine: 'chromium', formFactor: 'mobile', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }),
];

const dir = mkdtempSync(join(tmpdir(), 'erh-scorecard-axe-'));
const sample = sampleRun({ services: 3, devices: 3, historyRuns: 4 });
const changed = sampleRun({ services: 3, devices: 3, seed: 11 });
const comparison = compareRuns({ old: sample.result, new: { ...changed.result, services: changed.result.services.map((s, i) => (i === 0 ? { ...s, release: '5.0.0' } : s)) } });
const pages: Array<{ name: string; file: string }> = [];
for (const lang of LANGUAGES) {
  const file = join(dir, `scorecard.${lang}.html`);
  writeFileSync(file, renderScorecardHtml(sample.result, { lang, history: sample.history }));
  pages.push({ name: `scorecard ${lang}`, file });
  const cmp = join(dir, `compare.${lang}.html`);
  writeFileSync(cmp, renderCompareHtml(comparison, { lang, harnessVersion: '0.1.0' }));
  pages.push({ name: `compare ${lang}`, file: cmp });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(DEVICES[0] as Device);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

function summary(violations: Awaited<ReturnType<typeof runAxe>>['violations']): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

describe('the scorecard passes the accessibility suite (axe-core, tags ' + AXE_TAGS.join(', ') + ')', () => {
  it('renders something substantial to test: findings, drill-downs, charts, trend, gates and budgets', () => {
    const fi = renderScorecardHtml(sample.result, { lang: 'fi' as Language, history: sample.history });
    expect((fi.match(/<details>/g) ?? []).length).toBeGreaterThan(10);
    expect((fi.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(2 + sample.result.services.length);
    expect(fi).toContain('class="gates"');
    expect(comparison.services.some((s) => s.changes.length > 0)).toBe(true);
  });

  it('would notice a violation (the check is live): the comparison without its lang attribute fails html-has-lang', async () => {
    const broken = join(dir, 'broken.html');
    writeFileSync(broken, renderCompareHtml(comparison, { lang: 'fi', harnessVersion: '0.1.0' }).replace('<html lang="fi">', '<html>'));
    const session = await PlaywrightSession.open(browser, DEVICES[0] as Device);
    try {
      await session.goto(pathToFileURL(broken).href, 30_000);
      const result = await runAxe(session, 'broken', broken);
      expect(result.violations.map((v) => v.id)).toContain('html-has-lang');
    } finally {
      await session.close();
    }
  }, 60_000);

  // Every page on the desktop; on the phone-sized viewport the scorecard and comparison in Finnish.
  const checks = [...pages.map((page) => ({ page, device: DEVICES[0] as Device })), ...pages.filter((p) => p.name.endsWith(' fi')).map((page) => ({ page, device: DEVICES[1] as Device }))];
  for (const { page, device } of checks) {
    {
      it(`${page.name} on ${device.id}: zero violations, drill-downs closed and open`, async () => {
        const session = await PlaywrightSession.open(browser, device);
        try {
          await session.goto(pathToFileURL(page.file).href, 30_000);
          const closed = await runAxe(session, 'closed', page.file);
          expect(summary(closed.violations), `${page.name}, ${device.id}`).toBe('');
          expect(closed.passes.length).toBeGreaterThan(10);
          const opened = await session.evaluate(() => {
            const all = Array.from(document.querySelectorAll('details'));
            all.forEach((d) => d.setAttribute('open', ''));
            return all.length;
          }, null);
          const open = await runAxe(session, 'open', page.file);
          expect(summary(open.violations), `${page.name}, ${device.id}, ${opened} drill-downs open`).toBe('');
        } finally {
          await session.close();
        }
      }, 60_000);
    }
  }
});
