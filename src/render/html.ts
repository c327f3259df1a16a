/**
 * renderScorecardHtml: RunResult → one self-contained, printable HTML scorecard in Finnish, Swedish
 * or English. No scripts, no external resources (a CSP forbids both); screenshots are linked
 * relative to the scorecard (`evidence/…png`), never embedded. Every piece of vendor-controlled
 * text goes through the `html` template tag, which escapes it; links go through `safeHref`.
 */
import type { CheckResult, Finding, Language, RunResult, ScorecardEntry, SuiteResult, TargetResult } from '../core/index.ts';
import { IMPACTS, LANGUAGES, SUITES } from '../core/index.ts';
import { renderChart } from './chart.ts';
import type { Html, Interpolation } from './escape.ts';
import { html, raw, safeHref } from './escape.ts';
import { band, formatDateTime, formatScore, formatValue, shortFingerprint } from './format.ts';
import type { MessageKey } from './i18n.ts';
import { checkTitle, t } from './i18n.ts';
import { STYLES } from './styles.ts';

export interface RenderOptions {
  readonly lang: Language;
  /** Prefix for evidence links (screenshots) when the scorecard is not in the run directory. */
  readonly evidenceBase?: string;
}

/** The policy in the CSP meta element: nothing may load or run except inline styles and images. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Findings shown per check; the rest are counted and left to results.json. */
export const FINDINGS_SHOWN = 10;

const LANGUAGE_NAMES = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const satisfies Record<Language, string>;

/** File name of the scorecard in a language (the lead writes all three). */
export function scorecardFile(lang: Language): string {
  return `scorecard.${lang}.html`;
}

interface Context {
  readonly lang: Language;
  readonly result: RunResult;
  readonly evidenceBase?: string;
  /** `lang="en"` on English evidence text inside a Finnish or Swedish page. */
  readonly en: Html;
  /** Numbers the tables, for caption ids (rendering order, so deterministic). */
  tables: number;
}

function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}

function serviceName(ctx: Context, id: string): string {
  return ctx.result.services.find((s) => s.id === id)?.name ?? id;
}

function deviceName(ctx: Context, id: string): string {
  return ctx.result.devices.find((d) => d.id === id)?.name ?? id;
}

function key<K extends MessageKey>(k: K): K {
  return k;
}

function scoreCell(ctx: Context, score: number | null): Html {
  return score === null ? html`<span class="muted">${t(ctx.lang, 'score.none')}</span>` : html`${formatScore(ctx.lang, score)}`;
}

/**
 * A captioned table in a wrapper that scrolls sideways on narrow screens. The wrapper is a named,
 * focusable region so keyboard users can scroll it (axe scrollable-region-focusable).
 */
function table(ctx: Context, caption: string, head: Interpolation, body: Interpolation): Html {
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

// ───────────────────────────── header ─────────────────────────────

function languageNav(ctx: Context): Html {
  const items = LANGUAGES.map(
    (l) =>
      html`<li><a href="${scorecardFile(l)}" hreflang="${l}" lang="${l}"${l === ctx.lang ? html` aria-current="page"` : ''}>${LANGUAGE_NAMES[l]}</a></li>`,
  );
  return html`<nav class="languages" aria-label="${t(ctx.lang, 'nav.language')}"><ul>${items}</ul></nav>`;
}

function runMeta(ctx: Context): Html {
  const { result, lang } = ctx;
  const env = result.environment;
  const tools = Object.entries(result.tools).map(([name, version]) => `${name} ${version}`).join(', ');
  return html`<section aria-labelledby="run"><h2 id="run">${t(lang, 'run.heading')}</h2>
<dl class="meta">
<dt>${t(lang, 'run.startedAt')}</dt><dd>${formatDateTime(result.startedAt)}</dd>
<dt>${t(lang, 'run.evaluatedAt')}</dt><dd>${formatDateTime(result.evaluatedAt)}</dd>
<dt>${t(lang, 'run.profile')}</dt><dd>${result.profile.name} (<code>${result.profile.id}</code>)</dd>
<dt>${t(lang, 'run.id')}</dt><dd><code>${result.runId}</code></dd>
<dt>${t(lang, 'run.fingerprint')}</dt><dd><code title="${result.fingerprint}">${shortFingerprint(result.fingerprint)}</code></dd>
<dt>${t(lang, 'run.tools')}</dt><dd>${tools}</dd>
<dt>${t(lang, 'run.harness')}</dt><dd>${t(lang, 'run.environment', { version: env.harnessVersion, node: env.node, platform: env.platform, arch: env.arch, cpus: env.cpus })}</dd>
</dl></section>`;
}

// ───────────────────────────── ranking ─────────────────────────────

function gateList(ctx: Context, entry: ScorecardEntry): Html {
  if (entry.gates.length === 0) return html`<span class="muted">${t(ctx.lang, 'gate.none')}</span>`;
  const items = entry.gates.map((gate) => {
    const profileGate = ctx.result.profile.gates.find((g) => g.id === gate.id);
    const title = profileGate?.title ?? checkTitle(ctx.lang, gate.check, gate.title).text;
    const [mark, word] =
      gate.passed === true ? ['✓', t(ctx.lang, 'gate.passed')] : gate.passed === false ? ['✗', t(ctx.lang, 'gate.failed')] : ['?', t(ctx.lang, 'gate.undecided')];
    const where =
      gate.failedOn.length > 0 ? html` (${t(ctx.lang, 'gate.failedOn', { devices: gate.failedOn.map((d) => deviceName(ctx, d)).join(', ') })})` : '';
    return html`<li><span class="mark" aria-hidden="true">${mark}</span>${title}: <strong>${word}</strong>${where}</li>`;
  });
  return html`<ul class="gates">${items}</ul>`;
}

function ranking(ctx: Context): Html {
  const { result, lang } = ctx;
  const ranked = result.ranking.flatMap((id) => result.scorecard.filter((e) => e.service === id));
  const others = result.scorecard.filter((e) => !result.ranking.includes(e.service));
  const rows = [...ranked, ...others].map((entry) => {
    const service = result.services.find((s) => s.id === entry.service);
    return html`<tr>
<td class="num">${entry.rank === null ? html`<span class="muted">${t(lang, 'rank.none')}</span>` : entry.rank}</td>
<th scope="row"><a href="#${anchor('service', entry.service)}">${serviceName(ctx, entry.service)}</a>${service ? html`<span class="weight">${service.vendor}</span>` : ''}</th>
<td class="num band-${band(entry.overall)}">${scoreCell(ctx, entry.overall)}</td>
<td>${gateList(ctx, entry)}</td>
</tr>`;
  });
  return html`<section aria-labelledby="ranking"><h2 id="ranking">${t(lang, 'ranking.heading')}</h2>
<p>${t(lang, 'ranking.intro')}</p>
${result.ranking.length === 0 ? html`<p><strong>${t(lang, 'ranking.empty')}</strong></p>` : ''}
${table(
  ctx,
  t(lang, 'ranking.caption'),
  html`<tr><th scope="col">${t(lang, 'col.rank')}</th><th scope="col">${t(lang, 'col.service')}</th><th scope="col">${t(lang, 'col.overall')}</th><th scope="col">${t(lang, 'col.gates')}</th></tr>`,
  html`<tbody>${rows}</tbody>`,
)}</section>`;
}

// ───────────────────────────── side by side ─────────────────────────────

function suitesTable(ctx: Context): Html {
  const { result, lang } = ctx;
  const head = SUITES.map(
    (s) => html`<th scope="col">${t(lang, key(`suite.${s}`))}<span class="weight">${t(lang, 'suites.weight', { weight: result.profile.weights[s] })}</span></th>`,
  );
  const rows = result.scorecard.map(
    (entry) => html`<tr><th scope="row">${serviceName(ctx, entry.service)}</th>
${SUITES.map((s) => html`<td class="num band-${band(entry.suites[s])}">${scoreCell(ctx, entry.suites[s])}</td>`)}
<td class="num band-${band(entry.overall)}"><strong>${scoreCell(ctx, entry.overall)}</strong></td></tr>`,
  );
  return html`<section aria-labelledby="suites"><h2 id="suites">${t(lang, 'suites.heading')}</h2>
${table(
  ctx,
  t(lang, 'suites.caption'),
  html`<tr><th scope="col">${t(lang, 'col.service')}</th>${head}<th scope="col">${t(lang, 'col.overall')}</th></tr>`,
  html`<tbody>${rows}</tbody>`,
)}</section>`;
}

function heatCell(ctx: Context, suite: SuiteResult): Html {
  return html`<td class="heat band-${band(suite.score)}"><strong>${suite.score === null ? '–' : formatScore(ctx.lang, suite.score)}</strong><span class="status">${t(ctx.lang, key(`suiteStatus.${suite.status}`))}</span></td>`;
}

function deviceHeatMap(ctx: Context): Html {
  const { result, lang } = ctx;
  const bodies = result.services.map((service) => {
    const targets = result.targets.filter((tg) => tg.service === service.id);
    const rows = targets.map(
      (target, i) => html`<tr>${i === 0 ? html`<th scope="rowgroup" rowspan="${targets.length}">${service.name}</th>` : ''}<th scope="row">${deviceName(ctx, target.device)}</th>${SUITES.map((s) => heatCell(ctx, target.suites[s]))}</tr>`,
    );
    return html`<tbody>${rows}</tbody>`;
  });
  return html`<section aria-labelledby="devices"><h2 id="devices">${t(lang, 'devices.heading')}</h2>
<p>${t(lang, 'devices.legend')}</p>
${table(
  ctx,
  t(lang, 'devices.caption'),
  html`<tr><th scope="col">${t(lang, 'col.service')}</th><th scope="col">${t(lang, 'col.device')}</th>${SUITES.map((s) => html`<th scope="col">${t(lang, key(`suite.${s}`))}</th>`)}</tr>`,
  html`${bodies}`,
)}</section>`;
}

function chart(ctx: Context): Html {
  return html`<section aria-labelledby="chart"><h2 id="chart">${t(ctx.lang, 'chart.heading')}</h2>
<figure>${renderChart(ctx.result, ctx.lang)}<figcaption>${t(ctx.lang, 'chart.caption')}</figcaption></figure></section>`;
}

// ───────────────────────────── details ─────────────────────────────

const SHOWN_STATUSES = ['fail', 'needs-review'] as const;

function byConcern(a: CheckResult, b: CheckResult): number {
  return (
    SHOWN_STATUSES.indexOf(a.status as (typeof SHOWN_STATUSES)[number]) - SHOWN_STATUSES.indexOf(b.status as (typeof SHOWN_STATUSES)[number]) ||
    IMPACTS.indexOf(b.impact) - IMPACTS.indexOf(a.impact) ||
    b.weight - a.weight ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function findingItem(ctx: Context, finding: Finding): Html {
  const { lang, en } = ctx;
  const url = safeHref(finding.url);
  const shot = safeHref(finding.screenshot, { relative: true, ...(ctx.evidenceBase !== undefined ? { base: ctx.evidenceBase } : {}) });
  const help = safeHref(finding.helpUrl);
  const row = (label: MessageKey, value: Interpolation) => html`<dt>${t(lang, label)}</dt><dd>${value}</dd>`;
  const links = [
    shot !== undefined ? link(shot, t(lang, 'finding.screenshot'), 'evidence') : null,
    help !== undefined ? link(help, t(lang, 'finding.help')) : null,
  ].filter((l): l is Html => l !== null);
  return html`<li><p${en}>${finding.message}</p>
<dl>
${row('check.impact', t(lang, key(`impact.${finding.impact}`)))}
${finding.step !== undefined ? row('finding.step', html`<code>${finding.step}</code>`) : ''}
${finding.url !== undefined ? row('finding.url', url !== undefined ? link(url, finding.url) : html`<code>${finding.url}</code>`) : ''}
${finding.selector !== undefined ? row('finding.element', html`<code>${finding.selector}</code>`) : ''}
${finding.html !== undefined ? row('finding.html', html`<pre><code>${finding.html}</code></pre>`) : ''}
${finding.screenshot !== undefined && shot === undefined ? row('finding.screenshot', html`<code>${finding.screenshot}</code>`) : ''}
</dl>
${links.length > 0 ? html`<p>${links.map((l, i) => (i === 0 ? l : html` · ${l}`))}</p>` : ''}</li>`;
}

function checkArticle(ctx: Context, check: CheckResult): Html {
  const { lang, en } = ctx;
  const title = checkTitle(lang, check.id, check.title);
  const fact = (label: MessageKey, value: Interpolation) => html`<div><dt>${t(lang, label)}</dt><dd>${value}</dd></div>`;
  const shown = check.findings.slice(0, FINDINGS_SHOWN);
  const hidden = check.findings.length - shown.length;
  return html`<article class="check">
<h5><span${title.translated ? '' : en}>${title.text}</span> — ${t(lang, key(`checkStatus.${check.status}`))}</h5>
<dl class="facts">
${fact('check.id', html`<code>${check.id}</code>`)}
${fact('check.impact', t(lang, key(`impact.${check.impact}`)))}
${fact('check.weight', check.weight > 0 ? String(check.weight) : t(lang, 'details.notScoredWeight'))}
${check.score !== null ? fact('check.score', formatScore(lang, check.score * 100)) : ''}
${check.value !== undefined && check.value !== null ? fact('check.value', formatValue(lang, check.value, check.unit)) : ''}
${check.references.length > 0 ? fact('check.references', check.references.join('; ')) : ''}
</dl>
${check.detail !== undefined ? html`<p${en}>${check.detail}</p>` : ''}
${shown.length > 0 ? html`<ol class="findings">${shown.map((f) => findingItem(ctx, f))}</ol>` : ''}
${hidden > 0 ? html`<p class="muted">${t(lang, 'finding.more', { count: hidden })}</p>` : ''}
</article>`;
}

function targetSection(ctx: Context, target: TargetResult): Html {
  const { lang, en } = ctx;
  const service = serviceName(ctx, target.service);
  const device = deviceName(ctx, target.device);
  const rows = SUITES.map((s) => {
    const suite = target.suites[s];
    return html`<tr><th scope="row">${t(lang, key(`suite.${s}`))}</th><td>${t(lang, key(`suiteStatus.${suite.status}`))}</td><td class="num">${scoreCell(ctx, suite.score)}</td><td${en}>${suite.reason ?? ''}</td></tr>`;
  });
  const concerns = SUITES.flatMap((s) => target.suites[s].checks.filter((c) => (SHOWN_STATUSES as readonly string[]).includes(c.status))).sort(byConcern);
  return html`<section aria-labelledby="${anchor('target', target.id)}">
<h4 id="${anchor('target', target.id)}">${t(lang, 'details.target', { service, device })}</h4>
${table(
  ctx,
  t(lang, 'details.suitesCaption', { service, device }),
  html`<tr><th scope="col">${t(lang, 'col.suite')}</th><th scope="col">${t(lang, 'col.status')}</th><th scope="col">${t(lang, 'col.score')}</th><th scope="col">${t(lang, 'col.reason')}</th></tr>`,
  html`<tbody>${rows}</tbody>`,
)}
${concerns.length === 0 ? html`<p>${t(lang, 'details.noIssues')}</p>` : concerns.map((c) => checkArticle(ctx, c))}
</section>`;
}

function details(ctx: Context): Html {
  const { result, lang } = ctx;
  const services = result.services.map((service) => {
    const baseUrl = safeHref(service.baseUrl);
    return html`<section class="service" aria-labelledby="${anchor('service', service.id)}">
<h3 id="${anchor('service', service.id)}">${service.name}</h3>
<p>${service.vendor} · ${baseUrl !== undefined ? link(baseUrl, service.baseUrl) : html`<code>${service.baseUrl}</code>`}</p>
${result.targets.filter((tg) => tg.service === service.id).map((tg) => targetSection(ctx, tg))}
</section>`;
  });
  return html`<section aria-labelledby="details"><h2 id="details">${t(lang, 'details.heading')}</h2>
<p>${t(lang, 'details.intro')}</p>
${services}</section>`;
}

// ───────────────────────────── methodology ─────────────────────────────

function methodology(ctx: Context): Html {
  const { result, lang } = ctx;
  const formFactor = (f: string) => (f === 'desktop' || f === 'mobile' || f === 'tablet' ? t(lang, key(`formFactor.${f}`)) : f);
  const devices = result.devices.map(
    (d) => html`<tr><th scope="row">${d.name}</th><td>${d.engine}</td><td>${formFactor(d.formFactor)}</td><td>${d.browserVersion ?? html`<span class="muted">${t(lang, 'method.unknown')}</span>`}</td></tr>`,
  );
  const weights = SUITES.map((s) => html`<tr><th scope="row">${t(lang, key(`suite.${s}`))}</th><td class="num">${result.profile.weights[s]}</td></tr>`);
  const gates = result.profile.gates.map((g) => {
    const title = g.title ?? checkTitle(lang, g.check, g.check).text;
    return html`<li>${t(lang, 'method.gateItem', { gate: title, check: g.check, scope: t(lang, key(`method.scope.${g.scope}`)) })}</li>`;
  });
  const limits = (['manual', 'content', 'apps', 'language', 'lab'] as const).map((k) => html`<li>${t(lang, key(`method.limit.${k}`))}</li>`);
  return html`<section aria-labelledby="method"><h2 id="method">${t(lang, 'method.heading')}</h2>
<p>${t(lang, 'method.intro')}</p>
<ul>
<li>${t(lang, 'method.login')}</li>
<li>${t(lang, 'method.accessibility')}</li>
<li>${t(lang, 'method.performance', { runs: result.profile.runs.lighthouse })}</li>
<li>${t(lang, 'method.compatibility')}</li>
</ul>
<p>${t(lang, 'method.scoring')}</p>
<h3>${t(lang, 'method.devices')}</h3>
${table(
  ctx,
  t(lang, 'method.devicesCaption'),
  html`<tr><th scope="col">${t(lang, 'col.device')}</th><th scope="col">${t(lang, 'method.engine')}</th><th scope="col">${t(lang, 'method.formFactor')}</th><th scope="col">${t(lang, 'method.browserVersion')}</th></tr>`,
  html`<tbody>${devices}</tbody>`,
)}
<h3>${t(lang, 'method.weights')}</h3>
${table(
  ctx,
  t(lang, 'method.weightsCaption'),
  html`<tr><th scope="col">${t(lang, 'col.suite')}</th><th scope="col">${t(lang, 'col.weight')}</th></tr>`,
  html`<tbody>${weights}</tbody>`,
)}
${gates.length > 0 ? html`<ul>${gates}</ul>` : html`<p>${t(lang, 'gate.none')}</p>`}
<h3>${t(lang, 'method.limits')}</h3>
<ul>${limits}</ul>
</section>`;
}

// ───────────────────────────── document ─────────────────────────────

export function renderScorecardHtml(result: RunResult, options: RenderOptions): string {
  const { lang } = options;
  const ctx: Context = {
    lang,
    result,
    ...(options.evidenceBase !== undefined ? { evidenceBase: options.evidenceBase } : {}),
    en: lang === 'en' ? html`` : html` lang="en"`,
    tables: 0,
  };
  const title = t(lang, 'document.title');
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${result.profile.name}</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">${t(lang, 'skip.toContent')}</a>
<header>
${languageNav(ctx)}
<h1>${title}</h1>
<p>${result.profile.name} · ${formatDateTime(result.startedAt)}</p>
</header>
<main id="main" tabindex="-1">
${runMeta(ctx)}
${ranking(ctx)}
${suitesTable(ctx)}
${deviceHeatMap(ctx)}
${chart(ctx)}
${details(ctx)}
${methodology(ctx)}
</main>
<footer><p>${t(lang, 'footer.generated', { version: result.environment.harnessVersion })}</p></footer>
</body>
</html>
`;
  return page.value;
}
