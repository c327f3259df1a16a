/**
 * Verdicts that are never quietly wrong (issue 14): a check that breaks is an error that travels —
 * from the normaliser through suite, service and ranking to results.json, the scorecard, JUnit and
 * the exit code — never a gap the weighted mean renormalises over. And an open-access service (no
 * login at all) is judged on what applies: its login gates do not apply, and it is ranked.
 */
import { describe, expect, it } from 'vitest';
import type { Check, SuiteCheckTable } from '../../../src/checks/index.ts';
import { SUITE_CHECKS } from '../../../src/checks/index.ts';
import { harnessErrorLines, runExitCode } from '../../../src/cli/exit.ts';
import { RunResultSchema, ServiceSchema } from '../../../src/core/index.ts';
import { configWarnings } from '../../../src/config/warnings.ts';
import { renderJUnit } from '../../../src/render/junit.ts';
import { renderScorecardHtml } from '../../../src/render/html.ts';
import { evaluateRun } from '../../../src/scorecard/index.ts';
import { loginEvidence } from '../checks/helpers.ts';
import { device, profile, runInput, service, targetEvidence } from './helpers.ts';

const throwing: Check<'accessibility'> = {
  meta: { id: 'accessibility/test-throws', suite: 'accessibility', title: 'A check that throws', impact: 'serious', weight: 5, criteria: ['1.4.10'], references: [], reads: [] },
  evaluate() {
    throw new Error('evidence shape not understood');
  },
};

const outOfRange: Check<'compatibility'> = {
  meta: { id: 'compatibility/test-out-of-range', suite: 'compatibility', title: 'A check that scores 1.5', impact: 'moderate', weight: 3, criteria: [], references: [], reads: [] },
  evaluate: () => ({ score: 1.5 }),
};

const broken: SuiteCheckTable = {
  ...SUITE_CHECKS,
  accessibility: { ...SUITE_CHECKS.accessibility, checks: [...SUITE_CHECKS.accessibility.checks, throwing] },
  compatibility: { ...SUITE_CHECKS.compatibility, checks: [...SUITE_CHECKS.compatibility.checks, outOfRange] },
};

describe('a check that breaks', () => {
  const services = [service('kirjava', 'Kirjava'), service('lehtisali', 'Lehtisali')];
  const devices = [device('desktop-chromium'), device('desktop-firefox', 'firefox')];
  const evidence = services.flatMap((s) => devices.flatMap((d) => targetEvidence(s.id, d.id)));
  const clean = evaluateRun(runInput(services, devices, evidence));
  const result = evaluateRun({ ...runInput(services, devices, evidence), checks: broken });

  it('is an error with its typed cause, never clamped or inconclusive', () => {
    const target = result.targets.find((t) => t.id === 'kirjava@desktop-chromium')!;
    expect(target.suites.accessibility.checks.find((c) => c.id === throwing.meta.id)).toMatchObject({
      status: 'error',
      score: null,
      error: { cause: 'threw', message: 'evidence shape not understood' },
    });
    expect(target.suites.compatibility.checks.find((c) => c.id === outOfRange.meta.id)).toMatchObject({
      status: 'error',
      score: null,
      error: { cause: 'score-out-of-range' },
    });
    expect(RunResultSchema.parse(result)).toEqual(result);
  });

  it('leaves its suite without a score, with the reason; the service suite and overall are null and the service is not ranked', () => {
    expect(clean.ranking).toHaveLength(2);
    for (const t of result.targets) {
      expect(t.suites.accessibility).toMatchObject({ score: null, status: 'harness-error' });
      expect(t.suites.accessibility.reason).toContain('accessibility/test-throws (threw: evidence shape not understood)');
      expect(t.suites.compatibility.reason).toContain('compatibility/test-out-of-range (score-out-of-range');
      expect(t.overall).toBeNull();
      // The suites the broken checks are not in keep their scores.
      expect(t.suites.login.score).toBe(clean.targets.find((c) => c.id === t.id)!.suites.login.score);
    }
    for (const e of result.scorecard) {
      expect(e.suites.accessibility).toBeNull();
      expect(e.suites.compatibility).toBeNull();
      expect(e.overall).toBeNull();
      expect(e.rank).toBeNull();
    }
    expect(result.ranking).toEqual([]);
  });

  it('is counted in results.json, named on the terminal and makes the run exit 3 (with or without --gate)', () => {
    expect(result.harnessErrors).toHaveLength(8);
    expect(result.harnessErrors.every((e) => e.weighted)).toBe(true);
    expect(runExitCode(result, { gate: false })).toBe(3);
    expect(runExitCode(result, { gate: true })).toBe(3);
    expect(runExitCode(clean, { gate: false })).toBe(0);
    const lines = harnessErrorLines(result);
    expect(lines).toContain('erh: harness error: kirjava@desktop-chromium accessibility: check accessibility/test-throws could not be evaluated (threw): evidence shape not understood');
    expect(lines.some((l) => l.includes('compatibility/test-out-of-range could not be evaluated (score-out-of-range)'))).toBe(true);
  });

  it('shows on the scorecard in every language and as a JUnit error', () => {
    const en = renderScorecardHtml(result, { lang: 'en' });
    expect(en).toContain('Kirjava is not ranked: a weighted part of its score could not be computed because of a harness error');
    expect(en).toContain('Not scored: a check could not be evaluated: accessibility/test-throws (threw: evidence shape not understood)');
    expect(en).toContain('could not be evaluated on 2 of 2 devices (harness error)');
    expect(renderScorecardHtml(result, { lang: 'fi' })).toContain('Kirjava jätetään järjestyksen ulkopuolelle');
    expect(renderScorecardHtml(result, { lang: 'sv' })).toContain('Kirjava rangordnas inte');
    const junit = renderJUnit(result);
    expect(junit).toMatch(/<testcase[^>]*name="accessibility\/test-throws"[^>]*>\s*<error message="A check that throws: [^"]*" type="threw"\/>/);
    expect(junit).toMatch(/<error message="A check that scores 1\.5: [^"]*" type="score-out-of-range"\/>/);
  });

  it('a weight-0 check in error is still a harness error of the run, but leaves the score and rank intact', () => {
    const unweighted: SuiteCheckTable = {
      ...SUITE_CHECKS,
      accessibility: { ...SUITE_CHECKS.accessibility, checks: [...SUITE_CHECKS.accessibility.checks, { ...throwing, meta: { ...throwing.meta, weight: 0 } }] },
    };
    const r = evaluateRun({ ...runInput(services, devices, evidence), checks: unweighted });
    expect(r.scorecard.map((e) => e.overall)).toEqual(clean.scorecard.map((e) => e.overall));
    expect(r.ranking).toEqual(clean.ranking);
    expect(r.harnessErrors.map((e) => e.weighted)).toEqual([false, false, false, false]);
    expect(runExitCode(r, { gate: false })).toBe(3);
  });
});

describe('an open-access service', () => {
  const open = ServiceSchema.parse({
    id: 'avoin',
    name: 'Avoin arkisto',
    vendor: 'Avoin Oy',
    kind: 'database',
    baseUrl: 'http://127.0.0.1:4100/avoin/',
    languages: ['fi'],
    login: { strategy: 'none' },
    journey: [{ id: 'landing', actions: [{ goto: '/' }] }],
  });
  const devices = [device('desktop-chromium'), device('desktop-firefox', 'firefox')];
  const withLogin = service('kirjava', 'Kirjava');
  const evidence = [
    ...devices.flatMap((d) => targetEvidence('kirjava', d.id)),
    ...devices.flatMap((d) =>
      targetEvidence('avoin', d.id).map((e) =>
        e.suite === 'login' ? loginEvidence(undefined, { service: 'avoin', device: d.id, status: 'not-applicable', reason: 'The service is open access: it declares no login (login.strategy: none)' }) : e,
      ),
    ),
  ];
  const result = evaluateRun(runInput([withLogin, open], devices, evidence, profile()));

  it('needs no test patrons, and may not log in in its journey', () => {
    expect(open.patrons).toEqual({});
    const loginStep = ServiceSchema.safeParse({ ...open, journey: [{ id: 'x', actions: [{ login: 'valid' }] }] });
    expect(loginStep.success).toBe(false);
    expect(loginStep.error?.issues[0]?.path).toEqual(['journey', 0, 'actions', 0, 'login']);
    const noPatron = ServiceSchema.safeParse({ ...open, login: withLogin.login, patrons: {} });
    expect(noPatron.error?.issues[0]).toMatchObject({ path: ['patrons'], message: 'a "valid" patron is required' });
  });

  it('has no login score, its login gates do not apply, and it is ranked beside a login service', () => {
    const entry = result.scorecard.find((e) => e.service === 'avoin')!;
    expect(entry.suites.login).toBeNull();
    expect(entry.gates).toEqual([expect.objectContaining({ id: 'valid-login', passed: null, notApplicable: true, failedOn: [] })]);
    expect(entry.eligible).toBe(true);
    expect(entry.overall).not.toBeNull();
    expect(result.ranking.sort()).toEqual(['avoin', 'kirjava']);
    expect(result.harnessErrors).toEqual([]);
    expect(renderScorecardHtml(result, { lang: 'fi' })).toContain('ei koske tätä palvelua');
  });
});

describe('a service that declares no library system', () => {
  const devices = [device('desktop-chromium')];
  const noLibrary = service('kirjava', 'Kirjava');
  const withLibrary = ServiceSchema.parse({ ...service('lehtisali', 'Lehtisali'), library: { kohaRest: { url: 'http://127.0.0.1:4101/', user: { env: 'KOHA_USER' }, password: { env: 'KOHA_PASSWORD' } } } });
  const open = ServiceSchema.parse({ ...service('avoin', 'Avoin'), login: { strategy: 'none' }, patrons: {} });
  const evidence = [...targetEvidence('kirjava', 'desktop-chromium'), ...targetEvidence('lehtisali', 'desktop-chromium')];
  const result = evaluateRun(runInput([noLibrary, withLibrary, open], devices, evidence));
  const page = (lang: 'fi' | 'sv' | 'en') => renderScorecardHtml(result, { lang });

  it('records what each service declared in results.json', () => {
    expect(result.services.map((s) => [s.id, s.login, s.librarySystem ?? null, s.releaseDeclared])).toEqual([
      ['kirjava', 'card-pin-form', null, false],
      ['lehtisali', 'card-pin-form', 'koha-rest', false],
      ['avoin', 'none', null, false],
    ]);
  });

  it('says in the methodology and in its login section that pre-flight was not possible and the verdicts rest on the vendor alone', () => {
    expect(page('en')).toContain('Kirjava: card-pin-form; pre-flight not possible: no library system declared, so its login verdicts rest on the vendor’s pages alone.');
    expect(page('en')).toContain('Lehtisali: card-pin-form; the test patrons were first checked directly with the library system (Koha REST).');
    expect(page('en')).toContain('Avoin: open access, no login; the login suite and login gates do not apply.');
    expect(page('en')).toContain('Pre-flight not possible: no library system declared, so the test patrons could not be checked');
    expect(page('en')).toContain('Pre-flight: not possible (no library system declared)');
    expect(page('fi')).toContain('Kirjava: card-pin-form; esitarkistus ei ollut mahdollinen, koska kirjastojärjestelmää ei ole määritelty');
    expect(page('fi')).toContain('Esitarkistus: ei mahdollinen (kirjastojärjestelmää ei ole määritelty)');
    expect(page('sv')).toContain('Kirjava: card-pin-form; förkontroll var inte möjlig eftersom inget bibliotekssystem har angetts');
    expect(page('sv')).toContain('Förkontroll: inte möjlig (inget bibliotekssystem angett)');
  });

  it('says only what ran: journeys as declared, performance devices, no release sentence when none is declared, the checks per suite', () => {
    const en = page('en');
    expect(en).toContain('Kirjava: landing');
    expect(en).toContain('Performance was measured on: Device desktop-chromium.');
    expect(en).not.toContain('Release versions are read');
    expect(en).toMatch(/<summary>Login \(\d+\)<\/summary>/);
    expect(en).toContain('(<code>login/valid-patron</code>)');
    const noPerf = evaluateRun(runInput([noLibrary], [device('desktop-firefox', 'firefox')], targetEvidence('kirjava', 'desktop-firefox').filter((e) => e.suite !== 'performance')));
    expect(renderScorecardHtml(noPerf, { lang: 'en' })).toContain('Performance (Lighthouse) was not measured on any device of this run.');
  });

  it('login/outage-message is not applicable without a pre-flight, never "the library system was reachable"', () => {
    const outage = result.targets.find((t) => t.service === 'kirjava')!.suites.login.checks.find((c) => c.id === 'login/outage-message')!;
    expect(outage.status).toBe('not-applicable');
    expect(outage.detail).toContain('No pre-flight was possible (no library system declared)');
    expect(outage.detail).not.toContain('was reachable');
  });

  it('erh validate warns about it (exit 0), naming file and field; not for open access or a declared library system', () => {
    const warnings = configWarnings({ services: [noLibrary, withLibrary, open], sources: { services: { kirjava: 'services/kirjava.yaml' }, devices: {}, profile: 'profiles/default.yaml' } });
    expect(warnings).toEqual([{ file: 'services/kirjava.yaml', field: 'library', message: expect.stringContaining('no library system declared') }]);
  });
});

describe('a must-pass gate over the login form', () => {
  const gate = { id: 'login-form', noFailures: { suite: ['accessibility', 'login'], impact: 'serious', steps: ['login-error'], criteria: 'any' } };
  const devices = [device('desktop-chromium')];
  const kirjava = service('kirjava', 'Kirjava');
  // A login form whose card field is named only by its placeholder: axe passes it, the login suite's form check fails it.
  const evidence = targetEvidence('kirjava', 'desktop-chromium').map((e) =>
    e.suite === 'login' && e.login !== undefined
      ? { ...e, login: { ...e.login, form: { fields: [{ field: 'card' as const, label: null, placeholder: 'Kortti', autocomplete: 'username', pasteAllowed: true }], cognitiveTest: null } } }
      : e.suite === 'accessibility' && e.accessibility !== undefined
        ? { ...e, accessibility: { ...e.accessibility, states: e.accessibility.states.map((st) => ({ ...st, step: 'login-error' })) } }
        : e,
  );

  it('sees the login suite’s form findings too, not only the accessibility suite’s', () => {
    const result = evaluateRun(runInput([kirjava], devices, evidence, profile({ gates: [gate] })));
    expect(result.scorecard[0]?.gates[0]).toMatchObject({ passed: false, failures: [{ device: 'desktop-chromium', check: 'login/form-accessible', impact: 'serious' }] });
    const axeOnly = evaluateRun(runInput([kirjava], devices, evidence, profile({ gates: [{ ...gate, noFailures: { ...gate.noFailures, suite: 'accessibility' } }] })));
    expect(axeOnly.scorecard[0]?.gates[0]?.passed).toBe(true);
  });

  it('counts only checks that test a WCAG criterion when asked to (criteria: any)', () => {
    const rejected = targetEvidence('kirjava', 'desktop-chromium', { login: 'rejected' });
    const result = evaluateRun(runInput([kirjava], devices, rejected, profile({ gates: [{ ...gate, noFailures: { ...gate.noFailures, impact: 'critical' } }] })));
    // login/valid-patron (critical, no WCAG criterion) failed, but it is not a finding about the form's accessibility.
    expect(result.targets[0]?.suites.login.checks.find((c) => c.id === 'login/valid-patron')?.status).toBe('fail');
    expect(result.scorecard[0]?.gates[0]?.passed).toBe(true);
  });
});

describe('an inconclusive check that names what kept it from a verdict', () => {
  const undecided: Check<'performance'> = {
    meta: { id: 'performance/test-undecided', suite: 'performance', title: 'A check left undecided', impact: 'serious', weight: 5, criteria: [], references: [], reads: [] },
    evaluate: () => ({ status: 'inconclusive', detail: 'No run measured the page.', findings: [{ message: 'Every Lighthouse run of the item page ended in a runtime error.', step: 'item' }] }),
  };
  const table: SuiteCheckTable = { ...SUITE_CHECKS, performance: { ...SUITE_CHECKS.performance, checks: [...SUITE_CHECKS.performance.checks, undecided] } };
  const result = evaluateRun({ ...runInput([service('kirjava', 'Kirjava')], [device('desktop-chromium')], targetEvidence('kirjava', 'desktop-chromium')), checks: table });

  it('is listed on the scorecard with its findings', () => {
    const en = renderScorecardHtml(result, { lang: 'en' });
    expect(en).toContain('A check left undecided');
    expect(en).toContain('could not be decided on 1 of 1 devices');
    expect(en).toContain('Every Lighthouse run of the item page ended in a runtime error.');
  });
});
