/**
 * renderCompareHtml: CompareResult → compare.html (fi/sv/en), the same self-contained, script-free
 * page as the scorecard (same CSP and stylesheet). Per service: the release tested in each run, the
 * verdict, and a table of every change — what, where, before → now, regression or not — so that a
 * reader sees which release changed what. Vendor-controlled text (names, releases) is escaped.
 */
import type { Change, ComparedMetric, CompareResult, Language, ServiceComparison } from '../core/index.ts';
import type { Html } from './escape.ts';
import { html } from './escape.ts';
import { formatDateTime, formatNumber, formatScore, shortFingerprint } from './format.ts';
import { anchor, page, regressionRules, table } from './html.ts';
import type { MessageKey } from './i18n.ts';
import { checkTitle, t } from './i18n.ts';
import { cells, headRow } from './rows.ts';

export interface CompareRenderOptions {
  readonly lang: Language;
  /** erh version, for the footer. */
  readonly harnessVersion: string;
  /** Device names by id (the runs' devices); ids are shown otherwise. */
  readonly deviceNames?: Readonly<Record<string, string>>;
}

/** File name of the comparison in a language (compare.html is the Finnish one, as scorecard.html). */
export function compareFile(lang: Language): string {
  return `compare.${lang}.html`;
}

function key<K extends MessageKey>(k: K): K {
  return k;
}

interface Ctx {
  readonly lang: Language;
  readonly en: Html;
  tables: number;
}

function release(ctx: Ctx, value: string | null): string {
  return value ?? t(ctx.lang, 'compare.releaseUnknown');
}

function score(ctx: Ctx, value: number | null): Html {
  return value === null
    ? html`<span class="muted">${t(ctx.lang, 'score.none')}</span>`
    : html`${formatScore(ctx.lang, value)}`;
}

const METRIC_KEYS = {
  fcp: 'metric.fcp',
  lcp: 'metric.lcp',
  tbt: 'metric.tbt',
  cls: 'metric.cls',
} as const satisfies Record<ComparedMetric, MessageKey>;

function what(ctx: Ctx, change: Change): Html {
  const { lang, en } = ctx;
  if (change.metric !== undefined) {
    const metric = t(lang, METRIC_KEYS[change.metric]);
    return html`${change.step !== undefined ? t(lang, 'metric.atStep', { metric, step: change.step }) : metric}`;
  }
  if (change.kind === 'score-drop' || change.kind === 'score-rise') return html`${t(lang, 'col.overall')}`;
  if (change.check === undefined) return html`–`;
  const title = checkTitle(lang, change.check, change.title ?? change.check);
  return html`<span${title.translated ? '' : en}>${title.text}</span><br><code>${change.check}</code>`;
}

function value(ctx: Ctx, v: number | null | undefined, change: Change): string {
  if (v === undefined || v === null) return '–';
  if (change.metric === 'cls') return formatNumber(ctx.lang, v, 3);
  if (change.unit === 'ms') return `${formatNumber(ctx.lang, Math.round(v))} ms`;
  return formatNumber(ctx.lang, v, 1);
}

function changeRow(ctx: Ctx, change: Change, deviceName: (id: string) => string): Html {
  const { lang, en } = ctx;
  const beforeAfter =
    change.before !== undefined || change.after !== undefined
      ? `${value(ctx, change.before, change)} → ${value(ctx, change.after, change)}`
      : '–';
  const significance =
    change.significant === undefined
      ? ''
      : change.significant
        ? t(lang, 'compare.significant')
        : t(lang, 'compare.notSignificant');
  const impact =
    change.impact !== undefined ? html`<span class="weight">${t(lang, key(`impact.${change.impact}`))}</span>` : '';
  const verdict = change.regression ? t(lang, 'compare.regression') : t(lang, 'compare.notRegression');
  return html`<tr class="${change.regression ? 'band-bad' : ''}">
<td>${t(lang, key(`change.${change.kind}`))}${impact}</td>
<td>${change.device !== undefined ? deviceName(change.device) : '–'}</td>
<td>${what(ctx, change)}</td>
<td class="num">${beforeAfter}</td>
<td><strong>${verdict}</strong>${significance !== '' ? html`<span class="weight">${significance}</span>` : ''}</td>
<td${en}>${change.detail}</td>
</tr>`;
}

function serviceSection(ctx: Ctx, s: ServiceComparison, deviceName: (id: string) => string): Html {
  const { lang } = ctx;
  const heading = t(lang, 'compare.changesHeading', { service: s.name });
  const body =
    s.changes.length === 0
      ? html`<p>${t(lang, 'compare.noChanges')}</p>`
      : table(
          ctx,
          t(lang, 'compare.changesCaption', { service: s.name }),
          headRow([
            t(lang, 'col.change'),
            t(lang, 'col.device'),
            t(lang, 'col.what'),
            t(lang, 'col.beforeAfter'),
            t(lang, 'col.regression'),
            t(lang, 'col.note'),
          ]),
          html`<tbody>${s.changes.map((c) => changeRow(ctx, c, deviceName))}</tbody>`,
        );
  const releaseLine = s.releaseChanged
    ? t(lang, 'compare.releaseChange', { old: release(ctx, s.oldRelease), new: release(ctx, s.newRelease) })
    : t(lang, 'compare.releaseSame', { release: release(ctx, s.newRelease) });
  const status = t(lang, key(`compare.status.${s.status}`));
  return html`<section aria-labelledby="${anchor('service', s.service)}">
<h3 id="${anchor('service', s.service)}">${heading}</h3>
<p>${t(lang, 'col.release')}: ${releaseLine} · ${t(lang, 'col.result')}: <strong>${status}</strong></p>
${body}
</section>`;
}

export function renderCompareHtml(result: CompareResult, options: CompareRenderOptions): string {
  const deviceNames = options.deviceNames ?? {};
  const { lang } = options;
  const ctx: Ctx = { lang, en: lang === 'en' ? html`` : html` lang="en" class="quote"`, tables: 0 };
  const deviceName = (id: string) => deviceNames[id] ?? id;
  const names = (ids: readonly string[]) =>
    ids.map((id) => result.services.find((s) => s.service === id)?.name ?? id).join(', ');
  const regressed = result.regressed.length > 0;
  const runRow = (label: MessageKey, r: CompareResult['old']) => {
    const codes = [r.runId, r.profile, shortFingerprint(r.fingerprint)].map((c) => html`<code>${c}</code>`);
    return html`<tr><th scope="row">${t(lang, label)}</th>${cells([formatDateTime(r.startedAt, lang), ...codes])}</tr>`;
  };
  const summaryRows = result.services.map(
    (s) => html`<tr><th scope="row"><a href="#${anchor('service', s.service)}">${s.name}</a></th>
<td>${release(ctx, s.oldRelease)}</td><td>${release(ctx, s.newRelease)}</td>
<td class="num">${score(ctx, s.oldOverall)}</td><td class="num">${score(ctx, s.newOverall)}</td>
<td class="${s.regressed ? 'band-bad' : ''}"><strong>${t(lang, key(`compare.status.${s.status}`))}</strong></td></tr>`,
  );
  const thresholds = regressionRules(lang, result.thresholds);
  const verdict = regressed
    ? t(lang, 'compare.verdictRegressed', { services: names(result.regressed) })
    : t(lang, 'compare.verdictNone');
  const configuration = result.sameConfiguration
    ? t(lang, 'compare.sameConfig')
    : html`<strong>${t(lang, 'compare.differentConfig')}</strong>`;
  const main = html`<section aria-labelledby="verdict"><h2 id="verdict">${t(lang, 'compare.verdict')}</h2>
<p class="verdict ${regressed ? 'bad' : 'good'}"><strong>${verdict}</strong></p>
<p>${t(lang, 'compare.intro')}</p>
${table(
  ctx,
  t(lang, 'compare.summaryCaption'),
  headRow([
    t(lang, 'col.service'),
    t(lang, 'col.oldRelease'),
    t(lang, 'col.newRelease'),
    t(lang, 'col.oldOverall'),
    t(lang, 'col.newOverall'),
    t(lang, 'col.result'),
  ]),
  html`<tbody>${summaryRows}</tbody>`,
)}</section>
<section aria-labelledby="changes"><h2 id="changes">${t(lang, 'compare.changes')}</h2>
${result.services.map((s) => serviceSection(ctx, s, deviceName))}</section>
<section aria-labelledby="runs"><h2 id="runs">${t(lang, 'compare.runs')}</h2>
<p>${configuration}</p>
${table(
  ctx,
  t(lang, 'compare.runsCaption'),
  headRow([
    t(lang, 'col.run'),
    t(lang, 'col.date'),
    t(lang, 'run.id'),
    t(lang, 'run.profile'),
    t(lang, 'run.fingerprint'),
  ]),
  html`<tbody>${runRow('compare.old', result.old)}${runRow('compare.new', result.new)}</tbody>`,
)}
<h3>${t(lang, 'compare.thresholds')}</h3>
<ul>${thresholds.map((x) => html`<li>${x}</li>`)}</ul></section>`;
  return page(
    lang,
    t(lang, 'compare.title'),
    `${formatDateTime(result.old.startedAt)} → ${formatDateTime(result.new.startedAt)}`,
    '',
    main,
    options.harnessVersion,
    compareFile,
  );
}
