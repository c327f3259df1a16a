/**
 * Every string the scorecard shows, in Finnish, Swedish and English. English is the source: its
 * keys define `MessageKey`, and the other dictionaries must have exactly the same keys (the type
 * checker enforces it; test/unit/render/i18n.test.ts also checks placeholders and emptiness).
 * Evidence (finding messages, axe help texts, vendor text) is shown as recorded, in its language.
 */
import type { CheckStatus, FormFactor, Impact, Language, Suite, SuiteStatus } from '../core/index.ts';
import { CONTENT_CHECK_TITLES } from './content-titles.ts';
import { SUITES } from '../core/index.ts';

type Keyed<P extends string, K extends string> = Record<`${P}.${K}`, string>;
type Vocabulary = Keyed<'suite', Suite> &
  Keyed<'suiteStatus', SuiteStatus> &
  Keyed<'checkStatus', CheckStatus> &
  Keyed<'impact', Impact> &
  Keyed<'formFactor', FormFactor>;

const en = {
  'document.title': 'Scorecard: comparison of e-resource services',
  'skip.toContent': 'Skip to content',
  'nav.language': 'Language',
  'run.heading': 'About this run',
  'run.id': 'Run id',
  'run.startedAt': 'Testing started',
  'run.evaluatedAt': 'Scored',
  'run.profile': 'Weighting profile',
  'run.fingerprint': 'Configuration fingerprint',
  'run.tools': 'Tool versions',
  'run.harness': 'Test harness',
  'run.environment': 'erh {version}, Node {node}, {platform} {arch}, {cpus} CPUs',
  'ranking.heading': 'Ranking',
  'ranking.harnessError':
    '{service} is not ranked: a weighted part of its score could not be computed because of a harness error ' +
    '({items}). Fix the harness and re-score the run (erh report).',
  'ranking.intro':
    'Only services that pass every must-pass gate that applies to them, and whose score could be computed, are ' +
    'ranked. Scores are shown in whole points, and equal scores share a rank.',
  'ranking.caption': 'Ranking of the services, with must-pass gates',
  'ranking.empty': 'No service could be ranked.',
  'col.rank': 'Rank',
  'col.service': 'Service',
  'col.overall': 'Overall score',
  'col.gates': 'Must-pass gates',
  'col.device': 'Device',
  'col.reason': 'Reason',
  'col.suite': 'Suite',
  'col.weight': 'Weight',
  'gate.passed': 'passed',
  'gate.failed': 'failed',
  'gate.undecided': 'could not be decided',
  'gate.notApplicable': 'does not apply',
  'gate.failedOn': 'failed on: {devices}',
  'gate.none': 'no gates',
  'rank.none': 'not ranked',
  'score.none': 'not scored',
  'suites.heading': 'Scores by suite',
  'suites.caption': 'Scores (0–100) per suite, mean over all devices; the overall score is weighted by the profile',
  'suites.weight': 'weight {weight}',
  'suite.attempts': 'gathered in {attempts} attempts (the harness retried)',
  'devices.heading': 'Scores by device',
  'devices.caption': 'Score and status of each service on each device',
  'devices.legend':
    'Colours: green 90–100, yellow 50–89, red 0–49, grey not scored. The numbers and statuses are always written ' +
    'out as well.',
  'chart.title': 'Suite scores by service',
  'chart.caption': 'Bar lengths show scores from 0 to 100. The same numbers are in the table “Scores by suite”.',
  'details.heading': 'Findings by service',
  'details.intro':
    'Failed checks, checks the harness could not evaluate and checks that need review, with the devices they ' +
    'concern. Open the findings for the evidence: the element, the criteria, screenshots and reports. Finding ' +
    'texts are the test tools’ own messages, in English.',
  'details.noIssues': 'No failed checks and nothing to review.',
  'details.notScoredWeight': 'reported, not scored',
  'check.id': 'Check id',
  'check.impact': 'Severity',
  'check.weight': 'Weight',
  'check.references': 'References',
  'finding.step': 'Step',
  'finding.url': 'Address',
  'finding.element': 'Element',
  'finding.sources': 'Reported by',
  'finding.html': 'HTML',
  'finding.screenshot': 'Screenshot',
  'finding.help': 'How to fix',
  'finding.more': '{count} more findings are listed in results.json.',
  'method.heading': 'Methodology',
  'method.intro':
    'Every service was tested on every device with the same settings, following the patron’s journey that each ' +
    'service declares:',
  'method.journey': '{service}: {steps}',
  'method.login':
    'Login: each declared test patron (a valid card and PIN, and the wrong PIN, unknown, blocked or expired card ' +
    'where declared) through the service’s own login route; the messages must be visible, announced and in the ' +
    'page’s language, and the time to log in is measured.',
  'method.login.library':
    '{service}: {strategy}; the test patrons were first checked directly with the library system ({protocol}).',
  'method.login.noLibrary':
    '{service}: {strategy}; pre-flight not possible: no library system declared, so its login verdicts rest on ' +
    'the vendor’s pages alone.',
  'method.login.open': '{service}: open access, no login; the login suite and login gates do not apply.',
  'method.performance.on': 'Performance was measured on: {devices}.',
  'method.performance.none': 'Performance (Lighthouse) was not measured on any device of this run.',
  'method.checks': 'Checks that ran',
  'method.checksIntro':
    'Each suite’s checks that were evaluated on at least one device (checks that applied nowhere are not listed).',
  'method.checksSuite': '{suite} ({count})',
  'method.accessibility':
    'Accessibility: axe-core rules (WCAG 2.1 and 2.2 levels A and AA, EN 301 549) at every step of the journey. ' +
    'Only rules based on WCAG A and AA success criteria count towards the score, weighted by severity (critical ' +
    '10, serious 7, moderate 3, minor 1).',
  'method.performance':
    'Performance: Lighthouse, {runs} runs per page; the median is scored on Lighthouse’s own curves for mobile ' +
    'or desktop.',
  'method.compatibility':
    'Compatibility: console errors, uncaught script errors, failed network requests (except favicon.ico 404) and ' +
    'sideways scrolling.',
  'method.scoring':
    'A suite’s score is the weighted mean of its checks (0–100). A service’s suite scores are the mean over ' +
    'devices, and its overall score weights them by the profile. Results that could not be scored are left out, ' +
    'never counted as zero.',
  'method.devices': 'Devices tested',
  'method.devicesCaption': 'Devices and browsers',
  'method.engine': 'Browser engine',
  'method.formFactor': 'Form factor',
  'method.browserVersion': 'Browser version',
  'method.unknown': 'unknown',
  'method.weights': 'Suite weights and gates',
  'method.weightsCaption': 'Weights of the suites in the overall score',
  'method.gateItem': '{gate}: check {check} must pass on {scope}',
  'method.scope.every-device': 'every device',
  'method.scope.any-device': 'at least one device',
  'method.limits': 'What cannot be tested automatically',
  'method.limit.manual':
    'Automatic tools find only part of the accessibility problems. Testing with screen readers, with the ' +
    'keyboard only and with magnification is still needed.',
  'method.limit.content':
    'The accessibility of the books themselves (EPUB accessibility, navigation inside a book, text alternatives) ' +
    'and of protected reader apps.',
  'method.limit.apps': 'Native mobile apps and real phones, unless they were tested separately.',
  'method.limit.language':
    'Whether texts and instructions are easy to understand, and the quality of the Finnish and Swedish versions, ' +
    'need human judgement.',
  'method.limit.lab': 'Performance was measured in a lab from one machine; patrons’ networks and devices vary.',
  'nav.contents': 'Contents',
  'summary.release': 'release {release}',
  'ranking.shared': 'shared',
  'ranking.tie': '{services} share rank {rank}: their overall scores are equal in whole points.',
  'ranking.close': '{a} and {b} are not clearly different: their score ranges overlap ({rangeA} and {rangeB}).',
  'ranking.range': 'range {low}–{high}',
  'ranking.rangeNote':
    'The range under a score shows how far it moves when every performance metric is taken at its lower or upper ' +
    'quartile over the repeated Lighthouse runs instead of the median; the other suites give the same result on ' +
    'every run.',
  'ranking.singleRun':
    'Each page was measured with only one Lighthouse run, so the spread of the performance measurements is ' +
    'unknown: differences of a few points may be chance.',
  'ranking.notes': 'How to read the ranking',
  'col.budgets': 'Budgets',
  'col.release': 'Release',
  'budget.within': 'within budget',
  'budget.over': 'over budget',
  'budget.unmeasured': 'not measured',
  'budget.value': '{actual}, limit {limit}',
  'budget.score': '{actual}, at least {limit} required',
  'budget.scoreTitle': '{subject} score at least {limit}',
  'budget.none': 'no budgets',
  'gate.rule': '{suite}: no failing check of severity “{impact}”{orWorse}{steps}',
  'gate.rule.orWorse': ' or worse',
  'gate.rule.steps': ' at {steps}',
  'gate.undecidedOn': 'undecided on: {devices}',
  'gate.failures': 'failing: {checks}',
  'heatmap.title': 'Overall score of each service on each device',
  'heatmap.caption':
    'Each cell is the service’s overall score on one device, weighted by the profile. The same numbers, with the ' +
    'score of every suite, are in the table below.',
  'trend.heading': 'Trend over runs',
  'trend.intro': 'Overall scores in this run and the earlier runs kept in the same reports folder, oldest first.',
  'trend.none': 'This is the first run in this reports folder: there is no trend yet.',
  'trend.caption': 'Overall score of each service over the runs',
  'trend.alt': '{service}, overall score by run: {scores}',
  'trend.otherConfig':
    'Runs marked ◇ used a different configuration (another fingerprint) and are not directly comparable with this run.',
  'trend.runsCaption': 'Runs in the trend',
  'trend.same': 'same as this run',
  'trend.different': '◇ different',
  'col.trend': 'Trend',
  'col.first': 'First run',
  'col.latest': 'This run',
  'col.change': 'Change',
  'col.releases': 'Releases',
  'col.run': 'Run',
  'col.date': 'Date',
  'col.configuration': 'Configuration',
  'details.deviceCaption': '{service}: suites on each device',
  'details.showFindings': 'Findings and evidence ({count})',
  'details.failsOn': 'fails on {count} of {total} devices',
  'details.reviewOn': 'needs review on {count} of {total} devices',
  'details.errorOn': 'could not be evaluated on {count} of {total} devices (harness error)',
  'details.inconclusiveOn': 'could not be decided on {count} of {total} devices',
  'details.lighthouse': 'Lighthouse reports',
  'details.lighthouseLink': '{device}, page {step}',
  'details.release': 'Release tested: {release}',
  'finding.screenshots': 'Screenshots',
  'finding.allDevices': 'all devices ({count})',
  'finding.seenOn': 'Seen on',
  'finding.criteria': 'Criteria',
  'finding.lighthouseOn': 'Lighthouse report: {device}',
  'method.when': 'Testing started {started}; the results were scored {evaluated}.',
  'method.scope.devices': 'required devices: {devices}',
  'method.gateRule': '{gate} — on {scope}',
  'method.budgets': 'Budgets',
  'method.budgetsIntro':
    'Budgets do not change the rank; they are shown beside the gates, and a CI run with --gate fails when one is ' +
    'exceeded.',
  'method.budgetValue': '{title}: {check} at most {limit} on every device',
  'method.budgetScore': '{title}: {subject} at least {limit} points',
  'method.regressions': 'What counts as a regression between runs',
  'method.regressionsIntro': 'erh compare flags a service when, between two runs, one of these happens:',
  'method.regression.accessibility':
    'a scored accessibility check of severity “{impact}” or worse fails that did not fail before',
  'method.regression.performance':
    'a Lighthouse timing median grows by more than {percent} % and {ms} ms (layout shift by more than {cls}) ' +
    'beyond the run-to-run spread, with at least {runs} runs per page in both runs',
  'method.regression.login': 'the valid test patron no longer logs in on a device',
  'method.regression.gates': 'a must-pass gate that passed fails',
  'method.regression.overall': 'the overall score drops by more than {points} points',
  'method.release':
    'Release versions are read from the services that declare how (a meta tag, a response header or a JSON ' +
    'endpoint), once per device, so that every run records which release it tested: {services}.',
  'method.ties':
    'Ties and close scores: scores are compared in whole points, and equal scores share a rank. A difference is ' +
    'only called clear when the services’ score ranges do not overlap.',
  'method.limit.trace':
    'Browser traces are not recorded; screenshots, element paths and Lighthouse reports are the evidence kept.',
  'compare.title': 'Comparison of two runs',
  'compare.intro':
    'What changed for each service between an earlier and a later run, and whether it is a regression by the ' +
    'thresholds of the profile.',
  'compare.changes': 'What changed',
  'compare.runsCaption': 'The earlier and the later run',
  'compare.runs': 'The runs',
  'compare.old': 'Earlier run',
  'compare.new': 'Later run',
  'compare.sameConfig': 'Both runs used the same configuration (the same fingerprint).',
  'compare.differentConfig':
    'The runs used different configurations (the fingerprints differ): some differences may come from the ' +
    'configuration, not from the services.',
  'compare.verdict': 'Result',
  'compare.verdictRegressed': 'Regressions found in: {services}.',
  'compare.verdictNone': 'No service regressed beyond the thresholds of the profile.',
  'compare.summaryCaption': 'Services in the two runs',
  'compare.releaseChange': '{old} → {new}',
  'compare.releaseSame': '{release} (unchanged)',
  'compare.releaseUnknown': 'not read',
  'compare.changesHeading': '{service}: what changed',
  'compare.changesCaption': 'Changes in {service} between the runs',
  'compare.noChanges': 'No changes.',
  'compare.regression': 'regression',
  'compare.notRegression': 'no',
  'compare.significant': 'beyond the run-to-run spread',
  'compare.notSignificant': 'not significant',
  'compare.thresholds': 'Thresholds used',
  'compare.status.regressed': 'regressed',
  'compare.status.changed': 'changed, no regression',
  'compare.status.unchanged': 'unchanged',
  'compare.status.not-compared': 'could not be compared',
  'col.oldRelease': 'Release before',
  'col.newRelease': 'Release now',
  'col.oldOverall': 'Score before',
  'col.newOverall': 'Score now',
  'col.result': 'Result',
  'col.what': 'What',
  'col.beforeAfter': 'Before → now',
  'col.regression': 'Regression',
  'col.note': 'Note',
  'change.new-failure': 'new failure',
  'change.fixed': 'fixed',
  'change.more-findings': 'more failing elements',
  'change.fewer-findings': 'fewer failing elements',
  'change.login-broken': 'login broken',
  'change.login-fixed': 'login works again',
  'change.slowdown': 'slower',
  'change.speedup': 'faster',
  'change.gate-failed': 'gate no longer met',
  'change.gate-passed': 'gate now met',
  'change.score-drop': 'overall score down',
  'change.score-rise': 'overall score up',
  'change.not-compared': 'not compared',
  'metric.fcp': 'First Contentful Paint',
  'metric.lcp': 'Largest Contentful Paint',
  'metric.tbt': 'Total Blocking Time',
  'metric.cls': 'Cumulative Layout Shift',
  'metric.atStep': '{metric}, page {step}',
  'footer.generated': 'Generated by erh {version}.',
  'suite.login': 'Login',
  'suite.accessibility': 'Accessibility',
  'suite.performance': 'Performance',
  'suite.compatibility': 'Compatibility',
  'suite.content': 'Content',
  'suiteStatus.passed': 'passed',
  'suiteStatus.failed': 'failed',
  'suiteStatus.inconclusive': 'inconclusive',
  'suiteStatus.unreachable': 'unreachable',
  'suiteStatus.timeout': 'timed out',
  'suiteStatus.not-applicable': 'not applicable',
  'suiteStatus.harness-error': 'harness error',
  'suiteStatus.missing': 'missing',
  'checkStatus.pass': 'pass',
  'checkStatus.fail': 'fail',
  'checkStatus.needs-review': 'needs review',
  'checkStatus.not-applicable': 'not applicable',
  'checkStatus.inconclusive': 'inconclusive',
  'checkStatus.error': 'could not be evaluated (harness error)',
  'impact.minor': 'minor',
  'impact.moderate': 'moderate',
  'impact.serious': 'serious',
  'impact.critical': 'critical',
  'formFactor.desktop': 'desktop',
  'formFactor.mobile': 'mobile',
  'formFactor.tablet': 'tablet',
} as const satisfies Vocabulary & Record<string, string>;

export type MessageKey = keyof typeof en;
export type Dictionary = Readonly<Record<MessageKey, string>>;

const fi: Dictionary = {
  'document.title': 'Tuloskortti: sähköisten aineistopalvelujen vertailu',
  'skip.toContent': 'Siirry sisältöön',
  'nav.language': 'Kieli',
  'run.heading': 'Tietoa testiajosta',
  'run.id': 'Ajon tunnus',
  'run.startedAt': 'Testaus aloitettu',
  'run.evaluatedAt': 'Pisteytetty',
  'run.profile': 'Painotusprofiili',
  'run.fingerprint': 'Asetusten sormenjälki',
  'run.tools': 'Työkalujen versiot',
  'run.harness': 'Testiympäristö',
  'run.environment': 'erh {version}, Node {node}, {platform} {arch}, {cpus} suoritinta',
  'ranking.heading': 'Paremmuusjärjestys',
  'ranking.harnessError':
    '{service} jätetään järjestyksen ulkopuolelle: osaa sen painotetuista pisteistä ei voitu laskea ' +
    'testiympäristön virheen vuoksi ({items}). Korjaa virhe ja pisteytä ajo uudelleen (erh report).',
  'ranking.intro':
    'Järjestykseen otetaan vain palvelut, jotka täyttävät kaikki niitä koskevat pakolliset vaatimukset ja joiden ' +
    'pisteet voitiin laskea. Pisteet näytetään kokonaislukuina, ja yhtä suuret pisteet jakavat sijan.',
  'ranking.caption': 'Palvelujen paremmuusjärjestys ja pakolliset vaatimukset',
  'ranking.empty': 'Yhtään palvelua ei voitu asettaa järjestykseen.',
  'col.rank': 'Sija',
  'col.service': 'Palvelu',
  'col.overall': 'Kokonaispisteet',
  'col.gates': 'Pakolliset vaatimukset',
  'col.device': 'Laite',
  'col.reason': 'Syy',
  'col.suite': 'Osa-alue',
  'col.weight': 'Paino',
  'gate.passed': 'täyttyy',
  'gate.failed': 'ei täyty',
  'gate.undecided': 'ei voitu ratkaista',
  'gate.notApplicable': 'ei koske tätä palvelua',
  'gate.failedOn': 'ei täyty laitteilla: {devices}',
  'gate.none': 'ei pakollisia vaatimuksia',
  'rank.none': 'ei järjestyksessä',
  'score.none': 'ei pisteytetty',
  'suites.heading': 'Pisteet osa-alueittain',
  'suites.caption':
    'Pisteet (0–100) osa-alueittain, kaikkien laitteiden keskiarvo; kokonaispisteet on painotettu profiilin mukaan',
  'suites.weight': 'paino {weight}',
  'suite.attempts': 'kerätty {attempts}. yrityksellä (testiympäristö yritti uudelleen)',
  'devices.heading': 'Pisteet laitteittain',
  'devices.caption': 'Jokaisen palvelun pisteet ja tila jokaisella laitteella',
  'devices.legend':
    'Värit: vihreä 90–100, keltainen 50–89, punainen 0–49, harmaa ei pisteytetty. Luvut ja tilat on aina ' +
    'kirjoitettu myös näkyviin.',
  'chart.title': 'Osa-alueiden pisteet palveluittain',
  'chart.caption': 'Pylväiden pituus kuvaa pisteitä 0–100. Samat luvut ovat taulukossa ”Pisteet osa-alueittain”.',
  'details.heading': 'Havainnot palveluittain',
  'details.intro':
    'Hylätyt, arvioimatta jääneet (testiympäristön virhe) ja tarkistusta vaativat tarkistukset sekä laitteet, ' +
    'joita ne koskevat. Avaa havainnot nähdäksesi todisteet: elementti, kriteerit, kuvakaappaukset ja raportit. ' +
    'Havaintojen tekstit ovat testityökalujen omia englanninkielisiä viestejä.',
  'details.noIssues': 'Ei hylättyjä tarkistuksia eikä tarkistettavaa.',
  'details.notScoredWeight': 'raportoidaan, ei pisteytetä',
  'check.id': 'Tarkistuksen tunnus',
  'check.impact': 'Vakavuus',
  'check.weight': 'Paino',
  'check.references': 'Viittaukset',
  'finding.step': 'Vaihe',
  'finding.url': 'Osoite',
  'finding.element': 'Elementti',
  'finding.sources': 'Havaitsija',
  'finding.html': 'HTML',
  'finding.screenshot': 'Kuvakaappaus',
  'finding.help': 'Korjausohje',
  'finding.more': 'Loput {count} havaintoa on tiedostossa results.json.',
  'method.heading': 'Menetelmä',
  'method.intro':
    'Jokainen palvelu testattiin jokaisella laitteella samoilla asetuksilla. Testit kulkevat sen asiakkaan ' +
    'polun, jonka kukin palvelu on määritellyt:',
  'method.journey': '{service}: {steps}',
  'method.login':
    'Kirjautuminen: jokainen määritelty testiasiakas (kelvollinen kortti ja PIN-koodi sekä väärä PIN-koodi, ' +
    'tuntematon, estetty tai vanhentunut kortti, jos ne on määritelty) palvelun omaa kirjautumisreittiä; ' +
    'ilmoitusten on näyttävä, välityttävä avustaville teknologioille ja oltava sivun kielellä, ja kirjautumisen ' +
    'kesto mitataan.',
  'method.login.library':
    '{service}: {strategy}; testiasiakkaat tarkistettiin ensin suoraan kirjastojärjestelmästä ({protocol}).',
  'method.login.noLibrary':
    '{service}: {strategy}; esitarkistus ei ollut mahdollinen, koska kirjastojärjestelmää ei ole määritelty, ' +
    'joten kirjautumisen tulokset perustuvat vain toimittajan sivuihin.',
  'method.login.open':
    '{service}: avoin palvelu ilman kirjautumista; kirjautumisen osa-alue ja kirjautumisvaatimukset eivät koske sitä.',
  'method.performance.on': 'Suorituskyky mitattiin laitteilla: {devices}.',
  'method.performance.none': 'Suorituskykyä (Lighthouse) ei mitattu tämän ajon millään laitteella.',
  'method.checks': 'Tehdyt tarkistukset',
  'method.checksIntro':
    'Kunkin osa-alueen tarkistukset, jotka arvioitiin vähintään yhdellä laitteella (tarkistuksia, jotka eivät ' +
    'soveltuneet millekään laitteelle, ei luetella).',
  'method.checksSuite': '{suite} ({count})',
  'method.accessibility':
    'Saavutettavuus: axe-core-säännöt (WCAG 2.1 ja 2.2, tasot A ja AA, EN 301 549) polun jokaisessa vaiheessa. ' +
    'Pisteisiin lasketaan vain WCAG:n A- ja AA-tason onnistumiskriteereihin perustuvat säännöt vakavuuden mukaan ' +
    'painotettuina (kriittinen 10, vakava 7, kohtalainen 3, vähäinen 1).',
  'method.performance':
    'Suorituskyky: Lighthouse, {runs} ajoa sivua kohden; mediaani pisteytetään Lighthousen omilla mobiili- tai ' +
    'työpöytäkäyrillä.',
  'method.compatibility':
    'Yhteensopivuus: konsolin virheet, käsittelemättömät skriptivirheet, epäonnistuneet verkkopyynnöt (paitsi ' +
    'favicon.ico 404) ja vaakasuuntainen vieritys.',
  'method.scoring':
    'Osa-alueen pisteet ovat sen tarkistusten painotettu keskiarvo (0–100). Palvelun osa-aluepisteet ovat ' +
    'laitteiden keskiarvo, ja kokonaispisteet painotetaan profiilin painoilla. Tuloksia, joita ei voitu ' +
    'pisteyttää, ei lasketa mukaan – niitä ei koskaan lasketa nolliksi.',
  'method.devices': 'Testatut laitteet',
  'method.devicesCaption': 'Laitteet ja selaimet',
  'method.engine': 'Selainmoottori',
  'method.formFactor': 'Laitetyyppi',
  'method.browserVersion': 'Selaimen versio',
  'method.unknown': 'ei tiedossa',
  'method.weights': 'Osa-alueiden painot ja pakolliset vaatimukset',
  'method.weightsCaption': 'Osa-alueiden painot kokonaispisteissä',
  'method.gateItem': '{gate}: tarkistuksen {check} on läpäistävä {scope}',
  'method.scope.every-device': 'jokaisella laitteella',
  'method.scope.any-device': 'vähintään yhdellä laitteella',
  'method.limits': 'Mitä ei voi testata automaattisesti',
  'method.limit.manual':
    'Automaattiset työkalut löytävät vain osan saavutettavuusongelmista. Testaus ruudunlukijoilla, pelkällä ' +
    'näppäimistöllä ja suurennuksella on edelleen tarpeen.',
  'method.limit.content':
    'Itse kirjojen saavutettavuus (EPUB-saavutettavuus, kirjan sisäinen navigointi, tekstivastineet) ja ' +
    'suojattujen lukuohjelmien saavutettavuus.',
  'method.limit.apps': 'Natiivit mobiilisovellukset ja oikeat puhelimet, ellei niitä testattu erikseen.',
  'method.limit.language':
    'Tekstien ja ohjeiden ymmärrettävyys sekä suomen- ja ruotsinkielisten versioiden laatu vaativat ihmisen arviota.',
  'method.limit.lab':
    'Suorituskyky mitattiin laboratoriossa yhdeltä koneelta; asiakkaiden verkot ja laitteet vaihtelevat.',
  'nav.contents': 'Sisältö',
  'summary.release': 'versio {release}',
  'ranking.shared': 'jaettu',
  'ranking.tie': '{services} jakavat sijan {rank}: niiden kokonaispisteet ovat kokonaislukuina yhtä suuret.',
  'ranking.close':
    '{a} ja {b} eivät eroa selvästi toisistaan: niiden pistevälit menevät päällekkäin ({rangeA} ja {rangeB}).',
  'ranking.range': 'väli {low}–{high}',
  'ranking.rangeNote':
    'Pisteiden alla oleva väli kertoo, kuinka paljon pisteet muuttuvat, kun jokainen suorituskykymittari otetaan ' +
    'toistettujen Lighthouse-ajojen ala- tai yläkvartiilista mediaanin sijaan; muut osa-alueet antavat joka ' +
    'ajolla saman tuloksen.',
  'ranking.singleRun':
    'Jokainen sivu mitattiin vain yhdellä Lighthouse-ajolla, joten suorituskykymittausten hajontaa ei tunneta: ' +
    'muutaman pisteen erot voivat olla sattumaa.',
  'ranking.notes': 'Näin luet järjestystä',
  'col.budgets': 'Raja-arvot',
  'col.release': 'Versio',
  'budget.within': 'raja-arvon sisällä',
  'budget.over': 'ylittää raja-arvon',
  'budget.unmeasured': 'ei mitattu',
  'budget.value': '{actual}, raja {limit}',
  'budget.score': '{actual}, vähintään {limit} vaaditaan',
  'budget.scoreTitle': '{subject}: pisteet vähintään {limit}',
  'budget.none': 'ei raja-arvoja',
  'gate.rule': '{suite}: ei hylättyjä tarkistuksia, joiden vakavuus on ”{impact}”{orWorse}{steps}',
  'gate.rule.orWorse': ' tai vakavampi',
  'gate.rule.steps': ' vaiheissa {steps}',
  'gate.undecidedOn': 'ei ratkaistu laitteilla: {devices}',
  'gate.failures': 'hylätyt: {checks}',
  'heatmap.title': 'Palvelujen kokonaispisteet laitteittain',
  'heatmap.caption':
    'Jokainen ruutu on palvelun kokonaispisteet yhdellä laitteella profiilin painoin. Samat luvut ja jokaisen ' +
    'osa-alueen pisteet ovat alla olevassa taulukossa.',
  'trend.heading': 'Kehitys ajojen välillä',
  'trend.intro':
    'Kokonaispisteet tässä ajossa ja samaan raporttikansioon tallennetuissa aiemmissa ajoissa, vanhin ensin.',
  'trend.none': 'Tämä on raporttikansion ensimmäinen ajo, joten kehitystä ei vielä ole.',
  'trend.caption': 'Palvelujen kokonaispisteet ajoittain',
  'trend.alt': '{service}, kokonaispisteet ajoittain: {scores}',
  'trend.otherConfig':
    'Merkillä ◇ merkityissä ajoissa asetukset olivat erilaiset (eri sormenjälki), joten ne eivät ole suoraan ' +
    'verrattavissa tähän ajoon.',
  'trend.runsCaption': 'Kehitykseen sisältyvät ajot',
  'trend.same': 'sama kuin tässä ajossa',
  'trend.different': '◇ erilainen',
  'col.trend': 'Kehitys',
  'col.first': 'Ensimmäinen ajo',
  'col.latest': 'Tämä ajo',
  'col.change': 'Muutos',
  'col.releases': 'Versiot',
  'col.run': 'Ajo',
  'col.date': 'Päivämäärä',
  'col.configuration': 'Asetukset',
  'details.deviceCaption': '{service}: osa-alueet laitteittain',
  'details.showFindings': 'Havainnot ja todisteet ({count})',
  'details.failsOn': 'hylätty {count}/{total} laitteella',
  'details.reviewOn': 'vaatii tarkistusta {count}/{total} laitteella',
  'details.errorOn': 'ei voitu arvioida {count}/{total} laitteella (testiympäristön virhe)',
  'details.inconclusiveOn': 'ei voitu ratkaista {count}/{total} laitteella',
  'details.lighthouse': 'Lighthouse-raportit',
  'details.lighthouseLink': '{device}, sivu {step}',
  'details.release': 'Testattu versio: {release}',
  'finding.screenshots': 'Kuvakaappaukset',
  'finding.allDevices': 'kaikilla laitteilla ({count})',
  'finding.seenOn': 'Havaittu laitteilla',
  'finding.criteria': 'Kriteerit',
  'finding.lighthouseOn': 'Lighthouse-raportti: {device}',
  'method.when': 'Testaus aloitettiin {started}; tulokset pisteytettiin {evaluated}.',
  'method.scope.devices': 'vaaditut laitteet: {devices}',
  'method.gateRule': '{gate} – {scope}',
  'method.budgets': 'Raja-arvot',
  'method.budgetsIntro':
    'Raja-arvot eivät vaikuta järjestykseen; ne näytetään pakollisten vaatimusten vieressä, ja ' +
    '--gate-valitsimella ajettu CI-ajo epäonnistuu, jos jokin ylittyy.',
  'method.budgetValue': '{title}: {check} enintään {limit} jokaisella laitteella',
  'method.budgetScore': '{title}: {subject} vähintään {limit} pistettä',
  'method.regressions': 'Mikä lasketaan heikentymiseksi ajojen välillä',
  'method.regressionsIntro': 'erh compare merkitsee palvelun, jos kahden ajon välillä tapahtuu jokin seuraavista:',
  'method.regression.accessibility':
    'pisteytetty saavutettavuustarkistus, jonka vakavuus on ”{impact}” tai vakavampi, hylätään, vaikka se ei ' +
    'aiemmin ollut hylätty',
  'method.regression.performance':
    'Lighthousen aikamittarin mediaani kasvaa yli {percent} % ja yli {ms} ms (asettelun siirtymä yli {cls}) ' +
    'ajojen välisen hajonnan yli, kun kummassakin ajossa on vähintään {runs} ajoa sivua kohden',
  'method.regression.login': 'kelvollinen testiasiakas ei enää pääse kirjautumaan jollakin laitteella',
  'method.regression.gates': 'aiemmin täyttynyt pakollinen vaatimus ei enää täyty',
  'method.regression.overall': 'kokonaispisteet laskevat yli {points} pistettä',
  'method.release':
    'Versiot luetaan niistä palveluista, jotka ilmoittavat tavan (meta-tagi, vastausotsake tai JSON-rajapinta), ' +
    'kerran laitetta kohden, jotta jokainen ajo kertoo, mitä versiota se testasi: {services}.',
  'method.ties':
    'Tasapisteet ja lähekkäiset pisteet: pisteitä verrataan kokonaislukuina, ja yhtä suuret pisteet jakavat ' +
    'sijan. Eroa pidetään selvänä vain, jos palvelujen pistevälit eivät mene päällekkäin.',
  'method.limit.trace':
    'Selaimen jäljityksiä (trace) ei tallenneta; todisteina säilytetään kuvakaappaukset, elementtien polut ja ' +
    'Lighthouse-raportit.',
  'compare.title': 'Kahden ajon vertailu',
  'compare.intro':
    'Mikä muuttui kunkin palvelun osalta aiemman ja myöhemmän ajon välillä, ja onko muutos profiilin ' +
    'raja-arvojen mukaan heikentyminen.',
  'compare.changes': 'Mikä muuttui',
  'compare.runsCaption': 'Aiempi ja myöhempi ajo',
  'compare.runs': 'Ajot',
  'compare.old': 'Aiempi ajo',
  'compare.new': 'Myöhempi ajo',
  'compare.sameConfig': 'Molemmissa ajoissa oli samat asetukset (sama sormenjälki).',
  'compare.differentConfig':
    'Ajoissa oli eri asetukset (sormenjäljet eroavat): osa eroista voi johtua asetuksista eikä palveluista.',
  'compare.verdict': 'Tulos',
  'compare.verdictRegressed': 'Heikentymiä löytyi: {services}.',
  'compare.verdictNone': 'Mikään palvelu ei heikentynyt profiilin raja-arvoja enempää.',
  'compare.summaryCaption': 'Palvelut kummassakin ajossa',
  'compare.releaseChange': '{old} → {new}',
  'compare.releaseSame': '{release} (ei muuttunut)',
  'compare.releaseUnknown': 'ei luettu',
  'compare.changesHeading': '{service}: mikä muuttui',
  'compare.changesCaption': 'Palvelun {service} muutokset ajojen välillä',
  'compare.noChanges': 'Ei muutoksia.',
  'compare.regression': 'heikentyminen',
  'compare.notRegression': 'ei',
  'compare.significant': 'ajojen välistä hajontaa suurempi',
  'compare.notSignificant': 'ei merkitsevä',
  'compare.thresholds': 'Käytetyt raja-arvot',
  'compare.status.regressed': 'heikentynyt',
  'compare.status.changed': 'muuttunut, ei heikentymää',
  'compare.status.unchanged': 'ei muutoksia',
  'compare.status.not-compared': 'ei voitu verrata',
  'col.oldRelease': 'Versio ennen',
  'col.newRelease': 'Versio nyt',
  'col.oldOverall': 'Pisteet ennen',
  'col.newOverall': 'Pisteet nyt',
  'col.result': 'Tulos',
  'col.what': 'Mitä',
  'col.beforeAfter': 'Ennen → nyt',
  'col.regression': 'Heikentyminen',
  'col.note': 'Huomautus',
  'change.new-failure': 'uusi hylkäys',
  'change.fixed': 'korjattu',
  'change.more-findings': 'enemmän virheellisiä elementtejä',
  'change.fewer-findings': 'vähemmän virheellisiä elementtejä',
  'change.login-broken': 'kirjautuminen rikki',
  'change.login-fixed': 'kirjautuminen toimii taas',
  'change.slowdown': 'hitaampi',
  'change.speedup': 'nopeampi',
  'change.gate-failed': 'vaatimus ei enää täyty',
  'change.gate-passed': 'vaatimus täyttyy nyt',
  'change.score-drop': 'kokonaispisteet laskivat',
  'change.score-rise': 'kokonaispisteet nousivat',
  'change.not-compared': 'ei verrattu',
  'metric.fcp': 'Ensimmäinen sisältö (FCP)',
  'metric.lcp': 'Suurin sisältöelementti (LCP)',
  'metric.tbt': 'Estoaika yhteensä (TBT)',
  'metric.cls': 'Asettelun siirtymä (CLS)',
  'metric.atStep': '{metric}, sivu {step}',
  'footer.generated': 'Tuottanut erh {version}.',
  'suite.login': 'Kirjautuminen',
  'suite.accessibility': 'Saavutettavuus',
  'suite.performance': 'Suorituskyky',
  'suite.compatibility': 'Yhteensopivuus',
  'suite.content': 'Sisältö',
  'suiteStatus.passed': 'hyväksytty',
  'suiteStatus.failed': 'hylätty',
  'suiteStatus.inconclusive': 'ei ratkaistu',
  'suiteStatus.unreachable': 'ei tavoitettavissa',
  'suiteStatus.timeout': 'aikakatkaisu',
  'suiteStatus.not-applicable': 'ei sovellu',
  'suiteStatus.harness-error': 'testiympäristön virhe',
  'suiteStatus.missing': 'tulos puuttuu',
  'checkStatus.pass': 'hyväksytty',
  'checkStatus.fail': 'hylätty',
  'checkStatus.needs-review': 'vaatii tarkistusta',
  'checkStatus.not-applicable': 'ei sovellu',
  'checkStatus.inconclusive': 'ei ratkaistu',
  'checkStatus.error': 'ei voitu arvioida (testiympäristön virhe)',
  'impact.minor': 'vähäinen',
  'impact.moderate': 'kohtalainen',
  'impact.serious': 'vakava',
  'impact.critical': 'kriittinen',
  'formFactor.desktop': 'työpöytä',
  'formFactor.mobile': 'mobiili',
  'formFactor.tablet': 'tabletti',
};

const sv: Dictionary = {
  'document.title': 'Resultatkort: jämförelse av e-resurstjänster',
  'skip.toContent': 'Hoppa till innehållet',
  'nav.language': 'Språk',
  'run.heading': 'Om testkörningen',
  'run.id': 'Körningens id',
  'run.startedAt': 'Testningen startade',
  'run.evaluatedAt': 'Poängsatt',
  'run.profile': 'Viktningsprofil',
  'run.fingerprint': 'Konfigurationens fingeravtryck',
  'run.tools': 'Verktygens versioner',
  'run.harness': 'Testmiljö',
  'run.environment': 'erh {version}, Node {node}, {platform} {arch}, {cpus} processorer',
  'ranking.heading': 'Rangordning',
  'ranking.harnessError':
    '{service} rangordnas inte: en viktad del av poängen kunde inte beräknas på grund av ett fel i testmiljön ' +
    '({items}). Åtgärda felet och poängsätt körningen på nytt (erh report).',
  'ranking.intro':
    'Endast tjänster som uppfyller alla obligatoriska krav som gäller dem, och vars poäng kunde beräknas, ' +
    'rangordnas. Poängen visas i hela tal, och lika poäng delar placering.',
  'ranking.caption': 'Tjänsternas rangordning och obligatoriska krav',
  'ranking.empty': 'Ingen tjänst kunde rangordnas.',
  'col.rank': 'Placering',
  'col.service': 'Tjänst',
  'col.overall': 'Totalpoäng',
  'col.gates': 'Obligatoriska krav',
  'col.device': 'Enhet',
  'col.reason': 'Orsak',
  'col.suite': 'Område',
  'col.weight': 'Vikt',
  'gate.passed': 'uppfyllt',
  'gate.failed': 'inte uppfyllt',
  'gate.undecided': 'kunde inte avgöras',
  'gate.notApplicable': 'gäller inte denna tjänst',
  'gate.failedOn': 'inte uppfyllt på: {devices}',
  'gate.none': 'inga obligatoriska krav',
  'rank.none': 'ej rangordnad',
  'score.none': 'ej poängsatt',
  'suites.heading': 'Poäng per område',
  'suites.caption': 'Poäng (0–100) per område, medelvärde över alla enheter; totalpoängen är viktad enligt profilen',
  'suites.weight': 'vikt {weight}',
  'suite.attempts': 'insamlat på {attempts} försök (testmiljön försökte igen)',
  'devices.heading': 'Poäng per enhet',
  'devices.caption': 'Varje tjänsts poäng och status på varje enhet',
  'devices.legend':
    'Färger: grön 90–100, gul 50–89, röd 0–49, grå ej poängsatt. Siffrorna och statusen står alltid även i text.',
  'chart.title': 'Områdenas poäng per tjänst',
  'chart.caption': 'Staplarnas längd visar poäng från 0 till 100. Samma siffror finns i tabellen ”Poäng per område”.',
  'details.heading': 'Observationer per tjänst',
  'details.intro':
    'Underkända kontroller, kontroller som inte kunde bedömas (fel i testmiljön) och kontroller som behöver ' +
    'granskas, med de enheter de gäller. Öppna observationerna för beläggen: elementet, kriterierna, skärmbilder ' +
    'och rapporter. Observationernas texter är testverktygens egna meddelanden på engelska.',
  'details.noIssues': 'Inga underkända kontroller och inget att granska.',
  'details.notScoredWeight': 'rapporteras, poängsätts inte',
  'check.id': 'Kontrollens id',
  'check.impact': 'Allvarlighetsgrad',
  'check.weight': 'Vikt',
  'check.references': 'Referenser',
  'finding.step': 'Steg',
  'finding.url': 'Adress',
  'finding.element': 'Element',
  'finding.sources': 'Rapporterat av',
  'finding.html': 'HTML',
  'finding.screenshot': 'Skärmbild',
  'finding.help': 'Så åtgärdar du',
  'finding.more': 'Ytterligare {count} observationer finns i filen results.json.',
  'method.heading': 'Metod',
  'method.intro':
    'Varje tjänst testades på varje enhet med samma inställningar. Testerna följer den väg för låntagaren som ' +
    'varje tjänst har angett:',
  'method.login.library':
    '{service}: {strategy}; testlåntagarna kontrollerades först direkt i bibliotekssystemet ({protocol}).',
  'method.login.noLibrary':
    '{service}: {strategy}; förkontroll var inte möjlig eftersom inget bibliotekssystem har angetts, så ' +
    'inloggningsresultaten bygger enbart på leverantörens sidor.',
  'method.login.open': '{service}: öppen tjänst utan inloggning; inloggningsdelen och inloggningskraven gäller inte.',
  'method.performance.on': 'Prestanda mättes på: {devices}.',
  'method.performance.none': 'Prestanda (Lighthouse) mättes inte på någon enhet i denna körning.',
  'method.checks': 'Kontroller som kördes',
  'method.checksIntro':
    'Varje dels kontroller som bedömdes på minst en enhet (kontroller som inte var tillämpliga någonstans listas ' +
    'inte).',
  'method.checksSuite': '{suite} ({count})',
  'method.journey': '{service}: {steps}',
  'method.login':
    'Inloggning: varje angiven testlåntagare (ett giltigt kort och PIN-kod samt fel PIN-kod, okänt, spärrat ' +
    'eller utgånget kort där sådana har angetts) via tjänstens egen inloggningsväg; meddelandena ska synas, ' +
    'förmedlas till hjälpmedel och vara på sidans språk, och tiden för inloggningen mäts.',
  'method.accessibility':
    'Tillgänglighet: axe-core-regler (WCAG 2.1 och 2.2, nivå A och AA, EN 301 549) i varje steg av vägen. Endast ' +
    'regler som bygger på WCAG:s framgångskriterier på nivå A och AA räknas in i poängen, viktade efter ' +
    'allvarlighetsgrad (kritisk 10, allvarlig 7, måttlig 3, mindre 1).',
  'method.performance':
    'Prestanda: Lighthouse, {runs} körningar per sida; medianen poängsätts med Lighthouses egna kurvor för mobil ' +
    'eller dator.',
  'method.compatibility':
    'Kompatibilitet: fel i konsolen, ohanterade skriptfel, misslyckade nätverksförfrågningar (utom favicon.ico ' +
    '404) och vågrät rullning.',
  'method.scoring':
    'Ett områdes poäng är det viktade medelvärdet av dess kontroller (0–100). En tjänsts områdespoäng är ' +
    'medelvärdet över enheterna, och totalpoängen viktas enligt profilen. Resultat som inte kunde poängsättas ' +
    'lämnas utanför och räknas aldrig som noll.',
  'method.devices': 'Testade enheter',
  'method.devicesCaption': 'Enheter och webbläsare',
  'method.engine': 'Webbläsarmotor',
  'method.formFactor': 'Enhetstyp',
  'method.browserVersion': 'Webbläsarversion',
  'method.unknown': 'okänd',
  'method.weights': 'Områdenas vikter och obligatoriska krav',
  'method.weightsCaption': 'Områdenas vikter i totalpoängen',
  'method.gateItem': '{gate}: kontrollen {check} ska godkännas {scope}',
  'method.scope.every-device': 'på varje enhet',
  'method.scope.any-device': 'på minst en enhet',
  'method.limits': 'Vad som inte kan testas automatiskt',
  'method.limit.manual':
    'Automatiska verktyg hittar bara en del av tillgänglighetsproblemen. Testning med skärmläsare, med enbart ' +
    'tangentbord och med förstoring behövs fortfarande.',
  'method.limit.content':
    'Tillgängligheten i själva böckerna (EPUB-tillgänglighet, navigering i boken, textalternativ) och i skyddade ' +
    'läsprogram.',
  'method.limit.apps': 'Inbyggda mobilappar och riktiga telefoner, om de inte testades separat.',
  'method.limit.language':
    'Om texter och instruktioner är lätta att förstå, och kvaliteten på de finska och svenska versionerna, ' +
    'kräver mänsklig bedömning.',
  'method.limit.lab': 'Prestandan mättes i labbmiljö från en dator; låntagarnas nätverk och enheter varierar.',
  'nav.contents': 'Innehåll',
  'summary.release': 'version {release}',
  'ranking.shared': 'delad',
  'ranking.tie': '{services} delar placering {rank}: deras totalpoäng är lika i hela tal.',
  'ranking.close': '{a} och {b} skiljer sig inte tydligt åt: deras poängintervall överlappar ({rangeA} och {rangeB}).',
  'ranking.range': 'intervall {low}–{high}',
  'ranking.rangeNote':
    'Intervallet under poängen visar hur mycket poängen ändras när varje prestandamått tas vid den nedre eller ' +
    'övre kvartilen av de upprepade Lighthouse-körningarna i stället för medianen; de andra områdena ger samma ' +
    'resultat vid varje körning.',
  'ranking.singleRun':
    'Varje sida mättes med bara en Lighthouse-körning, så spridningen i prestandamätningarna är okänd: ' +
    'skillnader på några poäng kan vara slumpen.',
  'ranking.notes': 'Så läser du rangordningen',
  'col.budgets': 'Gränsvärden',
  'col.release': 'Version',
  'budget.within': 'inom gränsvärdet',
  'budget.over': 'över gränsvärdet',
  'budget.unmeasured': 'inte mätt',
  'budget.value': '{actual}, gräns {limit}',
  'budget.score': '{actual}, minst {limit} krävs',
  'budget.scoreTitle': '{subject}: poäng minst {limit}',
  'budget.none': 'inga gränsvärden',
  'gate.rule': '{suite}: inga underkända kontroller med allvarlighetsgrad ”{impact}”{orWorse}{steps}',
  'gate.rule.orWorse': ' eller högre',
  'gate.rule.steps': ' i stegen {steps}',
  'gate.undecidedOn': 'inte avgjort på: {devices}',
  'gate.failures': 'underkända: {checks}',
  'heatmap.title': 'Tjänsternas totalpoäng per enhet',
  'heatmap.caption':
    'Varje ruta är tjänstens totalpoäng på en enhet, viktad enligt profilen. Samma siffror, med varje områdes ' +
    'poäng, finns i tabellen nedan.',
  'trend.heading': 'Utveckling mellan körningar',
  'trend.intro': 'Totalpoäng i den här körningen och i tidigare körningar i samma rapportmapp, äldsta först.',
  'trend.none': 'Det här är den första körningen i rapportmappen, så det finns ingen utveckling ännu.',
  'trend.caption': 'Tjänsternas totalpoäng per körning',
  'trend.alt': '{service}, totalpoäng per körning: {scores}',
  'trend.otherConfig':
    'Körningar märkta med ◇ hade en annan konfiguration (annat fingeravtryck) och är inte direkt jämförbara med ' +
    'den här körningen.',
  'trend.runsCaption': 'Körningar i utvecklingen',
  'trend.same': 'samma som i den här körningen',
  'trend.different': '◇ annorlunda',
  'col.trend': 'Utveckling',
  'col.first': 'Första körningen',
  'col.latest': 'Den här körningen',
  'col.change': 'Förändring',
  'col.releases': 'Versioner',
  'col.run': 'Körning',
  'col.date': 'Datum',
  'col.configuration': 'Konfiguration',
  'details.deviceCaption': '{service}: områden per enhet',
  'details.showFindings': 'Observationer och belägg ({count})',
  'details.failsOn': 'underkänd på {count} av {total} enheter',
  'details.reviewOn': 'behöver granskas på {count} av {total} enheter',
  'details.errorOn': 'kunde inte bedömas på {count} av {total} enheter (fel i testmiljön)',
  'details.inconclusiveOn': 'kunde inte avgöras på {count} av {total} enheter',
  'details.lighthouse': 'Lighthouse-rapporter',
  'details.lighthouseLink': '{device}, sidan {step}',
  'details.release': 'Testad version: {release}',
  'finding.screenshots': 'Skärmbilder',
  'finding.allDevices': 'alla enheter ({count})',
  'finding.seenOn': 'Sedd på',
  'finding.criteria': 'Kriterier',
  'finding.lighthouseOn': 'Lighthouse-rapport: {device}',
  'method.when': 'Testningen startade {started}; resultaten poängsattes {evaluated}.',
  'method.scope.devices': 'obligatoriska enheter: {devices}',
  'method.gateRule': '{gate} – {scope}',
  'method.budgets': 'Gränsvärden',
  'method.budgetsIntro':
    'Gränsvärden påverkar inte placeringen; de visas bredvid de obligatoriska kraven, och en CI-körning med ' +
    '--gate misslyckas om något överskrids.',
  'method.budgetValue': '{title}: {check} högst {limit} på varje enhet',
  'method.budgetScore': '{title}: {subject} minst {limit} poäng',
  'method.regressions': 'Vad som räknas som en försämring mellan körningar',
  'method.regressionsIntro': 'erh compare flaggar en tjänst när något av följande händer mellan två körningar:',
  'method.regression.accessibility':
    'en poängsatt tillgänglighetskontroll med allvarlighetsgrad ”{impact}” eller högre underkänns fast den inte ' +
    'gjorde det tidigare',
  'method.regression.performance':
    'en Lighthouse-tidsmedian ökar med mer än {percent} % och {ms} ms (layoutförskjutning med mer än {cls}) ' +
    'utöver spridningen mellan körningar, med minst {runs} körningar per sida i båda körningarna',
  'method.regression.login': 'den giltiga testlåntagaren kan inte längre logga in på en enhet',
  'method.regression.gates': 'ett obligatoriskt krav som var uppfyllt uppfylls inte längre',
  'method.regression.overall': 'totalpoängen sjunker med mer än {points} poäng',
  'method.release':
    'Versionerna läses från de tjänster som anger hur (en meta-tagg, ett svarshuvud eller en JSON-slutpunkt), en ' +
    'gång per enhet, så att varje körning visar vilken version den testade: {services}.',
  'method.ties':
    'Lika och nära poäng: poängen jämförs i hela tal, och lika poäng delar placering. En skillnad räknas som ' +
    'tydlig först när tjänsternas poängintervall inte överlappar.',
  'method.limit.trace':
    'Webbläsarspårningar (trace) sparas inte; de belägg som sparas är skärmbilder, elementsökvägar och ' +
    'Lighthouse-rapporter.',
  'compare.title': 'Jämförelse av två körningar',
  'compare.intro':
    'Vad som ändrades för varje tjänst mellan en tidigare och en senare körning, och om det är en försämring ' +
    'enligt profilens tröskelvärden.',
  'compare.changes': 'Vad som ändrades',
  'compare.runsCaption': 'Den tidigare och den senare körningen',
  'compare.runs': 'Körningarna',
  'compare.old': 'Tidigare körning',
  'compare.new': 'Senare körning',
  'compare.sameConfig': 'Båda körningarna hade samma konfiguration (samma fingeravtryck).',
  'compare.differentConfig':
    'Körningarna hade olika konfigurationer (fingeravtrycken skiljer sig): en del skillnader kan bero på ' +
    'konfigurationen och inte på tjänsterna.',
  'compare.verdict': 'Resultat',
  'compare.verdictRegressed': 'Försämringar hittades i: {services}.',
  'compare.verdictNone': 'Ingen tjänst försämrades utöver profilens tröskelvärden.',
  'compare.summaryCaption': 'Tjänsterna i de två körningarna',
  'compare.releaseChange': '{old} → {new}',
  'compare.releaseSame': '{release} (oförändrad)',
  'compare.releaseUnknown': 'inte läst',
  'compare.changesHeading': '{service}: vad som ändrades',
  'compare.changesCaption': 'Förändringar i {service} mellan körningarna',
  'compare.noChanges': 'Inga förändringar.',
  'compare.regression': 'försämring',
  'compare.notRegression': 'nej',
  'compare.significant': 'större än spridningen mellan körningar',
  'compare.notSignificant': 'inte signifikant',
  'compare.thresholds': 'Tröskelvärden som använts',
  'compare.status.regressed': 'försämrad',
  'compare.status.changed': 'ändrad, ingen försämring',
  'compare.status.unchanged': 'oförändrad',
  'compare.status.not-compared': 'kunde inte jämföras',
  'col.oldRelease': 'Version före',
  'col.newRelease': 'Version nu',
  'col.oldOverall': 'Poäng före',
  'col.newOverall': 'Poäng nu',
  'col.result': 'Resultat',
  'col.what': 'Vad',
  'col.beforeAfter': 'Före → nu',
  'col.regression': 'Försämring',
  'col.note': 'Anmärkning',
  'change.new-failure': 'nytt fel',
  'change.fixed': 'åtgärdat',
  'change.more-findings': 'fler felaktiga element',
  'change.fewer-findings': 'färre felaktiga element',
  'change.login-broken': 'inloggningen fungerar inte',
  'change.login-fixed': 'inloggningen fungerar igen',
  'change.slowdown': 'långsammare',
  'change.speedup': 'snabbare',
  'change.gate-failed': 'kravet uppfylls inte längre',
  'change.gate-passed': 'kravet uppfylls nu',
  'change.score-drop': 'totalpoängen sjönk',
  'change.score-rise': 'totalpoängen steg',
  'change.not-compared': 'inte jämfört',
  'metric.fcp': 'Första innehållet (FCP)',
  'metric.lcp': 'Största innehållselementet (LCP)',
  'metric.tbt': 'Total blockeringstid (TBT)',
  'metric.cls': 'Layoutförskjutning (CLS)',
  'metric.atStep': '{metric}, sidan {step}',
  'footer.generated': 'Skapat av erh {version}.',
  'suite.login': 'Inloggning',
  'suite.accessibility': 'Tillgänglighet',
  'suite.performance': 'Prestanda',
  'suite.compatibility': 'Kompatibilitet',
  'suite.content': 'Innehåll',
  'suiteStatus.passed': 'godkänd',
  'suiteStatus.failed': 'underkänd',
  'suiteStatus.inconclusive': 'inte avgjort',
  'suiteStatus.unreachable': 'inte nåbar',
  'suiteStatus.timeout': 'tidsgränsen överskreds',
  'suiteStatus.not-applicable': 'ej tillämplig',
  'suiteStatus.harness-error': 'fel i testmiljön',
  'suiteStatus.missing': 'resultat saknas',
  'checkStatus.pass': 'godkänd',
  'checkStatus.fail': 'underkänd',
  'checkStatus.needs-review': 'behöver granskas',
  'checkStatus.not-applicable': 'ej tillämplig',
  'checkStatus.inconclusive': 'inte avgjort',
  'checkStatus.error': 'kunde inte bedömas (fel i testmiljön)',
  'impact.minor': 'mindre',
  'impact.moderate': 'måttlig',
  'impact.serious': 'allvarlig',
  'impact.critical': 'kritisk',
  'formFactor.desktop': 'dator',
  'formFactor.mobile': 'mobil',
  'formFactor.tablet': 'surfplatta',
};

export const MESSAGES: Readonly<Record<Language, Dictionary>> = { fi, sv, en };

/** A UI string with `{name}` placeholders filled in (values are escaped later by `html`). */
export function t(lang: Language, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[lang][key].replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Finnish and Swedish titles of the fixed checks; English titles are the checks' own. */
const journey = {
  fi: 'Asiakkaan polun kaikki vaiheet onnistuivat',
  sv: 'Alla steg i låntagarens väg kunde genomföras',
};

export const CHECK_TITLES: Readonly<Record<string, Readonly<Record<'fi' | 'sv', string>>>> = {
  ...CONTENT_CHECK_TITLES,
  'login/valid-patron': {
    fi: 'Kelvollinen kirjastokortti ja PIN-koodi kirjaavat asiakkaan sisään',
    sv: 'Giltigt bibliotekskort och PIN-kod loggar in låntagaren',
  },
  'login/unknown-card-rejected': {
    fi: 'Tuntematon kortin numero hylätään selkeällä viestillä',
    sv: 'Ett okänt kortnummer avvisas med ett tydligt meddelande',
  },
  'login/blocked-card-rejected': {
    fi: 'Estetty kortti hylätään viestillä, joka kertoo kortin olevan estetty',
    sv: 'Ett spärrat kort avvisas med ett meddelande som säger att kortet är spärrat',
  },
  'login/expired-card-rejected': {
    fi: 'Vanhentunut kortti hylätään viestillä, joka kertoo kortin vanhentuneen',
    sv: 'Ett utgånget kort avvisas med ett meddelande som säger att kortet har gått ut',
  },
  'login/error-announced': {
    fi: 'Kirjautumisvirheet välittyvät ruudunlukijan käyttäjille',
    sv: 'Inloggningsfel meddelas till skärmläsaranvändare',
  },
  'login/error-language': {
    fi: 'Kirjautumisvirheet ovat sivun kielellä',
    sv: 'Inloggningsfel är på sidans språk',
  },
  'login/form-accessible': {
    fi:
      'Kirjautumislomakkeessa on nimilaput ja automaattitäyttö, liittäminen on sallittu eikä siinä ole tehtävää ' +
      'ratkaistavaksi',
    sv: 'Inloggningsformuläret har etiketter och autofyll, tillåter inklistring och har ingen gåta att lösa',
  },
  'login/session-survives-reload': {
    fi: 'Kirjautuminen säilyy sivun uudelleenlatauksessa',
    sv: 'Inloggningen består när sidan laddas om',
  },
  'login/logout-ends-session': {
    fi: 'Uloskirjautuminen todella päättää istunnon',
    sv: 'Utloggning avslutar verkligen sessionen',
  },
  'login/third-party-cookies': {
    fi: 'Kirjautuminen toimii, kun kolmannen osapuolen evästeet on estetty',
    sv: 'Inloggningen fungerar när tredjepartskakor är blockerade',
  },
  'login/outage-message': {
    fi: 'Kirjastojärjestelmän katkosta ei ilmoiteta vääränä PIN-koodina',
    sv: 'Ett avbrott i bibliotekssystemet rapporteras inte som fel PIN-kod',
  },
  'login/wrong-pin-rejected': {
    fi: 'Väärä PIN-koodi hylätään selkeällä viestillä, joka ei toista PIN-koodia',
    sv: 'Fel PIN-kod avvisas med ett tydligt meddelande som inte upprepar PIN-koden',
  },
  'login/time-to-login': { fi: 'Kirjautuminen on nopeaa', sv: 'Inloggningen går snabbt' },
  'performance/lighthouse-performance': { fi: 'Lighthousen suorituskykypisteet', sv: 'Lighthouses prestandapoäng' },
  'performance/render-blocking': {
    fi: 'Mikään pyyntö ei viivytä sivun ensimmäistä piirtoa pitkään',
    sv: 'Ingen begäran fördröjer sidans första rendering länge',
  },
  'performance/first-contentful-paint': {
    fi: 'Ensimmäinen sisältö piirtyy nopeasti (First Contentful Paint)',
    sv: 'Det första innehållet visas snabbt (First Contentful Paint)',
  },
  'performance/largest-contentful-paint': {
    fi: 'Suurin sisältöelementti piirtyy nopeasti (Largest Contentful Paint)',
    sv: 'Det största innehållselementet visas snabbt (Largest Contentful Paint)',
  },
  'performance/total-blocking-time': {
    fi: 'Sivu reagoi nopeasti syötteisiin (Total Blocking Time)',
    sv: 'Sidan reagerar snabbt på inmatning (Total Blocking Time)',
  },
  'performance/cumulative-layout-shift': {
    fi: 'Asettelu ei siirry odottamatta (Cumulative Layout Shift)',
    sv: 'Layouten flyttar sig inte oväntat (Cumulative Layout Shift)',
  },
  'performance/journey-timings': {
    fi: 'Asiakkaan polun vaiheet ovat nopeita tällä laitteella',
    sv: 'Låntagarens steg går snabbt på den här enheten',
  },
  'performance/page-weight': { fi: 'Sivut eivät ole raskaita ladata', sv: 'Sidorna är inte tunga att ladda ner' },
  'performance/responsiveness': {
    fi: 'Sivu vastaa viipymättä polun jokaisessa vaiheessa',
    sv: 'Sidan svarar utan dröjsmål i varje steg av vägen',
  },
  'performance/no-trackers': {
    fi: 'Asiakkaan polulla ei oteta yhteyttä tunnettuihin seurantapalveluihin',
    sv: 'Inga kända spårningstjänster kontaktas under låntagarens väg',
  },
  'compatibility/console-errors': { fi: 'Selaimen konsolissa ei ole virheitä', sv: 'Inga fel i webbläsarens konsol' },
  'compatibility/page-errors': { fi: 'Ei käsittelemättömiä skriptivirheitä', sv: 'Inga ohanterade skriptfel' },
  'compatibility/failed-requests': {
    fi: 'Ei epäonnistuneita verkkopyyntöjä',
    sv: 'Inga misslyckade nätverksförfrågningar',
  },
  'compatibility/viewport-meta': {
    fi: 'Sivut asettavat mukautuvan näkymän ja sallivat zoomauksen puhelimissa ja tableteissa',
    sv: 'Sidorna anger en responsiv vy och tillåter zoomning på telefoner och surfplattor',
  },
  'compatibility/touch-target-spacing': {
    fi: 'Painikkeet ovat kosketusnäytöllä riittävän suuria tai riittävän kaukana toisistaan',
    sv: 'Kontrollerna är tillräckligt stora eller tillräckligt åtskilda för pekskärmar',
  },
  'compatibility/media-playback': {
    fi: 'Soitin todella soittaa (toistokohta etenee)',
    sv: 'Spelaren spelar verkligen upp (uppspelningspositionen går framåt)',
  },
  'compatibility/reader-paging': {
    fi: 'Lukunäkymässä voi kääntää sivua',
    sv: 'Läsvyn kan bläddra sidor',
  },
  'compatibility/web-features': {
    fi: 'Palvelun tarvitsemat selainominaisuudet ovat käytettävissä (EME, service worker…)',
    sv: 'Webbfunktioner som tjänsten behöver finns tillgängliga (EME, service worker…)',
  },
  'compatibility/third-party-frames': {
    fi: 'Polku toimii ilman kolmannen osapuolen kehyksiä ja niiden evästeitä',
    sv: 'Flödet fungerar utan tredjepartsramar och deras kakor',
  },
  'compatibility/horizontal-overflow': {
    fi: 'Sivut mahtuvat näytön leveyteen ilman vaakavieritystä',
    sv: 'Sidorna ryms i skärmens bredd utan vågrät rullning',
  },
  'accessibility/keyboard-reachable': {
    fi: 'Kaikkiin toimintoihin pääsee sarkainnäppäimellä',
    sv: 'Alla interaktiva element nås med tabbtangenten',
  },
  'accessibility/no-keyboard-trap': {
    fi: 'Näppäimistön kohdistus ei jää loukkuun',
    sv: 'Tangentbordsfokus fastnar aldrig',
  },
  'accessibility/focus-order': {
    fi: 'Kohdistusjärjestys seuraa näkyvää järjestystä',
    sv: 'Fokusordningen följer den visuella ordningen',
  },
  'accessibility/click-listeners': {
    fi: 'Napsautuksiin reagoivat elementit ovat näppäimistöllä käytettäviä säätimiä',
    sv: 'Element som reagerar på klick är kontroller som kan användas med tangentbordet',
  },
  'accessibility/key-activation': {
    fi: 'Omat säätimet toimivat Enter- ja välilyöntinäppäimellä',
    sv: 'Egna kontroller fungerar med Enter och mellanslag',
  },
  'accessibility/hover-disclosure': {
    fi: 'Hiirellä osoittaen avautuva sisältö avautuu myös näppäimistöllä',
    sv: 'Det som öppnas när pekaren vilar över öppnas också med tangentbordet',
  },
  'accessibility/error-colour-only': {
    fi: 'Lomakkeen virheet kerrotaan muutenkin kuin värillä',
    sv: 'Fel i formulär anges med mer än färg',
  },
  'accessibility/flashing': {
    fi: 'Mikään ei välky yli kolmesti sekunnissa',
    sv: 'Inget blinkar mer än tre gånger i sekunden',
  },
  'accessibility/animated-images': {
    fi: 'Kuvat eivät liiku loputtomasti',
    sv: 'Bilder rör sig inte utan slut',
  },
  'accessibility/hint-association': {
    fi: 'Ohjetekstit on liitetty lomakekenttiinsä',
    sv: 'Hjälptexter är kopplade till sina formulärfält',
  },
  'accessibility/link-purpose': { fi: 'Jokainen linkki kertoo, minne se vie', sv: 'Varje länk säger vart den leder' },
  'accessibility/placeholder-label': {
    fi: 'Lomakekentillä on nimilappu, ei pelkkää paikkamerkkitekstiä',
    sv: 'Formulärfälten har etiketter, inte bara platshållartext',
  },
  'accessibility/static-tab-stops': {
    fi: 'Näppäimistön kohdistus pysähtyy vain säätimiin',
    sv: 'Tangentbordsfokus stannar bara på kontroller',
  },
  'accessibility/transcripts': { fi: 'Äänisisällöllä on tekstivastine', sv: 'Ljudinnehåll har en textversion' },
  'accessibility/dialog-focus': {
    fi: 'Kohdistus siirtyy avautuvaan valintaikkunaan ja palaa sen avanneeseen painikkeeseen, kun ikkuna suljetaan',
    sv: 'Fokus flyttas in i en dialog när den öppnas och tillbaka till det som öppnade den när den stängs',
  },
  'accessibility/focus-visible': { fi: 'Näppäimistön kohdistus näkyy', sv: 'Tangentbordsfokus är synligt' },
  'accessibility/focus-not-obscured': {
    fi: 'Kiinteä sisältö ei peitä kohdistettua elementtiä',
    sv: 'Fast innehåll döljer inte det fokuserade elementet',
  },
  'accessibility/reflow': {
    fi: 'Sisältö mukautuu 320 CSS-pikselin leveyteen ilman vaakavieritystä',
    sv: 'Innehållet anpassas till 320 CSS-pixlar utan vågrät rullning',
  },
  'accessibility/text-resize': {
    fi: 'Tekstin voi suurentaa 200 %:iin sisältöä menettämättä',
    sv: 'Texten kan förstoras till 200 % utan att innehåll går förlorat',
  },
  'accessibility/text-spacing': {
    fi: 'Teksti pysyy luettavana suuremmilla väleillä',
    sv: 'Texten förblir läsbar med ökat textavstånd',
  },
  'accessibility/target-size': {
    fi: 'Kohteet ovat vähintään 24 × 24 CSS-pikseliä tai riittävän erillään',
    sv: 'Målytor är minst 24 × 24 CSS-pixlar eller tillräckligt åtskilda',
  },
  'accessibility/page-language': { fi: 'Sivu ilmoittaa kielensä oikein', sv: 'Sidan anger sitt språk rätt' },
  'accessibility/language-of-parts': {
    fi: 'Muunkieliset osat on merkitty oikealla kielellä',
    sv: 'Delar på andra språk är märkta med rätt språk',
  },
  'accessibility/bypass-blocks': {
    fi: 'Toistuvat osiot voi ohittaa (ohituslinkki tai päämaamerkki)',
    sv: 'Upprepade block kan hoppas över (hopplänk eller huvudlandmärke)',
  },
  'accessibility/player-controls': {
    fi: 'Soittimen painikkeilla on nimet ja ne toimivat näppäimistöllä',
    sv: 'Spelarens kontroller har namn och fungerar med tangentbordet',
  },
  'accessibility/no-autoplay-audio': { fi: 'Ääni ei käynnisty itsestään', sv: 'Inget ljud startar av sig självt' },
  'accessibility/captions': { fi: 'Videoissa on tekstitys', sv: 'Videor har undertexter' },
  'accessibility/motion': {
    fi: 'Liikkuvan sisällön voi pysäyttää ja vähennetty liike huomioidaan',
    sv: 'Rörligt innehåll kan pausas och minskad rörelse respekteras',
  },
  // The content suite walks the journey only to reach its download step: it has no journey-completed check.
  ...Object.fromEntries(SUITES.filter((s) => s !== 'content').map((suite) => [`${suite}/journey-completed`, journey])),
};

/**
 * Title of a check in the requested language: the translation for known ids, otherwise the
 * check's own (English) title, e.g. an axe rule's help text. `translated` says which it is, so
 * the renderer can mark English text with lang="en".
 */
export function checkTitle(lang: Language, id: string, fallback: string): { text: string; translated: boolean } {
  if (lang === 'en') return { text: fallback, translated: true };
  const titles = CHECK_TITLES[id];
  return titles ? { text: titles[lang], translated: true } : { text: fallback, translated: false };
}
