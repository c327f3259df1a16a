/**
 * The other rule engines (IBM Equal Access, HTML_CodeSniffer) in headless Chromium (Debian's
 * /usr/bin/chromium), through the same PlaywrightSession and isolated-world path the gatherers use.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSchema, type PlaywrightDevice } from '../../../src/core/device.ts';
import type { AccessibilityState, EngineRun } from '../../../src/core/evidence.ts';
import { runRules } from '../../../src/gather/a11y/engines/index.ts';
import { launchBrowser, PlaywrightSession } from '../../../src/session/playwright.ts';

const HEAD = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">';
const BARRIERS = `<main><h1>Haku</h1><img src="/x.png"><button></button>
  <p style="color:#aaa;background:#fff">Heikko kontrasti tässä tekstissä.</p>
  <a href="/next" id="next"></a></main>`;

// The page defines globals named like the engines and traps on the names the engines use.
const HOSTILE = `<script>
  var none = function () { return Promise.resolve({ results: [] }); };
  window.ace = { Checker: function () { return { check: none, getGuidelines: function () { return []; } }; } };
  window.HTMLCS = { process: function (s, c, done) { done(); }, getMessages: function () { return []; } };
  Object.defineProperty(window, 'HTMLCS_WCAG2AA', { get: function () { return {}; }, set: function () {} });
  Object.defineProperty(window, 'module', { get: function () { return { exports: {} }; }, set: function () {} });
</script>`;

const PAGES: Record<string, string> = {
  '/barriers': `<!DOCTYPE html><html><head>${HEAD}<title></title></head><body>${BARRIERS}</body></html>`,
  '/hostile': `<!DOCTYPE html><html><head>${HEAD}<title></title>${HOSTILE}</head><body>${BARRIERS}</body></html>`,
  '/clean': `<!DOCTYPE html><html lang="fi"><head>${HEAD}<title>Haku – Kirjasto</title></head><body>
    <main><h1>Haku</h1><img src="/x.png" alt="Kirjaston logo"><button type="button">Lainaa</button>
    <p>Hyvä kontrasti tässä tekstissä.</p><a href="/next">Seuraava sivu</a></main></body></html>`,
};

let server: Server;
let base = '';
let browser: Browser;
const device = DeviceSchema.parse({
  id: 'desktop-chromium',
  name: 'Desktop',
  engine: 'chromium',
  formFactor: 'desktop',
  viewport: { width: 1024, height: 700 },
  locale: 'fi-FI',
}) as PlaywrightDevice;

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? ''];
    if (!page) {
      res.writeHead(req.url === '/x.png' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser(device);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

async function rules(path: string): Promise<AccessibilityState> {
  const session = await PlaywrightSession.open(browser, device);
  try {
    await session.goto(`${base}${path}`, 10_000);
    return await runRules(session, 'search', `${base}${path}`, ['ibm-equal-access', 'htmlcs']);
  } finally {
    await session.close();
  }
}

const run = (state: AccessibilityState, engine: string): EngineRun =>
  state.engines!.find((e) => e.engine === engine)!;
const violations = (r: EngineRun) =>
  r.results
    .filter((x) => x.outcome === 'violation')
    .map((x) => x.rule)
    .sort();
/** Element → rules that called it a violation. */
const byElement = (r: EngineRun) => {
  const m: Record<string, string[]> = {};
  for (const x of r.results.filter((y) => y.outcome === 'violation'))
    for (const n of x.nodes) (m[n.selector] ??= []).push(x.rule);
  return m;
};

describe('IBM Equal Access and HTML_CodeSniffer in Chromium', () => {
  it("find the barriers, name elements by axe-core's selectors where axe did, and record their cost", async () => {
    const state = await rules('/barriers');
    const ibm = run(state, 'ibm-equal-access');
    const cs = run(state, 'htmlcs');
    expect(ibm.error).toBeUndefined();
    expect(cs.error).toBeUndefined();
    console.log(
      JSON.stringify(
        { axeMs: state.axeDurationMs, ibm: [ibm.durationMs, byElement(ibm)], htmlcs: [cs.durationMs, byElement(cs)] },
        null,
        1,
      ),
    );
    expect(violations(ibm)).toEqual(
      expect.arrayContaining(['img_alt_valid', 'html_lang_exists', 'page_title_exists', 'text_contrast_sufficient']),
    );
    expect(violations(cs)).toEqual(expect.arrayContaining(['1_1_1.H37', '3_1_1.H57.2']));
    // axe reported the image (image-alt): both engines name it by axe's own selector.
    const axeImg = state.violations.find((v) => v.id === 'image-alt')!.nodes[0]!.target[0]!;
    expect(byElement(ibm)[axeImg]).toContain('img_alt_valid');
    expect(byElement(cs)[axeImg]).toContain('1_1_1.H37');
    expect(ibm.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(ibm.durationMs).toBeGreaterThan(0);
    expect(state.axeDurationMs).toBeGreaterThan(0);
  });

  it("a page's own globals named like the engines change nothing (isolated world, no global lookup)", async () => {
    const plain = await rules('/barriers');
    const hostile = await rules('/hostile');
    for (const engine of ['ibm-equal-access', 'htmlcs']) {
      expect(run(hostile, engine).error).toBeUndefined();
      expect(violations(run(hostile, engine))).toEqual(violations(run(plain, engine)));
    }
  });

  it('report no violation on the clean twin', async () => {
    const state = await rules('/clean');
    expect(state.engines!.map((e) => e.error)).toEqual([undefined, undefined]);
    expect(byElement(run(state, 'ibm-equal-access'))).toEqual({});
    expect(byElement(run(state, 'htmlcs'))).toEqual({});
    expect(run(state, 'ibm-equal-access').passes).toEqual(
      expect.arrayContaining(['img_alt_valid', 'page_title_exists']),
    );
  });
});
