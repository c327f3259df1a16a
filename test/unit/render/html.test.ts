import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/index.ts';
import { CONTENT_SECURITY_POLICY, MESSAGES, renderScorecardHtml } from '../../../src/render/index.ts';
import { checkMarkup } from './markup.ts';
import { HOSTILE, LIGHTHOUSE_NOT_APPLICABLE, sampleResult } from './sample.ts';

const result = sampleResult();
const pages = Object.fromEntries(LANGUAGES.map((lang) => [lang, renderScorecardHtml(result, { lang })])) as Record<(typeof LANGUAGES)[number], string>;

describe('renderScorecardHtml', () => {
  it.each(LANGUAGES)('%s: is a well-formed, self-contained document in its language', (lang) => {
    const page = pages[lang];
    expect(checkMarkup(page, 'html')).toEqual([]);
    expect(page.startsWith('<!doctype html>\n<html lang="' + lang + '">')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'");
    expect(page).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b/i);
    expect(page).not.toMatch(/<[^>]*\s(src|srcset|on\w+)=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).toContain(`<title>${MESSAGES[lang]['document.title']}`);
  });

  it('escapes every piece of hostile vendor text', () => {
    for (const page of Object.values(pages)) {
      expect(page).not.toContain(HOSTILE.script);
      expect(page).not.toContain('<img src=x onerror');
      expect(page).not.toMatch(/<[^>]*\sonerror=/i);
      expect(page).not.toMatch(/href="\s*javascript:/i);
      expect(page).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt; Books');
      expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      expect(page).not.toMatch(/[\u0000\u0007]/);
    }
  });

  it('shows javascript: URLs as text, not as links', () => {
    expect(pages.en).toContain('<code>javascript:alert(1)</code>');
    expect(pages.en.match(/href="[^"]*"/g)?.every((h) => /^href="(#|scorecard\.|https?:\/\/|evidence\/)/.test(h))).toBe(true);
  });

  it('links screenshots relative to the scorecard and never embeds them', () => {
    expect(pages.fi).toContain('<a href="evidence/evil@desktop-chromium/landing.png" class="evidence">Työpöytä · Chromium</a>');
    expect(pages.fi).not.toContain('base64');
    const moved = renderScorecardHtml(result, { lang: 'fi', evidenceBase: '../runs/2026-11-25' });
    expect(moved).toContain('href="../runs/2026-11-25/evidence/evil@desktop-chromium/landing.png"');
  });

  it('has the accessibility structure the scorecard promises', () => {
    const page = pages.fi;
    expect(page).toMatch(/<a class="skip" href="#main">Siirry sisältöön<\/a>/);
    expect(page).toContain('<main id="main"');
    expect((page.match(/<h1[ >]/g) ?? []).length).toBe(1);
    const tables = (page.match(/<table>/g) ?? []).length;
    expect(tables).toBeGreaterThan(3);
    expect((page.match(/<caption id="table-\d+">/g) ?? []).length).toBe(tables);
    expect((page.match(/<div class="table-wrap" role="region" aria-labelledby="table-\d+" tabindex="0">/g) ?? []).length).toBe(tables);
    expect(page.match(/<th(?![^>]*scope=)[ >]/g)).toBeNull();
    expect(page).toContain('role="img" aria-labelledby="chart-title chart-desc"');
    expect(page).toMatch(/<desc id="chart-desc">Kirjava: Kirjautuminen \d+, Saavutettavuus \d+/);
    expect(page).toContain('@media print');
    // Evidence in English is marked as such inside a Finnish page.
    expect(page).toMatch(/<span lang="en" class="quote">Violated on 1 element in landing\.<\/span>/);
  });

  it('links the three language versions and marks the current one', () => {
    expect(pages.sv).toContain('<a href="scorecard.fi.html" hreflang="fi" lang="fi">Suomi</a>');
    expect(pages.sv).toContain('<a href="scorecard.sv.html" hreflang="sv" lang="sv" aria-current="page">Svenska</a>');
    expect(pages.sv).toContain('<a href="scorecard.en.html" hreflang="en" lang="en">English</a>');
  });

  it('shows gates with a symbol and words, and the ranking', () => {
    expect(pages.en).toMatch(/<span class="mark" aria-hidden="true">✓<\/span>A valid library card and PIN log the patron in: <strong>passed<\/strong>/);
    expect(pages.en).toMatch(/<span class="mark" aria-hidden="true">\?<\/span>A valid library card and PIN log the patron in: <strong>could not be decided<\/strong>/);
    expect(pages.en).toContain('<tr class="excluded">');
    expect(pages.en).toContain('excluded from the ranking: the must-pass requirement “A valid library card and PIN log the patron in” could not be decided');
    expect(pages.fi).toContain('Kelvollinen kirjastokortti ja PIN-koodi kirjaavat asiakkaan sisään: <strong>täyttyy</strong>');
  });

  it('lists failed checks with their findings in the details', () => {
    expect(pages.en).toContain('<code>compatibility/console-errors</code>');
    expect(pages.en).toContain('<code>#main &gt;&gt;&gt; p.low</code>');
    expect(pages.en).toContain('<pre><code>&lt;p class=&quot;low&quot;&gt;Lainaa&lt;/p&gt;</code></pre>');
    expect(pages.en).toContain(LIGHTHOUSE_NOT_APPLICABLE);
  });

  it('is deterministic', () => {
    expect(renderScorecardHtml(sampleResult(), { lang: 'sv' })).toBe(pages.sv);
  });
});
