/**
 * Every word of a Finnish or Swedish scorecard is in its language, except quoted vendor and tool text
 * (marked `class="quote"` with its `lang`) and names (services, vendors, steps and devices as the
 * configuration writes them, tools). Identified with the language identification the accessibility
 * checks use (src/gather/a11y/language.ts, eld): a block of text long enough to identify that comes
 * out in another language fails the test. eld does not always tell Swedish from Norwegian and Danish,
 * so those count as Swedish; English, Finnish or anything else on a Swedish page does not.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/core/index.ts';
import { RunResultSchema } from '../../../src/core/index.ts';
import { languageIdentifier } from '../../../src/gather/a11y/language.ts';
import { renderScorecardHtml } from '../../../src/render/index.ts';
import { sampleRun } from '../../support/sample-run.ts';
import { pageTextBlocks } from './page-language.ts';

const identifyLanguage = await languageIdentifier();

const STEP_NAMES: Record<string, string> = { landing: 'Etusivu', search: 'Haku', item: 'Teoksen sivu', reader: 'Lukunäkymä' };

/** The sample run with step names as a committee's YAML gives them. */
function realistic(): RunResult {
  const { result } = sampleRun({ services: 4, devices: 4, historyRuns: 1 });
  const r = structuredClone(result);
  for (const s of r.services) s.journey = s.journey.map((j) => ({ ...j, name: STEP_NAMES[j.id] ?? j.id }));
  // Journey timings with a significant and a non-significant comparison, as a timed run reports them.
  const [a, b] = r.services;
  const device = r.devices[0]!.id;
  const cell = (service: string, median: number) => ({
    service, n: 5, failed: service === b!.id ? 1 : 0, median, q1: median - 120, q3: median + 240, networkApplied: true,
    responsiveness: { interactionMs: 180, blockingMs: 40, layoutShift: 0.02 },
  });
  const comparison = (phase: string, significant: boolean, p: number) => ({
    device, phase, faster: a!.id, slower: b!.id, fasterMedian: 812, slowerMedian: 2986, nFaster: 5, nSlower: 4, p, method: 'exact' as const, significant,
  });
  r.timings = {
    alpha: 0.05,
    runs: 5,
    network: 'cable',
    rows: [
      { device, phase: 'login', kind: 'login', cells: [cell(a!.id, 1210), cell(b!.id, 1830)] },
      { device, phase: 'search', kind: 'step', cells: [cell(a!.id, 812), cell(b!.id, 2986)] },
    ],
    comparisons: [comparison('search', true, 0.0079), comparison('login', false, 0.151)],
  };
  return RunResultSchema.parse(r);
}

const ACCEPTED: Record<'fi' | 'sv', readonly string[]> = { fi: ['fi'], sv: ['sv', 'no', 'nb', 'nn', 'da'] };

/** Names the page may show as written (they are no language's words): longest first. */
function names(r: RunResult): string[] {
  return [
    ...r.services.flatMap((s) => [s.name, s.vendor, s.id, ...s.journey.flatMap((j) => [j.name ?? '', j.id])]),
    ...r.devices.flatMap((d) => [d.name, d.id]),
    ...Object.keys(r.tools),
    'Lighthouse', 'axe-core', 'Chromium', 'Firefox', 'WebKit', 'Mann–Whitney', 'Mann-Whitney', 'DevTools',
    'Largest Contentful Paint', 'First Contentful Paint', 'Total Blocking Time', 'Cumulative Layout Shift',
    'Interaction to Next Paint', 'Core Web Vitals', 'INP', 'TBT', 'CLS', 'LCP', 'FCP', 'EME', 'WCAG', 'EN 301 549',
  ]
    .filter((n) => n.length > 1)
    .sort((a, b) => b.length - a.length);
}

function offenders(r: RunResult, lang: 'fi' | 'sv'): string[] {
  const page = renderScorecardHtml(r, { lang });
  const known = names(r);
  const out: string[] = [];
  for (const block of pageTextBlocks(page, lang)) {
    let text = block.text;
    for (const n of known) text = text.split(n).join(' ');
    // What is left once names are taken out must still be words enough to identify (four distinct).
    if (new Set(text.toLowerCase().match(/\p{L}{2,}/gu) ?? []).size < 4) continue;
    const id = identifyLanguage(text);
    if (id !== null && !ACCEPTED[lang].includes(id)) out.push(`${id} | ${block.where} | ${block.text.slice(0, 200)}`);
  }
  return [...new Set(out)];
}

describe('the scorecard speaks its reader’s language', () => {
  const run = realistic();

  it.each(['fi', 'sv'] as const)('%s: no text outside quoted vendor/tool text is in another language', (lang) => {
    expect(offenders(run, lang)).toEqual([]);
  });

  it.each(['fi', 'sv'] as const)('%s: statistics say steps by name, numbers and p-values as the language writes them', (lang) => {
    const page = renderScorecardHtml(run, { lang });
    const section = page.slice(page.indexOf('id="timings"'));
    expect(section).toContain(STEP_NAMES.search);
    expect(section).not.toMatch(/>search</);
    expect(section).toContain('2\u00a0986 ms');
    expect(section).toContain('p = 0,008');
    expect(section).toContain('p = 0,151');
  });

  it('the test can fail: an English sentence in a Finnish page is found', () => {
    const r = structuredClone(run);
    r.services[0]!.journey[0]!.name = undefined as unknown as string;
    const page = renderScorecardHtml(RunResultSchema.parse(r), { lang: 'fi' }).replace(
      '<p class="why">',
      '<p class="why">The valid patron could not log in on any device, so this vendor was excluded. ',
    );
    const blocks = pageTextBlocks(page, 'fi').filter((b) => identifyLanguage(b.text) === 'en');
    expect(blocks.length).toBeGreaterThan(0);
  });

  it('quoted English is marked as a quotation with its language, not left bare', () => {
    const page = renderScorecardHtml(run, { lang: 'fi' });
    expect(page).toMatch(/<(p|span|q|td) lang="en" class="quote">/);
    expect(page).not.toMatch(/ lang="en">(?!English<)/);
  });
});
