/**
 * Renders a service's conformance evidence table (src/scorecard/conformance.ts) as an HTML section
 * in Finnish, Swedish or English: criterion, level, EN 301 549 clause, verdict, and the checks ×
 * devices behind it. Pure; every vendor-derived string goes through the `html` tag's escaping.
 * The scorecard includes it in each service's section of the details, as a disclosure.
 */
import type { CheckStatus, Language } from '../core/index.ts';
import type { ConformanceTable, ConformanceVerdict } from '../scorecard/conformance.ts';
import { CONFORMANCE_VERDICTS } from '../scorecard/conformance.ts';
import { html, type Html } from './escape.ts';
import { t } from './i18n.ts';
import { cells, headRow } from './rows.ts';

const LABELS: Readonly<
  Record<
    Language,
    Readonly<
      Record<
        ConformanceVerdict | 'heading' | 'criterion' | 'level' | 'clause' | 'verdict' | 'evidence' | 'intro' | 'draft',
        string
      >
    >
  >
> = {
  en: {
    heading: 'Conformance evidence (WCAG 2.2 A/AA, EN 301 549)',
    intro:
      "What the automated checks found per success criterion, to hold against the vendor's accessibility " +
      'conformance report. "Passes" means no automated check found a failure; criteria not testable ' +
      'automatically must be tested by a person.',
    criterion: 'Success criterion',
    level: 'Level',
    clause: 'EN 301 549',
    verdict: 'Result',
    evidence: 'Evidence',
    draft: 'V4 draft',
    fails: 'Fails',
    'needs-review': 'Needs review',
    passes: 'Passes',
    'not-applicable': 'Not applicable',
    'not-tested': 'Not testable automatically',
  },
  fi: {
    heading: 'Vaatimustenmukaisuuden näyttö (WCAG 2.2 A/AA, EN 301 549)',
    intro:
      'Automaattisten tarkistusten tulokset onnistumiskriteereittäin toimittajan saavutettavuusselostetta ' +
      'vasten. "Läpäisee" tarkoittaa, ettei mikään automaattinen tarkistus löytänyt virhettä; automaattisesti ' +
      'testaamattomat kriteerit on testattava käsin.',
    criterion: 'Onnistumiskriteeri',
    level: 'Taso',
    clause: 'EN 301 549',
    verdict: 'Tulos',
    evidence: 'Näyttö',
    draft: 'V4-luonnos',
    fails: 'Ei läpäise',
    'needs-review': 'Tarkistettava',
    passes: 'Läpäisee',
    'not-applicable': 'Ei sovellu',
    'not-tested': 'Ei testattavissa automaattisesti',
  },
  sv: {
    heading: 'Belägg för överensstämmelse (WCAG 2.2 A/AA, EN 301 549)',
    intro:
      'Vad de automatiska kontrollerna fann per framgångskriterium, att jämföra med leverantörens ' +
      'tillgänglighetsredogörelse. "Godkänd" betyder att ingen automatisk kontroll fann fel; kriterier som inte ' +
      'kan testas automatiskt måste testas manuellt.',
    criterion: 'Framgångskriterium',
    level: 'Nivå',
    clause: 'EN 301 549',
    verdict: 'Resultat',
    evidence: 'Belägg',
    draft: 'V4-utkast',
    fails: 'Underkänd',
    'needs-review': 'Granskas',
    passes: 'Godkänd',
    'not-applicable': 'Ej tillämplig',
    'not-tested': 'Kan inte testas automatiskt',
  },
};

/** The parts of a service's conformance table, for the scorecard to lay out with its own table markup. */
export interface ConformanceParts {
  readonly heading: string;
  readonly intro: string;
  /** Counts per verdict, as a list. */
  readonly counts: Html;
  readonly head: Html;
  readonly body: Html;
}

/**
 * A service's conformance table: counts per verdict, then one row per criterion with the checks
 * behind it, each check's results grouped by status over the devices (`deviceName` turns device ids
 * into the names the scorecard shows).
 */
export function conformanceParts(
  table: ConformanceTable,
  lang: Language,
  deviceName: (id: string) => string = (id) => id,
): ConformanceParts {
  const l = LABELS[lang];
  const counts = CONFORMANCE_VERDICTS.map((v) => html`<li class="conf-${v}">${l[v]}: ${table.counts[v]}</li>`);
  const rows = table.rows.map((row) => {
    const c = row.criterion;
    const byCheck = new Map<string, Map<CheckStatus, string[]>>();
    for (const e of row.evidence) {
      const statuses = byCheck.get(e.check) ?? new Map<CheckStatus, string[]>();
      statuses.set(e.status, [...(statuses.get(e.status) ?? []), deviceName(e.device)]);
      byCheck.set(e.check, statuses);
    }
    const evidence = [...byCheck].map(([check, statuses]) => {
      const parts = [...statuses].map(([status, devices]) => {
        const where =
          devices.length === table.devices.length && devices.length > 1
            ? t(lang, 'finding.allDevices', { count: devices.length })
            : devices.join(', ');
        return `${t(lang, `checkStatus.${status}`)}: ${where}`;
      });
      return html`<li><code>${check}</code> — ${parts.join('; ')}</li>`;
    });
    const title = lang === 'en' ? c.title : html`<span lang="en" class="quote">${c.title}</span>`;
    const clause = html`${c.en}${c.enDraft ? html` (${l.draft})` : ''}`;
    const list = evidence.length > 0 ? html`<ul>${evidence}</ul>` : '';
    const data = cells([c.level, clause, l[row.verdict], list]);
    return html`<tr class="conf-${row.verdict}"><th scope="row">${c.sc} ${title}</th>${data}</tr>`;
  });
  return {
    heading: l.heading,
    intro: l.intro,
    counts: html`<ul class="conf-counts">${counts}</ul>`,
    head: headRow([l.criterion, l.level, l.clause, l.verdict, l.evidence]),
    body: html`<tbody>${rows}</tbody>`,
  };
}
