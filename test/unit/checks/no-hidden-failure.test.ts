/**
 * Issue 14 part 2: no passing check hides a failure. One describe per check: evidence that holds a
 * problem the check reads (a failure, an error, a probe that failed, a step that did not complete,
 * runs that failed) must not pass; a feature the service does not declare is not applicable, never
 * inconclusive. The audit behind these cases is in docs/scoring.md ("No passing check hides a failure").
 */
import { describe, expect, it } from 'vitest';
import type { A11yProbes, AccessibilityState, CheckResult, CompatibilityEvidence, TabStop, TimingPhase, TimingsEvidence } from '../../../src/core/index.ts';
import { fixedCheckMetas } from '../../../src/checks/index.ts';
import { accessibilityEvidence, attempt, axeRule, check, compatibilityEvidence, lhRun, loginEvidence, performanceEvidence, step } from './helpers.ts';
import { EvidenceSchema, type EvidenceOf } from '../../../src/core/index.ts';
import { FETCHED_AT, contentEvidence, goodPackage, publication as contentPublication, statement as contentStatement } from './content-fixtures.ts';

const notPass = (r: CheckResult) => expect(r.status, `${r.id}: ${r.detail ?? ''}`).not.toBe('pass');

// ───────────────────────────── login ─────────────────────────────

function login(attempts: Parameters<typeof loginEvidence>[0], extra: Record<string, unknown> = {}): EvidenceOf<'login'> {
  const base = loginEvidence(attempts);
  return EvidenceSchema.parse({ ...base, login: { ...base.login, ...extra } }) as EvidenceOf<'login'>;
}

describe('login/valid-patron', () => {
  it('one of two valid attempts not logged in → fail', () => {
    const r = check(login([attempt('valid', 'logged-in'), attempt('valid', 'no-response')]), 'login/valid-patron');
    expect(r.status).toBe('fail');
  });
});

describe('login/wrong-pin-rejected', () => {
  it('an attempt whose form could not be used → fail, not pass', () => {
    notPass(check(login([attempt('wrongPin', 'rejected', { message: 'Väärä PIN' }), attempt('wrongPin', 'error', { error: 'PIN field missing' })]), 'login/wrong-pin-rejected'));
  });
});

for (const [id, role] of [['login/unknown-card-rejected', 'unknownCard'], ['login/blocked-card-rejected', 'blocked'], ['login/expired-card-rejected', 'expired']] as const) {
  describe(id, () => {
    it('no response to the card → fail', () => {
      notPass(check(login([attempt(role, 'no-response')]), id));
    });
  });
}

describe('login/error-announced', () => {
  it('a form login whose announcement could not be read is inconclusive, not announced', () => {
    const r = check(login([attempt('wrongPin', 'rejected', { message: 'Väärä PIN' })]), 'login/error-announced');
    expect(r.status).toBe('inconclusive');
  });
  it('one silent message among announced ones → fail', () => {
    const r = check(login([attempt('wrongPin', 'rejected', { message: 'Väärä PIN', announced: true }), attempt('blocked', 'rejected', { message: 'Kortti on estetty', announced: false })]), 'login/error-announced');
    expect(r.status).toBe('fail');
  });
});

describe('login/error-language', () => {
  it('a message in another language than its page → fail', () => {
    const r = check(login([attempt('wrongPin', 'rejected', { message: 'Wrong PIN', messageLanguage: 'en', pageLanguage: 'fi' })]), 'login/error-language');
    expect(r.status).toBe('fail');
  });
});

describe('login/form-accessible', () => {
  it('a form login whose form was never examined is inconclusive (not "not applicable")', () => {
    const r = check(login([attempt('valid', 'error', { error: 'card field not found' })]), 'login/form-accessible');
    expect(r.status).toBe('inconclusive');
    expect(r.detail).toContain('card field not found');
  });
  it('a login without a browser form is not applicable', () => {
    expect(check(login([attempt('valid', 'logged-in')], { strategy: 'password-grant' }), 'login/form-accessible').status).toBe('not-applicable');
  });
});

describe('login/session-survives-reload', () => {
  it('the valid patron never got in → inconclusive with why, not "not applicable"', () => {
    const r = check(login([attempt('valid', 'rejected', { message: 'Väärä PIN' })]), 'login/session-survives-reload');
    expect(r.status).toBe('inconclusive');
    expect(r.detail).toContain('login/valid-patron');
  });
  it('an API login has no session to reload: not applicable', () => {
    expect(check(login([attempt('valid', 'logged-in')], { strategy: 'password-grant' }), 'login/session-survives-reload').status).toBe('not-applicable');
  });
});

describe('login/logout-ends-session', () => {
  it('the valid patron never got in → inconclusive; no logout declared → not applicable', () => {
    expect(check(login([attempt('valid', 'no-response')]), 'login/logout-ends-session').status).toBe('inconclusive');
    const undeclared = login([attempt('valid', 'logged-in')], { session: { survivesReload: true, logout: 'not-tested', detail: 'No logout control is declared (login.logout).' } });
    expect(check(undeclared, 'login/logout-ends-session').status).toBe('not-applicable');
  });
  it('a logout that could not be used → fail', () => {
    notPass(check(login([attempt('valid', 'logged-in')], { session: { survivesReload: true, logout: 'error', detail: 'logout button missing' } }), 'login/logout-ends-session'));
  });
});

describe('login/third-party-cookies', () => {
  it('cookies blocked and the valid patron not logged in → fail', () => {
    notPass(check(login([attempt('valid', 'no-response')], { crossSiteFrame: true, thirdPartyCookies: 'blocked' }), 'login/third-party-cookies'));
  });
});

describe('login/outage-message', () => {
  const outage = { preflight: { protocol: 'koha-rest', status: 'unreachable', reason: 'connection refused', patrons: [], durationMs: 5 } };
  it('nothing at all shown during an outage → fail', () => {
    const r = check(login([attempt('valid', 'no-response', { durationMs: 10_000 })], outage), 'login/outage-message');
    expect(r.status).toBe('fail');
  });
  it('the login could not be tried during the outage → inconclusive, not "not applicable"', () => {
    expect(check(login([attempt('valid', 'error', { error: 'submit missing' })], outage), 'login/outage-message').status).toBe('inconclusive');
  });
});

describe('login/time-to-login', () => {
  it('a valid login that never completed → fail with the attempt as a finding (was: not applicable)', () => {
    const r = check(login([attempt('valid', 'rejected', { message: 'Väärä PIN' })]), 'login/time-to-login');
    expect(r.status).toBe('fail');
    expect(r.findings).toHaveLength(1);
  });
});

describe('<suite>/journey-completed', () => {
  it('a step that loaded only after the harness repeated a 5xx → fail with a finding, in every suite', () => {
    const steps = [step('landing', true, { retries: [{ url: 'http://127.0.0.1:4100/', status: 500 }] }), step('search')];
    for (const r of [
      check(loginEvidence([attempt('valid', 'logged-in')], { steps }), 'login/journey-completed'),
      check(accessibilityEvidence({ axeVersion: '4.14.1', tags: [], states: [] }, { steps }), 'accessibility/journey-completed'),
      check(performanceEvidence({ runsPerPage: 1, pages: [] }, { steps }), 'performance/journey-completed'),
      check(compatibilityEvidence({}, { steps }), 'compatibility/journey-completed'),
    ]) {
      expect(r.status, r.id).toBe('fail');
      expect(r.findings[0]?.message, r.id).toContain('HTTP 500');
    }
  });
});

// ───────────────────────────── accessibility ─────────────────────────────

function stop(name: string, y: number): TabStop {
  return { selector: `#${name.toLowerCase()}`, name, x: 10, y, width: 80, height: 30, focusVisible: true, obscuredBy: null };
}

/** A clean probe record at one state. */
function probes(extra: Partial<A11yProbes> = {}): A11yProbes {
  return {
    viewport: { width: 1366, height: 768 },
    keyboard: { stops: [stop('Skip', 0), stop('Play', 50), stop('Search', 100)], sequence: [0, 1, 2, null], unfocusable: [], truncated: false },
    reflow: { viewportWidth: 320, documentWidth: 320, offenders: [] },
    textResize: { clipped: [] },
    textSpacing: { clipped: [] },
    targets: { measured: 3, small: [] },
    language: { declared: 'fi', detected: 'fi', parts: [{ selector: 'a#sv', name: 'Svenska', declared: 'sv', detected: 'sv' }] },
    bypass: { skipLink: 'a.skip', main: 1, navigation: 1 },
    media: [{ selector: 'audio', name: 'Rautatie', kind: 'video', autoplaySound: false, captions: true, nativeControls: false, controls: [{ selector: '#play', name: 'Play', stop: 1 }] }],
    motion: { longAnimations: [], reducedMotionRule: true },
    staticStops: { items: [], total: 0 },
    links: { generic: [], ambiguous: [], newWindow: [], documents: [], total: 2 },
    fields: { placeholderOnly: [], unassociatedHints: [], total: 1 },
    transcripts: { audio: [{ selector: 'audio', name: 'Rautatie', transcript: true }], mediaLinks: [] },
    animatedImages: [],
    clickListeners: { observable: true, items: [], total: 0 },
    keyActivation: { items: [{ selector: '#fav', name: 'Favourite', role: 'button', clickListener: true, presses: [{ key: 'Enter', answers: ['click'] }, { key: 'Space', answers: ['click'] }] }], total: 1 },
    hoverDisclosure: { items: [{ selector: '#menu', name: 'Menu', revealed: 'E-books', byFocus: true, focusable: true }], total: 1, tested: 1 },
    errorCues: { marked: 1, colourOnly: [] },
    flashing: { candidates: 0, items: [] },
    errors: [],
    durationMs: 900,
    ...extra,
  };
}

function state(stepId: string, p: A11yProbes): AccessibilityState {
  return { step: stepId, url: `http://127.0.0.1:4100/${stepId}`, violations: [], incomplete: [], passes: [], inapplicable: [], probes: p };
}

/** Evidence where the probe `key` failed at the second state (absent, with the error recorded). */
function probeFailedAt(key: keyof A11yProbes, probeName: string) {
  const broken = probes({ errors: [{ probe: probeName, message: 'Execution context was destroyed' }] });
  delete broken[key];
  return accessibilityEvidence({ axeVersion: '4.14.1', tags: ['wcag2a'], states: [state('landing', probes()), state('item', broken)] });
}

const PROBE_CHECKS: Array<[string, keyof A11yProbes, string]> = [
  ['accessibility/keyboard-reachable', 'keyboard', 'keyboard'],
  ['accessibility/no-keyboard-trap', 'keyboard', 'keyboard'],
  ['accessibility/focus-order', 'keyboard', 'keyboard'],
  ['accessibility/focus-visible', 'keyboard', 'keyboard'],
  ['accessibility/focus-not-obscured', 'keyboard', 'keyboard'],
  ['accessibility/dialog-focus', 'keyboard', 'keyboard'],
  ['accessibility/reflow', 'reflow', 'reflow'],
  ['accessibility/text-resize', 'textResize', 'textResize'],
  ['accessibility/text-spacing', 'textSpacing', 'textSpacing'],
  ['accessibility/target-size', 'targets', 'inventory'],
  ['accessibility/page-language', 'language', 'inventory'],
  ['accessibility/language-of-parts', 'language', 'inventory'],
  ['accessibility/bypass-blocks', 'bypass', 'inventory'],
  ['accessibility/player-controls', 'media', 'inventory'],
  ['accessibility/no-autoplay-audio', 'media', 'inventory'],
  ['accessibility/captions', 'media', 'inventory'],
  ['accessibility/motion', 'motion', 'inventory'],
  ['accessibility/static-tab-stops', 'staticStops', 'inventory'],
  ['accessibility/link-purpose', 'links', 'inventory'],
  ['accessibility/placeholder-label', 'fields', 'inventory'],
  ['accessibility/hint-association', 'fields', 'inventory'],
  ['accessibility/transcripts', 'transcripts', 'inventory'],
  ['accessibility/animated-images', 'animatedImages', 'animatedImages'],
  ['accessibility/click-listeners', 'clickListeners', 'clickListeners'],
  ['accessibility/key-activation', 'keyActivation', 'keyActivation'],
  ['accessibility/hover-disclosure', 'hoverDisclosure', 'hoverDisclosure'],
  ['accessibility/error-colour-only', 'errorCues', 'errorCues'],
  ['accessibility/flashing', 'flashing', 'flashing'],
];

for (const [id, key, probeName] of PROBE_CHECKS) {
  describe(id, () => {
    it(`the ${probeName} probe failed at one state → not pass (a failed probe is "not observable", never "nothing found")`, () => {
      const r = check(probeFailedAt(key, probeName), id);
      if (id === 'accessibility/dialog-focus') {
        // No dialog was open where it was measured: nothing it could pass on.
        expect(['inconclusive', 'not-applicable']).toContain(r.status);
      } else {
        expect(r.status, r.detail).toBe('inconclusive');
        expect(r.detail).toContain('item');
      }
    });
  });
}

describe('accessibility/axe/<rule>', () => {
  it('violated at one state and passed at another → fail', () => {
    const e = accessibilityEvidence({
      axeVersion: '4.14.1',
      tags: ['wcag2aa'],
      states: [
        { step: 'landing', url: 'http://127.0.0.1:4100/', violations: [], incomplete: [], passes: ['color-contrast'], inapplicable: [] },
        { step: 'item', url: 'http://127.0.0.1:4100/item', violations: [axeRule('color-contrast')], incomplete: [], passes: [], inapplicable: [] },
      ],
    });
    expect(check(e, 'accessibility/axe/color-contrast').status).toBe('fail');
  });
});

// ───────────────────────────── performance ─────────────────────────────

const perfPage = (stepId: string, runs: ReturnType<typeof lhRun>[]) => ({ step: stepId, url: `http://127.0.0.1:4100/${stepId}`, formFactor: 'mobile' as const, runs });

for (const [id, key] of [
  ['performance/first-contentful-paint', 'fcp'],
  ['performance/largest-contentful-paint', 'lcp'],
  ['performance/total-blocking-time', 'tbt'],
  ['performance/cumulative-layout-shift', 'cls'],
] as const) {
  describe(id, () => {
    it('a Lighthouse run that measured nothing (runtime error) → not pass, named as a finding', () => {
      const failed = { ...lhRun({ [key]: null }, null), runtimeError: 'NO_FCP' };
      const r = check(performanceEvidence({ runsPerPage: 3, pages: [perfPage('landing', [lhRun({}), lhRun({}), failed])] }), id);
      expect(r.status).toBe('inconclusive');
      expect(r.findings[0]?.message).toContain('NO_FCP');
    });
    it('one page in the poor band among good pages → fail (not averaged away)', () => {
      const poor = { fcp: 9000, lcp: 12_000, tbt: 3000, cls: 0.9 }[key];
      const r = check(performanceEvidence({ runsPerPage: 1, pages: [perfPage('landing', [lhRun({})]), perfPage('search', [lhRun({})]), perfPage('reader', [lhRun({ [key]: poor })])] }), id);
      expect(r.status).toBe('fail');
    });
  });
}

describe('performance/lighthouse-performance', () => {
  it('a run without a score → not pass; a page below 50 among good ones → fail', () => {
    const failed = { ...lhRun({}, null), runtimeError: 'PAGE_HUNG' };
    expect(check(performanceEvidence({ runsPerPage: 2, pages: [perfPage('landing', [lhRun({}, 0.9), failed])] }), 'performance/lighthouse-performance').status).toBe('inconclusive');
    expect(check(performanceEvidence({ runsPerPage: 1, pages: [perfPage('landing', [lhRun({}, 1)]), perfPage('item', [lhRun({}, 0.3)])] }), 'performance/lighthouse-performance').status).toBe('fail');
  });
});

describe('performance/render-blocking', () => {
  it('a page whose runs did not record render-blocking requests → not pass', () => {
    const recorded = { ...lhRun({}), renderBlocking: [] };
    const r = check(performanceEvidence({ runsPerPage: 1, pages: [perfPage('landing', [recorded]), perfPage('item', [lhRun({})])] }), 'performance/render-blocking');
    expect(r.status).toBe('inconclusive');
  });
});

const navPage = { navigated: true, ttfb: 20, domContentLoaded: 80, load: 120, lcp: 150, cls: 0, requests: 3, transferBytes: 50_000, origins: ['http://127.0.0.1:4100'] };

function timings(runs: Array<{ phases: TimingPhase[]; error?: string }>, origins: TimingsEvidence['origins'] = []): TimingsEvidence {
  return { runsRequested: runs.length, network: { id: 'cable', latencyMs: 40, downloadKbps: 10240, uploadKbps: 10240, applied: true }, runs, origins, trackerList: 'third-party-web 0.30.0' };
}
const perfTimings = (t: TimingsEvidence) => performanceEvidence({ runsPerPage: 1, pages: [], lighthouseSkipped: 'not Chromium', timings: t });

describe('performance/journey-timings', () => {
  it('play failed in 5 of 5 runs → fail, with the failure as a finding (was: pass)', () => {
    const walk = () => ({
      phases: [
        { id: 'landing', kind: 'step', ok: true, durationMs: 300, page: navPage },
        { id: 'player', kind: 'step', ok: true, durationMs: 400, page: navPage },
        { id: 'play', kind: 'play', ok: false, durationMs: 10_000, error: 'The position did not advance within 10 s of pressing play' },
      ] satisfies TimingPhase[],
    });
    const r = check(perfTimings(timings([walk(), walk(), walk(), walk(), walk()])), 'performance/journey-timings');
    expect(r.status).toBe('fail');
    expect(r.findings.find((f) => f.step === 'play')?.message).toContain('failed in 5 of 5 runs');
  });
  it('a step never reached in some runs (an earlier step failed) → fail', () => {
    const ok = { phases: [{ id: 'landing', kind: 'step', ok: true, durationMs: 300, page: navPage }, { id: 'search', kind: 'step', ok: true, durationMs: 300, page: navPage }] satisfies TimingPhase[] };
    const broken = { phases: [{ id: 'landing', kind: 'step', ok: false, durationMs: 900, error: 'HTTP 500' }] satisfies TimingPhase[], error: 'landing: HTTP 500' };
    const r = check(perfTimings(timings([ok, ok, ok, ok, broken])), 'performance/journey-timings');
    expect(r.status).toBe('fail');
    expect(r.findings.map((f) => f.step).sort()).toEqual(['landing', 'search']);
  });
});

describe('performance/page-weight', () => {
  it('a step no walk completed was never weighed → not pass', () => {
    const run = { phases: [{ id: 'landing', kind: 'step', ok: true, durationMs: 300, page: navPage }, { id: 'search', kind: 'step', ok: false, durationMs: 900, error: 'no results' }] satisfies TimingPhase[], error: 'search: no results' };
    expect(check(perfTimings(timings([run, run])), 'performance/page-weight').status).toBe('inconclusive');
  });
});

describe('performance/responsiveness', () => {
  const answered = (slowestInteractionMs: number | null, blockingMs: number | null = 0) => ({
    ...navPage,
    navigated: false,
    responsiveness: { blockingMs, interactionsObservable: true, slowestInteractionMs, layoutShift: 0 },
  });
  it('one step that froze the page in most walks → fail, naming the step (a fast landing does not hide it)', () => {
    const walk = (ms: number | null) => ({
      phases: [
        { id: 'landing', kind: 'step', ok: true, durationMs: 300, page: answered(null) },
        { id: 'turn', kind: 'step', ok: true, durationMs: 900, page: answered(ms, ms === null ? 0 : ms - 50) },
      ] satisfies TimingPhase[],
    });
    const r = check(perfTimings(timings([walk(800), walk(820), walk(null), walk(790), walk(810)])), 'performance/responsiveness');
    expect(r.status).toBe('fail');
    expect(r.findings.map((f) => f.step)).toEqual(['turn', 'turn']);
  });
  it('an engine without the instruments → not applicable with why, never "none seen"', () => {
    const blind = { ...navPage, responsiveness: { blockingMs: null, interactionsObservable: false, slowestInteractionMs: null, layoutShift: null } };
    const run = { phases: [{ id: 'landing', kind: 'step', ok: true, durationMs: 300, page: blind }] satisfies TimingPhase[] };
    const r = check(perfTimings(timings([run, run])), 'performance/responsiveness');
    expect(r.status).toBe('not-applicable');
    expect(r.detail).toMatch(/not observable/);
  });
});

describe('performance/no-trackers', () => {
  it('no walk completed the journey → not pass (the later steps were never observed)', () => {
    const run = { phases: [{ id: 'landing', kind: 'step', ok: false, durationMs: 900, error: 'HTTP 500' }] satisfies TimingPhase[], error: 'landing: HTTP 500' };
    expect(check(perfTimings(timings([run, run])), 'performance/no-trackers').status).toBe('inconclusive');
  });
});

// ───────────────────────────── compatibility ─────────────────────────────

const failedLanding = [step('landing', false, { error: 'landing answered HTTP 500' })];
const compat = (data: Partial<CompatibilityEvidence>, steps = failedLanding) => compatibilityEvidence(data, { steps });

describe('compatibility/console-errors', () => {
  it('a console error → fail; not observable on this driver → not applicable with why (never "none seen")', () => {
    expect(check(compat({ console: [{ level: 'error', text: 'TypeError', step: 'landing' }] }), 'compatibility/console-errors').status).toBe('fail');
    const blind = check(compat({ observed: { console: false, pageErrors: false, network: false } }), 'compatibility/console-errors');
    expect(blind.status).toBe('not-applicable');
    expect(blind.detail).toContain('Not observable');
  });
});

describe('compatibility/page-errors', () => {
  it('not observable → not applicable with why, never a pass', () => {
    expect(check(compat({ observed: { console: true, pageErrors: false, network: true } }), 'compatibility/page-errors').status).toBe('not-applicable');
  });
});

describe('compatibility/failed-requests', () => {
  it('not observable → not applicable with why, never a pass', () => {
    expect(check(compat({ observed: { console: true, pageErrors: true, network: false } }), 'compatibility/failed-requests').status).toBe('not-applicable');
  });
});

const phone: CompatibilityEvidence['device'] = { formFactor: 'mobile', touch: true };
const unsampled: Array<[string, Partial<CompatibilityEvidence>]> = [
  ['compatibility/horizontal-overflow', { overflow: [] }],
  ['compatibility/viewport-meta', { device: phone, viewportMeta: [] }],
  ['compatibility/touch-target-spacing', { device: phone, touchTargets: [] }],
];
for (const [id, data] of unsampled) {
  describe(id, () => {
    it('steps walked but no state sampled (the journey stopped at its first step) → inconclusive with the step, not "not applicable"', () => {
      const r = check(compat(data), id);
      expect(r.status).toBe('inconclusive');
      expect(r.detail).toContain('landing');
    });
  });
}

describe('compatibility/media-playback', () => {
  it('a declared player the journey never reached → inconclusive; no player declared → not applicable even when a step failed', () => {
    expect(check(compat({ declared: { media: 'player', reader: null, requires: [] } }), 'compatibility/media-playback').status).toBe('inconclusive');
    expect(check(compat({ declared: { media: null, reader: null, requires: [] } }), 'compatibility/media-playback').status).toBe('not-applicable');
  });
});

describe('compatibility/reader-paging', () => {
  it('a declared reader the journey never reached → inconclusive; no reader declared → not applicable even when a step failed', () => {
    expect(check(compat({ declared: { media: null, reader: 'reader', requires: [] } }), 'compatibility/reader-paging').status).toBe('inconclusive');
    expect(check(compat({ declared: { media: null, reader: null, requires: [] } }), 'compatibility/reader-paging').status).toBe('not-applicable');
  });
});

describe('compatibility/web-features', () => {
  it('required features never probed → inconclusive; none required → not applicable', () => {
    expect(check(compat({ declared: { media: null, reader: null, requires: ['eme'] } }), 'compatibility/web-features').status).toBe('inconclusive');
    expect(check(compat({ declared: { media: null, reader: null, requires: [] } }), 'compatibility/web-features').status).toBe('not-applicable');
  });
});

describe('compatibility/third-party-frames', () => {
  it('a failed step showing a visible cross-site frame → fail', () => {
    const steps = [step('landing'), step('login', false, { error: 'form missing' })];
    const r = check(compat({ crossSiteFrames: [{ step: 'landing', url: 'http://127.0.0.1:4100/', frame: 'http://idp.example/login', visible: true }] }, steps), 'compatibility/third-party-frames');
    expect(r.status).toBe('fail');
  });
});

// ───────────────────────────── content (issue 18) ─────────────────────────────

describe('content checks', () => {
  const unreachable = { origin: 'download' as const, source: 'x', status: 'unreachable' as const, error: 'HTTP 500' };
  const cases: Array<[string, ReturnType<typeof contentEvidence>]> = [
    ['content/publications-reachable', contentEvidence({ publications: [contentPublication(), unreachable] })],
    ['content/epub-valid', contentEvidence({ publications: [contentPublication({ epubcheck: { ran: false, error: 'no report', fatal: 0, errors: 0, warnings: 0, messages: [] } })] })],
    ['content/a11y-metadata', contentEvidence({ publications: [contentPublication({ package: goodPackage({ metadata: { ...goodPackage().metadata, accessibilitySummary: [' '] } }) })] })],
    ['content/metadata-consistent', contentEvidence({ publications: [contentPublication({ package: goodPackage({ metadata: { ...goodPackage().metadata, accessibilityHazard: ['none', 'flashing'] } }) })] })],
    ['content/navigation', contentEvidence({ publications: [contentPublication({ package: goodPackage({ nav: { present: false, tocEntries: 0, pageListEntries: 0, landmarks: false, outOfSpineOrder: [] } }) })] })],
    ['content/language', contentEvidence({ publications: [contentPublication({ package: goodPackage({ languages: [''] }) })] })],
    ['content/image-alternatives', contentEvidence({ publications: [unreachable] })],
    ['content/ace-wcag', contentEvidence({ tools: { ace: { version: null, error: 'not installed' }, epubcheck: { version: '4.2.6' } } })],
    ['content/conformance-claim', contentEvidence({ publications: [contentPublication({ ace: { ran: true, violations: [], metadataMissing: ['schema:accessMode'] } })] })],
    ['content/statement-present', contentEvidence({ statement: { foundBy: 'link', url: 'http://x/s', status: 'unreachable', error: 'HTTP 500', fetchedAt: FETCHED_AT } })],
    ['content/statement-complete', contentEvidence({ statement: contentStatement({ parts: { ...contentStatement().parts!, conformance: { found: false } } }) })],
    ['content/statement-current', contentEvidence({ statement: contentStatement({ parts: { ...contentStatement().parts!, prepared: { found: false }, reviewed: { found: false } } }) })],
    ['content/acr-readable', contentEvidence({ acr: { source: 'a.yaml', status: 'parsed', claims: [] } })],
  ];
  for (const [id, evidence] of cases) it(`${id}: a problem in what it reads is not a pass`, () => notPass(check(evidence, id)));
});

describe('every fixed check has a case here', () => {
  it('lists every registered check id', () => {
    const covered = new Set([
      ...PROBE_CHECKS.map(([id]) => id),
      'login/valid-patron', 'login/wrong-pin-rejected', 'login/unknown-card-rejected', 'login/blocked-card-rejected', 'login/expired-card-rejected',
      'login/error-announced', 'login/error-language', 'login/form-accessible', 'login/session-survives-reload', 'login/logout-ends-session',
      'login/third-party-cookies', 'login/outage-message', 'login/time-to-login',
      'login/journey-completed', 'accessibility/journey-completed', 'performance/journey-completed', 'compatibility/journey-completed',
      'performance/first-contentful-paint', 'performance/largest-contentful-paint', 'performance/total-blocking-time', 'performance/cumulative-layout-shift',
      'performance/lighthouse-performance', 'performance/render-blocking', 'performance/journey-timings', 'performance/page-weight', 'performance/no-trackers',
      'performance/responsiveness',
      'compatibility/console-errors', 'compatibility/page-errors', 'compatibility/failed-requests', 'compatibility/horizontal-overflow',
      'compatibility/viewport-meta', 'compatibility/touch-target-spacing', 'compatibility/media-playback', 'compatibility/reader-paging',
      'compatibility/web-features', 'compatibility/third-party-frames',
      'content/publications-reachable', 'content/epub-valid', 'content/a11y-metadata', 'content/metadata-consistent',
      'content/navigation', 'content/language', 'content/image-alternatives', 'content/ace-wcag', 'content/conformance-claim',
      'content/statement-present', 'content/statement-complete', 'content/statement-current', 'content/acr-readable',
    ]);
    const missing = fixedCheckMetas().map((m) => m.id).filter((id) => !covered.has(id));
    expect(missing, 'a new check needs a "no hidden failure" case in this file').toEqual([]);
  });
});

describe('a pass over per-state evidence when the journey stopped early', () => {
  it('says which states were never examined (compatibility, beyond-axe and axe checks)', () => {
    const steps = [step('landing'), step('search', false, { error: 'no results' })];
    const c = check(compatibilityEvidence({}, { steps }), 'compatibility/console-errors');
    expect(c.status).toBe('pass');
    expect(c.detail).toContain('Only the states before step "search" were examined');
    const a11y = accessibilityEvidence(
      { axeVersion: '4.14.1', tags: ['wcag2aa'], states: [{ ...state('landing', probes()), passes: ['color-contrast'] }] },
      { steps },
    );
    expect(check(a11y, 'accessibility/reflow').detail).toContain('Only the states before step "search" were examined');
    expect(check(a11y, 'accessibility/axe/color-contrast').detail).toContain('Only the states before step "search" were examined');
  });
});
