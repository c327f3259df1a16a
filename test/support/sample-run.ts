/**
 * A realistic RunResult for rendering tests and the render benchmark: N services × M devices with
 * evidence shaped like real runs (axe violations on several journey states with element markup and
 * screenshots, needs-review items, three Lighthouse runs per page with spread and a kept report,
 * console errors, failed requests, overflow on phones, wrong-PIN messages, releases), evaluated by
 * the real pipeline (evaluateRun) with a profile that has check gates, a rule gate, budgets and
 * regression thresholds, plus a history of earlier runs. Deterministic (seeded).
 */
import type { AxeRuleResult, Device, Evidence, Profile, RunResult, Service } from '../../src/core/index.ts';
import { DeviceSchema, ProfileSchema, ServiceSchema } from '../../src/core/index.ts';
import { buildHistory, evaluateRun, type HistoryPoint } from '../../src/scorecard/index.ts';
import { accessibilityEvidence, attempt, compatibilityEvidence, lhRun, loginEvidence, performanceEvidence, step } from '../unit/checks/helpers.ts';

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Kirjava', 'Kuunteli', 'Lehtisali', 'Äänikirjasto Öljylamppu', 'Sanasto', 'Tarinatalo', 'Lukuhetki', 'Bokhyllan',
  'Kuulokuvat', 'Satumaa', 'Lehtikioski', 'Sävel & sana', 'Runoretki', 'Tietolähde', 'Ljudboken', 'Kirjasampo+',
  'Elokuvakamari', 'Nuottikirjasto', 'Karttakeskus', 'Tutkijan tietokanta',
] as const;

const DEVICES = [
  { id: 'desktop-chromium', name: 'Desktop · Chromium', engine: 'chromium', formFactor: 'desktop' },
  { id: 'desktop-firefox', name: 'Desktop · Firefox', engine: 'firefox', formFactor: 'desktop' },
  { id: 'desktop-webkit', name: 'Desktop · WebKit', engine: 'webkit', formFactor: 'desktop' },
  { id: 'emulated-pixel-7', name: 'Android phone (emulated Pixel 7) · Chromium', engine: 'chromium', formFactor: 'mobile' },
  { id: 'emulated-iphone-14', name: 'iPhone 14 (emulated) · WebKit', engine: 'webkit', formFactor: 'mobile' },
  { id: 'tablet-galaxy', name: 'Android tablet (emulated Galaxy Tab S9) · Chromium', engine: 'chromium', formFactor: 'tablet' },
] as const;

const STEPS = ['landing', 'search', 'item', 'reader'] as const;

/** Realistic axe violations: rule, impact, tags, markup and failure summary. */
const VIOLATIONS: ReadonlyArray<{ id: string; impact: AxeRuleResult['impact']; tags: string[]; help: string; html: string; summary: string }> = [
  { id: 'color-contrast', impact: 'serious', tags: ['cat.color', 'wcag2aa', 'wcag143', 'EN-301-549', 'EN-9.1.4.3'], help: 'Elements must meet minimum color contrast ratio thresholds', html: '<a class="nav-link nav-link--secondary" href="/kategoriat/aanikirjat?lang=fi&amp;sort=suosituimmat">Äänikirjat</a>', summary: 'Fix any of the following:\n  Element has insufficient color contrast of 2.84 (foreground color: #8a8a8a, background color: #ffffff, font size: 12.0pt (16px), font weight: normal). Expected contrast ratio of 4.5:1' },
  { id: 'label', impact: 'critical', tags: ['cat.forms', 'wcag2a', 'wcag412', 'section508', 'EN-301-549', 'EN-9.4.1.2'], help: 'Form elements must have labels', html: '<input type="text" name="q" class="search-input" placeholder="Hae kirjoja, kirjailijoita ja aiheita" autocomplete="off">', summary: 'Fix any of the following:\n  Element does not have an implicit (wrapped) <label>\n  Element does not have an explicit <label>\n  aria-label attribute does not exist or is empty\n  Element has no title attribute\n  Element has no placeholder attribute' },
  { id: 'image-alt', impact: 'critical', tags: ['cat.text-alternatives', 'wcag2a', 'wcag111', 'EN-301-549', 'EN-9.1.1.1'], help: 'Images must have alternative text', html: '<img src="https://cdn.example.fi/covers/9789510123456-large.jpg" class="cover cover--large" width="240" height="360" loading="lazy">', summary: 'Fix any of the following:\n  Element does not have an alt attribute\n  aria-label attribute does not exist or is empty\n  Element has no title attribute\n  Element\'s default semantics were not overridden with role="none" or role="presentation"' },
  { id: 'button-name', impact: 'critical', tags: ['cat.name-role-value', 'wcag2a', 'wcag412', 'section508', 'EN-301-549', 'EN-9.4.1.2'], help: 'Buttons must have discernible text', html: '<button type="button" class="icon-button player-skip" data-action="skip-forward"><svg viewBox="0 0 24 24" class="icon"><use href="#i-forward"></use></svg></button>', summary: 'Fix any of the following:\n  Element does not have inner text that is visible to screen readers\n  aria-label attribute does not exist or is empty\n  aria-labelledby attribute does not exist, references elements that do not exist or references elements that are empty' },
  { id: 'html-has-lang', impact: 'serious', tags: ['cat.language', 'wcag2a', 'wcag311', 'EN-301-549', 'EN-9.3.1.1'], help: '<html> element must have a lang attribute', html: '<html class="no-js" data-theme="light">', summary: 'Fix any of the following:\n  The <html> element does not have a lang attribute' },
  { id: 'link-name', impact: 'serious', tags: ['cat.name-role-value', 'wcag2a', 'wcag244', 'wcag412', 'EN-301-549', 'EN-9.2.4.4', 'EN-9.4.1.2'], help: 'Links must have discernible text', html: '<a href="/oma-tili/lainat" class="header-icon"><span class="icon icon-bag"></span></a>', summary: 'Fix all of the following:\n  Element is in tab order and does not have accessible text\n\nFix any of the following:\n  Element does not have text that is visible to screen readers' },
  { id: 'target-size', impact: 'serious', tags: ['cat.sensory-and-visual-cues', 'wcag22aa', 'wcag258'], help: 'All touch targets must be 24px large, or leave sufficient space', html: '<a href="?page=3" class="pager__link">3</a>', summary: 'Fix any of the following:\n  Target has insufficient size (18px by 18px, should be at least 24px by 24px)\n  Target has insufficient space to its closest neighbors. Safe clickable space has a diameter of 20px instead of at least 24px.' },
  { id: 'region', impact: 'moderate', tags: ['cat.keyboard', 'best-practice'], help: 'All page content should be contained by landmarks', html: '<div class="cookie-banner">Käytämme evästeitä palvelun kehittämiseen.</div>', summary: 'Fix any of the following:\n  Some page content is not contained by landmarks' },
];

const PASSING = ['document-title', 'bypass', 'list', 'listitem', 'heading-order', 'duplicate-id-aria', 'aria-allowed-attr', 'aria-required-attr', 'meta-viewport', 'frame-title'];

function device(d: (typeof DEVICES)[number]): Device {
  return DeviceSchema.parse(d);
}

function service(id: string, name: string, index: number): Service {
  return ServiceSchema.parse({
    id,
    name,
    vendor: `${name} Oy`,
    kind: index % 3 === 0 ? 'ebook' : index % 3 === 1 ? 'audiobook' : 'emagazine',
    baseUrl: `http://127.0.0.1:${4800 + index}/`,
    languages: ['fi', 'sv', 'en'],
    login: {
      strategy: 'card-pin-form',
      start: [{ goto: '/login' }],
      card: { label: 'Kirjastokortin numero' },
      pin: { label: 'PIN-koodi' },
      submit: { role: 'button', name: 'Kirjaudu' },
      success: { role: 'button', name: 'Kirjaudu ulos' },
    },
    patrons: { valid: { card: { env: 'VALID_CARD' }, pin: { env: 'VALID_PIN' } }, wrongPin: { card: { env: 'VALID_CARD' }, pin: { env: 'WRONG_PIN' } } },
    journey: STEPS.map((s) => ({ id: s, actions: [{ goto: `/${s === 'landing' ? '' : s}` }], lighthouse: s === 'landing' || s === 'item' })),
    release: { meta: 'app-version' },
  });
}

export function sampleProfile(): Profile {
  return ProfileSchema.parse({
    id: 'sample',
    name: { fi: 'Näyteprofiili', sv: 'Exempelprofil', en: 'Sample profile' },
    weights: { login: 30, accessibility: 35, performance: 15, compatibility: 20 },
    gates: [
      { id: 'valid-patron', title: { fi: 'Kirjautuminen onnistuu', sv: 'Inloggningen lyckas', en: 'Login works' }, check: 'login/valid-patron' },
      { id: 'login-form', noFailures: { suite: 'accessibility', impact: 'critical', steps: ['login-error'] } },
    ],
    budgets: [
      { id: 'lcp', check: 'performance/largest-contentful-paint', max: 4000 },
      { id: 'a11y', score: 'accessibility', min: 80 },
    ],
    regressions: {},
    runs: { lighthouse: 3 },
  });
}

function axeRule(v: (typeof VIOLATIONS)[number], nodes: number, shot: number): AxeRuleResult {
  return {
    id: v.id,
    impact: v.impact,
    tags: v.tags,
    description: `Ensures ${v.help.toLowerCase()}`,
    help: v.help,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${v.id}?application=axeAPI`,
    nodes: Array.from({ length: nodes }, (_, i) => ({
      target: [`main > section:nth-child(${i + 2}) > .card-list > li:nth-child(${shot + i + 1}) ${v.id === 'html-has-lang' ? 'html' : '.item'}`],
      html: v.html.replace('3', String(i + 3)),
      failureSummary: v.summary,
      impact: v.impact,
    })),
  };
}

export interface SampleOptions {
  readonly services?: number;
  readonly devices?: number;
  readonly seed?: number;
  /** Earlier runs in the history (0 = no trend). */
  readonly historyRuns?: number;
}

export interface Sample {
  readonly result: RunResult;
  readonly evidence: Evidence[];
  readonly history: HistoryPoint[];
  /** The configuration the run was evaluated with. */
  readonly services: Service[];
  readonly devices: Device[];
  readonly profile: Profile;
}

export function sampleRun(options: SampleOptions = {}): Sample {
  const random = prng(options.seed ?? 7);
  const services = NAMES.slice(0, options.services ?? 3).map((name, i) => service(`s${String(i + 1).padStart(2, '0')}`, name, i));
  const devices = DEVICES.slice(0, options.devices ?? 2).map(device);
  const evidence: Evidence[] = [];
  services.forEach((svc, si) => {
    const quality = random(); // 0 poor … 1 clean
    const violations = VIOLATIONS.filter(() => random() > quality);
    devices.forEach((dev, di) => {
      const target = `${svc.id}@${dev.id}`;
      const env = { service: svc.id, device: dev.id, browser: undefined, steps: STEPS.map((s) => step(s, true, { url: `${svc.baseUrl}${s}`, screenshot: `evidence/${target}/${s}.png` })) };
      const envelope = { service: svc.id, device: dev.id, steps: env.steps, startedAt: '2026-11-25T10:00:00.000Z', finishedAt: '2026-11-25T10:01:00.000Z' };
      const loginFails = si === 2 && di === 1;
      evidence.push(
        loginEvidence(
          [
            attempt('valid', loginFails ? 'no-response' : 'logged-in', { durationMs: 800 + Math.round(random() * 3000), url: `${svc.baseUrl}login` }),
            attempt('wrongPin', 'rejected', { message: 'Väärä PIN-koodi. Tarkista kirjastokortin numero ja PIN-koodi.', url: `${svc.baseUrl}login`, screenshot: `evidence/${target}/login-wrongPin.png` }),
          ],
          envelope,
        ),
      );
      const states = [...STEPS, 'login-error'].map((s, k) => ({
        step: s,
        url: `${svc.baseUrl}${s === 'landing' ? '' : s}`,
        violations: violations.filter((_, vi) => (vi + k) % 2 === 0 || s === 'login-error').map((v) => axeRule(v, 1 + Math.floor(random() * 4), k)),
        incomplete: random() > 0.6 ? [{ ...axeRule(VIOLATIONS[0]!, 2, k), impact: 'serious' as const }] : [],
        passes: PASSING,
        inapplicable: ['video-caption', 'audio-caption'],
        screenshot: `evidence/${target}/accessibility-${s}.png`,
      }));
      evidence.push(
        accessibilityEvidence(
          {
            axeVersion: '4.14.1',
            tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'EN-301-549', 'best-practice'],
            states: states.map((s) => ({ ...s, incomplete: s.incomplete.filter((r) => !s.violations.some((v) => v.id === r.id)) })),
          },
          envelope,
        ),
      );
      if (dev.engine === 'chromium') {
        const slow = 1 + (1 - quality) * 2.5;
        evidence.push(
          performanceEvidence(
            {
              lighthouseVersion: '13.5.0',
              runsPerPage: 3,
              pages: ['landing', 'item'].map((s) => ({
                step: s,
                url: `${svc.baseUrl}${s === 'landing' ? '' : s}`,
                formFactor: dev.formFactor === 'desktop' ? ('desktop' as const) : ('mobile' as const),
                runs: [0, 1, 2].map((r) => ({
                  ...lhRun(
                    { fcp: 700 * slow * (0.9 + random() * 0.2), lcp: 1300 * slow * (0.85 + random() * 0.3), tbt: 60 * slow * (0.8 + random() * 0.4), cls: 0.02 * slow, si: 1400 * slow, ttfb: 150 },
                    Math.max(0, Math.min(1, 1.05 - slow * 0.2 + random() * 0.05)),
                  ),
                  ...(r === 1 ? { report: `evidence/${target}/lighthouse-${s}.html` } : {}),
                })),
              })),
            },
            envelope,
          ),
        );
      } else {
        // As a real run records it: Lighthouse not applicable on this engine, said so (a cell without evidence is lost).
        evidence.push(
          performanceEvidence({ runsPerPage: 3, pages: [], lighthouseSkipped: `Lighthouse needs Chromium; ${dev.id} runs ${dev.engine}.` }, envelope),
        );
      }
      const consoleErrors = quality < 0.4 ? 2 + Math.floor(random() * 4) : 0;
      const mobile = dev.formFactor !== 'desktop';
      const compat = compatibilityEvidence(
        {
          viewport: mobile ? { width: 412, height: 839 } : { width: 1366, height: 768 },
          console: Array.from({ length: consoleErrors }, (_, i) => ({
            level: 'error' as const,
            text: `TypeError: Cannot read properties of undefined (reading 'player${i}') at https://cdn.example.fi/app.${svc.id}.js:1:${1000 + i}`,
            step: STEPS[i % STEPS.length] as string,
          })),
          failedRequests: quality < 0.3 ? [{ url: `${svc.baseUrl}api/recommendations?lang=fi`, method: 'GET', status: 500, failure: null, resourceType: 'fetch', step: 'landing' }] : [],
          overflow: STEPS.map((s) => ({
            step: s,
            url: `${svc.baseUrl}${s}`,
            viewportWidth: mobile ? 412 : 1366,
            documentWidth: mobile && quality < 0.5 ? 530 : mobile ? 412 : 1366,
            offenders: mobile && quality < 0.5 ? [{ selector: 'table.search-results', right: 530 }] : [],
          })),
        },
        envelope,
      );
      evidence.push({ ...compat, release: { version: si % 4 === 0 ? '4.2.0' : `2026.${(si % 12) + 1}.${di === 0 ? 1 : 1}`, source: 'meta', url: svc.baseUrl } });
    });
  });
  const profile = sampleProfile();
  const result = evaluateRun({
    runId: '20261125-100000Z-smpl',
    startedAt: '2026-11-25T10:00:00.000Z',
    evaluatedAt: '2026-11-25T10:30:00.000Z',
    fingerprint: 'sha256:5ad1c0ffee5ad1c0ffee5ad1c0ffee5ad1c0ffee5ad1c0ffee5ad1c0ffee5ad1',
    profile,
    environment: { harnessVersion: '0.1.0', node: 'v24.21.0', platform: 'linux', arch: 'x64', cpus: 2, memoryGiB: 7.8, ci: false },
    tools: { playwright: '1.64.1', 'axe-core': '4.14.1', lighthouse: '13.5.0', 'browser:chromium': '156.0.8078.108' },
    services,
    devices,
    evidence,
  });
  const earlier: HistoryPoint[] = Array.from({ length: options.historyRuns ?? 4 }, (_, r) => ({
    runId: `2026110${r + 1}-100000Z-h${r}`,
    startedAt: `2026-11-0${r + 1}T10:00:00.000Z`,
    fingerprint: r === 0 ? 'sha256:0ld' : result.fingerprint,
    profile: profile.id,
    services: result.scorecard.map((e, i) => ({
      id: e.service,
      overall: e.overall === null || (i === 1 && r === 1) ? null : Math.max(0, Math.min(100, e.overall - (4 - r) * (i % 3) + (r % 2))),
      rank: null,
      eligible: e.eligible,
      release: r < 2 ? '4.1.0' : '4.2.0',
      suites: e.suites,
    })),
  }));
  return { result, evidence, history: buildHistory(earlier, result), services, devices, profile };
}
