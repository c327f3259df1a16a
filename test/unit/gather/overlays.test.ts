/**
 * Overlays and settled layouts (issue 14, parts 6 and 7) with the real gatherer code against the
 * Ikkuna fixture vendor (fixtures/vendors/ikkuna), on every desktop device that can press Tab here:
 * Chromium and Firefox through Playwright, WebKit (WebKitGTK) through WebDriver when installed.
 * What each page must produce is its ground truth (fixtures/vendors/ikkuna/ground-truth.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startIkkuna, type Ikkuna } from '../../../fixtures/vendors/ikkuna/app.ts';
import { IKKUNA_TRUTH } from '../../../fixtures/vendors/ikkuna/truth.ts';
import { evaluateEvidence } from '../../../src/checks/index.ts';
import { DeviceSchema, type Device, type Locator } from '../../../src/core/config.ts';
import type { AccessibilityState, CheckResult, PageError } from '../../../src/core/index.ts';
import { runA11yProbes } from '../../../src/gather/a11y/index.ts';
import { CompatibilityExtras } from '../../../src/gather/compat-extras.ts';
import { DeviceRuntime } from '../../../src/session/runtime.ts';
import type { BrowserSession } from '../../../src/session/types.ts';
import { Redactor } from '../../../src/config/secrets.ts';
import type { Service } from '../../../src/core/config.ts';
import { accessibilityEvidence, compatibilityEvidence } from '../checks/helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const OPENER: Locator = { css: '#open' };
const device = (id: string): Device => DeviceSchema.parse(parseYaml(readFileSync(join(ROOT, 'devices', `${id}.yaml`), 'utf8')));

let ikkuna: Ikkuna;
const runtime = new DeviceRuntime();

beforeAll(async () => {
  ikkuna = await startIkkuna();
});
afterAll(async () => {
  await runtime.close();
  await ikkuna?.close();
});

/** Opens the page as a journey step would (goto, click the opener, wait for the dialog) and runs the probes. */
async function stateOf(session: BrowserSession, path: string, open: boolean): Promise<AccessibilityState> {
  await session.goto(`${ikkuna.url}${path}`, 15_000);
  if (open) {
    await session.click(OPENER, 10_000);
    expect(await session.waitForVisible({ css: '#dlg' }, 10_000)).toBe(true);
  }
  const probes = await runA11yProbes(session, open ? { opener: OPENER, actionTimeoutMs: 10_000 } : {});
  expect(probes.errors).toEqual([]);
  return { step: path.slice(1), url: `${ikkuna.url}${path}`, violations: [], incomplete: [], passes: [], inapplicable: [], probes };
}

function results(...states: AccessibilityState[]): Map<string, CheckResult> {
  const { checks } = evaluateEvidence(accessibilityEvidence({ axeVersion: '4.14.1', tags: ['wcag2a'], states }));
  return new Map(checks.map((c) => [c.id, c]));
}

// WebKitGTK is optional on a machine (Chromium and Firefox are required here, so they may not skip).
describe.each(['desktop-chromium', 'desktop-firefox', 'desktop-webkit'])('overlays and settled layout on %s', (id) => {
  let session: BrowserSession | undefined;
  let skipped: string | undefined;

  beforeAll(async () => {
    const acquired = await runtime.acquire(device(id));
    if (!acquired.ok) {
      if (id !== 'desktop-webkit') throw new Error(`${id} is not available: ${acquired.reason}`);
      skipped = acquired.reason;
      return;
    }
    session = await acquired.open();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  // States measured by the tests below, by "<page> open|closed", for the ground-truth test at the end.
  const measured = new Map<string, AccessibilityState>();
  const state = async (s: BrowserSession, path: string, open: boolean): Promise<AccessibilityState> => {
    const st = await stateOf(s, path, open);
    measured.set(`${path} ${open}`, st);
    return st;
  };
  let pageErrorStatus: string | undefined;

  const run = (name: string, fn: (s: BrowserSession) => Promise<void>) =>
    it(name, async (ctx) => {
      if (skipped !== undefined) ctx.skip(`not available: ${skipped}`);
      await fn(session!);
    }, 90_000);

  run('the trapping dialog fails no-keyboard-trap, even after the page behind it was walked first', async (s) => {
    const behind = await state(s, '/trap', false);
    expect(behind.probes?.keyboard?.overlay).toBeUndefined();
    const open = await state(s, '/trap', true);
    const o = open.probes!.keyboard!.overlay!;
    expect(o).toMatchObject({ role: 'dialog', modal: true, focusOnOpen: 'inside', escape: { closed: false } });
    // Every tab stop in the sequence is one of the dialog's: the walk started inside it.
    expect(open.probes!.keyboard!.sequence.filter((i) => i !== null).every((i) => o.stops.includes(i!))).toBe(true);
    const r = results(behind, open);
    expect(r.get('accessibility/no-keyboard-trap')).toMatchObject({ status: 'fail' });
    expect(r.get('accessibility/no-keyboard-trap')!.findings[0]!.message).toMatch(/Escape did not close it/);
    expect(r.get('accessibility/no-keyboard-trap')!.findings[0]!.step).toBe('trap');
  });

  run('a correct modal (focus in, contained, Escape closes, focus back on the opener) passes, and is open again afterwards', async (s) => {
    const st = await state(s, '/modal', true);
    expect(st.probes!.keyboard!.overlay).toMatchObject({ modal: true, focusOnOpen: 'inside', escape: { closed: true, focusAfter: 'outside', toOpener: true, reopened: true } });
    expect(await s.isVisible({ css: '#dlg' })).toBe(true);
    const r = results(st);
    for (const check of ['accessibility/no-keyboard-trap', 'accessibility/keyboard-reachable', 'accessibility/dialog-focus']) expect(r.get(check)?.status, check).toBe('pass');
  });

  run('a native <dialog> opened with showModal() is not a trap', async (s) => {
    const st = await state(s, '/native-modal', true);
    expect(st.probes!.keyboard!.overlay).toMatchObject({ modal: true, focusOnOpen: 'inside', escape: { closed: true } });
    const r = results(st);
    expect(r.get('accessibility/no-keyboard-trap')?.status).toBe('pass');
    expect(r.get('accessibility/keyboard-reachable')?.status).toBe('pass');
  });

  run('a dialog that leaves the focus behind and drops it on close fails dialog-focus, not no-keyboard-trap', async (s) => {
    const st = await state(s, '/lost-focus', true);
    expect(st.probes!.keyboard!.overlay).toMatchObject({ modal: false, focusOnOpen: 'none', escape: { closed: true, focusAfter: 'none' } });
    const r = results(st);
    expect(r.get('accessibility/dialog-focus')).toMatchObject({ status: 'fail' });
    expect(r.get('accessibility/dialog-focus')!.findings.map((f) => f.message).join(' ')).toMatch(/focus stayed on the page itself.*went to the page itself/s);
    expect(r.get('accessibility/no-keyboard-trap')?.status).toBe('pass');
  });

  run('a page that re-lays out 300 ms after the resize passes reflow; one that stays wide fails', async (s) => {
    const late = await state(s, '/reflow-late', false);
    // (WebKitGTK's window cannot get quite as narrow as 320 px: the probe reports the width it got.)
    const lr = late.probes!.reflow!;
    expect(lr.documentWidth, `viewport ${lr.viewportWidth}`).toBeLessThanOrEqual(lr.viewportWidth + 1);
    expect(lr.viewportWidth).toBeLessThan(600);
    // Playwright resizes at once, so the probe saw the page re-lay out ~300 ms later; WebDriver's
    // window resize takes longer than that, so there the page has already settled when the probe starts.
    // Under load the resize itself can take part of the 300 ms, so only "later than at once" is asserted.
    if (device(id).driver === 'playwright') expect(lr.settle!.settledMs).toBeGreaterThan(0);
    expect(lr.settle!.settledMs).not.toBeNull();
    expect(lr.settle!.settledMs).toBeLessThan(2000);
    const wide = await state(s, '/reflow-wide', false);
    expect(wide.probes!.reflow!.documentWidth).toBeGreaterThan(800);
    expect(wide.probes!.reflow!.viewportWidth).toBeLessThan(600);
    expect(wide.probes!.reflow!.settle).toMatchObject({ boundMs: 2000 });
    expect(results(late).get('accessibility/reflow')?.status).toBe('pass');
    expect(results(wide).get('accessibility/reflow')?.status).toBe('fail');
  });

  run('an exception the page shows in its own error dialog is recorded as a page error', async (s) => {
    const service = { id: 'ikkuna', compatibility: undefined } as unknown as Service;
    const extras = new CompatibilityExtras({ session: s, service, device: device(id), redactor: new Redactor([]), actionTimeoutMs: 10_000 });
    const reported: PageError[] = [];
    const unlisten = s.listen({ pageError: (message) => reported.push({ message, step: 'borrow' }) });
    try {
      await s.goto(`${ikkuna.url}/error-dialog`, 15_000);
      expect(await extras.handledPageErrors('landing', [])).toEqual([]);
      await s.click({ css: '#borrow' }, 10_000);
      expect(await s.waitForVisible({ text: 'Jokin meni vikaan' }, 10_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      await s.url(); // drivers that keep logs deliver them at the next call
      const handled = await extras.handledPageErrors('borrow', reported);
      const all = [...reported, ...handled];
      expect(all.map((e) => e.message).join(' | ')).toMatch(/null|loan/);
      expect(all.map((e) => e.message).join(' | ')).toContain('ikkuna: lainapalvelu ei vastannut');
      expect(handled.every((e) => e.handledByPage === true && e.step === 'borrow')).toBe(true);
      // Each error once, whichever saw it.
      expect(new Set(all.map((e) => e.message)).size).toBe(all.length);
      const ev = compatibilityEvidence({ pageErrors: all, observed: { console: true, pageErrors: true, network: true } });
      pageErrorStatus = evaluateEvidence(ev).checks.find((c) => c.id === 'compatibility/page-errors')?.status;
    } finally {
      unlisten();
    }
  });

  run('where the page\'s CSP keeps the in-page observer out, the evidence says handled errors were not observable', async (s) => {
    const service = { id: 'ikkuna', compatibility: undefined } as unknown as Service;
    const extras = new CompatibilityExtras({ session: s, service, device: device(id), redactor: new Redactor([]), actionTimeoutMs: 10_000 });
    await s.goto(`${ikkuna.url}/error-dialog`, 15_000);
    await extras.handledPageErrors('landing', []);
    expect(extras.evidence().observed?.handledPageErrors).toBe(true);
    await s.goto(`${ikkuna.url}/csp`, 15_000);
    expect(await extras.handledPageErrors('borrow', [])).toEqual([]);
    expect(extras.evidence().observed?.handledPageErrors).toBe(false);
  });

  run('where the driver has init scripts, an error the page hides right after a navigation is recorded too', async (s) => {
    if (!s.addInitScript) return; // WebDriver classic: the observer starts at each examined state (above)
    const service = { id: 'ikkuna', compatibility: undefined } as unknown as Service;
    const extras = new CompatibilityExtras({ session: s, service, device: device(id), redactor: new Redactor([]), actionTimeoutMs: 10_000 });
    await extras.start();
    await s.goto(`${ikkuna.url}/error-dialog`, 15_000);
    await s.click({ css: '#borrow' }, 10_000);
    expect(await s.waitForVisible({ text: 'Jokin meni vikaan' }, 10_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    const handled = await extras.handledPageErrors('borrow', []);
    expect(handled.map((e) => e.message).join(' | ')).toContain('ikkuna: lainapalvelu ei vastannut');
    // The init script runs under the page's CSP too.
    await s.goto(`${ikkuna.url}/csp`, 15_000);
    await s.click({ css: '#borrow' }, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    expect((await extras.handledPageErrors('csp', [])).length).toBe(1);
    expect(extras.evidence().observed?.handledPageErrors).toBe(true);
  });

  run('every expectation of ground-truth.json holds', async (s) => {
    const wrong: string[] = [];
    for (const e of IKKUNA_TRUTH.expected) {
      if (e.devices !== 'all' && !e.devices.includes(id)) continue;
      let status: string | undefined;
      if (e.check === 'compatibility/page-errors') status = pageErrorStatus;
      else {
        const key = `${e.page} ${e.open}`;
        const st = measured.get(key) ?? (await state(s, e.page, e.open));
        status = results(st).get(e.check)?.status;
      }
      if (status !== e.status) wrong.push(`${e.page}${e.open ? ' (dialog open)' : ''}: ${e.check} is ${status}, expected ${e.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('Ikkuna ground truth', () => {
  it('names only pages the vendor serves and checks the suites know', () => {
    const { checks } = evaluateEvidence(accessibilityEvidence({ axeVersion: '4.14.1', tags: [], states: [] }));
    const ids = new Set(checks.map((c) => c.id));
    for (const e of IKKUNA_TRUTH.expected) {
      if (e.check.startsWith('accessibility/')) expect(ids.has(e.check), e.check).toBe(true);
    }
    const md = readFileSync(join(ROOT, 'fixtures/vendors/ikkuna/GROUND-TRUTH.md'), 'utf8');
    for (const e of IKKUNA_TRUTH.expected) expect(md, `${e.page} ${e.check}`).toContain(`\`${e.page}\``);
  });
});
