/**
 * The content probe checks (src/checks/accessibility/content.ts) and the false-alarm rules of
 * issue 16.3 on hand-made probe records: each barrier fails, its clean twin passes.
 */
import { describe, expect, it } from 'vitest';
import type { A11yProbes, AccessibilityState } from '../../../src/core/index.ts';
import { accessibilityEvidence, check } from './helpers.ts';

function probes(extra: Partial<A11yProbes>): A11yProbes {
  return { viewport: { width: 1024, height: 700 }, errors: [], durationMs: 1, ...extra };
}

function run(id: string, p: A11yProbes, second?: A11yProbes) {
  const states: AccessibilityState[] = [p, ...(second ? [second] : [])].map((x, i) => ({
    step: i === 0 ? 'landing' : 'item',
    url: 'http://127.0.0.1:1/',
    violations: [],
    incomplete: [],
    passes: [],
    inapplicable: [],
    probes: x,
  }));
  return check(accessibilityEvidence({ axeVersion: '4.14.1', tags: ['wcag2a'], states }), id);
}

const el = { selector: '#x', name: 'X' };
const noLinks = { generic: [], ambiguous: [], newWindow: [], documents: [], total: 3 };

describe('content checks', () => {
  it('static-tab-stops: a tabindex on content fails; none passes; the finding names its source', () => {
    const r = run('accessibility/static-tab-stops', probes({ staticStops: { items: [el], total: 1 } }));
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.sources).toEqual(['accessibility/static-tab-stops']);
    expect(run('accessibility/static-tab-stops', probes({ staticStops: { items: [], total: 0 } })).status).toBe('pass');
  });

  it('static-tab-stops counts every stop, not only the listed ones', () => {
    const r = run('accessibility/static-tab-stops', probes({ staticStops: { items: [el], total: 30 } }));
    expect(r.findingsTotal).toBe(2);
    expect(r.findings[1]?.message).toMatch(/29 more/);
  });

  it('no silent cap (issue 16.4): the probes list 25 items, the checks count all', () => {
    const tiny = { width: 10, height: 10, nearestPx: 12 };
    const small = Array.from({ length: 25 }, (_, i) => ({ ...el, selector: `#t${i}`, ...tiny }));
    const r = run('accessibility/target-size', probes({ targets: { measured: 40, small, smallTotal: 32 } }));
    expect(r.findingsTotal).toBe(26);
    expect(r.findings.at(-1)?.message).toMatch(/^7 more targets/);
    const textResize = { clipped: [{ ...el, hiddenPx: 9 }], total: 3 };
    const clipped = run('accessibility/text-resize', probes({ textResize }));
    expect(clipped.findings.map((f) => f.message.slice(0, 6))).toEqual(['Text "', '2 more']);
  });

  it('link-purpose: "read more" fails; a new-window link is for review and stays listed beside a failure', () => {
    const generic = { ...noLinks, generic: [{ ...el, name: 'Read more', href: 'http://x/' }] };
    const newWindow = { ...noLinks, newWindow: [el] };
    expect(run('accessibility/link-purpose', probes({ links: generic })).status).toBe('fail');
    expect(run('accessibility/link-purpose', probes({ links: newWindow })).status).toBe('needs-review');
    const both = run('accessibility/link-purpose', probes({ links: generic }), probes({ links: newWindow }));
    expect(both.status).toBe('fail');
    expect(both.findings.map((f) => f.needsReview ?? false)).toEqual([false, true]);
    expect(run('accessibility/link-purpose', probes({ links: noLinks })).status).toBe('pass');
  });

  it('placeholder-label and hint-association', () => {
    const fields = { placeholderOnly: [{ ...el, placeholder: 'Search' }], unassociatedHints: [], total: 1 };
    expect(run('accessibility/placeholder-label', probes({ fields })).status).toBe('fail');
    expect(run('accessibility/hint-association', probes({ fields })).status).toBe('pass');
    const hints = { placeholderOnly: [], unassociatedHints: [{ ...el, hint: '4 digits' }], total: 1 };
    expect(run('accessibility/hint-association', probes({ fields: hints })).status).toBe('fail');
  });

  it('transcripts: audio without one fails; with one passes; a media link without one is for review', () => {
    const audio = (transcript: boolean) => ({ audio: [{ ...el, transcript }], mediaLinks: [] });
    expect(run('accessibility/transcripts', probes({ transcripts: audio(false) })).status).toBe('fail');
    expect(run('accessibility/transcripts', probes({ transcripts: audio(true) })).status).toBe('pass');
    const link = { audio: [], mediaLinks: [{ ...el, href: 'http://x/a.mp3', transcript: false }] };
    expect(run('accessibility/transcripts', probes({ transcripts: link })).status).toBe('needs-review');
  });

  it('animated-images: looping forever fails, playing three times does not', () => {
    const img = (loops: 'forever' | number) => [{ ...el, src: 'http://x/a.gif', frames: 4, loops }];
    expect(run('accessibility/animated-images', probes({ animatedImages: img('forever') })).status).toBe('fail');
    expect(run('accessibility/animated-images', probes({ animatedImages: img(3) })).status).toBe('pass');
  });
});

describe('fewer false alarms (issue 16.3)', () => {
  it('bypass-blocks: no skip link and no main fails only with a repeated block before the content', () => {
    const bypass = (blockStops: number) => ({ skipLink: null, main: 0, navigation: 0, blockStops });
    expect(run('accessibility/bypass-blocks', probes({ bypass: bypass(8) })).status).toBe('fail');
    expect(run('accessibility/bypass-blocks', probes({ bypass: bypass(1) })).status).toBe('pass');
  });

  it('reflow: a data table that needs two-dimensional scrolling is recorded as excepted, not failed', () => {
    const excepted = [{ selector: 'table', right: 900, kind: 'data-table' as const }];
    const reflow = (offenders: Array<{ selector: string; right: number }>) =>
      ({ viewportWidth: 320, documentWidth: 900, offenders, excepted });
    const r = run('accessibility/reflow', probes({ reflow: reflow([]) }));
    expect(r.status).toBe('pass');
    expect(r.detail).toMatch(/WCAG excepts/);
    const wide = run('accessibility/reflow', probes({ reflow: reflow([{ selector: 'div', right: 900 }]) }));
    expect(wide.status).toBe('fail');
  });

  it('keyboard-reachable: an iframe Tab skipped is no finding; another stop Tab skipped is', () => {
    const box = { x: 0, y: 0, width: 10, height: 10, focusVisible: true, obscuredBy: null };
    const stop = (name: string, frame?: boolean) =>
      ({ selector: `#${name}`, name, ...box, ...(frame ? { frame } : {}) });
    const kb = (frame: boolean) =>
      ({ stops: [stop('a'), stop('f', frame)], sequence: [0, null], unfocusable: [], truncated: false });
    expect(run('accessibility/keyboard-reachable', probes({ keyboard: kb(true) })).status).toBe('pass');
    expect(run('accessibility/keyboard-reachable', probes({ keyboard: kb(false) })).status).toBe('fail');
  });
});
