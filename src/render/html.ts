/**
 * renderScorecardHtml: RunResult (+ the history of earlier runs) → one self-contained, printable
 * HTML scorecard in Finnish, Swedish or English. No scripts, no external resources (a CSP forbids
 * both); screenshots and Lighthouse reports are linked relative to the scorecard (`evidence/…`),
 * never embedded, so the file stays small and works offline next to its evidence folder. Every piece
 * of vendor-controlled text goes through the `html` template tag, which escapes it; links go through
 * `safeHref`.
 *
 * Sections: ranking (gates, budgets, ties and score ranges stated honestly) · scores by criterion
 * (table + bar chart) · scores by device (heat map + table) · trend over runs · findings by service,
 * grouped by check across devices, each finding opening onto its evidence · methodology.
 */
import type {
  CheckResult,
  Finding,
  Language,
  RegressionThresholds,
  RunResult,
  ScorecardEntry,
  Suite,
  SuiteResult,
  TargetResult,
} from '../core/index.ts';
import { IMPACTS, LANGUAGES, SUITES, criterionReferences, localize, ruleSuites } from '../core/index.ts';
import type { HistoryPoint } from '../scorecard/history.ts';
import { renderChart, renderHeatMap, renderSparkline } from './chart.ts';
import type { Html, Interpolation } from './escape.ts';
import { html, raw, safeHref, vendorHref } from './escape.ts';
import { band, formatDateTime, formatNumber, formatScore, formatValue, shortFingerprint } from './format.ts';
import type { MessageKey } from './i18n.ts';
import { checkTitle, t } from './i18n.ts';
import { STYLES } from './styles.ts';
import { timingsMethod, timingsSection } from './timings.ts';
import { conformanceParts } from './conformance.ts';
import { loginSection, type LoginSectionHelpers } from './login.ts';
import { contentClaimsSection, contentSection, type ContentSectionHelpers } from './content.ts';
import { cells, headRow } from './rows.ts';
import { conformanceTable } from '../scorecard/conformance.ts';
import { whyFacts } from '../scorecard/why.ts';
import { deviceLabel, stepLabel } from './names.ts';
import { icu, listOf } from './icu.ts';
import { BUDGET_MISSED, whyParagraph, type WhyNames } from './why.ts';

export interface RenderOptions {
  readonly lang: Language;
  /** Prefix for evidence links (screenshots, reports) when the scorecard is not in the run directory. */
  readonly evidenceBase?: string;
  /** Earlier runs and this one, oldest first (src/scorecard/history.ts); omitted → no trend. */
  readonly history?: readonly HistoryPoint[];
}

/** The policy in the CSP meta element: nothing may load or run except inline styles and images. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Distinct findings shown per check (over all devices); the rest are counted and left to results.json. */
const FINDINGS_SHOWN = 10;

const LANGUAGE_NAMES = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const satisfies Record<Language, string>;

/** File name of the scorecard in a language (the lead writes all three). */
export function scorecardFile(lang: Language): string {
  return `scorecard.${lang}.html`;
}

interface Context {
  readonly lang: Language;
  readonly result: RunResult;
  readonly evidenceBase?: string;
  readonly history: readonly HistoryPoint[];
  /** `lang="en"` on English evidence text inside a Finnish or Swedish page. */
  readonly en: Html;
  /** Numbers the tables, for caption ids (rendering order, so deterministic). */
  tables: number;
}

export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}

function serviceName(ctx: Context, id: string): string {
  return ctx.result.services.find((s) => s.id === id)?.name ?? id;
}

function deviceName(ctx: Context, id: string): string {
  return deviceLabel(ctx.lang, ctx.result.devices, id);
}

function stepName(ctx: Context, step: string, service?: string): string {
  return stepLabel(ctx.lang, ctx.result, step, service);
}

function key<K extends MessageKey>(k: K): K {
  return k;
}

function suiteName(lang: Language, suite: Suite): string {
  return t(lang, key(`suite.${suite}`));
}

/** A service's name, linked to its section in the findings. */
function serviceLink(ctx: Context, id: string): Html {
  return html`<a href="#${anchor('service', id)}">${serviceName(ctx, id)}</a>`;
}

function scoreCell(ctx: Context, score: number | null): Html {
  return score === null
    ? html`<span class="muted">${t(ctx.lang, 'score.none')}</span>`
    : html`${formatScore(ctx.lang, score)}`;
}

function evidenceHref(ctx: Context, path: string | undefined): string | undefined {
  return safeHref(path, { relative: true, ...(ctx.evidenceBase !== undefined ? { base: ctx.evidenceBase } : {}) });
}

/**
 * A captioned table in a wrapper that scrolls sideways on narrow screens. The wrapper is a named,
 * focusable region so keyboard users can scroll it (axe scrollable-region-focusable). `ctx.tables`
 * numbers the captions within one page (the scorecard's and the comparison's).
 */
export function table(ctx: { tables: number }, caption: string, head: Interpolation, body: Interpolation): Html {
  const id = `table-${++ctx.tables}`;
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table>
<caption id="${id}">${caption}</caption>
<thead>${head}</thead>
${body}
</table></div>`;
}

function link(href: string | undefined, text: Interpolation, cls?: string): Html {
  return href === undefined ? html`${text}` : html`<a href="${href}"${cls ? html` class="${cls}"` : ''}>${text}</a>`;
}

function joined(items: readonly Html[], separator = ' · '): Html {
  return html`${items.map((item, i) => (i === 0 ? item : html`${separator}${item}`))}`;
}

// ───────────────────────────── header ─────────────────────────────

const SECTIONS = [
  ['ranking', 'ranking.heading'],
  ['suites', 'suites.heading'],
  ['devices', 'devices.heading'],
  ['trend', 'trend.heading'],
  ['details', 'details.heading'],
  ['method', 'method.heading'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

function contents(ctx: Context): Html {
  const items = SECTIONS.map(([id, label]) => html`<li><a href="#${id}">${t(ctx.lang, label)}</a></li>`);
  return html`<nav class="contents" aria-label="${t(ctx.lang, 'nav.contents')}"><ol>${items}</ol></nav>`;
}

// ───────────────────────────── ranking ─────────────────────────────

function gateTitle(ctx: Context, gateId: string, check: string, fallback: string): string {
  const { lang } = ctx;
  const profileGate = ctx.result.profile.gates.find((g) => g.id === gateId);
  if (profileGate?.title !== undefined) return localize(profileGate.title, lang);
  const rule = profileGate?.noFailures;
  if (rule !== undefined) {
    return t(lang, 'gate.rule', {
      suite: ruleSuites(rule)
        .map((s) => t(lang, key(`suite.${s}`)))
        .join(' + '),
      impact: t(lang, key(`impact.${rule.impact}`)),
      orWorse: rule.impact === 'critical' ? '' : t(lang, 'gate.rule.orWorse'),
      steps: rule.steps
        ? t(lang, 'gate.rule.steps', { steps: rule.steps.map((st) => stepName(ctx, st)).join(', ') })
        : '',
    });
  }
  return checkTitle(lang, check, fallback).text;
}

/** A gate's or a budget's line: its mark (✓ ✗ – ?), its title, the verdict and what the verdict rests on. */
function verdictItem(mark: string, title: string, word: string, note: Interpolation): Html {
  return html`<li><span class="mark" aria-hidden="true">${mark}</span>${title}: <strong>${word}</strong>${note}</li>`;
}

function gateList(ctx: Context, entry: ScorecardEntry): Html {
  const { lang } = ctx;
  if (entry.gates.length === 0) return html`<span class="muted">${t(lang, 'gate.none')}</span>`;
  const devices = (ids: readonly string[]) => ids.map((d) => deviceName(ctx, d)).join(', ');
  const items = entry.gates.map((gate) => {
    const title = gateTitle(ctx, gate.id, gate.check, gate.title);
    const [mark, word] =
      gate.passed === true
        ? ['✓', t(lang, 'gate.passed')]
        : gate.passed === false
          ? ['✗', t(lang, 'gate.failed')]
          : gate.notApplicable === true
            ? ['–', t(lang, 'gate.notApplicable')]
            : ['?', t(lang, 'gate.undecided')];
    const notes = [
      gate.failedOn.length > 0 ? t(lang, 'gate.failedOn', { devices: devices(gate.failedOn) }) : null,
      gate.undecidedOn && gate.undecidedOn.length > 0
        ? t(lang, 'gate.undecidedOn', { devices: devices(gate.undecidedOn) })
        : null,
      gate.failures && gate.failures.length > 0
        ? t(lang, 'gate.failures', { checks: [...new Set(gate.failures.map((f) => f.check))].join(', ') })
        : null,
    ].filter((n): n is string => n !== null);
    return verdictItem(mark, title, word, notes.length > 0 ? html` (${notes.join('; ')})` : '');
  });
  return html`<ul class="gates">${items}</ul>`;
}

function budgetTitle(ctx: Context, b: NonNullable<ScorecardEntry['budgets']>[number]): string {
  const { lang } = ctx;
  const profileBudget = ctx.result.profile.budgets?.find((p) => p.id === b.id);
  return (
    (profileBudget?.title !== undefined ? localize(profileBudget.title, lang) : undefined) ??
    (b.kind === 'value'
      ? checkTitle(lang, b.subject, b.title).text
      : t(lang, 'budget.scoreTitle', {
          subject: b.subject === 'overall' ? t(lang, 'col.overall') : t(lang, key(`suite.${b.subject}`)),
          limit: b.limit,
        }))
  );
}

/** The names the "why" paragraph needs, in the page's language. */
function whyNames(ctx: Context): WhyNames {
  const { lang, result } = ctx;
  return {
    service: (id) => serviceName(ctx, id),
    device: (id) => deviceName(ctx, id),
    suite: (suite) => t(lang, key(`suite.${suite}`)),
    gate: (id, check) => {
      const gate = result.scorecard.flatMap((e) => e.gates).find((g) => g.id === id);
      const profileGate = result.profile.gates.find((g) => g.id === id);
      const text = gateTitle(ctx, id, check, gate?.title ?? id);
      const translated = profileGate?.title !== undefined || profileGate?.noFailures !== undefined || lang === 'en';
      return { text, translated: translated || checkTitle(lang, check, text).translated };
    },
    check: (id) => {
      const check = result.targets.flatMap((tg) => SUITES.flatMap((s) => tg.suites[s].checks)).find((c) => c.id === id);
      return checkTitle(lang, id, check?.title ?? id);
    },
    budget: (id) => {
      // A score budget is named by what it limits ("Accessibility"); its minimum is in the sentence.
      const b = result.scorecard.flatMap((e) => e.budgets ?? []).find((x) => x.id === id);
      const profileBudget = result.profile.budgets?.find((p) => p.id === id);
      if (b === undefined) return id;
      if (b.kind === 'score' && profileBudget?.title === undefined) {
        return b.subject === 'overall' ? t(lang, 'col.overall') : t(lang, key(`suite.${b.subject}`));
      }
      return budgetTitle(ctx, b);
    },
    en: ctx.en,
  };
}

function budgetList(ctx: Context, entry: ScorecardEntry): Html {
  const { lang } = ctx;
  const budgets = entry.budgets ?? [];
  if (budgets.length === 0) return html`<span class="muted">${t(lang, 'budget.none')}</span>`;
  const items = budgets.map((b) => {
    // A maximum is exceeded; a minimum is not reached.
    const [mark, word] =
      b.passed === true
        ? ['✓', t(lang, 'budget.within')]
        : b.passed === false
          ? ['✗', BUDGET_MISSED[b.kind === 'value' ? 'max-exceeded' : 'min-not-reached'][lang]]
          : ['?', t(lang, 'budget.unmeasured')];
    const title = budgetTitle(ctx, b);
    const figures =
      b.actual === null
        ? ''
        : b.kind === 'value'
          ? t(lang, 'budget.value', {
              actual: formatValue(lang, b.actual, b.unit),
              limit: formatValue(lang, b.limit, b.unit),
            })
          : t(lang, 'budget.score', { actual: formatScore(lang, b.actual), limit: b.limit });
    const where =
      b.failedOn.length > 0
        ? `; ${t(lang, 'gate.failedOn', { devices: b.failedOn.map((d) => deviceName(ctx, d)).join(', ') })}`
        : '';
    return verdictItem(mark, title, word, figures !== '' ? html` (${figures}${where})` : '');
  });
  return html`<ul class="gates">${items}</ul>`;
}

function rangeText(ctx: Context, entry: ScorecardEntry): string | undefined {
  const r = entry.overallRange;
  if (r === undefined) return undefined;
  const low = formatScore(ctx.lang, r.low);
  const high = formatScore(ctx.lang, r.high);
  return low === high ? undefined : t(ctx.lang, 'ranking.range', { low, high });
}

/** Honest notes under the ranking: shared ranks, and neighbours whose score ranges overlap. */
function rankingNotes(ctx: Context, ranked: readonly ScorecardEntry[]): Html {
  const { lang, result } = ctx;
  const notes: string[] = [];
  const byRank = new Map<number, ScorecardEntry[]>();
  for (const e of ranked) if (e.rank !== null) byRank.set(e.rank, [...(byRank.get(e.rank) ?? []), e]);
  for (const [rank, group] of byRank) {
    if (group.length > 1)
      notes.push(t(lang, 'ranking.tie', { services: group.map((e) => serviceName(ctx, e.service)).join(', '), rank }));
  }
  const span = (e: ScorecardEntry) => {
    const r = e.overallRange ?? (e.overall === null ? undefined : { low: e.overall, high: e.overall });
    return r === undefined ? undefined : { low: Math.round(r.low), high: Math.round(r.high) };
  };
  for (let i = 1; i < ranked.length; i++) {
    const a = ranked[i - 1] as ScorecardEntry;
    const b = ranked[i] as ScorecardEntry;
    if (a.rank === b.rank) continue;
    const ra = span(a);
    const rb = span(b);
    if (ra === undefined || rb === undefined || (ra.low === ra.high && rb.low === rb.high)) continue;
    if (ra.low <= rb.high && rb.low <= ra.high) {
      const fmt = (r: { low: number; high: number }) => `${formatNumber(lang, r.low)}–${formatNumber(lang, r.high)}`;
      notes.push(
        t(lang, 'ranking.close', {
          a: serviceName(ctx, a.service),
          b: serviceName(ctx, b.service),
          rangeA: fmt(ra),
          rangeB: fmt(rb),
        }),
      );
    }
  }
  for (const e of result.scorecard) {
    const weighted = e.errors.filter((x) => x.weighted);
    if (weighted.length === 0) continue;
    const what = weighted.map(
      (x) =>
        `${deviceName(ctx, x.device)} · ` +
        `${t(lang, key(`suite.${x.suite}`))}${x.check !== undefined ? ` · ${x.check}` : ''}`,
    );
    notes.push(
      t(lang, 'ranking.harnessError', { service: serviceName(ctx, e.service), items: [...new Set(what)].join('; ') }),
    );
  }
  const general = [
    t(lang, 'ranking.intro'),
    t(lang, 'ranking.rangeNote'),
    ...(result.profile.runs.lighthouse < 2 ? [t(lang, 'ranking.singleRun')] : []),
  ];
  const items = [...notes.map((n) => html`<li><strong>${n}</strong></li>`), ...general.map((n) => html`<li>${n}</li>`)];
  return html`<h3>${t(lang, 'ranking.notes')}</h3><ul class="notes">${items}</ul>`;
}

/** The rank cell of a service left out of the ranking (a gate not passed, or no score). */
const EXCLUDED_WORD = { en: 'excluded', fi: 'suljettu pois', sv: 'utesluten' } as const satisfies Record<
  Language,
  string
>;

function ranking(ctx: Context): Html {
  const { result, lang } = ctx;
  const ranked = result.ranking.flatMap((id) => result.scorecard.filter((e) => e.service === id));
  const others = result.scorecard.filter((e) => !result.ranking.includes(e.service));
  const hasBudgets = (result.profile.budgets ?? []).length > 0;
  const rows = [...ranked, ...others].map((entry) => {
    const service = result.services.find((s) => s.id === entry.service);
    const shared = entry.rank !== null && result.scorecard.filter((e) => e.rank === entry.rank).length > 1;
    const range = rangeText(ctx, entry);
    const excluded = entry.rank === null;
    const rank = excluded
      ? html`<span class="excluded-mark"><span aria-hidden="true">⊘ </span>${EXCLUDED_WORD[lang]}</span>`
      : html`${entry.rank}${shared ? html` <span class="weight">(${t(lang, 'ranking.shared')})</span>` : ''}`;
    const vendor = service ? html`<span class="weight">${service.vendor}</span>` : '';
    const release =
      service?.release !== undefined
        ? html`<span class="weight">${t(lang, 'summary.release', { release: service.release })}</span>`
        : '';
    const bandClass = excluded ? '' : ` band-${band(entry.overall)}`;
    const spread = range !== undefined ? html`<span class="weight">${range}</span>` : '';
    return html`<tr${excluded ? html` class="excluded"` : ''}>
<td class="num">${rank}</td>
<th scope="row">${serviceLink(ctx, entry.service)}${vendor}${release}</th>
<td class="num${bandClass}"><strong>${scoreCell(ctx, entry.overall)}</strong>${spread}</td>
<td>${gateList(ctx, entry)}</td>
${hasBudgets ? html`<td>${budgetList(ctx, entry)}</td>` : ''}
</tr>`;
  });
  return html`<section aria-labelledby="ranking"><h2 id="ranking">${t(lang, 'ranking.heading')}</h2>
${whyParagraph(lang, whyFacts(result), whyNames(ctx))}
${table(
  ctx,
  t(lang, 'ranking.caption'),
  headRow([
    t(lang, 'col.rank'),
    t(lang, 'col.service'),
    t(lang, 'col.overall'),
    t(lang, 'col.gates'),
    ...(hasBudgets ? [t(lang, 'col.budgets')] : []),
  ]),
  html`<tbody>${rows}</tbody>`,
)}
${rankingNotes(ctx, ranked)}</section>`;
}

// ───────────────────────────── side by side ─────────────────────────────

function suitesTable(ctx: Context): Html {
  const { result, lang } = ctx;
  const head = SUITES.map((s) => {
    const weight = t(lang, 'suites.weight', { weight: result.profile.weights[s] });
    return html`${suiteName(lang, s)}<span class="weight">${weight}</span>`;
  });
  const rows = result.scorecard.map(
    (entry) => html`<tr><th scope="row">${serviceLink(ctx, entry.service)}</th>
${SUITES.map((s) => html`<td class="num band-${band(entry.suites[s])}">${scoreCell(ctx, entry.suites[s])}</td>`)}
<td class="num band-${band(entry.overall)}"><strong>${scoreCell(ctx, entry.overall)}</strong></td></tr>`,
  );
  return html`<section aria-labelledby="suites"><h2 id="suites">${t(lang, 'suites.heading')}</h2>
${table(
  ctx,
  t(lang, 'suites.caption'),
  headRow([t(lang, 'col.service'), ...head, t(lang, 'col.overall')]),
  html`<tbody>${rows}</tbody>`,
)}
<figure>${renderChart(result, lang)}<figcaption>${t(lang, 'chart.caption')}</figcaption></figure></section>`;
}

function heatCell(ctx: Context, suite: SuiteResult): Html {
  const retried =
    suite.attempts !== undefined
      ? html`<span class="status">↻ ${t(ctx.lang, 'suite.attempts', { attempts: suite.attempts })}</span>`
      : '';
  const score = suite.score === null ? '–' : formatScore(ctx.lang, suite.score);
  const status = html`<span class="status">${t(ctx.lang, key(`suiteStatus.${suite.status}`))}</span>`;
  return html`<td class="heat band-${band(suite.score)}"><strong>${score}</strong>${status}${retried}</td>`;
}

/** A target's row header (its device) and its suites' heat cells. */
function deviceCells(ctx: Context, target: TargetResult): Html {
  const heat = SUITES.map((s) => heatCell(ctx, target.suites[s]));
  return html`<th scope="row">${deviceName(ctx, target.device)}</th>${heat}`;
}

function deviceHeatMap(ctx: Context): Html {
  const { result, lang } = ctx;
  const bodies = result.services.map((service) => {
    const targets = result.targets.filter((tg) => tg.service === service.id);
    const group = html`<th scope="rowgroup" rowspan="${targets.length}">${service.name}</th>`;
    const rows = targets.map((target, i) => {
      const overall = target.overall == null ? '–' : formatScore(lang, target.overall);
      const overallCell = html`<td class="heat band-${band(target.overall ?? null)}"><strong>${overall}</strong></td>`;
      return html`<tr>${i === 0 ? group : ''}${deviceCells(ctx, target)}${overallCell}</tr>`;
    });
    return html`<tbody>${rows}</tbody>`;
  });
  return html`<section aria-labelledby="devices"><h2 id="devices">${t(lang, 'devices.heading')}</h2>
<figure>${renderHeatMap(result, lang)}<figcaption>${t(lang, 'heatmap.caption')}</figcaption></figure>
<p>${t(lang, 'devices.legend')}</p>
${table(
  ctx,
  t(lang, 'devices.caption'),
  headRow([
    t(lang, 'col.service'),
    t(lang, 'col.device'),
    ...SUITES.map((s) => suiteName(lang, s)),
    t(lang, 'col.overall'),
  ]),
  html`${bodies}`,
)}</section>`;
}

// ───────────────────────────── trend ─────────────────────────────

function trend(ctx: Context): Html {
  const { result, lang, history } = ctx;
  const heading = html`<h2 id="trend">${t(lang, 'trend.heading')}</h2>`;
  if (history.length < 2)
    return html`<section aria-labelledby="trend">${heading}<p>${t(lang, 'trend.none')}</p></section>`;
  const comparable = history.map((p) => p.fingerprint === result.fingerprint);
  const rows = result.services.map((service) => {
    const scores = history.map((p) => p.services.find((s) => s.id === service.id)?.overall ?? null);
    const releases = [...new Set(history.flatMap((p) => p.services.find((s) => s.id === service.id)?.release ?? []))];
    const first = scores.find((s) => s !== null) ?? null;
    const latest = scores[scores.length - 1] ?? null;
    const change = first !== null && latest !== null ? Math.round(latest) - Math.round(first) : null;
    const sign = change === null ? '' : change > 0 ? '+' : change < 0 ? '−' : '±';
    return html`<tr><th scope="row">${service.name}</th>
<td>${renderSparkline(service.name, scores, comparable, lang)}</td>
<td class="num">${scoreCell(ctx, first)}</td>
<td class="num">${scoreCell(ctx, latest)}</td>
<td class="num">${change === null ? '–' : `${sign}${formatNumber(lang, Math.abs(change))}`}</td>
<td>${releases.length > 0 ? releases.join(' → ') : '–'}</td></tr>`;
  });
  const runs = history.map((p, i) => {
    const configuration = comparable[i] ? t(lang, 'trend.same') : t(lang, 'trend.different');
    const run = [formatDateTime(p.startedAt, lang), html`<code>${p.runId}</code>`, configuration];
    return html`<tr><td class="num">${i + 1}</td>${cells(run)}</tr>`;
  });
  return html`<section aria-labelledby="trend">${heading}
<p>${t(lang, 'trend.intro')}</p>
${comparable.some((c) => !c) ? html`<p>${t(lang, 'trend.otherConfig')}</p>` : ''}
${table(
  ctx,
  t(lang, 'trend.caption'),
  headRow([
    t(lang, 'col.service'),
    t(lang, 'col.trend'),
    t(lang, 'col.first'),
    t(lang, 'col.latest'),
    t(lang, 'col.change'),
    t(lang, 'col.releases'),
  ]),
  html`<tbody>${rows}</tbody>`,
)}
${table(
  ctx,
  t(lang, 'trend.runsCaption'),
  headRow(['#', t(lang, 'col.date'), t(lang, 'col.run'), t(lang, 'col.configuration')]),
  html`<tbody>${runs}</tbody>`,
)}</section>`;
}

// ───────────────────────────── details ─────────────────────────────

/** Statuses a committee must see, in this order: failures, checks the harness could not evaluate, items to review. */
const SHOWN_STATUSES = ['fail', 'error', 'needs-review', 'inconclusive'] as const;
type Shown = (typeof SHOWN_STATUSES)[number];

/**
 * Shown: failures, errors and items to review; an inconclusive check when it names what kept it from a verdict
 * (findings).
 */
function isShown(check: CheckResult): boolean {
  if (check.status === 'inconclusive') return check.findingsTotal > 0;
  return (SHOWN_STATUSES as readonly string[]).includes(check.status);
}

/** One check of one service over its devices. */
interface Concern {
  readonly id: string;
  readonly rep: CheckResult;
  readonly perDevice: ReadonlyArray<{ device: string; check: CheckResult }>;
}

function concernRank(c: Concern): Shown {
  return SHOWN_STATUSES.find((status) => c.perDevice.some((d) => d.check.status === status)) ?? 'needs-review';
}

/** How a check is cited: its typed WCAG criteria (with their EN 301 549 clauses), then its other sources. */
function citations(check: CheckResult): string[] {
  // A reference to one of the project's own documents (FIELD.md…) means nothing to a committee.
  return [...criterionReferences(check.criteria), ...check.references.filter((r) => !INTERNAL_DOCUMENT.test(r))];
}

/** Citations of published sources (WCAG, EN 301 549, Lighthouse…) by their own, English titles: quoted. */
function cited(ctx: Context, refs: readonly string[]): Html {
  if (ctx.lang === 'en') return html`${refs.join('; ')}`;
  return joined(
    refs.map((r) => html`<span${ctx.en}>${r}</span>`),
    '; ',
  );
}

/** The name of a project document (`FIELD.md`, `docs/scoring.md`): never in committee text. */
const INTERNAL_DOCUMENT = /\b[\w./-]+\.md\b/i;

function byConcern(a: Concern, b: Concern): number {
  return (
    SHOWN_STATUSES.indexOf(concernRank(a)) - SHOWN_STATUSES.indexOf(concernRank(b)) ||
    IMPACTS.indexOf(b.rep.impact) - IMPACTS.indexOf(a.rep.impact) ||
    b.rep.weight - a.rep.weight ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function concernsOf(targets: readonly TargetResult[]): Concern[] {
  const byId = new Map<string, Array<{ device: string; check: CheckResult }>>();
  for (const target of targets) {
    for (const suite of SUITES) {
      for (const check of target.suites[suite].checks) {
        byId.set(check.id, [...(byId.get(check.id) ?? []), { device: target.device, check }]);
      }
    }
  }
  const concerns: Concern[] = [];
  for (const [id, perDevice] of byId) {
    const shown = perDevice.filter((d) => isShown(d.check));
    const rep = shown.find((d) => d.check.status === 'fail')?.check ?? shown[0]?.check;
    if (rep !== undefined) concerns.push({ id, rep, perDevice });
  }
  return concerns.sort(byConcern);
}

/** A finding seen on one or more devices (the same message, step, element and markup). */
interface MergedFinding {
  readonly finding: Finding;
  readonly devices: Array<{ device: string; screenshot?: string }>;
}

function mergeFindings(concern: Concern): { shown: MergedFinding[]; total: number } {
  // Findings past a check's own cap are counted in its detail, shown per device.
  const merged = new Map<string, MergedFinding>();
  for (const { device, check } of concern.perDevice) {
    if (!isShown(check)) continue;
    for (const f of check.findings) {
      const k = JSON.stringify([f.message, f.step ?? '', f.selector ?? '', f.html ?? '', f.impact]);
      const known = merged.get(k);
      const seen = { device, ...(f.screenshot !== undefined ? { screenshot: f.screenshot } : {}) };
      if (known) known.devices.push(seen);
      else merged.set(k, { finding: f, devices: [seen] });
    }
  }
  const all = [...merged.values()];
  return { shown: all.slice(0, FINDINGS_SHOWN), total: all.length };
}

function lighthouseLink(ctx: Context, service: string, device: string, step: string | undefined): Html | null {
  const target = ctx.result.targets.find((tg) => tg.service === service && tg.device === device);
  const file = target?.lighthouseReports?.find((r) => r.step === step)?.file;
  const href = evidenceHref(ctx, file);
  return href === undefined
    ? null
    : link(href, t(ctx.lang, 'finding.lighthouseOn', { device: deviceName(ctx, device) }), 'evidence');
}

function findingItem(ctx: Context, concern: Concern, merged: MergedFinding, service: string, devices: number): Html {
  const { lang, en } = ctx;
  const { finding } = merged;
  const url = vendorHref(finding.url, ctx.result.services.find((s) => s.id === service)?.baseUrl);
  const help = safeHref(finding.helpUrl);
  const row = (label: MessageKey, value: Interpolation) => html`<dt>${t(lang, label)}</dt><dd>${value}</dd>`;
  const shots = merged.devices.flatMap((d) => {
    const href = evidenceHref(ctx, d.screenshot);
    return href === undefined ? [] : [link(href, deviceName(ctx, d.device), 'evidence')];
  });
  const unlinked = merged.devices.filter(
    (d) => d.screenshot !== undefined && evidenceHref(ctx, d.screenshot) === undefined,
  );
  const reports =
    concern.rep.suite === 'performance'
      ? merged.devices.flatMap((d) => {
          const l = lighthouseLink(ctx, service, d.device, finding.step);
          return l === null ? [] : [l];
        })
      : [];
  const links = [...reports, ...(help !== undefined ? [link(help, t(lang, 'finding.help'))] : [])];
  const address = url !== undefined ? link(url, finding.url) : html`<code>${finding.url}</code>`;
  const unlinkedFiles = unlinked.map((d) => d.screenshot).join(', ');
  const seenOn =
    merged.devices.length === devices && devices > 1
      ? t(lang, 'finding.allDevices', { count: devices })
      : merged.devices.map((d) => deviceName(ctx, d.device)).join(', ');
  return html`<li><p${en}>${finding.message}</p>
<dl>
${row('check.impact', t(lang, key(`impact.${finding.impact}`)))}
${row('finding.seenOn', seenOn)}
${finding.step !== undefined ? row('finding.step', stepName(ctx, finding.step, service)) : ''}
${finding.url !== undefined ? row('finding.url', address) : ''}
${finding.selector !== undefined ? row('finding.element', html`<code>${finding.selector}</code>`) : ''}
${finding.sources !== undefined ? row('finding.sources', finding.sources.join(', ')) : ''}
${finding.html !== undefined ? row('finding.html', html`<pre><code>${finding.html}</code></pre>`) : ''}
${citations(concern.rep).length > 0 ? row('finding.criteria', cited(ctx, citations(concern.rep))) : ''}
${shots.length > 0 ? row('finding.screenshots', joined(shots, ', ')) : ''}
${unlinked.length > 0 ? row('finding.screenshot', html`<code>${unlinkedFiles}</code>`) : ''}
</dl>
${links.length > 0 ? html`<p>${joined(links)}</p>` : ''}</li>`;
}

const RULE_HEADING = {
  en: '{title}',
  fi:
    '{criteria, select, none {Automaattisesti tarkistettu sääntö} other {Saavutettavuusvaatimus WCAG {criteria}}} ' +
    '– työkalun sääntö: {title}',
  sv:
    '{criteria, select, none {Automatiskt kontrollerad regel} other {Tillgänglighetskrav WCAG {criteria}}} – ' +
    'verktygets regel: {title}',
} as const;

/**
 * A check with only an English title (an axe rule: its help text) is headed in the reader's language by what it
 * tests (its WCAG criteria), with the tool's English text kept as the quoted detail.
 */
function untranslatedTitle(ctx: Context, check: CheckResult, text: string): Html {
  if (ctx.lang === 'en') return html`${text}`;
  const token = '\u0001';
  const criteria = check.criteria.length > 0 ? listOf(ctx.lang, check.criteria) : 'none';
  const [before, after] = icu(ctx.lang, RULE_HEADING, { criteria, title: token }).split(token);
  return html`${before}<span${ctx.en}>${text}</span>${after}`;
}

function concernArticle(ctx: Context, concern: Concern, service: string, devices: number): Html {
  const { lang, en } = ctx;
  const check = concern.rep;
  const title = checkTitle(lang, check.id, check.title);
  const fact = (label: MessageKey, value: Interpolation) =>
    html`<div><dt>${t(lang, label)}</dt><dd>${value}</dd></div>`;
  const failing = concern.perDevice.filter((d) => d.check.status === 'fail').length;
  const reviewing = concern.perDevice.filter((d) => d.check.status === 'needs-review').length;
  const erring = concern.perDevice.filter((d) => d.check.status === 'error').length;
  const undecided = concern.perDevice.filter((d) => d.check.status === 'inconclusive').length;
  const summary =
    failing > 0
      ? t(lang, 'details.failsOn', { count: failing, total: devices })
      : erring > 0
        ? t(lang, 'details.errorOn', { count: erring, total: devices })
        : reviewing > 0
          ? t(lang, 'details.reviewOn', { count: reviewing, total: devices })
          : t(lang, 'details.inconclusiveOn', { count: undecided, total: devices });
  const statusItems = concern.perDevice.map(({ device, check: c }) => {
    const value = c.value !== undefined && c.value !== null ? html` · ${formatValue(lang, c.value, c.unit)}` : '';
    const status = t(lang, key(`checkStatus.${c.status}`));
    const detail = c.detail !== undefined ? html` — <span${en}>${c.detail}</span>` : '';
    return html`<li><strong>${deviceName(ctx, device)}</strong>: ${status}${value}${detail}</li>`;
  });
  const { shown, total } = mergeFindings(concern);
  const hidden = total - shown.length;
  return html`<article class="check" id="${anchor(`check-${service}`, check.id)}">
<h4>${title.translated ? title.text : untranslatedTitle(ctx, check, title.text)} — ${summary}</h4>
<dl class="facts">
${fact('check.id', html`<code>${check.id}</code>`)}
${fact('check.impact', t(lang, key(`impact.${check.impact}`)))}
${fact('check.weight', check.weight > 0 ? String(check.weight) : t(lang, 'details.notScoredWeight'))}
${citations(check).length > 0 ? fact('check.references', cited(ctx, citations(check))) : ''}
</dl>
<ul class="device-status">${statusItems}</ul>
${
  shown.length > 0
    ? html`<details><summary>${t(lang, 'details.showFindings', { count: total })}</summary>
<ol class="findings">${shown.map((f) => findingItem(ctx, concern, f, service, devices))}</ol>
${hidden > 0 ? html`<p class="muted">${t(lang, 'finding.more', { count: hidden })}</p>` : ''}
</details>`
    : ''
}
</article>`;
}

function serviceDeviceTable(ctx: Context, serviceId: string, targets: readonly TargetResult[]): Html {
  const { lang, en } = ctx;
  const service = serviceName(ctx, serviceId);
  const rows = targets.map((target) => {
    const reasons = SUITES.flatMap((s) =>
      target.suites[s].reason !== undefined ? [`${t(lang, key(`suite.${s}`))}: ${target.suites[s].reason}`] : [],
    );
    const overall = target.overall ?? null;
    const overallCell = html`<td class="num band-${band(overall)}"><strong>${scoreCell(ctx, overall)}</strong></td>`;
    return html`<tr>${deviceCells(ctx, target)}${overallCell}<td${en}>${reasons.join(' ')}</td></tr>`;
  });
  return table(
    ctx,
    t(lang, 'details.deviceCaption', { service }),
    headRow([
      t(lang, 'col.device'),
      ...SUITES.map((s) => suiteName(lang, s)),
      t(lang, 'col.overall'),
      t(lang, 'col.reason'),
    ]),
    html`<tbody>${rows}</tbody>`,
  );
}

/** The service's conformance evidence per WCAG criterion (src/scorecard/conformance.ts), folded. */
function conformance(ctx: Context, service: { id: string; name: string }, targets: readonly TargetResult[]): Html {
  const c = conformanceParts(conformanceTable(service.id, targets), ctx.lang, (id) => deviceName(ctx, id));
  return html`<details class="conformance"><summary>${c.heading}</summary>
<p>${c.intro}</p>
${c.counts}
${table(ctx, `${c.heading} · ${service.name}`, c.head, c.body)}
</details>`;
}

function details(ctx: Context): Html {
  const { result, lang } = ctx;
  const services = result.services.map((service) => {
    const baseUrl = safeHref(service.baseUrl);
    const targets = result.targets.filter((tg) => tg.service === service.id);
    const concerns = concernsOf(targets);
    const reports = targets.flatMap((tg) =>
      (tg.lighthouseReports ?? []).flatMap((r) => {
        const href = evidenceHref(ctx, r.file);
        if (href === undefined) return [];
        const device = deviceName(ctx, tg.device);
        const text = t(lang, 'details.lighthouseLink', { device, step: stepName(ctx, r.step, tg.service) });
        return [html`<li>${link(href, text, 'evidence')}</li>`];
      }),
    );
    const site = baseUrl !== undefined ? link(baseUrl, service.baseUrl) : html`<code>${service.baseUrl}</code>`;
    const release =
      service.release !== undefined ? html` · ${t(lang, 'details.release', { release: service.release })}` : '';
    // The sections number their tables as they are rendered, in the order of the template below.
    const helpers: ContentSectionHelpers = {
      deviceName: (id) => deviceName(ctx, id),
      evidenceHref: (p) => evidenceHref(ctx, p),
      table: (c, h, b) => table(ctx, c, h, b),
    };
    const loginHelpers: LoginSectionHelpers = {
      ...helpers,
      table: (c, h, b) => table(ctx, `${c} · ${service.name}`, h, b),
    };
    const article = (c: Concern) => concernArticle(ctx, c, service.id, targets.length);
    return html`<section class="service" aria-labelledby="${anchor('service', service.id)}">
<h3 id="${anchor('service', service.id)}">${service.name}</h3>
<p>${service.vendor} · ${site}${release}</p>
${contentClaimsSection(lang, service, result.targets, helpers)}
${serviceDeviceTable(ctx, service.id, targets)}
${loginSection(lang, targets, loginHelpers, service)}
${contentSection(lang, service, targets, helpers)}
${reports.length > 0 ? html`<p>${t(lang, 'details.lighthouse')}:</p><ul class="reports">${reports}</ul>` : ''}
${concerns.length === 0 ? html`<p>${t(lang, 'details.noIssues')}</p>` : concerns.map(article)}
${conformance(ctx, service, targets)}
</section>`;
  });
  return html`<section aria-labelledby="details"><h2 id="details">${t(lang, 'details.heading')}</h2>
<p>${t(lang, 'details.intro')}</p>
${services}</section>`;
}

// ───────────────────────────── methodology ─────────────────────────────

/** What counts as a regression under a profile's thresholds, one sentence each (methodology, compare.html). */
export function regressionRules(lang: Language, th: RegressionThresholds): string[] {
  return [
    ...(th.accessibility.newFailures
      ? [t(lang, 'method.regression.accessibility', { impact: t(lang, key(`impact.${th.accessibility.minImpact}`)) })]
      : []),
    t(lang, 'method.regression.performance', {
      percent: th.performance.slowdownPercent,
      ms: th.performance.slowdownMs,
      cls: th.performance.clsIncrease,
      runs: th.performance.minRuns,
    }),
    ...(th.login.brokenOnDevice ? [t(lang, 'method.regression.login')] : []),
    t(lang, 'method.regression.gates'),
    ...(th.overallDrop !== undefined ? [t(lang, 'method.regression.overall', { points: th.overallDrop })] : []),
  ];
}

/** Per suite, the checks evaluated on at least one target (status other than not-applicable), by title. */
function checksThatRan(ctx: Context): Html {
  const { result, lang, en } = ctx;
  const groups = SUITES.map((suite) => {
    const ran = new Map<string, CheckResult>();
    for (const tg of result.targets)
      for (const c of tg.suites[suite].checks) if (c.status !== 'not-applicable' && !ran.has(c.id)) ran.set(c.id, c);
    const items = [...ran.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((c) => {
        const title = checkTitle(lang, c.id, c.title);
        return html`<li><span${title.translated ? '' : en}>${title.text}</span> (<code>${c.id}</code>)</li>`;
      });
    if (items.length === 0) return '';
    const summary = t(lang, 'method.checksSuite', { suite: suiteName(lang, suite), count: items.length });
    return html`<details><summary>${summary}</summary><ul>${items}</ul></details>`;
  });
  return html`<h3>${t(lang, 'method.checks')}</h3><p>${t(lang, 'method.checksIntro')}</p>${groups}`;
}

/** A methodology subsection: a heading, its introduction and a list; nothing when the list is empty. */
function listSection(heading: string, intro: string, items: readonly Html[]): Interpolation {
  return items.length > 0 ? html`<h3>${heading}</h3><p>${intro}</p><ul>${items}</ul>` : '';
}

function methodology(ctx: Context): Html {
  const { result, lang } = ctx;
  const env = result.environment;
  const tools = Object.entries(result.tools)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const devices = result.devices.map((d) => {
    const formFactor = t(lang, key(`formFactor.${d.formFactor}`));
    const version = d.browserVersion ?? html`<span class="muted">${t(lang, 'method.unknown')}</span>`;
    return html`<tr><th scope="row">${d.name}</th><td>${d.engine}</td><td>${formFactor}</td><td>${version}</td></tr>`;
  });
  const weights = SUITES.map(
    (s) => html`<tr><th scope="row">${suiteName(lang, s)}</th><td class="num">${result.profile.weights[s]}</td></tr>`,
  );
  const gates = result.profile.gates.map((g) => {
    const title = gateTitle(ctx, g.id, g.check ?? '', g.check ?? g.id);
    const scope = t(lang, key(`method.scope.${g.scope}`));
    const where = g.devices
      ? `; ${t(lang, 'method.scope.devices', { devices: g.devices.map((d) => deviceName(ctx, d)).join(', ') })}`
      : '';
    const text =
      g.check !== undefined
        ? t(lang, 'method.gateItem', { gate: title, check: g.check, scope: scope + where })
        : t(lang, 'method.gateRule', { gate: title, scope: scope + where });
    return html`<li>${text}</li>`;
  });
  const unitOf = (id: string) =>
    result.scorecard.flatMap((e) => e.budgets ?? []).find((r) => r.id === id && r.unit !== undefined)?.unit;
  const budgets = (result.profile.budgets ?? []).map((b) => {
    if ('check' in b) {
      const title = b.title !== undefined ? localize(b.title, lang) : checkTitle(lang, b.check, b.check).text;
      const limit = formatValue(lang, b.max, unitOf(b.id));
      return html`<li>${t(lang, 'method.budgetValue', { title, check: b.check, limit })}</li>`;
    }
    const subject = b.score === 'overall' ? t(lang, 'col.overall') : t(lang, key(`suite.${b.score}`));
    const title =
      b.title !== undefined ? localize(b.title, lang) : t(lang, 'budget.scoreTitle', { subject, limit: b.min });
    return html`<li>${t(lang, 'method.budgetScore', { title, subject, limit: b.min })}</li>`;
  });
  const th = result.profile.regressions;
  const regressions = (th ? regressionRules(lang, th) : []).map((r) => html`<li>${r}</li>`);
  const limits = (['manual', 'content', 'apps', 'language', 'lab', 'trace'] as const).map(
    (k) => html`<li>${t(lang, key(`method.limit.${k}`))}</li>`,
  );
  // Everything below is generated from what the services declared and what ran: no sentence about a step that did not
  // happen.
  const journeys = result.services.map((s) => {
    const steps = s.journey.map((step) => step.name ?? step.id).join(' → ');
    return html`<li>${t(lang, 'method.journey', { service: s.name, steps })}</li>`;
  });
  const withLogin = result.services.filter((s) => s.login !== 'none');
  const logins = result.services.map((s) => {
    if (s.login === 'none') return html`<li>${t(lang, 'method.login.open', { service: s.name })}</li>`;
    const protocol = s.librarySystem === 'sip2' ? 'SIP2' : 'Koha REST';
    return s.librarySystem !== undefined
      ? html`<li>${t(lang, 'method.login.library', { service: s.name, strategy: s.login, protocol })}</li>`
      : html`<li>${t(lang, 'method.login.noLibrary', { service: s.name, strategy: s.login })}</li>`;
  });
  const measured = result.devices.filter((d) =>
    result.targets.some(
      (tg) => tg.device === d.id && !['not-applicable', 'missing'].includes(tg.suites.performance.status),
    ),
  );
  const released = result.services.filter((s) => s.releaseDeclared).map((s) => s.name);
  const started = formatDateTime(result.startedAt, lang);
  const evaluated = formatDateTime(result.evaluatedAt, lang);
  const performanceOn =
    measured.length > 0
      ? t(lang, 'method.performance.on', { devices: measured.map((d) => d.name).join(', ') })
      : t(lang, 'method.performance.none');
  const fingerprint = html`<code>${result.fingerprint}</code> (${shortFingerprint(result.fingerprint)})`;
  const environment = t(lang, 'run.environment', {
    version: env.harnessVersion,
    node: env.node,
    platform: env.platform,
    arch: env.arch,
    cpus: env.cpus,
  });
  return html`<section aria-labelledby="method"><h2 id="method">${t(lang, 'method.heading')}</h2>
<p>${t(lang, 'method.intro')}</p>
<ul>${journeys}</ul>
<p>${t(lang, 'method.when', { started, evaluated })}</p>
<ul>
${withLogin.length > 0 ? html`<li>${t(lang, 'method.login')}</li>` : ''}
<li>${t(lang, 'method.accessibility')}</li>
<li>${t(lang, 'method.performance', { runs: result.profile.runs.lighthouse })} ${performanceOn}</li>
${timingsMethod(result, lang)}
<li>${t(lang, 'method.compatibility')}</li>
</ul>
<ul>${logins}</ul>
<p>${t(lang, 'method.scoring')}</p>
<p>${t(lang, 'method.ties')}</p>
${released.length > 0 ? html`<p>${t(lang, 'method.release', { services: released.join(', ') })}</p>` : ''}
${checksThatRan(ctx)}
<h3>${t(lang, 'method.devices')}</h3>
${table(
  ctx,
  t(lang, 'method.devicesCaption'),
  headRow([
    t(lang, 'col.device'),
    t(lang, 'method.engine'),
    t(lang, 'method.formFactor'),
    t(lang, 'method.browserVersion'),
  ]),
  html`<tbody>${devices}</tbody>`,
)}
<h3>${t(lang, 'method.weights')}</h3>
${table(
  ctx,
  t(lang, 'method.weightsCaption'),
  headRow([t(lang, 'col.suite'), t(lang, 'col.weight')]),
  html`<tbody>${weights}</tbody>`,
)}
${gates.length > 0 ? html`<ul>${gates}</ul>` : html`<p>${t(lang, 'gate.none')}</p>`}
${listSection(t(lang, 'method.budgets'), t(lang, 'method.budgetsIntro'), budgets)}
${listSection(t(lang, 'method.regressions'), t(lang, 'method.regressionsIntro'), regressions)}
<h3>${t(lang, 'method.limits')}</h3>
<ul>${limits}</ul>
<h3 id="run">${t(lang, 'run.heading')}</h3>
<dl class="meta">
<dt>${t(lang, 'run.startedAt')}</dt><dd>${started}</dd>
<dt>${t(lang, 'run.evaluatedAt')}</dt><dd>${evaluated}</dd>
<dt>${t(lang, 'run.profile')}</dt><dd>${localize(result.profile.name, lang)} (<code>${result.profile.id}</code>)</dd>
<dt>${t(lang, 'run.id')}</dt><dd><code>${result.runId}</code></dd>
<dt>${t(lang, 'run.fingerprint')}</dt><dd>${fingerprint}</dd>
<dt>${t(lang, 'run.tools')}</dt><dd>${tools}</dd>
<dt>${t(lang, 'run.harness')}</dt><dd>${environment}</dd>
</dl>
</section>`;
}

// ───────────────────────────── document ─────────────────────────────

/** The document around a page's main content: head with CSP and styles, skip link, language switch. */
export function page(
  lang: Language,
  title: string,
  subtitle: string,
  nav: Interpolation,
  main: Interpolation,
  version: string,
  languageLinks: (l: Language) => string,
): string {
  const languages = LANGUAGES.map((l) => {
    const current = l === lang ? html` aria-current="page"` : '';
    return html`<li><a href="${languageLinks(l)}" hreflang="${l}" lang="${l}"${current}>${LANGUAGE_NAMES[l]}</a></li>`;
  });
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${subtitle}</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">${t(lang, 'skip.toContent')}</a>
<header>
<nav class="languages" aria-label="${t(lang, 'nav.language')}"><ul>${languages}</ul></nav>
<h1>${title}</h1>
<p>${subtitle}</p>
${nav}
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer><p>${t(lang, 'footer.generated', { version })}</p></footer>
</body>
</html>
`.value;
}

export function renderScorecardHtml(result: RunResult, options: RenderOptions): string {
  const { lang } = options;
  const ctx: Context = {
    lang,
    result,
    ...(options.evidenceBase !== undefined ? { evidenceBase: options.evidenceBase } : {}),
    history: options.history ?? [],
    en: lang === 'en' ? html`` : html` lang="en" class="quote"`,
    tables: 0,
  };
  const names = {
    service: (id: string) => serviceName(ctx, id),
    device: (id: string) => deviceName(ctx, id),
    step: (id: string) => stepName(ctx, id),
  };
  return page(
    lang,
    t(lang, 'document.title'),
    `${localize(result.profile.name, lang)} · ${formatDateTime(result.startedAt, lang)}`,
    contents(ctx),
    html`${ranking(ctx)}
${suitesTable(ctx)}
${deviceHeatMap(ctx)}
${timingsSection(ctx.result, ctx.lang, names)}
${trend(ctx)}
${details(ctx)}
${methodology(ctx)}`,
    result.environment.harnessVersion,
    scorecardFile,
  );
}
