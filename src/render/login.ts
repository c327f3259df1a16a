/**
 * The login verdict per device, with its evidence (issue 3): what the valid patron's login came
 * to (and why it is inconclusive, e.g. the library system could not be asked), then per test
 * patron what happened, what the page said, how long it took, and links to the screens (the form
 * before typing, the page after submitting, the page after logout). Pure; every vendor-derived
 * string (messages, reasons) goes through the `html` tag's escaping.
 */
import type {
  Language,
  LoginAttemptOutcome,
  LogoutOutcome,
  PatronRole,
  PreflightStatus,
  RunResult,
  TargetResult,
  ThirdPartyCookieState,
} from '../core/index.ts';
import { html, type Html } from './escape.ts';
import { formatNumber } from './format.ts';
import { cells, headRow } from './rows.ts';

/**
 * Every word of the section: its own labels plus one per value of the typed login facts (patron
 * roles, attempt outcomes, pre-flight statuses, logout outcomes, third-party cookie states), so a
 * new value in src/core is a type error here until it has words in every language.
 */
type Key =
  | 'heading'
  | 'intro'
  | 'introNoLibrary'
  | 'noPreflight'
  | 'device'
  | 'verdict'
  | 'attempts'
  | 'form'
  | 'screen'
  | 'afterLogout'
  | 'preflight'
  | 'thirdParty'
  | 'logout'
  | 'secondTry'
  | 'pass'
  | 'fail'
  | 'inconclusive'
  | 'other'
  | PatronRole
  | LoginAttemptOutcome
  | PreflightStatus
  | LogoutOutcome
  | Exclude<ThirdPartyCookieState, 'blocked'>
  | 'blockedCookies';

const LABELS: Readonly<Record<Language, Readonly<Record<Key, string>>>> = {
  en: {
    heading: 'Login with a library card, per device',
    intro:
      'The valid test patron must get in on every device. Before the vendor is tested, each test patron is ' +
      'checked directly with the library system (pre-flight): if it cannot be asked, or a patron is not what its ' +
      'role says, the verdict is inconclusive — never failed.',
    introNoLibrary:
      'The valid test patron must get in on every device. Pre-flight not possible: no library system declared, ' +
      'so the test patrons could not be checked with the library system and these login verdicts rest on the ' +
      'vendor’s pages alone.',
    noPreflight: 'not possible (no library system declared)',
    device: 'Device',
    verdict: 'Verdict',
    attempts: 'Test patrons: outcome, message, time',
    form: 'form',
    screen: 'screen',
    afterLogout: 'after logout',
    preflight: 'Pre-flight',
    thirdParty: 'Third-party cookies',
    logout: 'Logout',
    secondTry: 'second try',
    pass: 'Logs in',
    fail: 'Does not log in',
    inconclusive: 'Inconclusive',
    other: 'Not decided',
    valid: 'valid',
    wrongPin: 'wrong PIN',
    unknownCard: 'unknown card',
    blocked: 'blocked card',
    expired: 'expired card',
    'logged-in': 'logged in',
    rejected: 'refused',
    'no-response': 'no response',
    error: 'could not be tried',
    ok: 'library system agrees',
    unreachable: 'library system not reachable',
    mismatch: 'a test patron is not what its role says',
    ended: 'ends the session',
    'still-logged-in': 'leaves the session alive',
    'not-tested': 'not tested',
    allowed: 'allowed',
    blockedCookies: 'blocked',
    unknown: 'unknown',
  },
  fi: {
    heading: 'Kirjautuminen kirjastokortilla laitteittain',
    intro:
      'Kelvollisen testiasiakkaan on päästävä sisään jokaisella laitteella. Ennen toimittajan testausta jokainen ' +
      'testiasiakas tarkistetaan suoraan kirjastojärjestelmästä (esitarkistus): jos sitä ei tavoiteta tai ' +
      'asiakas ei ole roolinsa mukainen, tulos on ratkaisematon – ei koskaan hylätty.',
    introNoLibrary:
      'Kelvollisen testiasiakkaan on päästävä sisään jokaisella laitteella. Esitarkistus ei ollut mahdollinen, ' +
      'koska kirjastojärjestelmää ei ole määritelty: testiasiakkaita ei voitu tarkistaa kirjastojärjestelmästä, ' +
      'joten nämä kirjautumisen tulokset perustuvat vain toimittajan sivuihin.',
    noPreflight: 'ei mahdollinen (kirjastojärjestelmää ei ole määritelty)',
    device: 'Laite',
    verdict: 'Tulos',
    attempts: 'Testiasiakkaat: tulos, viesti, aika',
    form: 'lomake',
    screen: 'näkymä',
    afterLogout: 'uloskirjautumisen jälkeen',
    preflight: 'Esitarkistus',
    thirdParty: 'Kolmannen osapuolen evästeet',
    logout: 'Uloskirjautuminen',
    secondTry: 'toinen yritys',
    pass: 'Kirjautuu',
    fail: 'Ei kirjaudu',
    inconclusive: 'Ratkaisematon',
    other: 'Ei ratkaistu',
    valid: 'kelvollinen',
    wrongPin: 'väärä PIN',
    unknownCard: 'tuntematon kortti',
    blocked: 'estetty kortti',
    expired: 'vanhentunut kortti',
    'logged-in': 'kirjautui',
    rejected: 'torjuttiin',
    'no-response': 'ei vastausta',
    error: 'ei voitu kokeilla',
    ok: 'kirjastojärjestelmä vahvistaa',
    unreachable: 'kirjastojärjestelmää ei tavoitettu',
    mismatch: 'testiasiakas ei ole roolinsa mukainen',
    ended: 'päättää istunnon',
    'still-logged-in': 'jättää istunnon voimaan',
    'not-tested': 'ei testattu',
    allowed: 'sallittu',
    blockedCookies: 'estetty',
    unknown: 'ei tiedossa',
  },
  sv: {
    heading: 'Inloggning med bibliotekskort per enhet',
    intro:
      'Den giltiga testlåntagaren måste komma in på varje enhet. Innan leverantören testas kontrolleras varje ' +
      'testlåntagare direkt i bibliotekssystemet (förkontroll): om det inte kan nås eller en låntagare inte ' +
      'motsvarar sin roll är resultatet oavgjort – aldrig underkänt.',
    introNoLibrary:
      'Den giltiga testlåntagaren måste komma in på varje enhet. Förkontroll var inte möjlig eftersom inget ' +
      'bibliotekssystem har angetts: testlåntagarna kunde inte kontrolleras i bibliotekssystemet, så dessa ' +
      'inloggningsresultat bygger enbart på leverantörens sidor.',
    noPreflight: 'inte möjlig (inget bibliotekssystem angett)',
    device: 'Enhet',
    verdict: 'Resultat',
    attempts: 'Testlåntagare: utfall, meddelande, tid',
    form: 'formulär',
    screen: 'vy',
    afterLogout: 'efter utloggning',
    preflight: 'Förkontroll',
    thirdParty: 'Tredjepartskakor',
    logout: 'Utloggning',
    secondTry: 'andra försöket',
    pass: 'Loggar in',
    fail: 'Loggar inte in',
    inconclusive: 'Oavgjort',
    other: 'Inte avgjort',
    valid: 'giltig',
    wrongPin: 'fel PIN',
    unknownCard: 'okänt kort',
    blocked: 'spärrat kort',
    expired: 'utgånget kort',
    'logged-in': 'inloggad',
    rejected: 'avvisad',
    'no-response': 'inget svar',
    error: 'kunde inte prövas',
    ok: 'bibliotekssystemet bekräftar',
    unreachable: 'bibliotekssystemet kunde inte nås',
    mismatch: 'en testlåntagare motsvarar inte sin roll',
    ended: 'avslutar sessionen',
    'still-logged-in': 'lämnar sessionen öppen',
    'not-tested': 'inte testat',
    allowed: 'tillåtna',
    blockedCookies: 'blockerade',
    unknown: 'okänt',
  },
};

function label(lang: Language, key: Key): string {
  return LABELS[lang][key];
}

export interface LoginSectionHelpers {
  deviceName: (id: string) => string;
  /** A safe href for an evidence file, or undefined. */
  evidenceHref: (path: string | undefined) => string | undefined;
  table: (caption: string, head: Html, body: Html) => Html;
}

function fileLink(h: LoginSectionHelpers, path: string | undefined, text: string): Html | null {
  const href = h.evidenceHref(path);
  return href === undefined ? null : html`<a class="evidence" href="${href}">${text}</a>`;
}

/** Items separated by middle dots. */
function dotted(items: readonly Html[]): Html[] {
  return items.map((item, i) => (i === 0 ? item : html` · ${item}`));
}

function verdictCell(lang: Language, login: NonNullable<TargetResult['login']>): Html {
  const key =
    login.verdict === 'pass'
      ? 'pass'
      : login.verdict === 'fail'
        ? 'fail'
        : login.verdict === 'inconclusive'
          ? 'inconclusive'
          : 'other';
  const cls = key === 'pass' ? 'pass' : key === 'fail' ? 'fail' : 'undecided';
  const reason = login.reason ? html`<br><span class="reason">${login.reason}</span>` : '';
  return html`<strong class="${cls}">${label(lang, key)}</strong>${reason}`;
}

export function loginSection(
  lang: Language,
  targets: readonly TargetResult[],
  h: LoginSectionHelpers,
  service: Pick<RunResult['services'][number], 'librarySystem'>,
): Html | null {
  const rows = targets.filter((tg) => tg.login !== undefined);
  if (rows.length === 0) return null;
  const body = html`<tbody>${rows.map((tg) => {
    const login = tg.login as NonNullable<TargetResult['login']>;
    const attempts = login.attempts.map((a) => {
      const links = [
        fileLink(h, a.formScreenshot, label(lang, 'form')),
        fileLink(h, a.screenshot, label(lang, 'screen')),
      ].filter((x): x is Html => x !== null);
      const secondTry = a.retry ? html` (${label(lang, 'secondTry')})` : '';
      const message = a.message ? html` – <q class="quote" translate="no">${a.message}</q>` : '';
      const seconds = formatNumber(lang, a.durationMs / 1000, 1);
      const files = links.length > 0 ? html` · ${dotted(links)}` : '';
      const role = label(lang, a.role);
      const outcome = label(lang, a.outcome);
      return html`<li><strong>${role}</strong>${secondTry}: ${outcome}${message} (${seconds} s)${files}</li>`;
    });
    const notes: Html[] = [];
    if (login.preflight) notes.push(html`${label(lang, 'preflight')}: ${label(lang, login.preflight)}`);
    else if (service.librarySystem === undefined)
      notes.push(html`${label(lang, 'preflight')}: ${label(lang, 'noPreflight')}`);
    if (login.logout) {
      const shot = fileLink(h, login.logoutScreenshot, label(lang, 'afterLogout'));
      notes.push(html`${label(lang, 'logout')}: ${label(lang, login.logout)}${shot ? html` · ${shot}` : ''}`);
    }
    if (login.thirdPartyCookies) {
      const cookies = login.thirdPartyCookies === 'blocked' ? 'blockedCookies' : login.thirdPartyCookies;
      notes.push(html`${label(lang, 'thirdParty')}: ${label(lang, cookies)}`);
    }
    const device = html`${h.deviceName(tg.device)}<br><span class="muted">${login.strategy}</span>`;
    const noted = notes.length > 0 ? html`<p class="muted">${dotted(notes)}</p>` : '';
    const attemptsCell = html`<ul class="attempts">${attempts}</ul>${noted}`;
    return html`<tr><th scope="row">${device}</th>${cells([verdictCell(lang, login), attemptsCell])}</tr>`;
  })}</tbody>`;
  const head = headRow([label(lang, 'device'), label(lang, 'verdict'), label(lang, 'attempts')]);
  const intro = label(lang, service.librarySystem === undefined ? 'introNoLibrary' : 'intro');
  const verdicts = h.table(label(lang, 'heading'), head, body);
  return html`<div class="login-verdicts"><h4>${label(lang, 'heading')}</h4><p>${intro}</p>${verdicts}</div>`;
}
