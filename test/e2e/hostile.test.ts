/**
 * Hostile vendor content (fixtures/vendors/hostile/app.ts): script and markup in page titles,
 * element snippets, console messages, uncaught errors, failed-request URLs, login messages, the
 * release version and the service name reach the evidence — and the scorecard shows all of it as
 * text. Proved in a real browser (Chromium): with the scorecard's Content-Security-Policy, and again
 * with CSP bypassed (so that escaping alone is tested), no payload runs, no script element or event
 * handler attribute exists, and no CSP violation is reported; the language switch works without script.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { PAYLOAD_MARKER, PAYLOADS, startHostileVendor } from '../../fixtures/vendors/hostile/app.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/render/html.ts';
import { chromiumArgs, findBrowser } from '../../src/session/browsers.ts';
import { ROOT, erh, filesBelow, type CliResult } from '../support/cli.ts';
import { FAULT_PROFILE } from '../support/fault-config.ts';

let world: DemoWorld;
let hostile: { url: string; stop: () => Promise<void> };
let run: CliResult;
let runDir: string;
let browser: Browser;

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral', kuunteliHeroDelayMs: 50 });
  hostile = await startHostileVendor(world);
  const root = mkdtempSync(join(tmpdir(), 'erh-hostile-'));
  for (const d of ['services', 'devices', 'profiles']) mkdirSync(join(root, d));
  cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'devices', 'desktop-chromium.yaml'), join(root, 'devices', 'desktop-chromium.yaml'));
  writeFileSync(join(root, 'services', 'hostile.yaml'), readFileSync(join(import.meta.dirname, 'configs', 'hostile.yaml'), 'utf8').replace('http://127.0.0.1:4719/', `${hostile.url}/`));
  writeFileSync(join(root, 'profiles', 'faults.yaml'), FAULT_PROFILE);
  const reports = join(root, 'reports');
  run = await erh(['run', '--config', root, '--profile', 'faults', '--devices', 'desktop-chromium', '--reports', reports], { env: world.env, timeoutMs: 5 * 60_000 });
  runDir = join(reports, readdirSync(reports).filter((d) => d !== 'latest')[0] ?? 'missing');
  const path = findBrowser('chromium', undefined, chromium.executablePath())?.executablePath;
  browser = await chromium.launch({ ...(path ? { executablePath: path } : {}), args: chromiumArgs() });
}, 6 * 60_000);

afterAll(async () => {
  await browser?.close();
  await hostile?.stop();
  await world?.stop();
});

const scorecards = () => ['scorecard.html', 'scorecard.fi.html', 'scorecard.sv.html', 'scorecard.en.html'].map((f) => join(runDir, f));

describe('a hostile vendor', () => {
  it('is evaluated: its payloads reach the evidence (titles, snippets, console, errors, URLs, login message, release)', () => {
    expect(run.code, run.stdout.slice(-2000) + run.stderr.slice(-2000)).toBe(0);
    const evidence = readdirSync(join(runDir, 'evidence')).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(runDir, 'evidence', f), 'utf8')).join('\n');
    for (const p of [PAYLOADS.title, PAYLOADS.console, PAYLOADS.release]) expect(evidence).toContain(JSON.stringify(p).slice(1, -1));
    expect(evidence).toContain("window.__erhPwned='snippet'");
    expect(evidence).toContain("window.__erhPwned='error'");
    expect(evidence).toContain("window.__erhPwned='message'");
    expect(evidence).toMatch(/missing\/.*__erhPwned/);
  });

  it('shows them escaped in the scorecards: the markers are there as text, never as markup', () => {
    for (const file of scorecards()) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).toContain('&lt;script&gt;window.__erhPwned');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<(img|svg|iframe)[^>]*\son\w+=/i);
      expect(html).not.toMatch(/<iframe/i);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}">`);
    }
    // Strict: nothing may load or run script; the language switch is plain links.
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  for (const bypassCSP of [false, true]) {
    it(`runs none of it in a real browser (${bypassCSP ? 'CSP bypassed: escaping alone' : 'with the scorecard\'s CSP'})`, async () => {
      const context = await browser.newContext({ bypassCSP });
      await context.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      });
      const dialogs: string[] = [];
      const page = await context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const file of scorecards()) {
        await page.goto(pathToFileURL(file).toString());
        await page.waitForTimeout(300);
        const state = await page.evaluate((marker) => ({
          pwned: (window as unknown as Record<string, unknown>)[marker],
          violations: (window as unknown as { __violations: string[] }).__violations,
          scripts: document.querySelectorAll('script').length,
          handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
          frames: document.querySelectorAll('iframe, object, embed').length,
          text: document.body.innerText,
        }), PAYLOAD_MARKER);
        expect(state.pwned, file).toBeUndefined();
        expect(state.violations.filter((v) => v.startsWith('script')), file).toEqual([]);
        expect(state.scripts).toBe(0);
        expect(state.handlers).toBe(0);
        expect(state.frames).toBe(0);
        // The payloads are shown, as text.
        expect(state.text).toContain(`${PAYLOAD_MARKER}=`);
        if (!bypassCSP) {
          // The policy is in force: even a script element added to the page now is refused.
          const probe = await page.evaluate(async () => {
            const el = document.createElement('script');
            el.textContent = 'window.__cspProbe = 1';
            document.body.append(el);
            await new Promise((r) => setTimeout(r, 100));
            return { ran: (window as unknown as Record<string, unknown>).__cspProbe, violations: (window as unknown as { __violations: string[] }).__violations };
          });
          expect(probe.ran).toBeUndefined();
          expect(probe.violations.some((v) => v.startsWith('script-src'))).toBe(true);
        }
      }
      expect(dialogs).toEqual([]);
      await context.close();
    });
  }

  it('switches language without script, under the CSP', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(runDir, 'scorecard.fi.html')).toString());
    await page.getByRole('link', { name: 'Svenska' }).first().click();
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await page.close();
  });

  it('writes no patron secret anywhere in the run', async () => {
    const secrets = Object.entries(world.env).filter(([k]) => /_(CARD|PIN|PASSWORD)$/.test(k)).map(([, v]) => v);
    for (const file of await filesBelow(runDir)) {
      const text = readFileSync(file).toString('latin1');
      for (const s of secrets) {
        expect(text.includes(s), `${file} contains a secret`).toBe(false);
        expect(file.includes(s)).toBe(false);
      }
    }
    for (const s of secrets) expect(run.stdout + run.stderr).not.toContain(s);
  });
});
