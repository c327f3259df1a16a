/**
 * The scorecard's journey-timings section (issue 6), in Finnish, Swedish or English: per device, a
 * table of each service's median with its interquartile range per journey phase, and sentences that
 * say "A is faster than B" only where the two-sided Mann-Whitney U test is significant at the
 * profile's level — otherwise that the runs do not tell them apart. Plus the methodology line.
 * Pure; every vendor-derived string goes through the `html` tag's escaping.
 */
import type { Language, RunResult, TimingsReport } from '../core/index.ts';
import { html, type Html } from './escape.ts';
import { formatNumber, formatP } from './format.ts';
import { headRow } from './rows.ts';

type Labels = {
  heading: string;
  intro: string;
  phase: string;
  failed: string;
  notApplied: string;
  faster: (a: string, b: string, phase: string, ma: string, mb: string, p: string) => string;
  same: (a: string, b: string, phase: string, p: string) => string;
  none: string;
  method: (runs: number, network: string, alpha: string, lighthouse: number) => string;
  fewRuns: (runs: number) => string;
  login: string;
  play: string;
  /** What the second line of a step's cell says (INP, TBT, CLS). */
  answers: string;
  notObservable: string;
};

const fmtMs = (lang: Language, v: number | null) => (v === null ? '–' : `${formatNumber(lang, v)} ms`);

export const TIMING_LABELS: Readonly<Record<Language, Labels>> = {
  en: {
    heading: 'Journey timings between services',
    intro:
      "Each phase of the patron's journey was timed in repeated runs on every device. The cells give the median " +
      'and, in brackets, the interquartile range. A service is called faster only when a two-sided Mann-Whitney ' +
      'U test on the runs is significant; otherwise the runs do not tell the services apart.',
    phase: 'Phase',
    failed: 'failed runs',
    notApplied: 'network profile not applied on this device',
    faster: (a, b, phase, ma, mb, p) => `${a} is faster than ${b} at ${phase} (median ${ma} vs ${mb}; p = ${p}).`,
    same: (a, b, phase, p) => `${a} and ${b} do not differ significantly at ${phase} (p = ${p}).`,
    none: 'No timings could be compared.',
    method: (runs, network, alpha, lighthouse) =>
      `Journey timings: the journey was walked ${runs} times per device (every engine, fresh browser context ` +
      `each time) under the network profile "${network}", applied on Chromium through the DevTools protocol and ` +
      `marked as not applied elsewhere; medians are scored on documented curves, and two services are called ` +
      `different only when a two-sided Mann-Whitney U test gives p < ${alpha}. Lighthouse ran ${lighthouse} ` +
      `times per page (the default is 5).`,
    fewRuns: (runs) =>
      `With ${runs} runs per service no difference can be significant at this level: at least 4 runs per side ` +
      `are needed.`,
    login: 'login',
    play: 'play → audio playing',
    answers:
      "Under each journey step's time: how the page answered during the step (medians over the walks) — INP, its " +
      'slowest interaction; TBT, main-thread blocking; CLS, layout shifts of the step. A dash: this browser ' +
      'cannot measure it.',
    notObservable: 'not measurable in this browser',
  },
  fi: {
    heading: 'Polun ajoitukset palveluiden välillä',
    intro:
      'Asiakkaan polun jokainen vaihe ajastettiin toistetuilla ajoilla jokaisella laitteella. Soluissa on ' +
      'mediaani ja suluissa kvartiiliväli. Palvelua sanotaan nopeammaksi vain, kun kaksisuuntainen Mann–Whitneyn ' +
      'U-testi on ajojen perusteella merkitsevä; muuten ajot eivät erota palveluita toisistaan.',
    phase: 'Vaihe',
    failed: 'epäonnistunutta ajoa',
    notApplied: 'verkkoprofiilia ei voitu soveltaa tällä laitteella',
    faster: (a, b, phase, ma, mb, p) =>
      `${a} on nopeampi kuin ${b} vaiheessa ${phase} (mediaani ${ma} vs. ${mb}; p = ${p}).`,
    same: (a, b, phase, p) => `${a} ja ${b} eivät eroa merkitsevästi vaiheessa ${phase} (p = ${p}).`,
    none: 'Ajoituksia ei voitu verrata.',
    method: (runs, network, alpha, lighthouse) =>
      `Polun ajoitukset: polku kuljettiin ${runs} kertaa laitetta kohden (kaikilla selainmoottoreilla, joka ` +
      `kerta uudessa selainkontekstissa) verkkoprofiililla "${network}", jota sovelletaan Chromiumissa ` +
      `DevTools-protokollan kautta ja joka merkitään muualla soveltamatta jääneeksi; mediaanit pisteytetään ` +
      `dokumentoiduilla käyrillä, ja palveluita sanotaan erilaisiksi vain, kun kaksisuuntainen Mann–Whitneyn ` +
      `U-testi antaa p < ${alpha}. Lighthouse ajettiin ${lighthouse} kertaa sivua kohden (oletus on 5).`,
    fewRuns: (runs) =>
      `Kun ajoja on ${runs} palvelua kohden, mikään ero ei voi olla merkitsevä tällä tasolla: tarvitaan ` +
      `vähintään 4 ajoa kummallekin.`,
    login: 'kirjautuminen',
    play: 'toisto → ääni kuuluu',
    answers:
      'Polun vaiheen ajan alla: miten sivu vastasi vaiheen aikana (ajojen mediaanit) — INP, hitain ' +
      'vuorovaikutus; TBT, pääsäikeen estoaika; CLS, vaiheen asettelusiirtymät. Viiva: tämä selain ei pysty ' +
      'mittaamaan sitä.',
    notObservable: 'ei mitattavissa tässä selaimessa',
  },
  sv: {
    heading: 'Tidtagning av stegen mellan tjänsterna',
    intro:
      'Varje steg på låntagarens väg tidtogs i upprepade körningar på varje enhet. Cellerna visar medianen och ' +
      'inom parentes kvartilavståndet. En tjänst kallas snabbare endast när ett tvåsidigt Mann–Whitney U-test på ' +
      'körningarna är signifikant; annars skiljer körningarna inte tjänsterna åt.',
    phase: 'Steg',
    failed: 'misslyckade körningar',
    notApplied: 'nätverksprofilen tillämpades inte på den här enheten',
    faster: (a, b, phase, ma, mb, p) =>
      `${a} är snabbare än ${b} i steget ${phase} (median ${ma} mot ${mb}; p = ${p}).`,
    same: (a, b, phase, p) => `${a} och ${b} skiljer sig inte signifikant i steget ${phase} (p = ${p}).`,
    none: 'Inga tider kunde jämföras.',
    method: (runs, network, alpha, lighthouse) =>
      `Tidtagning av stegen: vägen gicks ${runs} gånger per enhet (alla webbläsarmotorer, varje gång i en ny ` +
      `webbläsarkontext) med nätverksprofilen "${network}", som tillämpas i Chromium via DevTools-protokollet ` +
      `och markeras som inte tillämpad annars; medianerna poängsätts med dokumenterade kurvor, och två tjänster ` +
      `kallas olika endast när ett tvåsidigt Mann–Whitney U-test ger p < ${alpha}. Lighthouse kördes ` +
      `${lighthouse} gånger per sida (standard är 5).`,
    fewRuns: (runs) =>
      `Med ${runs} körningar per tjänst kan ingen skillnad vara signifikant på den här nivån: minst 4 körningar ` +
      `per sida behövs.`,
    login: 'inloggning',
    play: 'uppspelning → ljud hörs',
    answers:
      'Under varje stegs tid: hur sidan svarade under steget (medianer över körningarna) — INP, den långsammaste ' +
      'interaktionen; TBT, blockeringstid i huvudtråden; CLS, stegets layoutförskjutningar. Ett streck: den här ' +
      'webbläsaren kan inte mäta det.',
    notObservable: 'kan inte mätas i den här webbläsaren',
  },
};

function phaseName(labels: Labels, phase: string, step: (id: string) => string): string {
  return phase === 'login' ? labels.login : phase === 'play' ? labels.play : step(phase);
}

/** A step cell's second line: INP, TBT and CLS medians, a dash where the browser cannot measure one. */
function answered(
  lang: Language,
  l: Labels,
  r: TimingsReport['rows'][number]['cells'][number]['responsiveness'],
): Html | string {
  if (!r) return '';
  const dash = html`<span title="${l.notObservable}">–</span>`;
  const cls = r.layoutShift === null ? dash : formatNumber(lang, r.layoutShift, 3);
  const inp = r.interactionMs === null ? dash : fmtMs(lang, r.interactionMs);
  const tbt = r.blockingMs === null ? dash : fmtMs(lang, r.blockingMs);
  return html`<br><span class="muted">INP ${inp} · TBT ${tbt} · CLS ${cls}</span>`;
}

/** The methodology line about timings and run counts. */
export function timingsMethod(result: RunResult, lang: Language): Html {
  const l = TIMING_LABELS[lang];
  const p = result.profile;
  const network = typeof p.network === 'string' ? p.network : p.network.id;
  const method = l.method(p.runs.timings, network, formatNumber(lang, p.significance, 3), p.runs.lighthouse);
  return html`<li>${method}${p.runs.timings < 4 ? html` ${l.fewRuns(p.runs.timings)}` : ''}</li>`;
}

/** The section, or nothing when the run has no timings. */
export function timingsSection(
  result: RunResult,
  lang: Language,
  names: { service: (id: string) => string; device: (id: string) => string; step: (id: string) => string },
): Html {
  const report: TimingsReport | undefined = result.timings;
  if (!report) return html``;
  const l = TIMING_LABELS[lang];
  const devices = [...new Set(report.rows.map((r) => r.device))];
  const blocks = devices.map((device, i) => {
    const rows = report.rows.filter((r) => r.device === device);
    const services = [...new Set(rows.flatMap((r) => r.cells.map((c) => c.service)))];
    const head = headRow([l.phase, ...services.map((s) => names.service(s))]);
    const body = rows.map((r) => {
      const cells = services.map((s) => {
        const c = r.cells.find((x) => x.service === s);
        if (!c) return html`<td class="muted">–</td>`;
        const range =
          c.q1 !== null && c.q3 !== null
            ? html` <span class="muted">(${fmtMs(lang, c.q1)}–${fmtMs(lang, c.q3)})</span>`
            : '';
        const failed = c.failed > 0 ? html` <span class="muted">· ${c.failed} ${l.failed}</span>` : '';
        const net = c.networkApplied ? '' : html` <span class="muted" title="${l.notApplied}">*</span>`;
        const responsiveness = answered(lang, l, c.responsiveness);
        return html`<td class="num">${fmtMs(lang, c.median)}${range}${failed}${net}${responsiveness}</td>`;
      });
      return html`<tr><th scope="row">${phaseName(l, r.phase, names.step)}</th>${cells}</tr>`;
    });
    const comparisons = report.comparisons.filter((c) => c.device === device);
    const sentences = comparisons.map((c) => {
      const faster = names.service(c.faster);
      const slower = names.service(c.slower);
      const phase = phaseName(l, c.phase, names.step);
      if (!c.significant) return html`<li class="muted">${l.same(faster, slower, phase, formatP(lang, c.p))}</li>`;
      const text = l.faster(
        faster,
        slower,
        phase,
        fmtMs(lang, c.fasterMedian),
        fmtMs(lang, c.slowerMedian),
        formatP(lang, c.p),
      );
      return html`<li><strong>${text}</strong></li>`;
    });
    const notApplied = rows.some((r) => r.cells.some((c) => !c.networkApplied))
      ? html`<p class="muted">* ${l.notApplied}</p>`
      : '';
    const id = `timings-table-${i + 1}`;
    return html`<h3>${names.device(device)}</h3>
<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table>
<caption id="${id}">${l.heading}: ${names.device(device)}</caption>
<thead>${head}</thead>
<tbody>${body}</tbody>
</table></div>${notApplied}
<ul class="timing-comparisons">${sentences.length > 0 ? sentences : html`<li>${l.none}</li>`}</ul>`;
  });
  return html`<section aria-labelledby="timings"><h2 id="timings">${l.heading}</h2>
<p>${l.intro}</p>
${report.rows.some((r) => r.cells.some((c) => c.responsiveness)) ? html`<p>${l.answers}</p>` : ''}
${blocks}
</section>`;
}
