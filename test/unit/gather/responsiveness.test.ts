/**
 * Interaction metrics per journey step, for real (issue 19.2): two fixture pages whose "next page"
 * button turns the page inside the document — one after 600 ms of main-thread work (a long task,
 * as a heavy reader script would do), its twin at once — timed by the harness's own timed walks
 * (gatherTimings) in Chromium. The long task must show as the step's slowest interaction and its
 * blocking time, and fail performance/responsiveness; the twin must pass it.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { ServiceSchema, type Device, type Service, type TimingsEvidence } from '../../../src/core/index.ts';
import { loadConfig } from '../../../src/config/load.ts';
import { Redactor } from '../../../src/config/secrets.ts';
import { gatherTimings } from '../../../src/gather/timings.ts';
import { artifactsFor } from '../../../src/journey/artifacts.ts';
import { PlaywrightSession, launchBrowser } from '../../../src/session/playwright.ts';
import { check, performanceEvidence } from '../checks/helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** A reader page; `workMs` of busy main thread before the page turns. */
const reader = (workMs: number) => `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Lukija</title></head>
<body><main><h1>Lukija</h1><p id="page">Sivu 1</p><button id="next" type="button">Seuraava sivu</button></main>
<script>
document.getElementById('next').addEventListener('click', () => {
  const end = performance.now() + ${workMs};
  while (performance.now() < end) {}
  document.getElementById('page').textContent = 'Sivu 2';
});
</script></body></html>`;

let server: Server;
let base: string;
let browser: Browser;
let device: Device;

function service(path: string): Service {
  return ServiceSchema.parse({
    id: `lukija${path.replace('/', '-')}`,
    name: 'Lukija',
    vendor: 'Testi',
    kind: 'ebook',
    baseUrl: base,
    languages: ['fi'],
    login: { strategy: 'none' },
    journey: [
      { id: 'open', name: 'Avaa lukija', actions: [{ goto: path }, { expect: { role: 'heading', name: 'Lukija' } }] },
      {
        id: 'turn',
        name: 'Käännä sivu',
        actions: [{ click: { role: 'button', name: 'Seuraava sivu' } }, { expect: { text: 'Sivu 2' } }],
      },
    ],
  });
}

async function timed(path: string): Promise<TimingsEvidence> {
  const s = service(path);
  const dir = mkdtempSync(join(tmpdir(), 'erh-responsiveness-'));
  const { timings } = await gatherTimings(
    {
      runs: 3,
      network: null,
      openSession: () => PlaywrightSession.open(browser, device),
      context: (session) => ({
        session,
        service: s,
        redactor: new Redactor([]),
        artifacts: artifactsFor(dir, s.id),
        actionTimeoutMs: 10_000,
        navigationTimeoutMs: 30_000,
        mask: [],
      }),
    },
    s.baseUrl,
  );
  return timings;
}

const evaluate = (t: TimingsEvidence) =>
  check(performanceEvidence({ runsPerPage: 1, pages: [], lighthouseSkipped: 'not audited in this test', timings: t }), 'performance/responsiveness');

beforeAll(async () => {
  server = createServer((req, res) => {
    const work = req.url === '/slow' ? 600 : req.url === '/quick' ? 0 : -1;
    if (work < 0) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(reader(work));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const found = loadConfig({ root: ROOT }).devices.find((d) => d.id === 'desktop-chromium');
  if (!found) throw new Error('no desktop-chromium device in devices/');
  device = found;
  browser = await launchBrowser(device);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('interaction metrics per step, in Chromium', () => {
  it('a page turn behind 600 ms of main-thread work: its slowest interaction and blocking time, and a failed check', async () => {
    const t = await timed('/slow');
    const turns = t.runs.map((r) => r.phases.find((p) => p.id === 'turn'));
    for (const turn of turns) {
      expect(turn?.ok, JSON.stringify(turn)).toBe(true);
      const r = turn?.page?.responsiveness;
      const seen = JSON.stringify(turn?.page);
      expect(r?.interactionsObservable, seen).toBe(true);
      expect(r?.slowestInteractionMs ?? 0, seen).toBeGreaterThanOrEqual(550);
      expect(r?.blockingMs ?? 0, seen).toBeGreaterThanOrEqual(450);
      // The step is the page turn alone: the opening step's load is not counted in it.
      expect(turn?.page?.navigated).toBe(false);
    }
    const result = evaluate(t);
    expect(result.status, result.detail).toBe('fail');
    expect(result.findings.some((f) => f.step === 'turn' && /slowest interaction/.test(f.message))).toBe(true);
  }, 90_000);

  it('the same page turn without the work: observed, and a pass', async () => {
    const t = await timed('/quick');
    for (const run of t.runs) {
      const r = run.phases.find((p) => p.id === 'turn')?.page?.responsiveness;
      expect(r?.interactionsObservable).toBe(true);
      expect(r?.blockingMs).not.toBeNull();
      expect(r?.slowestInteractionMs ?? 0).toBeLessThan(200);
    }
    expect(evaluate(t).status).toBe('pass');
  }, 90_000);
});
