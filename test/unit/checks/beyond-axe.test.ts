import { describe, expect, it } from 'vitest';
import type { A11yProbes, AccessibilityState, TabStop } from '../../../src/core/index.ts';
import { CheckResultSchema } from '../../../src/core/index.ts';
import { criterionReferences } from '../../../src/core/index.ts';
import { criterionWeight, evaluateEvidence } from '../../../src/checks/index.ts';
import { accessibilityEvidence, check } from './helpers.ts';

function stop(name: string, y: number, extra: Partial<TabStop> = {}): TabStop {
  return { selector: `#${name.toLowerCase()}`, name, x: 10, y, width: 80, height: 30, focusVisible: true, obscuredBy: null, ...extra };
}

/** A clean probe record: three stops walked in order then wrapped, everything fine. */
function probes(extra: Partial<A11yProbes> = {}): A11yProbes {
  return {
    viewport: { width: 1366, height: 768 },
    keyboard: { stops: [stop('Skip', 0), stop('Home', 50), stop('Search', 100)], sequence: [0, 1, 2, null], unfocusable: [], truncated: false },
    reflow: { viewportWidth: 320, documentWidth: 320, offenders: [] },
    textResize: { clipped: [] },
    textSpacing: { clipped: [] },
    targets: { measured: 3, small: [] },
    language: { declared: 'fi', detected: 'fi', parts: [{ selector: 'a#sv', name: 'Svenska', declared: 'sv', detected: null }] },
    bypass: { skipLink: 'a.skip', main: 1, navigation: 1 },
    media: [],
    motion: { longAnimations: [], reducedMotionRule: false },
    errors: [],
    durationMs: 900,
    ...extra,
  };
}

function state(step: string, p: A11yProbes | undefined): AccessibilityState {
  return {
    step,
    url: `http://127.0.0.1:4100/${step}`,
    violations: [],
    incomplete: [],
    passes: [],
    inapplicable: [],
    screenshot: `evidence/x/${step}.png`,
    ...(p ? { probes: p } : {}),
  };
}

function evidence(...states: AccessibilityState[]) {
  return accessibilityEvidence({ axeVersion: '4.14.1', tags: ['wcag2a'], states });
}

const IDS = [
  'accessibility/keyboard-reachable',
  'accessibility/no-keyboard-trap',
  'accessibility/focus-order',
  'accessibility/focus-visible',
  'accessibility/focus-not-obscured',
  'accessibility/reflow',
  'accessibility/text-resize',
  'accessibility/text-spacing',
  'accessibility/target-size',
  'accessibility/page-language',
  'accessibility/language-of-parts',
  'accessibility/bypass-blocks',
  'accessibility/player-controls',
  'accessibility/no-autoplay-audio',
  'accessibility/captions',
  'accessibility/motion',
];

const player = (extra: Partial<NonNullable<A11yProbes['media']>[number]> = {}): NonNullable<A11yProbes['media']>[number] => ({
  selector: 'audio#audio',
  name: '',
  kind: 'audio',
  autoplaySound: false,
  captions: true,
  nativeControls: false,
  controls: [
    { selector: '#toggle', name: 'Toista', stop: 1 },
    { selector: '#fwd', name: '+15 s', stop: 2 },
  ],
  ...extra,
});

describe('beyond-axe checks', () => {
  it('a clean state passes every check that applies; media checks are not applicable without media; results are valid', () => {
    const { checks } = evaluateEvidence(evidence(state('landing', probes())));
    const byId = new Map(checks.map((c) => [c.id, c]));
    for (const id of IDS) expect(byId.has(id), id).toBe(true);
    for (const c of checks) expect(CheckResultSchema.parse(c)).toEqual(c);
    for (const id of IDS.slice(0, 12)) expect(byId.get(id)).toMatchObject({ status: 'pass', score: 1, findings: [] });
    for (const id of ['accessibility/player-controls', 'accessibility/no-autoplay-audio', 'accessibility/captions']) {
      expect(byId.get(id)).toMatchObject({ status: 'not-applicable', score: null });
    }
    expect(byId.get('accessibility/motion')).toMatchObject({ status: 'pass' });
  });

  it('cites WCAG and EN 301 549 and weighs impact × level', () => {
    const trap = check(evidence(state('landing', probes())), 'accessibility/no-keyboard-trap');
    expect(trap.criteria).toEqual(['2.1.2']);
    expect(criterionReferences(trap.criteria)).toEqual(['WCAG 2.0 SC 2.1.2 No Keyboard Trap (A)', 'EN 301 549 9.2.1.2']);
    expect(trap.weight).toBe(10);
    const target = check(evidence(state('landing', probes())), 'accessibility/target-size');
    expect(criterionReferences(target.criteria)).toEqual(['WCAG 2.2 SC 2.5.8 Target Size (Minimum) (AA)', 'EN 301 549 V4 draft 9.2.5.8']);
    expect(target.weight).toBe(2.25);
    expect(criterionWeight('serious', '2.4.7')).toBe(5.25);
    expect(criterionReferences(['1.4.10'])).toEqual(['WCAG 2.1 SC 1.4.10 Reflow (AA)', 'EN 301 549 9.1.4.10']);
  });

  it('old evidence without probes: every beyond-axe check is not applicable', () => {
    const { checks } = evaluateEvidence(evidence(state('landing', undefined)));
    for (const id of IDS) expect(checks.find((c) => c.id === id)).toMatchObject({ status: 'not-applicable', score: null });
  });

  it('a keyboard trap fails no-keyboard-trap and keyboard-reachable, with step, selector, screenshot and how to reproduce', () => {
    const kb = { stops: [stop('Skip', 0), stop('Play', 300), stop('Seek', 300, { x: 100 }), stop('Chapters', 500)], sequence: [0, 1, 2, 1, 2, 1, 2], unfocusable: [], truncated: false };
    const ev = evidence(state('landing', probes()), state('player', probes({ keyboard: kb })));
    const trap = check(ev, 'accessibility/no-keyboard-trap');
    expect(trap).toMatchObject({ status: 'fail', score: 0, impact: 'critical' });
    expect(trap.findings).toHaveLength(1);
    expect(trap.findings[0]).toMatchObject({ step: 'player', url: 'http://127.0.0.1:4100/player', selector: '#play', screenshot: 'evidence/x/player.png' });
    expect(trap.findings[0]!.message).toMatch(/only cycles among "Play" \(#play\) and "Seek" \(#seek\); 1 tab stop is never reached\. Reproduce: .*press Tab 2 times/);
    const reach = check(ev, 'accessibility/keyboard-reachable');
    expect(reach).toMatchObject({ status: 'fail' });
    expect(reach.findings.map((f) => f.selector)).toEqual(['#chapters']);
  });

  it('a walk cut short by the press budget is no trap and blames no unreached stop, but cannot pass reachability or "never trapped" (the last stops were never tried)', () => {
    const stops = Array.from({ length: 90 }, (_, i) => stop(`S${i}`, i * 40));
    const kb = { stops, sequence: Array.from({ length: 80 }, (_, i) => i), unfocusable: [], truncated: true };
    for (const id of ['accessibility/no-keyboard-trap', 'accessibility/keyboard-reachable']) {
      const r = check(evidence(state('long', probes({ keyboard: kb }))), id);
      expect(r, id).toMatchObject({ status: 'inconclusive', findings: [] });
      expect(r.detail, id).toContain('at long the page has 90 tab stops');
    }
  });

  it('focus stuck on one element is a trap; a widget outside the tab order is unreachable', () => {
    const kb = { stops: [stop('A', 0), stop('B', 40), stop('C', 80)], sequence: [0, 0, 0, 0, 0, 0], unfocusable: [{ selector: 'div#fake', name: 'Lainaa' }], truncated: false };
    expect(check(evidence(state('s', probes({ keyboard: kb }))), 'accessibility/no-keyboard-trap').status).toBe('fail');
    const reach = check(evidence(state('s', probes({ keyboard: kb }))), 'accessibility/keyboard-reachable');
    expect(reach.findings.map((f) => f.selector)).toEqual(['#b', '#c', 'div#fake']);
  });

  it('focus order: a jump back up the same column fails; a jump to another column needs review', () => {
    const same = { stops: [stop('A', 0), stop('B', 400), stop('C', 100)], sequence: [0, 1, 2, null], unfocusable: [], truncated: false };
    const r1 = check(evidence(state('s', probes({ keyboard: same }))), 'accessibility/focus-order');
    expect(r1).toMatchObject({ status: 'fail' });
    expect(r1.findings[0]).toMatchObject({ selector: '#c' });
    const columns = { stops: [stop('A', 0), stop('B', 400), stop('C', 100, { x: 900 })], sequence: [0, 1, 2, null], unfocusable: [], truncated: false };
    expect(check(evidence(state('s', probes({ keyboard: columns }))), 'accessibility/focus-order')).toMatchObject({ status: 'needs-review', score: null });
  });

  it('focus visible and not obscured fail per element; never-focused stops are not judged', () => {
    const kb = {
      stops: [stop('A', 0, { focusVisible: false }), stop('B', 40, { obscuredBy: 'header.sticky' }), stop('C', 80, { focusVisible: null })],
      sequence: [0, 1, null],
      unfocusable: [],
      truncated: false,
    };
    const vis = check(evidence(state('s', probes({ keyboard: kb }))), 'accessibility/focus-visible');
    expect(vis).toMatchObject({ status: 'fail', impact: 'serious' });
    expect(vis.findings.map((f) => f.selector)).toEqual(['#a']);
    expect(vis.findings[0]!.message).toMatch(/press Tab 1 times/);
    const obs = check(evidence(state('s', probes({ keyboard: kb }))), 'accessibility/focus-not-obscured');
    expect(obs.findings.map((f) => f.message)).toEqual([expect.stringContaining('hidden under header.sticky')]);
  });

  it('reflow, text resize, text spacing and target size fail with their elements', () => {
    const p = probes({
      reflow: { viewportWidth: 320, documentWidth: 1200, offenders: [{ selector: 'div.page', right: 1200 }] },
      textResize: { clipped: [{ selector: 'p.box', name: 'Lainaa', hiddenPx: 20 }] },
      textSpacing: { clipped: [{ selector: 'h2.card', name: 'Otsikko', hiddenPx: 8 }] },
      targets: { measured: 5, small: [{ selector: 'a.next', name: '›', width: 14, height: 14, nearestPx: 16 }] },
    });
    const ev = evidence(state('reader', p));
    expect(check(ev, 'accessibility/reflow').findings).toEqual([expect.objectContaining({ selector: 'div.page', step: 'reader', message: expect.stringContaining('1200 px wide') })]);
    expect(check(ev, 'accessibility/text-resize').findings.map((f) => f.selector)).toEqual(['p.box']);
    expect(check(ev, 'accessibility/text-spacing').findings.map((f) => f.selector)).toEqual(['h2.card']);
    expect(check(ev, 'accessibility/target-size')).toMatchObject({ status: 'fail', impact: 'moderate', findings: [expect.objectContaining({ selector: 'a.next' })] });
  });

  it('a probe that did not run makes its check inconclusive, not a pass', () => {
    const { reflow: _r, ...rest } = probes();
    const r = check(evidence(state('a', { ...rest, errors: [{ probe: 'reflow', message: 'setViewport failed' }] })), 'accessibility/reflow');
    expect(r).toMatchObject({ status: 'inconclusive', score: null });
  });

  it('page language: missing, invalid and mismatched lang fail; undecided words pass', () => {
    const lang = (declared: string | null, detected: 'fi' | 'sv' | 'en' | null) => probes({ language: { declared, detected, parts: [] } });
    expect(check(evidence(state('a', lang(null, 'fi'))), 'accessibility/page-language').findings[0]!.message).toMatch(/no lang attribute; the page is in fi/);
    expect(check(evidence(state('a', lang('fi_FI', 'fi'))), 'accessibility/page-language').status).toBe('fail');
    expect(check(evidence(state('a', lang('en', 'fi'))), 'accessibility/page-language').status).toBe('fail');
    expect(check(evidence(state('a', lang('sv-FI', 'sv'))), 'accessibility/page-language').status).toBe('pass');
    expect(check(evidence(state('a', lang('fi', null))), 'accessibility/page-language').status).toBe('pass');
  });

  it('language of parts: a part whose words disagree fails; no parts is not applicable', () => {
    const p = probes({ language: { declared: 'fi', detected: 'fi', parts: [{ selector: 'p.blurb', name: 'Det här är', declared: 'en', detected: 'sv' }] } });
    const r = check(evidence(state('item', p)), 'accessibility/language-of-parts');
    expect(r).toMatchObject({ status: 'fail', findings: [expect.objectContaining({ selector: 'p.blurb', message: expect.stringContaining('lang="en", but its words are sv') })] });
    expect(check(evidence(state('item', probes({ language: { declared: 'fi', detected: 'fi', parts: [] } }))), 'accessibility/language-of-parts').status).toBe('not-applicable');
  });

  it('bypass blocks: neither skip link nor main fails; either one passes', () => {
    expect(check(evidence(state('a', probes({ bypass: { skipLink: null, main: 0, navigation: 1 } }))), 'accessibility/bypass-blocks').status).toBe('fail');
    expect(check(evidence(state('a', probes({ bypass: { skipLink: null, main: 1, navigation: 0 } }))), 'accessibility/bypass-blocks').status).toBe('pass');
  });

  it('player controls: a nameless control and one never reached with Tab fail; native controls pass', () => {
    const kb = { stops: [stop('Skip', 0), stop('Toista', 300), stop('Fwd', 300, { x: 100 })], sequence: [0, 1, null], unfocusable: [], truncated: false };
    const media = [player({ controls: [{ selector: '#toggle', name: 'Toista', stop: 1 }, { selector: '#fwd', name: '+15 s', stop: 2 }, { selector: '#speed', name: '', stop: null }] })];
    const r = check(evidence(state('player', probes({ keyboard: kb, media }))), 'accessibility/player-controls');
    expect(r).toMatchObject({ status: 'fail', impact: 'critical', weight: 10 });
    expect(r.findings.map((f) => f.selector)).toEqual(['#fwd', '#speed', '#speed']);
    expect(check(evidence(state('player', probes({ media: [player({ nativeControls: true, controls: [] })] }))), 'accessibility/player-controls').status).toBe('pass');
    expect(check(evidence(state('player', probes({ media: [player({ controls: [] })] }))), 'accessibility/player-controls').status).toBe('fail');
  });

  it('autoplay sound and video without captions fail; long animations need review', () => {
    const ev = evidence(state('p', probes({ media: [player({ autoplaySound: true }), player({ selector: 'video#v', kind: 'video', captions: false })], motion: { longAnimations: ['div.spinner'], reducedMotionRule: false } })));
    expect(check(ev, 'accessibility/no-autoplay-audio')).toMatchObject({ status: 'fail', findings: [expect.objectContaining({ selector: 'audio#audio' })] });
    expect(check(ev, 'accessibility/captions')).toMatchObject({ status: 'fail', findings: [expect.objectContaining({ selector: 'video#v' })] });
    expect(check(ev, 'accessibility/motion')).toMatchObject({ status: 'needs-review', score: null, findings: [expect.objectContaining({ selector: 'div.spinner', message: expect.stringContaining('no prefers-reduced-motion rule') })] });
  });
});
