/**
 * The "why" paragraph above the scorecard's tables: who ranks first and why, who is excluded by which
 * gate on which device, budgets worded for maximums and minimums — from typed facts, in fi/sv/en;
 * excluded rows look different from ranked ones; no project document is named in committee text.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/core/index.ts';
import { LANGUAGES, RunResultSchema } from '../../../src/core/index.ts';
import { renderScorecardHtml } from '../../../src/render/index.ts';
import { whyFacts } from '../../../src/scorecard/why.ts';
import { sampleRun } from '../../support/sample-run.ts';

const sample = sampleRun({ services: 4, devices: 3, historyRuns: 1 });

const why = (r: RunResult, lang: (typeof LANGUAGES)[number]): string =>
  (renderScorecardHtml(r, { lang }).match(/<p class="why">([\s\S]*?)<\/p>/)?.[1] ?? '').replace(/<[^>]+>/g, '');

/** Three ranked services, the first ahead by accessibility; one excluded by a gate on one device. */
function ranked(): RunResult {
  const r = structuredClone(sample.result);
  const [a, b, c, d] = r.scorecard;
  const suites = (acc: number, rest: number) => ({ login: rest, accessibility: acc, performance: rest, compatibility: rest, content: null });
  Object.assign(a!, { overall: 91.2, rank: 1, eligible: true, suites: suites(96, 88), gates: a!.gates.map((g) => ({ ...g, passed: true, failedOn: [], failures: [] })) });
  Object.assign(b!, { overall: 83.6, rank: 2, eligible: true, suites: suites(70, 90), gates: b!.gates.map((g) => ({ ...g, passed: true, failedOn: [], failures: [] })) });
  Object.assign(c!, { overall: 80.0, rank: 3, eligible: true, gates: c!.gates.map((g) => ({ ...g, passed: true, failedOn: [], failures: [] })) });
  const gate = d!.gates[0]!;
  Object.assign(d!, {
    overall: 97,
    rank: null,
    eligible: false,
    gates: [{ ...gate, passed: false, failedOn: [r.devices[1]!.id], failures: [] }, ...d!.gates.slice(1).map((g) => ({ ...g, passed: true, failedOn: [], failures: [] }))],
    budgets: [
      { id: 'lcp', title: 'LCP', subject: 'performance/largest-contentful-paint', kind: 'value', limit: 4000, unit: 'ms', actual: 4411, passed: false, failedOn: [r.devices[0]!.id] },
      { id: 'a11y-min', title: 'a11y', subject: 'accessibility', kind: 'score', limit: 80, actual: 57.4, passed: false, failedOn: [] },
    ],
  });
  r.ranking = [a!.service, b!.service, c!.service];
  for (const e of [a, b, c]) e!.budgets = [];
  r.profile.budgets = [];
  return RunResultSchema.parse(r);
}

describe('why, in one paragraph', () => {
  it('facts: the leader, its margin and the suites that made the lead; the excluded service with its gate and device; missed budgets by direction', () => {
    const r = ranked();
    const f = whyFacts(r);
    const [a, b, , d] = r.scorecard;
    expect(f.leader).toMatchObject({ services: [a!.service], score: 91, next: { service: b!.service, score: 84 }, margin: 7 });
    expect(f.leader!.leadParts[0]?.suite).toBe('accessibility');
    expect(f.excluded).toEqual([
      { service: d!.service, reasons: [{ kind: 'gate-failed', gate: d!.gates[0]!.id, check: d!.gates[0]!.check, devices: [r.devices[1]!.id], failures: [] }] },
    ]);
    expect(f.budgetMisses.map((m) => [m.budget, m.direction, m.actual])).toEqual([
      ['lcp', 'max-exceeded', 4411],
      ['a11y-min', 'min-not-reached', 57],
    ]);
  });

  it.each(LANGUAGES)('%s: first place and why, the exclusion by gate and device, budget words that fit maximum and minimum', (lang) => {
    const r = ranked();
    const text = why(r, lang);
    const name = (id: string) => r.services.find((s) => s.id === id)!.name;
    const [a, b, , d] = r.scorecard;
    const words = {
      en: [`${name(a!.service)} ranks first with 91 points, 7 points ahead of ${name(b!.service)} (84 points).`, 'The lead comes mainly from Accessibility (96 against 70 points)', `${name(d!.service)} is excluded from the ranking: the must-pass requirement`, `was not met on ${r.devices[1]!.name}`, 'exceeded the maximum on', '(4,411 ms; at most 4,000 ms)', 'Accessibility is below the minimum (57; at least 80 required)'],
      fi: [`${name(a!.service)} on ensimmäisenä 91 pisteellä, 7 pistettä edellä palvelua ${name(b!.service)} (84 pistettä).`, 'Saavutettavuus (96 ja 70 pistettä)', `${name(d!.service)} on suljettu pois järjestyksestä: ehdoton vaatimus`, 'ei täyttynyt laitteella Työpöytä · Firefox', 'ylitti enimmäisarvon laitteella', '(4\u00a0411 ms; enintään 4\u00a0000 ms)', 'Saavutettavuus jäi alle vähimmäistason (57; vähintään 80)'],
      sv: [`${name(a!.service)} kommer först med 91 poäng, 7 poäng före ${name(b!.service)} (84 poäng).`, 'Tillgänglighet (96 mot 70 poäng)', `${name(d!.service)} är utesluten ur rangordningen: skallkravet`, 'uppfylldes inte på Dator · Firefox', 'överskred maxvärdet på', '(4\u00a0411 ms; högst 4\u00a0000 ms)', 'Tillgänglighet ligger under miniminivån (57; minst 80 krävs)'],
    }[lang];
    for (const w of words) expect(text.replace(/&#39;|&quot;/g, '')).toContain(w.replace(/\u00a0/g, '\u00a0'));
    // A minimum is never "exceeded".
    expect(text).not.toMatch(/exceeded the minimum|ylitti vähimmäis|överskred minimi/);
  });

  it('a tie at the top and no ranked service are said as such', () => {
    const r = structuredClone(sample.result);
    for (const e of r.scorecard) Object.assign(e, { rank: null, eligible: false });
    r.ranking = [];
    expect(why(RunResultSchema.parse(r), 'fi')).toMatch(/^Yhtäkään palvelua ei voitu asettaa järjestykseen\./);
    const t = structuredClone(sample.result);
    const [a, b] = t.scorecard;
    Object.assign(a!, { overall: 90.2, rank: 1, eligible: true });
    Object.assign(b!, { overall: 89.8, rank: 1, eligible: true });
    t.ranking = [a!.service, b!.service];
    expect(why(RunResultSchema.parse(t), 'sv')).toContain('delar första platsen med 90 poäng');
  });

  it('excluded rows are marked in words and drawn apart from ranked rows (no score colour band)', () => {
    const page = renderScorecardHtml(ranked(), { lang: 'fi' });
    const rows = page.match(/<section aria-labelledby="ranking">[\s\S]*?<\/tbody>/)![0].split('<tr').slice(2);
    const excluded = rows.filter((row) => row.startsWith(' class="excluded"'));
    expect(excluded).toHaveLength(1);
    expect(excluded[0]).toContain('suljettu pois');
    expect(excluded[0]).not.toMatch(/band-(good|mid|bad)/);
    expect(rows.filter((row) => !row.startsWith(' class="excluded"')).every((row) => /band-/.test(row))).toBe(true);
    expect(page).toMatch(/tr\.excluded > \* \{ background: repeating-linear-gradient/);
  });

  it.each(LANGUAGES)('%s: no project document (FIELD.md, docs/*.md) is named in the page', (lang) => {
    const page = renderScorecardHtml(sample.result, { lang, history: sample.history });
    expect(page).not.toMatch(/\b[\w/-]+\.md\b/);
  });
});
