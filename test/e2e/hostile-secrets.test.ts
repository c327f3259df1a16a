/**
 * A hostile vendor cannot leak a patron's secrets (issue 21, part 1): the hostile vendor's account
 * page (fixtures/vendors/hostile/app.ts, /tili) hands the card and PIN back in its URL, title,
 * on-screen text, element ids (CSS-escaped in axe's selectors), attributes cut at axe's 300
 * characters, HTML entities, console messages (one cut at 500 characters inside the PIN), an
 * uncaught error, failed requests and base64 of card:pin — and Lighthouse audits it logged in.
 *
 * After one run (one device, the minimum profile) the test searches every file under the run
 * directory and the run's TMPDIR, and the terminal output — unzipped, and URL-, entity- and
 * base64-decoded — for the card, the PIN, every 4-character piece of either and their encodings:
 * 0 hits (in the test run's shared TMPDIR, where the test files beside this one write megabytes of
 * base64, only pieces of 8 characters and more and the encodings). The secrets are drawn so that a 4-character piece cannot occur by chance (letters and
 * digits alternate; the PIN holds a space and a quote, so its form encoding differs from its URL
 * encoding). The screenshot of the account page is proved covered where the page prints them, and
 * the Lighthouse report is proved contained in a real browser.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomInt } from 'node:crypto';
import JSZip from 'jszip';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { SHOWN_TEXT_BOX, secretEncodings, startHostileVendor } from '../../fixtures/vendors/hostile/app.ts';
import { chromiumArgs, findBrowser } from '../../src/session/browsers.ts';
import { ROOT, erh, filesBelow, type CliResult } from '../support/cli.ts';
import { FAULT_PROFILE } from '../support/fault-config.ts';

const LETTERS = 'BCDFGHJKMNPQRSTVWXZ';
const DIGITS = '23456789';
const pick = (from: string) => from[randomInt(from.length)] as string;
/** Letters and digits alternating, starting with a digit (so that a CSS id escape starts `\3N `). */
const alternating = (n: number, letters: string) => Array.from({ length: n }, (_, i) => pick(i % 2 === 0 ? DIGITS : letters)).join('');
const CARD = alternating(10, LETTERS);
const PIN = `${alternating(3, LETTERS.toLowerCase())}'${pick(DIGITS)} ${alternating(4, LETTERS.toLowerCase()).split('').reverse().join('')}`;

const SERVICE_YAML = (baseUrl: string) => `id: vihamielinen
name: Vihamielinen (salaisuudet)
vendor: Vihamielinen Oy (test)
kind: emagazine
baseUrl: ${baseUrl}
languages: [fi]
login:
  strategy: card-pin-form
  start:
    - goto: /login
  card: { label: Kirjastokortin numero }
  pin: { label: PIN-koodi }
  submit: { role: button, name: Kirjaudu sisään, exact: true }
  success: { role: button, name: Kirjaudu ulos }
  error: { role: alert }
  timeoutMs: 8000
patrons:
  valid: { card: { env: HOSTILE_SECRET_CARD }, pin: { env: HOSTILE_SECRET_PIN } }
journey:
  - id: landing
    name: Etusivu
    actions:
      - goto: /
      - expect: { role: heading, name: Vihamielinen }
  - id: tili
    name: Tili
    lighthouse: true
    actions:
      - login: valid
      - goto: /tili
      - expect: { role: heading, name: Tili }
timeouts: { navigationMs: 8000, actionMs: 4000 }
`;

let world: DemoWorld;
let hostile: { url: string; stop: () => Promise<void> };
let run: CliResult;
let runDir: string;
let runTmp: string;
let browser: Browser;
let seconds = 0;
const startedAt = Date.now();

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral', kuunteliHeroDelayMs: 50 });
  hostile = await startHostileVendor(world, { patron: { card: CARD, pin: PIN } });
  const root = mkdtempSync(join(tmpdir(), 'erh-hostile-secrets-'));
  for (const d of ['services', 'devices', 'profiles']) mkdirSync(join(root, d));
  cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'devices', 'desktop-chromium.yaml'), join(root, 'devices', 'desktop-chromium.yaml'));
  writeFileSync(join(root, 'services', 'vihamielinen.yaml'), SERVICE_YAML(`${hostile.url}/`));
  // The minimum profile, and one timed walk (each walk is one more login).
  writeFileSync(join(root, 'profiles', 'faults.yaml'), FAULT_PROFILE.replace('runs: { lighthouse: 1 }', 'runs: { lighthouse: 1, timings: 1 }'));
  // The run's own TMPDIR: everything erh, its browsers and Lighthouse's Chrome leave there is searched.
  runTmp = join(root, 'tmp');
  mkdirSync(runTmp);
  const reports = join(root, 'reports');
  const started = performance.now();
  run = await erh(['run', '--config', root, '--profile', 'faults', '--devices', 'desktop-chromium', '--reports', reports], {
    env: { ...world.env, HOSTILE_SECRET_CARD: CARD, HOSTILE_SECRET_PIN: PIN, TMPDIR: runTmp },
    timeoutMs: 5 * 60_000,
  });
  seconds = (performance.now() - started) / 1000;
  runDir = join(reports, readdirSync(reports).filter((d) => d !== 'latest')[0] ?? 'missing');
  const path = findBrowser('chromium', undefined, chromium.executablePath())?.executablePath;
  browser = await chromium.launch({ ...(path ? { executablePath: path } : {}), args: chromiumArgs() });
}, 6 * 60_000);

afterAll(async () => {
  await browser?.close();
  await hostile?.stop();
  await world?.stop();
});

/** Every spelling of a secret the search looks for: raw, its pieces, and its encodings. */
function needles(secret: string): string[] {
  const out = new Set<string>();
  for (let len = 4; len <= secret.length; len++) for (let i = 0; i + len <= secret.length; i++) out.add(secret.slice(i, i + len));
  const e = secretEncodings(secret);
  for (const v of [e.uri, e.form, e.percentUpper, e.percentLower, e.entityDecimal, e.entityHex, e.css]) out.add(v);
  // Base64 at each alignment inside a longer text: the characters that depend on the secret alone.
  for (let k = 0; k < 3; k++) {
    const b = Buffer.concat([Buffer.alloc(k), Buffer.from(secret, 'utf8'), Buffer.alloc(3)]).toString('base64');
    const core = b.slice(Math.ceil((8 * k) / 6) + 1, Math.floor((8 * (k + Buffer.byteLength(secret))) / 6) - 1);
    out.add(core);
    out.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...out].filter((n) => n.length >= 4);
}

/** Decoded views of a text: %XX and +, HTML entities, JSON/JS escapes, and base64 runs. */
function decodedViews(text: string): string[] {
  // A character from a decoded number; a number beyond Unicode (a CSS escape of 6 hex digits can be) is a space.
  const char = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ');
  const percent = (s: string) => s.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => Buffer.from(m.replace(/%/g, ''), 'hex').toString('utf8'));
  const entities = (s: string) =>
    s
      .replace(/&#(\d+);?/g, (_, d: string) => char(Number(d)))
      .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => char(parseInt(h, 16)))
      .replace(/&(amp|quot|apos|#39|lt|gt);/g, (_, n: string) => ({ amp: '&', quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>' })[n] ?? '');
  const escapes = (s: string) => s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\([0-9a-fA-F]{1,6}) ?/g, (_, h: string) => char(parseInt(h, 16)));
  const base64 = [...text.matchAll(/[A-Za-z0-9+/_-]{8,}={0,2}/g)].map((m) => Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'));
  const once = [percent(text), percent(text.replace(/\+/g, ' ')), entities(text), escapes(text)];
  return [text, ...once, ...once.map((v) => entities(percent(v))), base64.join('\n')];
}

/** The texts of a file: itself, and every member of a zip (Playwright traces, archives). */
async function fileTexts(file: string): Promise<Array<{ where: string; text: string }>> {
  const bytes = readFileSync(file);
  const out = [{ where: file, text: bytes.toString('latin1') }, { where: `${file} (utf-8)`, text: bytes.toString('utf8') }];
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
    const zip = await JSZip.loadAsync(bytes);
    for (const entry of Object.values(zip.files)) if (!entry.dir) out.push({ where: `${file}!${entry.name}`, text: await entry.async('string') });
  }
  return out;
}

function hitsIn(where: string, text: string, all: string[]): string[] {
  const hits: string[] = [];
  for (const view of decodedViews(text)) {
    for (const n of all) if (view.includes(n)) hits.push(`${where}: ${JSON.stringify(n)} at …${JSON.stringify(view.slice(Math.max(0, view.indexOf(n) - 60), view.indexOf(n) + n.length + 20))}`);
  }
  return [...new Set(hits)];
}

describe('a hostile vendor that hands back the patron\'s secrets', () => {
  it('is evaluated (one device, the minimum profile), and its secrets reached the harness redacted', () => {
    console.log(`hostile-secrets: erh run took ${seconds.toFixed(1)} s`);
    expect(FAULT_PROFILE).toContain('runs: { lighthouse: 1 }');
    expect(run.code, run.stdout.slice(-3000) + run.stderr.slice(-2000)).toBe(0);
    const evidence = readdirSync(join(runDir, 'evidence')).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(runDir, 'evidence', f), 'utf8')).join('\n');
    // The attack reached the evidence: the account page was examined, its texts are there, redacted.
    expect(evidence).toContain('[redacted]');
    expect(evidence).toMatch(/"step": "tili"/);
    expect(evidence).toMatch(/kortti \[redacted\] pin \[redacted\]/);
    expect(evidence).toMatch(/button-name/);
    // The card as an element id: axe's CSS-escaped selector (#\\3N …) is redacted whole.
    expect(evidence).toContain('"#[redacted]"');
    // Attribute values axe cut inside the PIN (at 20 characters): the 4 and 7 characters before the cut are gone.
    expect(evidence).toMatch(/data-pad=\\"x{16}\[redacted\]\.\.\./);
    expect(evidence).toMatch(/data-p7=\\"x{13}\[redacted\]\.\.\./);
    const lighthouse = readdirSync(join(runDir, 'evidence'), { recursive: true }).map(String).filter((f) => /lighthouse-tili\.html$/.test(f));
    expect(lighthouse, 'a logged-in Lighthouse report of the account page').toHaveLength(1);
  });

  it('leaves no piece of the card or PIN, in any encoding, in any file of the run or its TMPDIR, or in the terminal output', async () => {
    const all = [...needles(CARD), ...needles(PIN)];
    // The search itself finds what it looks for (decoded, unzipped): it cannot pass by looking nowhere.
    const probe = new JSZip();
    probe.file('x.txt', `a ${secretEncodings(PIN).percentUpper} b`);
    const probeFile = join(runTmp, '..', 'probe.zip');
    writeFileSync(probeFile, await probe.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await fileTexts(probeFile)).flatMap((t) => hitsIn(t.where, t.text, all)).length).toBeGreaterThan(0);
    rmSync(probeFile);
    expect(hitsIn('probe', `x ${Buffer.from(`${CARD}:${PIN}`).toString('base64')} y`, all).length).toBeGreaterThan(0);

    // The run directory, the run's TMPDIR, and the whole TMPDIR of this test run when it has its own
    // (test/support/global-setup.ts): nothing any process of the run left anywhere there.
    // (Files older than this test cannot hold secrets drawn when it started.)
    const testTmp = basename(tmpdir()).startsWith('erh-test-run-') ? tmpdir() : undefined;
    const changedSinceStart = (f: string): boolean => {
      try {
        return statSync(f).mtimeMs >= startedAt - 1000;
      } catch {
        return false;
      }
    };
    const own = new Set([...(await filesBelow(runDir)), ...(existsSync(runTmp) ? await filesBelow(runTmp) : [])]);
    const files = [...new Set([...own, ...(testTmp ? (await filesBelow(testTmp)).filter(changedSinceStart) : [])])];
    // In the run's own files every 4-character piece counts. The test run's shared TMPDIR also holds the files
    // of the test files running beside this one (Lighthouse reports with megabytes of base64 screenshots, EPUBs,
    // browser profiles), where a 4-character piece occurs by chance: there the whole secrets and their
    // encodings are searched for (8 characters and more, which chance does not produce).
    const whole = all.filter((n) => n.length >= 8);
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => /lighthouse-tili\.html$/.test(f)) && files.some((f) => f.endsWith('.png'))).toBe(true);
    const hits: string[] = [];
    for (const file of files) {
      const wanted = own.has(file) ? all : whole;
      for (const n of wanted) if (file.includes(n)) hits.push(`file name ${file}`);
      // Other test files' temporary files may come and go meanwhile.
      const texts = await fileTexts(file).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
      for (const { where, text } of texts) hits.push(...hitsIn(where, text, wanted));
    }
    hits.push(...hitsIn('stdout', run.stdout, all), ...hitsIn('stderr', run.stderr, all));
    expect(hits.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('covers the card and PIN where the page prints them, in the screenshot of the account page', async () => {
    const a11y = JSON.parse(readFileSync(join(runDir, 'evidence', readdirSync(join(runDir, 'evidence')).find((f) => f.endsWith('.accessibility.json')) ?? 'missing'), 'utf8')) as {
      accessibility?: { states?: Array<{ step: string; screenshot?: string }> };
    };
    const shot = a11y.accessibility?.states?.find((s) => s.step === 'tili')?.screenshot;
    expect(shot, 'a screenshot of the account page').toBeDefined();
    const png = readFileSync(join(runDir, shot as string)).toString('base64');
    const page = await browser.newPage();
    const { inside, outside } = await page.evaluate(
      async ({ png, box }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const g = canvas.getContext('2d') as CanvasRenderingContext2D;
        g.drawImage(img, 0, 0);
        const at = (x: number, y: number) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
        const y = box.top + box.height / 2;
        // Across the whole printed line ("Kortti <card> · PIN <pin>"), and well away from it.
        return { inside: [60, 150, 250, 350, 450].map((dx) => at(box.left + dx - 40, y)), outside: [at(box.left + box.width + 300, box.top + box.height + 200)] };
      },
      { png, box: SHOWN_TEXT_BOX },
    );
    await page.close();
    for (const [r, g, b] of inside) expect([r, g, b], 'masked (#ff00ff) where the secret is printed').toEqual([255, 0, 255]);
    for (const [r, g, b] of outside) expect([r, g, b]).not.toEqual([255, 0, 255]);
  });

  it('writes the logged-in Lighthouse report contained: it renders under its CSP, runs nothing else, links nowhere, shows no screenshot', async () => {
    const rel = readdirSync(join(runDir, 'evidence'), { recursive: true }).map(String).find((f) => /lighthouse-tili\.html$/.test(f));
    const file = join(runDir, 'evidence', rel as string);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
    expect(text).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    const popups: string[] = [];
    context.on('page', (p) => popups.push(p.url()));
    await page.goto(pathToFileURL(file).toString());
    await page.waitForSelector('.lh-category', { timeout: 10_000 });
    const state = await page.evaluate(() => ({
      violations: (window as unknown as { __violations: string[] }).__violations,
      outbound: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((h) => !h.startsWith('#')),
      viewer: document.querySelectorAll('[data-action="open-viewer"], [data-action="save-gist"]').length,
      screenshots: [...document.querySelectorAll('img')].filter((i) => i.src.startsWith('data:image/jpeg') || i.src.startsWith('data:image/webp')).length,
      text: document.body.innerText,
    }));
    // A script the page adds now is refused (the policy is in force).
    const probe = await page.evaluate(async () => {
      const el = document.createElement('script');
      el.textContent = 'window.__cspProbe = 1';
      document.body.append(el);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as Record<string, unknown>).__cspProbe;
    });
    await context.close();
    expect(state.violations.filter((v) => v.startsWith('script'))).toEqual([]);
    expect(probe).toBeUndefined();
    expect(state.outbound).toEqual([]);
    expect(state.viewer).toBe(0);
    expect(state.screenshots).toBe(0);
    expect(state.text).toContain('[redacted]');
    expect(requests).toEqual([]);
    expect(popups).toEqual([]);
  });
});
