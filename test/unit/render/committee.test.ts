/**
 * The scorecard's committee features: gates and budgets beside the ranking, ties and overlapping
 * score ranges said in words, releases, the device heat map, the trend over runs, findings merged
 * across devices with their evidence, the methodology — in all three languages, escaped, and the
 * comparison page.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/core/index.ts';
import { LANGUAGES, RunResultSchema } from '../../../src/core/index.ts';
import { CONTENT_SECURITY_POLICY, MESSAGES, renderCompareHtml, renderScorecardHtml, t } from '../../../src/render/index.ts';
import { compareRuns } from '../../../src/scorecard/index.ts';
import { sampleRun } from '../../support/sample-run.ts';
import { checkMarkup } from './markup.ts';
import { HOSTILE } from './sample.ts';

const sample = sampleRun({ services: 4, devices: 3, historyRuns: 4 });

/** A copy of the sample with a tie at rank 1 and two neighbours whose ranges overlap. */
function tiedAndClose(): RunResult {
  const r = structuredClone(sample.result);
  const [a, b, c, d] = r.scorecard;
  Object.assign(a!, { overall: 90.2, rank: 1, eligible: true, overallRange: { low: 89.9, high: 90.4 } });
  Object.assign(b!, { overall: 89.8, rank: 1, eligible: true, overallRange: { low: 89.5, high: 90.1 } });
  Object.assign(c!, { overall: 84.1, rank: 3, eligible: true, overallRange: { low: 80.2, high: 86.0 } });
  Object.assign(d!, { overall: 82.0, rank: 4, eligible: true, overallRange: { low: 79.0, high: 84.4 } });
  r.ranking = [a!.service, b!.service, c!.service, d!.service];
  return RunResultSchema.parse(r);
}

describe('scorecard for a committee', () => {
  const pages = Object.fromEntries(LANGUAGES.map((lang) => [lang, renderScorecardHtml(sample.result, { lang, history: sample.history })])) as Record<(typeof LANGUAGES)[number], string>;

  it.each(LANGUAGES)('%s: well-formed, script-free, under the CSP, every section present', (lang) => {
    const page = pages[lang];
    expect(checkMarkup(page, 'html')).toEqual([]);
    expect(page).toContain(`content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}"`);
    expect(page).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b/i);
    for (const id of ['ranking', 'suites', 'devices', 'trend', 'details', 'method', 'run']) expect(page).toContain(`id="${id}"`);
    expect(page).toContain(`<nav class="contents" aria-label="${MESSAGES[lang]['nav.contents']}">`);
  });

  it('names the profile and gates in the page\'s language', () => {
    expect(pages.fi).toContain('Näyteprofiili');
    expect(pages.sv).toContain('Exempelprofil');
    expect(pages.fi).toContain('Kirjautuminen onnistuu: <strong>');
    expect(pages.sv).toContain('Inloggningen lyckas: <strong>');
    // A rule gate without a title is described in the page's language.
    expect(pages.fi).toContain('Saavutettavuus: ei hylättyjä tarkistuksia, joiden vakavuus on ”kriittinen” vaiheissa kirjautumislomake virheilmoituksineen');
    expect(pages.en).toContain('Accessibility: no failing check of severity “critical” at the login form with its error shown');
  });

  it('shows budgets beside the gates, with values and limits', () => {
    expect(pages.en).toContain('<th scope="col">Budgets</th>');
    expect(pages.en).toMatch(/Largest Contentful Paint is fast: <strong>(within|over) budget<\/strong> \([\d,]+ ms, limit 4,000 ms/);
    expect(pages.fi).toMatch(/Saavutettavuus: pisteet vähintään 80: <strong>(raja-arvon sisällä|ylittää raja-arvon)<\/strong>/);
  });

  it('says when ranks are shared and when neighbours are not clearly different', () => {
    const r = tiedAndClose();
    const en = renderScorecardHtml(r, { lang: 'en' });
    const names = r.scorecard.map((e) => r.services.find((s) => s.id === e.service)?.name);
    expect(en).toContain(`${names[0]}, ${names[1]} share rank 1`);
    expect(en).toContain(`${names[2]} and ${names[3]} are not clearly different: their score ranges overlap (80–86 and 79–84).`);
    expect(en).toContain('range 80–86');
    expect(en).toMatch(/1 <span class="weight">\(shared\)<\/span>/);
    const fi = renderScorecardHtml(r, { lang: 'fi' });
    expect(fi).toContain('jakavat sijan 1');
    expect(fi).toContain('eivät eroa selvästi toisistaan');
  });

  it('shows the release each service was tested at', () => {
    const release = sample.result.services[0]?.release as string;
    expect(pages.en).toContain(`release ${release}`);
    expect(pages.fi).toContain(`Testattu versio: ${release}`);
  });

  it('draws a device heat map as an image with every number in its description', () => {
    const desc = /<desc id="heatmap-desc">([^<]*)<\/desc>/.exec(pages.en)?.[1] ?? '';
    for (const target of sample.result.targets) {
      const name = sample.result.devices.find((d) => d.id === target.device)?.name as string;
      expect(desc).toContain(`${name} ${target.overall === null || target.overall === undefined ? 'not scored' : Math.round(target.overall)}`);
    }
    expect(pages.en).toContain('role="img" aria-labelledby="heatmap-title heatmap-desc"');
  });

  it('draws each service\'s trend over runs, marking runs with another configuration', () => {
    const sparks = pages.en.match(/<svg [^>]*class="spark"/g) ?? [];
    expect(sparks).toHaveLength(sample.result.services.length);
    expect(pages.en).toContain(t('en', 'trend.otherConfig'));
    expect(pages.en).toContain('◇ different');
    expect(pages.en).toMatch(/aria-label="[^"]+, overall score by run: [\d–, ]+"/);
    const none = renderScorecardHtml(sample.result, { lang: 'sv' });
    expect(none).toContain(t('sv', 'trend.none'));
  });

  it('merges a finding seen on several devices and links its evidence: screenshots, element, criteria, help', () => {
    expect(pages.fi).toContain('kaikilla laitteilla (3)');
    expect(pages.fi).toMatch(/<dt>Kuvakaappaukset<\/dt><dd><a href="evidence\/s\d\d@desktop-chromium\/accessibility-[a-z-]+\.png" class="evidence">Työpöytä · Chromium<\/a>, <a href="evidence\/s\d\d@desktop-firefox\//);
    expect(pages.en).toMatch(/<dt>Criteria<\/dt><dd>WCAG 2\.0 SC [\d.]+ [^<;]+ \(A{1,2}\); EN 301 549/);
    expect(pages.en).toMatch(/<details><summary>Findings and evidence \(\d+\)<\/summary>/);
    expect(pages.en).toContain('<a href="https://dequeuniversity.com/rules/axe/4.14/');
  });

  it('links the Lighthouse reports, relative to the scorecard or under evidenceBase', () => {
    expect(pages.en).toMatch(/<a href="evidence\/s01@desktop-chromium\/lighthouse-landing\.html" class="evidence">Desktop · Chromium, page landing<\/a>/);
    const moved = renderScorecardHtml(sample.result, { lang: 'en', evidenceBase: '../runs/r1' });
    expect(moved).toContain('href="../runs/r1/evidence/s01@desktop-chromium/lighthouse-landing.html"');
  });

  it('explains the method: dates, devices, tool versions, fingerprint, budgets, regressions and limits', () => {
    const en = pages.en;
    expect(en).toContain('Testing started 25/11/2026, 12:00 (EET); the results were scored 25/11/2026, 12:30 (EET).');
    expect(en).toContain(`<code>${sample.result.fingerprint}</code>`);
    // The browser version is the one the evidence recorded (131.0), not the run input's (was: the
    // versions installed at scoring time won over the evidence's).
    expect(en).toContain('axe-core 4.14.1, browser:chromium 131.0, lighthouse 13.5.0, playwright 1.64.1');
    expect(en).toContain('performance/largest-contentful-paint at most 4,000 ms on every device');
    expect(en).toContain(t('en', 'method.regression.login'));
    expect(en).toContain(t('en', 'method.limit.manual'));
  });

  it('escapes vendor-controlled release text and evaluator-written titles', () => {
    const r = structuredClone(sample.result);
    r.services[0]!.release = HOSTILE.script;
    r.profile.name = { fi: HOSTILE.attribute };
    r.profile.gates[0]!.title = HOSTILE.script;
    const page = renderScorecardHtml(RunResultSchema.parse(r), { lang: 'fi' });
    expect(page).not.toContain(HOSTILE.script);
    expect(page).not.toContain('<img src=x');
    expect(checkMarkup(page, 'html')).toEqual([]);
  });

  // Render time is a benchmark figure (npm run bench:render), not a timed test.
  it('stays under 3 MB of HTML for 20 services × 6 devices', () => {
    const big = sampleRun({ services: 20, devices: 6 });
    const page = renderScorecardHtml(big.result, { lang: 'fi', history: big.history });
    expect(Buffer.byteLength(page)).toBeLessThan(3 * 1024 * 1024);
    expect((page.match(/<details class="conformance">/g) ?? []).length).toBe(20);
  });
});

describe('comparison page', () => {
  const changed = sampleRun({ services: 4, devices: 3, seed: 99 });
  const next: RunResult = RunResultSchema.parse({
    ...changed.result,
    runId: 'next',
    services: changed.result.services.map((s, i) => (i === 0 ? { ...s, release: `5.0 ${HOSTILE.script}` } : s)),
  });
  const comparison = compareRuns({ old: sample.result, new: next });

  it.each(LANGUAGES)('%s: well-formed, escaped, with a verdict and each service\'s releases', (lang) => {
    const page = renderCompareHtml(comparison, { lang, harnessVersion: '0.1.0' });
    expect(checkMarkup(page, 'html')).toEqual([]);
    expect(page).not.toContain(HOSTILE.script);
    expect(page).toContain('5.0 &lt;script&gt;');
    expect(page).toContain(`<html lang="${lang}">`);
    expect(page).toContain(`href="compare.${lang === 'fi' ? 'sv' : 'fi'}.html"`);
    const verdict = comparison.regressed.length > 0 ? 'compare.verdictRegressed' : 'compare.verdictNone';
    expect(page).toContain(MESSAGES[lang][verdict].split('{')[0] as string);
  });

  it('lists every change with whether it is a regression', () => {
    const page = renderCompareHtml(comparison, { lang: 'en', harnessVersion: '0.1.0' });
    const changes = comparison.services.flatMap((s) => s.changes);
    expect(changes.length).toBeGreaterThan(0);
    expect((page.match(/<td><strong>(regression|no)<\/strong>/g) ?? []).length).toBe(changes.length);
    expect((page.match(/<td><strong>regression<\/strong>/g) ?? []).length).toBe(changes.filter((c) => c.regression).length);
  });
});
