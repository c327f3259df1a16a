/**
 * The content section of a service (issue 18), in Finnish, Swedish or English: the vendor's claims
 * held against the findings first (ACR contradictions, with the checks and devices that contradict
 * each claim), then the publications tested (EPUBCheck, Ace — its JSON report linked as evidence, never
 * shown as HTML — metadata, navigation, language, images), and the accessibility statement's
 * completeness, its list of non-accessible content beside the harness's own failures. Pure; every
 * vendor string (titles, statement sentences, ACR notes) goes through the `html` tag's escaping, and a
 * statement URL becomes a link only on the service's own origin.
 */
import { compareClaims, PART_NAMES, type ClaimComparison, type ClaimEvidence } from '../checks/content/index.ts';
import { STATEMENT_PARTS, type ContentEvidence, type Language, type TargetResult } from '../core/index.ts';
import { conformanceTable } from '../scorecard/conformance.ts';
import { html, vendorHref, type Html } from './escape.ts';
import { cells, headRow } from './rows.ts';

export interface ContentSectionHelpers {
  deviceName: (id: string) => string;
  evidenceHref: (path: string | undefined) => string | undefined;
  table: (caption: string, head: Html, body: Html) => Html;
}

type Key =
  | 'heading'
  | 'intro'
  | 'claims'
  | 'claimsIntro'
  | 'criterion'
  | 'component'
  | 'claimed'
  | 'found'
  | 'evidence'
  | 'contradicted'
  | 'consistent'
  | 'not-testable'
  | 'supports-but-failing'
  | 'not-applicable-but-applicable'
  | 'publications'
  | 'publication'
  | 'origin'
  | 'epubcheck'
  | 'ace'
  | 'report'
  | 'unreachable'
  | 'noneTested'
  | 'statement'
  | 'statementAbsent'
  | 'statementUnreachable'
  | 'part'
  | 'foundPart'
  | 'missingPart'
  | 'nonAccessible'
  | 'harnessFails'
  | 'errors'
  | 'violations'
  | 'notRun'
  | 'acrUnread'
  | 'tools'
  | 'sample'
  | 'opds'
  | 'download'
  | 'noContradiction'
  | 'metadata'
  | 'metadataYes'
  | 'metadataNo';

const L: Record<Language, Record<Key, string>> = {
  en: {
    heading: 'Content: publications, accessibility statement and ACR',
    intro:
      'The publications the service delivers, checked with EPUBCheck and Ace by DAISY, and the vendor’s own ' +
      'claims held against the findings.',
    claims: 'The vendor’s ACR against the findings',
    claimsIntro:
      'Each claim of the vendor’s Accessibility Conformance Report (OpenACR) beside what the harness found for ' +
      'that criterion; contradictions first.',
    criterion: 'Criterion',
    component: 'Component',
    claimed: 'Claimed',
    found: 'Harness',
    evidence: 'Evidence',
    contradicted: 'Contradicted',
    consistent: 'Consistent',
    'not-testable': 'Not testable automatically',
    'supports-but-failing': 'claimed supports, found failing',
    'not-applicable-but-applicable': 'claimed not applicable, found applicable',
    publications: 'Publications tested',
    publication: 'Publication',
    origin: 'From',
    epubcheck: 'EPUBCheck',
    ace: 'Ace by DAISY',
    report: 'report',
    unreachable: 'unreachable',
    noneTested: 'No publication could be tested.',
    statement: 'Accessibility statement',
    statementAbsent: 'No accessibility statement was found.',
    statementUnreachable: 'The statement could not be read',
    part: 'Required part',
    foundPart: 'found',
    missingPart: 'missing',
    nonAccessible: 'The statement names as not accessible',
    harnessFails: 'The harness found failing',
    errors: 'errors',
    violations: 'serious violations',
    notRun: 'not run',
    acrUnread: 'The ACR could not be read',
    tools: 'Tools',
    sample: 'sample file',
    opds: 'OPDS feed',
    download: 'download link',
    noContradiction: 'No claim is contradicted by the findings.',
    metadata: 'Accessibility metadata',
    metadataYes: 'declared',
    metadataNo: 'missing',
  },
  fi: {
    heading: 'Sisältö: julkaisut, saavutettavuusseloste ja ACR',
    intro:
      'Palvelun toimittamat julkaisut tarkistettuina EPUBCheckillä ja DAISYn Acella sekä toimittajan omat ' +
      'väitteet havaintoja vasten.',
    claims: 'Toimittajan ACR havaintoja vasten',
    claimsIntro:
      'Toimittajan saavutettavuusraportin (OpenACR) jokainen väite rinnakkain sen kanssa, mitä testaus havaitsi ' +
      'samasta kriteeristä; ristiriidat ensin.',
    criterion: 'Kriteeri',
    component: 'Osa',
    claimed: 'Väite',
    found: 'Testaus',
    evidence: 'Näyttö',
    contradicted: 'Ristiriidassa',
    consistent: 'Ei ristiriitaa',
    'not-testable': 'Ei testattavissa automaattisesti',
    'supports-but-failing': 'väitetty tuetuksi, havaittu virheitä',
    'not-applicable-but-applicable': 'väitetty ei koske, havaittu koskevan',
    publications: 'Testatut julkaisut',
    publication: 'Julkaisu',
    origin: 'Lähde',
    epubcheck: 'EPUBCheck',
    ace: 'DAISY Ace',
    report: 'raportti',
    unreachable: 'ei saatavilla',
    noneTested: 'Yhtään julkaisua ei voitu testata.',
    statement: 'Saavutettavuusseloste',
    statementAbsent: 'Saavutettavuusselostetta ei löytynyt.',
    statementUnreachable: 'Selostetta ei voitu lukea',
    part: 'Vaadittu osa',
    foundPart: 'löytyi',
    missingPart: 'puuttuu',
    nonAccessible: 'Seloste nimeää ei-saavutettavaksi',
    harnessFails: 'Testaus havaitsi virheitä',
    errors: 'virhettä',
    violations: 'vakavaa virhettä',
    notRun: 'ei ajettu',
    acrUnread: 'ACR:ää ei voitu lukea',
    tools: 'Työkalut',
    sample: 'näytetiedosto',
    opds: 'OPDS-syöte',
    download: 'latauslinkki',
    noContradiction: 'Havainnot eivät ole ristiriidassa yhdenkään väitteen kanssa.',
    metadata: 'Saavutettavuusmetatiedot',
    metadataYes: 'on',
    metadataNo: 'puuttuu',
  },
  sv: {
    heading: 'Innehåll: publikationer, tillgänglighetsutlåtande och ACR',
    intro:
      'Publikationerna som tjänsten levererar, kontrollerade med EPUBCheck och DAISY Ace, och leverantörens egna ' +
      'påståenden mot fynden.',
    claims: 'Leverantörens ACR mot fynden',
    claimsIntro:
      'Varje påstående i leverantörens tillgänglighetsrapport (OpenACR) bredvid det som testerna fann för samma ' +
      'kriterium; motsägelser först.',
    criterion: 'Kriterium',
    component: 'Del',
    claimed: 'Påstått',
    found: 'Testerna',
    evidence: 'Belägg',
    contradicted: 'Motsägs',
    consistent: 'Ingen motsägelse',
    'not-testable': 'Kan inte testas automatiskt',
    'supports-but-failing': 'påstås stödjas, fel hittades',
    'not-applicable-but-applicable': 'påstås inte tillämpligt, visade sig tillämpligt',
    publications: 'Testade publikationer',
    publication: 'Publikation',
    origin: 'Källa',
    epubcheck: 'EPUBCheck',
    ace: 'DAISY Ace',
    report: 'rapport',
    unreachable: 'inte nåbar',
    noneTested: 'Ingen publikation kunde testas.',
    statement: 'Tillgänglighetsutlåtande',
    statementAbsent: 'Inget tillgänglighetsutlåtande hittades.',
    statementUnreachable: 'Utlåtandet kunde inte läsas',
    part: 'Obligatorisk del',
    foundPart: 'finns',
    missingPart: 'saknas',
    nonAccessible: 'Utlåtandet anger som icke tillgängligt',
    harnessFails: 'Testerna fann fel',
    errors: 'fel',
    violations: 'allvarliga fel',
    notRun: 'inte körd',
    acrUnread: 'ACR kunde inte läsas',
    tools: 'Verktyg',
    sample: 'exempelfil',
    opds: 'OPDS-flöde',
    download: 'nedladdningslänk',
    noContradiction: 'Fynden motsäger inget påstående.',
    metadata: 'Tillgänglighetsmetadata',
    metadataYes: 'finns',
    metadataNo: 'saknas',
  },
};

const PART_LABELS: Record<Language, Record<(typeof STATEMENT_PARTS)[number], string>> = {
  en: PART_NAMES,
  fi: {
    conformance: 'vaatimustenmukaisuuden tila',
    'non-accessible': 'ei-saavutettava sisältö ja syyt',
    prepared: 'laatimispäivä',
    reviewed: 'päivityspäivä',
    feedback: 'palautekanava',
    enforcement: 'valvontaviranomainen',
  },
  sv: {
    conformance: 'förenlighetsstatus',
    'non-accessible': 'innehåll som inte är tillgängligt och varför',
    prepared: 'datum då utlåtandet upprättades',
    reviewed: 'datum för senaste översyn',
    feedback: 'kanal för respons',
    enforcement: 'tillsynsmyndighet',
  },
};

/** The content evidence of a service (gathered on one device) and the device it came from. */
function contentOf(targets: readonly TargetResult[]): { device: string; content: ContentEvidence } | undefined {
  const t = targets.find((x) => x.content !== undefined);
  return t?.content ? { device: t.device, content: t.content } : undefined;
}

/** The ACR's claims compared with the service's conformance evidence (src/checks/content/acr-contradictions.ts). */
export function serviceClaims(service: string, targets: readonly TargetResult[]): ClaimComparison[] | undefined {
  const c = contentOf(targets.filter((t) => t.service === service));
  if (c?.content.acr?.status !== 'parsed') return undefined;
  const bySc = new Map<string, ClaimEvidence[]>(
    conformanceTable(service, targets).rows.map((r) => [r.criterion.sc, [...r.evidence]]),
  );
  return compareClaims(c.content.acr.claims, bySc);
}

function evidenceList(h: ContentSectionHelpers, lang: Language, e: readonly ClaimEvidence[]): Html {
  const byCheck = new Map<string, string[]>();
  for (const x of e) byCheck.set(x.check, [...(byCheck.get(x.check) ?? []), `${h.deviceName(x.device)}: ${x.status}`]);
  void lang;
  const items = [...byCheck]
    .slice(0, 8)
    .map(([check, where]) => html`<li><code>${check}</code> — ${where.join(', ')}</li>`);
  return html`<ul>${items}</ul>`;
}

/** Contradictions between the ACR and the findings: shown first in the service's section. */
export function contentClaimsSection(
  lang: Language,
  service: { id: string; name: string },
  targets: readonly TargetResult[],
  h: ContentSectionHelpers,
): Html | null {
  const l = L[lang];
  const rows = serviceClaims(service.id, targets);
  if (rows === undefined) return null;
  const contradicted = rows.filter((r) => r.verdict === 'contradicted');
  const claimRows = rows.map((r) => {
    const notes = r.claim.notes ? html`<br><span class="muted">“${r.claim.notes}”</span>` : '';
    const kind = r.kind ? html`<br>${l[r.kind]}` : '';
    const evidence = r.evidence.length > 0 ? evidenceList(h, lang, r.evidence) : '';
    const data = cells([
      r.claim.component,
      html`${r.claim.level}${notes}`,
      html`<strong>${l[r.verdict]}</strong>${kind}`,
      evidence,
    ]);
    return html`<tr class="claim-${r.verdict}"><th scope="row">${r.claim.criterion}</th>${data}</tr>`;
  });
  const body = html`<tbody>${claimRows}</tbody>`;
  const head = headRow([l.criterion, l.component, l.claimed, l.found, l.evidence]);
  const none = contradicted.length === 0 ? html`<p>${l.noContradiction}</p>` : '';
  const claimsTable = h.table(`${l.claims} · ${service.name}`, head, body);
  return html`<div class="content-claims"><h4>${l.claims}</h4><p>${l.claimsIntro}</p>${none}${claimsTable}</div>`;
}

const originLabel = (l: Record<Key, string>, o: 'sample' | 'opds' | 'download') => l[o];

/** Publications, statement and (unreadable) ACR of the service. */
export function contentSection(
  lang: Language,
  service: { id: string; name: string; baseUrl: string },
  targets: readonly TargetResult[],
  h: ContentSectionHelpers,
): Html | null {
  const l = L[lang];
  const found = contentOf(targets);
  if (!found) return null;
  const c = found.content;
  const pubs = c.publications.map((p) => {
    const title = p.package?.title ?? p.title ?? p.source;
    const origin = originLabel(l, p.origin);
    const heading = html`<th scope="row">${title}</th>`;
    if (p.status === 'unreachable')
      return html`<tr>${heading}<td>${origin}</td><td colspan="3">${l.unreachable}: ${p.error ?? ''}</td></tr>`;
    const ec = p.epubcheck;
    const ecReport = ec?.report
      ? html` · <a href="${h.evidenceHref(ec.report) ?? ''}" class="evidence">${l.report}</a>`
      : '';
    const ecCell = !ec?.ran
      ? html`${l.notRun}${ec?.error ? html`: ${ec.error}` : ''}`
      : html`${ec.fatal + ec.errors} ${l.errors}${ecReport}`;
    const serious = p.ace?.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') ?? [];
    const aceRules = serious.length > 0 ? html` (${serious.map((v) => v.rule).join(', ')})` : '';
    const aceHref = p.ace?.report ? h.evidenceHref(p.ace.report) : undefined;
    const aceReport = aceHref
      ? html` · <a href="${aceHref}" class="evidence" type="application/json">${l.report} (JSON)</a>`
      : '';
    const aceCell = !p.ace?.ran
      ? html`${l.notRun}${p.ace?.error ? html`: ${p.ace.error}` : ''}`
      : html`${serious.length} ${l.violations}${aceRules}${aceReport}`;
    const m = p.package?.metadata;
    const hasMeta =
      m !== undefined && m.accessMode.length + m.accessibilityFeature.length + m.accessibilitySummary.length > 0;
    const metadata = hasMeta ? l.metadataYes : l.metadataNo;
    return html`<tr>${heading}${cells([origin, ecCell, aceCell, metadata])}</tr>`;
  });
  const pubHead = headRow([l.publication, l.origin, l.epubcheck, l.ace, l.metadata]);
  const s = c.statement;
  let statement: Html;
  if (s.status === 'absent') statement = html`<p><strong>${l.statementAbsent}</strong></p>`;
  else if (s.status === 'unreachable')
    statement = html`<p><strong>${l.statementUnreachable}</strong>: ${s.url ?? ''} — ${s.error ?? ''}</p>`;
  else {
    const href = vendorHref(s.url, service.baseUrl);
    const parts = STATEMENT_PARTS.map((p) => {
      const part = s.parts?.[p];
      const verdict = part?.found ? l.foundPart : l.missingPart;
      const date = part?.date ? html` (${part.date})` : '';
      const label = PART_LABELS[lang][p];
      return html`<li class="${part?.found ? 'pass' : 'fail'}">${label}: <strong>${verdict}</strong>${date}</li>`;
    });
    const failing = [
      ...new Set(
        targets.flatMap((t) =>
          (['accessibility', 'login', 'compatibility'] as const).flatMap((suite) =>
            t.suites[suite].checks.filter((x) => x.status === 'fail').map((x) => x.title),
          ),
        ),
      ),
    ].slice(0, 15);
    const address = href ? html`<a href="${href}">${s.url ?? ''}</a>` : html`<code>${s.url ?? ''}</code>`;
    const linkText = s.linkText ? html` (“${s.linkText}”)` : '';
    const side = (label: string, items: readonly string[]) =>
      html`<div><p>${label}:</p><ul>${items.map((i) => html`<li>${i}</li>`)}</ul></div>`;
    statement = html`<p>${address}${linkText}</p>
<ul class="statement-parts">${parts}</ul>
<div class="statement-beside">${side(l.nonAccessible, s.nonAccessible ?? [])}${side(l.harnessFails, failing)}</div>`;
  }
  const acr =
    c.acr && c.acr.status !== 'parsed'
      ? html`<p><strong>${l.acrUnread}</strong>: ${c.acr.source} — ${c.acr.error ?? c.acr.status}</p>`
      : '';
  const versions = html`Ace ${c.tools.ace.version ?? l.notRun} · EPUBCheck ${c.tools.epubcheck.version ?? l.notRun}`;
  const tools = html`<p class="muted">${l.tools}: ${versions} · ${h.deviceName(found.device)}</p>`;
  const publications =
    c.publications.length > 0
      ? h.table(`${l.publications} · ${service.name}`, pubHead, html`<tbody>${pubs}</tbody>`)
      : html`<p>${l.noneTested}</p>`;
  return html`<div class="content-section"><h4>${l.heading}</h4><p>${l.intro}</p>
${publications}
<h5>${l.statement}</h5>${statement}${acr}${tools}</div>`;
}
