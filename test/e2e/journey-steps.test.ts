/**
 * Issue 17 part 3, real pages in journeys: the one journey walker (src/journey/walk.ts) against
 * Aukeama (fixtures/vendors/aukeama/app.ts) — a single-page app behind a cookie-consent dialog, a
 * hover tooltip, a language select, reviews that load when scrolled to, an EPUB download and a
 * reader in a sandboxed iframe whose "next page" control is named only by its title, with a feature
 * tour on the first reader visit. One journey uses every new step kind; it completes on Playwright
 * (desktop Chromium, the emulated Pixel 7: the default devices) and on WebDriver classic
 * (WebKitGTK), the optional steps recorded either way and the download kept as typed evidence.
 * Without the optional step the walk fails, and its message names the dialog in the way, the
 * nearest candidates and the screenshot.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAukeamaVendor } from '../../fixtures/vendors/aukeama/app.ts';
import { ServiceSchema, type Service } from '../../src/core/config.ts';
import { DeviceSchema, type Device } from '../../src/core/device.ts';
import { StepEvidenceSchema } from '../../src/core/evidence.ts';
import { Redactor } from '../../src/core/redactor.ts';
import { artifactsFor } from '../../src/journey/artifacts.ts';
import { walkJourney, type WalkResult } from '../../src/journey/walk.ts';
import { DeviceRuntime } from '../../src/session/runtime.ts';
import { ROOT } from '../support/cli.ts';

let vendor: Awaited<ReturnType<typeof startAukeamaVendor>>;
let runtime: DeviceRuntime;
let dir: string;

beforeAll(async () => {
  vendor = await startAukeamaVendor();
  runtime = new DeviceRuntime();
  dir = mkdtempSync(join(tmpdir(), 'erh-journey-steps-'));
});

afterAll(async () => {
  await runtime?.close();
  await vendor?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const READER = 'iframe#reader';

/** The journey, as an evaluator writes it (YAML), with every new step kind. */
const JOURNEY = `
- id: landing
  actions:
    - goto: /
    - click: { role: button, name: Hyväksy kaikki }
      when: { visible: { role: dialog, name: Evästeet } }
    - expect: { role: dialog, name: Evästeet }
      state: hidden
    - expect: { role: heading, name: Aukeama }
- id: item
  actions:
    - click: { role: link, name: Talvisota }
    - waitFor: { url: /kirja/* }
    - waitFor: { network: idle }
    - expect: { role: heading, name: Talvisota }
    - select: { target: { label: Kieli }, option: svenska }
    - expect: { text: "Kieli: svenska" }
    - hover: { role: button, name: Lisätietoja }
    - expect: { role: tooltip, name: Painos 2026 }
    - scrollIntoView: { role: region, name: Arvostelut }
    - waitFor: { network: idle }
    - expect: { text: "Arvosteluja: 3" }
    - download: { role: link, name: Lataa EPUB }
- id: reader
  actions:
    - click: { role: link, name: Lue }
    - waitFor: { url: /lue/1 }
    - click: { role: button, name: Selvä }
      when: visible
    - click: { title: Seuraava sivu, frame: ${READER} }
    - expect: { text: Sivu 2 / 5, frame: ${READER} }
    - press: { key: ArrowRight, target: { css: main, frame: ${READER} } }
    - expect: { text: Sivu 3 / 5, frame: ${READER} }
- id: again
  actions:
    - goto: /
    - click: { role: button, name: Hyväksy kaikki }
      when: { withinMs: 1000 }
    - expect: { role: heading, name: Aukeama }
`;

function service(journey: string): Service {
  return ServiceSchema.parse({
    id: 'aukeama',
    name: 'Aukeama',
    vendor: 'Aukeama Oy (test)',
    kind: 'ebook',
    baseUrl: `${vendor.url}/`,
    languages: ['fi'],
    login: { strategy: 'none' },
    journey: YAML.parse(journey),
  });
}

const device = (id: string): Device =>
  DeviceSchema.parse(YAML.parse(readFileSync(join(ROOT, 'devices', `${id}.yaml`), 'utf8')));

async function walk(id: string, journey: string, actionTimeoutMs = 8_000): Promise<WalkResult> {
  const acquired = await runtime.acquire(device(id));
  if (!acquired.ok) throw new Error(`${id} is not available here: ${acquired.reason}`);
  const session = await acquired.open();
  try {
    return await walkJourney(
      {
        session,
        service: service(journey),
        redactor: new Redactor([]),
        artifacts: artifactsFor(dir, `aukeama--${id}`),
        actionTimeoutMs,
        navigationTimeoutMs: 15_000,
        mask: [],
      },
      { suite: 'compatibility' },
    );
  } finally {
    await session.close();
  }
}

describe.each(['desktop-chromium', 'emulated-pixel-7', 'desktop-webkit'])('every step kind, on %s', (id) => {
  it('the journey completes; optional steps and the download are recorded', async () => {
    const result = await walk(id, JOURNEY);
    const failed = result.steps.find((s) => !s.ok);
    expect(failed?.error, failed?.error).toBeUndefined();
    expect(result.steps.map((s) => s.step)).toEqual(['landing', 'item', 'reader', 'again']);
    for (const s of result.steps) StepEvidenceSchema.parse(s);
    const [landing, item, reader, again] = result.steps;
    // The consent dialog appeared on the first visit and was dismissed; on the second it did not appear.
    expect(landing?.optional).toEqual([
      { action: 'click button "Hyväksy kaikki"', watched: 'dialog "Evästeet"', appeared: true, withinMs: 2000 },
    ]);
    expect(again?.optional).toEqual([
      { action: 'click button "Hyväksy kaikki"', watched: 'button "Hyväksy kaikki"', appeared: false, withinMs: 1000 },
    ]);
    // The feature tour of the first reader visit was there, and dismissed.
    expect(reader?.optional?.[0]?.appeared).toBe(true);
    expect(reader?.url).toBe(`${vendor.url}/lue/1`);
    // The EPUB: saved in the run's evidence folder, with its size and type.
    const download = item?.downloads?.[0];
    expect(download).toMatchObject({ name: 'kirja-1.epub', url: `${vendor.url}/files/kirja-1.epub` });
    // As served where the driver sees the response (WebDriver fetches the link itself; Playwright's
    // Chromium downloads bypass the page's network events), and always what the bytes say.
    if (download?.via === 'link') expect(download.contentType).toBe('application/epub+zip');
    expect([null, 'application/epub+zip']).toContain(download?.contentType);
    expect(download?.sniffedType).toBe('application/epub+zip');
    expect(download?.via).toBe(id === 'desktop-webkit' ? 'link' : 'browser');
    const file = join(dir, download?.file ?? 'missing');
    expect(statSync(file).size).toBe(download?.bytes);
    expect(readFileSync(file).subarray(30, 38).toString()).toBe('mimetype');
  }, 40_000);
});

describe('failure messages name what was on the page instead', () => {
  it('without the optional step: the consent dialog in the way, the candidates and a screenshot', async () => {
    // The dialog opens 300 ms after load; the journey waits for it, so that the click is made with the
    // dialog in the way however fast the page came (under load a click could otherwise beat it).
    const journey = `
- id: landing
  actions: [{ goto: / }, { expect: { role: heading, name: Aukeama } }, { expect: { role: dialog, name: Evästeet } }]
- id: item
  actions: [{ click: { role: link, name: Talvisota } }]
`;
    const result = await walk('desktop-chromium', journey, 2_500);
    const failed = result.steps.find((s) => !s.ok);
    expect(failed?.step).toBe('item');
    expect(failed?.error).toMatch(/Could not click link "Talvisota"/);
    expect(failed?.error).toMatch(/covered by dialog "Evästeet"/);
    expect(failed?.error).toMatch(/screenshot: evidence\/aukeama--desktop-chromium\/compatibility-item-failed\.png/);
    expect(existsSync(join(dir, failed?.screenshot ?? 'missing'))).toBe(true);
  }, 30_000);

  it('a control named only by its title, looked for as a button: the message gives the locator that finds it', async () => {
    const journey = `
- id: reader
  actions:
    - goto: /lue/1
    - click: { role: button, name: Hyväksy kaikki }
      when: visible
    - click: { role: button, name: Seuraava sivu, frame: ${READER} }
`;
    const result = await walk('desktop-chromium', journey, 2_000);
    const failed = result.steps.find((s) => !s.ok);
    expect(failed?.step).toBe('reader');
    expect(failed?.error).toMatch(/Nothing on the page matches it/);
    expect(failed?.error).toMatch(/Nearest on the page: \{ title: "Seuraava sivu" \}/);
  }, 30_000);
});
