/**
 * The beyond-axe probes against small local pages in headless Chromium (Debian's /usr/bin/chromium),
 * through the same PlaywrightSession the gatherers use.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSchema, type PlaywrightDevice } from '../../../src/core/device.ts';
import { runA11yProbes, measureAccessibilityState } from '../../../src/gather/a11y/index.ts';
import { launchBrowser, PlaywrightSession } from '../../../src/session/playwright.ts';

const HEAD = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title>';
const FI = 'Tämä on kirjaston palvelu ja se on auki. Lainaa kirja ja kuuntele äänikirja, ei tarvitse odottaa.';

const PAGES: Record<string, string> = {
  '/clean': `<!DOCTYPE html><html lang="fi"><head>${HEAD}<style>
    a,button{display:inline-block;min-width:44px;min-height:44px;padding:10px}
    :focus-visible{outline:3px solid #036}
    .skip{position:absolute;top:-10rem}.skip:focus{top:0}
    </style></head><body><a class="skip" href="#main">Siirry sisältöön</a>
    <nav><a href="/a">Etusivu</a> <a href="/b">Haku</a></nav>
    <main id="main" tabindex="-1"><h1>Otsikko</h1><p>${FI}</p><button type="button">Lainaa</button>
    <p lang="sv">Det här är bibliotekets tjänst och den är öppen och inte stängd.</p></main></body></html>`,
  '/defects': `<!DOCTYPE html><html lang="en"><head>${HEAD}<style>
    body{margin:0} .wide{width:900px}
    :focus-visible{outline:3px solid #c00;outline-offset:2px} button{outline:none} button:focus{outline:none}
    .tiny a{display:inline-block;width:14px;height:14px;font-size:10px;overflow:hidden}
    .box{height:1.5em;overflow:hidden;width:200px}
    header{position:fixed;top:0;left:0;right:0;height:300px;background:#fff}
    </style></head><body><header>Fixed banner</header><div style="height:320px"></div>
    <p class="box">Short line of text here</p>
    <button type="button" id="b1">One</button><button type="button" id="b2">Two</button>
    <div class="tiny"><a href="/p">‹</a><a href="/n">›</a></div>
    <div role="button" id="fake">Fake button</div>
    <p>${FI}</p>
    <p lang="en">${FI}</p>
    <div class="wide">wide content</div>
    <audio id="au" src="/nothing.wav" autoplay></audio>
    <script>
      document.getElementById('b2').addEventListener('keydown', function (e) {
        if (e.key === 'Tab') { e.preventDefault(); document.getElementById('b1').focus(); }
      });
    </script></body></html>`,
  // A Finnish page quoting a long Swedish passage that is wrongly marked as English: the quote's
  // words belong to the part (3.1.2), so the page's own language (3.1.1) is still right.
  '/quote': `<!DOCTYPE html><html lang="fi"><head>${HEAD}</head><body><main><h1>Kuukauden lehti</h1><p>${FI}</p>
    <blockquote lang="en"><p>Det här är en tidning som jag läser varje månad, och den är inte svår att läsa. Den är bra och jag tycker om den, och jag läser den när jag har tid på kvällen.</p></blockquote>
    </main></body></html>`,
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
      res.writeHead(404).end();
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

async function probe(path: string) {
  const session = await PlaywrightSession.open(browser, device);
  try {
    await session.goto(`${base}${path}`, 10_000);
    const probes = await runA11yProbes(session);
    return { probes, viewportAfter: session.viewport(), focused: await session.evaluate(() => document.activeElement?.tagName ?? null, null), marks: await session.evaluate(() => document.querySelectorAll('[data-erh-stop],[data-erh-fixed],[data-erh-start]').length, null) };
  } finally {
    await session.close();
  }
}

describe('beyond-axe probes in Chromium', () => {
  it('a clean page: every stop reached in order with visible focus, skip link, language right, no reflow or clipping problem', async () => {
    const { probes, viewportAfter, marks } = await probe('/clean');
    expect(probes.errors).toEqual([]);
    const kb = probes.keyboard!;
    expect(kb.stops.map((s) => s.name)).toEqual(['Siirry sisältöön', 'Etusivu', 'Haku', 'Lainaa']);
    expect(kb.sequence.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(kb.stops.every((s) => s.focusVisible === true && s.obscuredBy === null)).toBe(true);
    expect(kb.unfocusable).toEqual([]);
    expect(probes.bypass).toEqual({ skipLink: 'body > a', main: 1, navigation: 1, blockStops: 3 });
    expect(probes.language).toMatchObject({ declared: 'fi', detected: 'fi', parts: [{ declared: 'sv', detected: 'sv' }] });
    expect(probes.targets?.small).toEqual([]);
    expect(probes.reflow).toMatchObject({ viewportWidth: 320, offenders: [] });
    expect(probes.reflow!.documentWidth).toBeLessThanOrEqual(321);
    expect(probes.textResize?.clipped).toEqual([]);
    expect(probes.textSpacing?.clipped).toEqual([]);
    expect(probes.media).toEqual([]);
    // The page is left as found.
    expect(viewportAfter).toEqual({ width: 1024, height: 700 });
    expect(marks).toBe(0);
  });

  it('judges the page language on the page\'s own words, and a marked passage on its words', async () => {
    const { probes } = await probe('/quote');
    expect(probes.language).toMatchObject({ declared: 'fi', detected: 'fi' });
    expect(probes.language!.parts).toEqual([expect.objectContaining({ declared: 'en', detected: 'sv' })]);
  });

  it('a page with defects: trap, invisible and obscured focus, tiny targets, unfocusable widget, wrong lang part, no reflow, clipped text, autoplay', async () => {
    const { probes } = await probe('/defects');
    expect(probes.errors).toEqual([]);
    const kb = probes.keyboard!;
    const names = kb.stops.map((s) => s.name);
    expect(names).toEqual(['One', 'Two', '‹', '›']);
    // After One and Two, focus cycles One ↔ Two and never reaches the links.
    expect(kb.sequence.slice(0, 6)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(kb.stops[2]!.focusVisible).toBeNull();
    expect(kb.stops[0]!.focusVisible).toBe(false);
    expect(kb.unfocusable.map((u) => u.selector)).toEqual(['div#fake']);
    expect(probes.targets!.small.map((t) => t.name)).toEqual(expect.arrayContaining(['‹', '›']));
    expect(probes.targets!.small.find((t) => t.name === '‹')).toMatchObject({ width: 14, height: 14 });
    expect(probes.language).toMatchObject({ declared: 'en', detected: 'fi' });
    expect(probes.language!.parts).toEqual([expect.objectContaining({ declared: 'en', detected: 'fi' })]);
    expect(probes.bypass).toEqual({ skipLink: null, main: 0, navigation: 0, blockStops: 0 });
    expect(probes.reflow!.documentWidth).toBeGreaterThan(800);
    expect(probes.textResize!.clipped.map((c) => c.selector)).toContain('body > p:nth-of-type(1)');
    expect(probes.textSpacing!.clipped.length + probes.textResize!.clipped.length).toBeGreaterThan(0);
    expect(probes.media).toEqual([expect.objectContaining({ kind: 'audio', autoplaySound: true, selector: 'audio#au' })]);
  });

  it('measureAccessibilityState runs axe and the probes on one state and times them', async () => {
    const session = await PlaywrightSession.open(browser, device);
    try {
      await session.goto(`${base}/clean`, 10_000);
      const m = await measureAccessibilityState(session, 'landing', `${base}/clean`);
      expect(m.state.step).toBe('landing');
      expect(m.state.violations).toEqual([]);
      expect(m.state.probes?.keyboard?.stops.length).toBe(4);
      expect(m.totalMs).toBeGreaterThanOrEqual(m.axeMs + m.probesMs - 1);
      expect(m.axeMs).toBeGreaterThan(0);
      expect(m.probesMs).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});

describe('beyond-axe probes in Firefox', () => {
  const firefoxDevice = DeviceSchema.parse({ id: 'desktop-firefox', name: 'Desktop · Firefox', engine: 'firefox', formFactor: 'desktop', viewport: { width: 1024, height: 700 }, locale: 'fi-FI' }) as PlaywrightDevice;
  let firefox: Browser;
  beforeAll(async () => {
    firefox = await launchBrowser(firefoxDevice);
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
  });

  // Firefox takes the focus away from a page for good when another page of the browser opens (as
  // the login attempts do); without getting it back, no :focus style applies and every stop would
  // look like it had no focus indicator.
  it('judges visible focus on a page that lost the focus to another page', async () => {
    const session = await PlaywrightSession.open(firefox, firefoxDevice);
    const other = await PlaywrightSession.open(firefox, firefoxDevice);
    try {
      await session.goto(`${base}/clean`, 10_000);
      await other.goto(`${base}/clean`, 10_000);
      expect(await session.evaluate(() => document.hasFocus(), null)).toBe(false);
      const probes = await runA11yProbes(session);
      const stops = probes.keyboard!.stops;
      expect(stops.map((s) => s.name)).toEqual(['Siirry sisältöön', 'Etusivu', 'Haku', 'Lainaa']);
      expect(stops.map((s) => s.focusVisible)).toEqual([true, true, true, true]);
    } finally {
      await other.close();
      await session.close();
    }
  }, 60_000);
});
