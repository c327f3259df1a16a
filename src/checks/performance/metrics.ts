/**
 * Performance checks over repeated Lighthouse runs. Per page, the median of the runs is taken
 * (never a single run: Lighthouse's variability guidance) and scored on Lighthouse's own log-normal
 * curve for the page's form factor; the check's score is the worst page's score (a page in the poor
 * band fails the check on its own), its value that page's median. A run that measured nothing (a
 * Lighthouse runtime error) is a finding, and the check cannot pass while one is unexplained.
 * Quartiles and range of the runs are recorded in `detail`.
 *
 * Control points are those of Lighthouse 10–13 (`defaultOptions` in core/audits/metrics/*.js,
 * checked against lighthouse 13.5.0); weights are Lighthouse's performance category weights
 * (core/config/default-config.js: FCP 10, LCP 25, TBT 30, CLS 25; Speed Index 10 is not a check
 * here). The Lighthouse category score itself is reported with weight 0: it already combines the
 * same metrics, and counting it too would count them twice.
 */
import type { Impact, PerformancePage } from '../../core/index.ts';
import type { ControlPoints } from '../../scoring/curves.ts';
import { logNormalScore } from '../../scoring/curves.ts';
import { spread } from '../../scoring/statistics.ts';
import type { Spread } from '../../scoring/statistics.ts';
import { describeSpread, format } from './spread-text.ts';
import type { Check, FindingInput } from '../types.ts';
import { PASS_THRESHOLD } from '../types.ts';

type FormFactor = PerformancePage['formFactor'];
type MetricKey = 'fcp' | 'lcp' | 'tbt' | 'cls';

interface MetricDefinition {
  readonly name: string;
  readonly key: MetricKey;
  readonly title: string;
  readonly abbreviation: string;
  readonly impact: Impact;
  readonly weight: number;
  /** Unit of the value; undefined for unitless metrics (CLS). */
  readonly unit?: 'ms';
  readonly points: Readonly<Record<FormFactor, ControlPoints>>;
  readonly source: string;
  readonly references: readonly string[];
}

const LH = 'Lighthouse 13 core/audits/metrics';

export const METRICS = [
  {
    name: 'first-contentful-paint',
    key: 'fcp',
    abbreviation: 'FCP',
    title: 'First Contentful Paint is fast',
    impact: 'moderate',
    weight: 10,
    unit: 'ms',
    points: { mobile: { p10: 1800, median: 3000 }, desktop: { p10: 934, median: 1600 } },
    source: `${LH}/first-contentful-paint.js defaultOptions (HTTP Archive percentiles)`,
    references: ['Lighthouse: First Contentful Paint'],
  },
  {
    name: 'largest-contentful-paint',
    key: 'lcp',
    abbreviation: 'LCP',
    title: 'Largest Contentful Paint is fast',
    impact: 'serious',
    weight: 25,
    unit: 'ms',
    points: { mobile: { p10: 2500, median: 4000 }, desktop: { p10: 1200, median: 2400 } },
    source: `${LH}/largest-contentful-paint.js defaultOptions; mobile points are the Core Web Vitals good/poor borders`,
    references: ['Core Web Vitals: LCP good ≤ 2.5 s', 'Lighthouse: Largest Contentful Paint'],
  },
  {
    name: 'total-blocking-time',
    key: 'tbt',
    abbreviation: 'TBT',
    title: 'The page responds to input quickly (Total Blocking Time)',
    impact: 'serious',
    weight: 30,
    unit: 'ms',
    points: { mobile: { p10: 200, median: 600 }, desktop: { p10: 150, median: 350 } },
    source: `${LH}/total-blocking-time.js defaultOptions`,
    references: ['Lighthouse: Total Blocking Time (lab proxy of INP; Core Web Vitals INP good ≤ 200 ms)'],
  },
  {
    name: 'cumulative-layout-shift',
    key: 'cls',
    abbreviation: 'CLS',
    title: 'The layout does not shift unexpectedly',
    impact: 'moderate',
    weight: 25,
    points: { mobile: { p10: 0.1, median: 0.25 }, desktop: { p10: 0.1, median: 0.25 } },
    source: `${LH}/cumulative-layout-shift.js defaultOptions; the Core Web Vitals good/poor borders`,
    references: ['Core Web Vitals: CLS good ≤ 0.1', 'Lighthouse: Cumulative Layout Shift'],
  },
] as const satisfies readonly MetricDefinition[];

interface PageSummary {
  readonly page: PerformancePage;
  readonly spread: Spread;
  readonly score: number;
}

function runtimeErrors(page: PerformancePage): string {
  const codes = [...new Set(page.runs.flatMap((r) => (r.runtimeError ? [r.runtimeError] : [])))];
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}

function metricCheck(def: MetricDefinition): Check<'performance'> {
  return {
    meta: {
      id: `performance/${def.name}`,
      suite: 'performance',
      title: def.title,
      impact: def.impact,
      weight: def.weight,
      criteria: [],
      references: def.references,
      reads: [`performance.pages[].runs[].metrics.${def.key}`, 'performance.pages[].formFactor'],
      scoring: { points: def.points, source: def.source },
    },
    evaluate({ data }) {
      if (data.pages.length === 0) return { status: 'not-applicable', detail: 'No page was audited with Lighthouse.' };
      const measured: PageSummary[] = [];
      const unmeasured: string[] = [];
      for (const page of data.pages) {
        const values = page.runs.flatMap((r) => (r.metrics[def.key] === null ? [] : [r.metrics[def.key] as number]));
        const s = spread(values);
        if (s === null) unmeasured.push(`${page.step}${runtimeErrors(page)}`);
        else measured.push({ page, spread: s, score: logNormalScore(def.points[page.formFactor], s.median) });
      }
      const failedRuns = runFailures(data.pages, (r) => r.metrics[def.key] === null);
      const missing = unmeasured.length > 0 ? ` Not measured on: ${unmeasured.join(', ')}.` : '';
      if (measured.length === 0) {
        return {
          status: 'inconclusive',
          detail: `Lighthouse produced no ${def.abbreviation} value.${missing}`,
          findings: failedRuns.findings,
        };
      }
      // The check is as good as its worst page: a page in the poor band fails it on its own.
      const worst = measured.reduce((a, b) => (b.score < a.score ? b : a));
      const findings: FindingInput[] = measured
        .filter((m) => m.score < PASS_THRESHOLD)
        .map((m) => ({
          message:
            `${def.abbreviation} ${format(m.spread.median, def.unit)} is above ` +
            `${format(def.points[m.page.formFactor].median, def.unit)}, the ${m.page.formFactor} border of "poor" ` +
            `(${describeSpread(m.spread, def.unit, { range: true })}).`,
          step: m.page.step,
          url: m.page.url,
        }));
      const pages = measured
        .map((m) => {
          const spreadText = describeSpread(m.spread, def.unit, { range: true });
          return `${m.page.step} (${m.page.formFactor}): ${spreadText}, score ${m.score.toFixed(2)}`;
        })
        .join('; ');
      const detail =
        `${pages}; the check takes the worst page's score (${worst.page.step}).` + `${missing}${failedRuns.note}`;
      const value = worst.spread.median;
      const unit = def.unit !== undefined ? { unit: def.unit } : {};
      // A Lighthouse run that produced no value is not "nothing wrong": unless a measured page already
      // fails, the verdict waits for the runs that did not measure.
      if (worst.score >= PASS_THRESHOLD && failedRuns.count > 0) {
        return { status: 'inconclusive', value, ...unit, detail, findings: failedRuns.findings };
      }
      return { score: worst.score, value, ...unit, detail, findings: [...findings, ...failedRuns.findings] };
    },
  };
}

/**
 * Lighthouse runs that failed (a runtime error, or the value this check needs is missing): counted, named per page, as
 * findings.
 */
function runFailures(
  pages: readonly PerformancePage[],
  lacks: (run: PerformancePage['runs'][number]) => boolean,
): { count: number; note: string; findings: FindingInput[] } {
  const findings: FindingInput[] = [];
  let count = 0;
  for (const page of pages) {
    const bad = page.runs.filter((r) => r.runtimeError !== undefined || lacks(r));
    if (bad.length === 0) continue;
    count += bad.length;
    const codes = [...new Set(bad.flatMap((r) => (r.runtimeError ? [r.runtimeError] : [])))];
    findings.push({
      message:
        `${bad.length} of ${page.runs.length} Lighthouse run${page.runs.length === 1 ? '' : 's'} of ${page.step} ` +
        `(${page.formFactor}) measured nothing${codes.length > 0 ? `: ${codes.join(', ')}` : ''}.`,
      step: page.step,
      url: page.url,
    });
  }
  return {
    count,
    note:
      count > 0
        ? ` ${count} Lighthouse run${count === 1 ? '' : 's'} measured nothing ` +
          `(${findings.map((f) => f.step).join(', ')}).`
        : '',
    findings,
  };
}

export const metricChecks: readonly Check<'performance'>[] = METRICS.map(metricCheck);

/**
 * performance/lighthouse-performance: Lighthouse's own performance category score, median of the
 * runs per page; the worst page counts; value on Lighthouse's 0–100 scale. Weight 0 (see above).
 */
export const lighthousePerformance: Check<'performance'> = {
  meta: {
    id: 'performance/lighthouse-performance',
    suite: 'performance',
    title: 'Lighthouse performance score',
    impact: 'moderate',
    weight: 0,
    criteria: [],
    references: ['Lighthouse performance category (core/scoring.js)'],
    reads: ['performance.pages[].runs[].score'],
  },
  evaluate({ data }) {
    if (data.pages.length === 0) return { status: 'not-applicable', detail: 'No page was audited with Lighthouse.' };
    const perPage = data.pages.map((page) => ({
      page,
      spread: spread(page.runs.flatMap((r) => (r.score === null ? [] : [r.score]))),
    }));
    const medians = perPage.flatMap((p) => (p.spread ? [p.spread.median] : []));
    const score = medians.length > 0 ? Math.min(...medians) : null;
    const unscored = perPage.filter((p) => p.spread === null).map((p) => `${p.page.step}${runtimeErrors(p.page)}`);
    const missing = unscored.length > 0 ? ` Not scored on: ${unscored.join(', ')}.` : '';
    const failedRuns = runFailures(data.pages, (r) => r.score === null);
    if (score === null)
      return {
        status: 'inconclusive',
        detail: `Lighthouse produced no performance score.${missing}`,
        findings: failedRuns.findings,
      };
    const pct = (v: number) => Math.round(v * 100);
    const pages = perPage
      .flatMap((p) =>
        p.spread
          ? [
              `${p.page.step} (${p.page.formFactor}): median ${pct(p.spread.median)}, range ` +
                `${pct(p.spread.min)}–${pct(p.spread.max)}, ${p.spread.n} runs`,
            ]
          : [],
      )
      .join('; ');
    if (score >= PASS_THRESHOLD && failedRuns.count > 0) {
      return {
        status: 'inconclusive',
        value: score * 100,
        unit: 'points',
        detail: `${pages}; the worst page counts.${missing}${failedRuns.note}`,
        findings: failedRuns.findings,
      };
    }
    return {
      score,
      value: score * 100,
      unit: 'points',
      detail: `${pages}; the worst page counts.${missing}${failedRuns.note}`,
      findings: [
        ...failedRuns.findings,
        ...perPage
          .filter((p) => p.spread !== null && p.spread.median < PASS_THRESHOLD)
          .map((p) => ({
            message: `Lighthouse performance score ${pct((p.spread as Spread).median)} is below 50.`,
            step: p.page.step,
            url: p.page.url,
          })),
      ],
    };
  },
};

/** Harness policy: render-blocking requests that hold the first paint back by 100 ms are fine, by 300 ms "poor". */
export const RENDER_BLOCKING_POINTS: ControlPoints = { p10: 100, median: 300 };

/**
 * performance/render-blocking: requests in the page's <head> that hold back its first paint
 * (Lighthouse's render-blocking insight, estimated time the page would paint sooner without them).
 * Per page: the sum over its blocking requests, median of the runs, on a curve with harness control
 * points; the check's score is the worst page's score. Weight 0 like the category score: the
 * delay is already counted in FCP and LCP — this check names its cause.
 */
export const renderBlocking: Check<'performance'> = {
  meta: {
    id: 'performance/render-blocking',
    suite: 'performance',
    title: 'No request blocks the first paint for long',
    impact: 'moderate',
    weight: 0,
    criteria: [],
    references: [
      'Lighthouse: render-blocking requests insight (render-blocking-insight)',
      'web.dev: Eliminate render-blocking resources',
    ],
    reads: ['performance.pages[].runs[].renderBlocking'],
    scoring: {
      points: { mobile: RENDER_BLOCKING_POINTS, desktop: RENDER_BLOCKING_POINTS },
      source: 'harness policy (docs/scoring.md)',
    },
  },
  evaluate({ data }) {
    if (data.pages.length === 0) return { status: 'not-applicable', detail: 'No page was audited with Lighthouse.' };
    const recorded = data.pages.filter((p) => p.runs.some((r) => r.renderBlocking !== undefined));
    if (recorded.length === 0)
      return { status: 'inconclusive', detail: 'These Lighthouse runs did not record render-blocking requests.' };
    const pages = recorded.map((page) => {
      const runs = page.runs.filter((r) => r.renderBlocking !== undefined);
      const totals = runs.map((r) => (r.renderBlocking ?? []).reduce((sum, b) => sum + (b.wastedMs ?? 0), 0));
      const s = spread(totals) as Spread;
      const urls = [
        ...new Set(
          runs.flatMap((r) => (r.renderBlocking ?? []).filter((b) => (b.wastedMs ?? 0) > 0).map((b) => b.url)),
        ),
      ];
      return { page, spread: s, urls, score: logNormalScore(RENDER_BLOCKING_POINTS, s.median) };
    });
    // As good as its worst page; a page whose runs did not record it is named, not counted as clean.
    const worst = pages.reduce((a, b) => (b.score < a.score ? b : a));
    const score = worst.score;
    const unrecorded = data.pages.filter((p) => !recorded.includes(p)).map((p) => p.step);
    if (score >= PASS_THRESHOLD && unrecorded.length > 0) {
      return {
        status: 'inconclusive',
        detail:
          `No page is held back where recorded, but the Lighthouse runs of ${unrecorded.join(', ')} did not record ` +
          `render-blocking requests.`,
      };
    }
    return {
      score,
      value: worst.spread.median,
      unit: 'ms',
      detail: `${pages
        .map((p) =>
          p.urls.length === 0
            ? `${p.page.step} (${p.page.formFactor}): nothing blocks the first paint ` +
              `(${p.spread.n} run${p.spread.n === 1 ? '' : 's'})`
            : `${p.page.step} (${p.page.formFactor}): first paint held back by ${p.urls.length} ` +
              `request${p.urls.length === 1 ? '' : 's'}, ${describeSpread(p.spread, 'ms', { range: true })}`,
        )
        .join('; ')}.`,
      findings: pages
        .filter((p) => p.score < PASS_THRESHOLD)
        .map((p) => ({
          message:
            `Render-blocking request${p.urls.length === 1 ? '' : 's'} hold the first paint back by ` +
            `${Math.round(p.spread.median)} ms (median of ${p.spread.n} runs; "poor" from ` +
            `${RENDER_BLOCKING_POINTS.median} ms): ${p.urls.join(', ')}`,
          step: p.page.step,
          url: p.page.url,
        })),
    };
  },
};
