/**
 * A login the harness saw no answer to is tried once more, and a slow moment is not taken for the
 * vendor's answer (LoginAttempt.retry, core RETRIED_OUTCOMES). A fixture login page whose first
 * submission of each card is held longer than the login timeout (as a loaded machine or a slow
 * library system can make it) and answered at once afterwards: the real login gatherer in Chromium
 * records both tries, and the checks pass on the second, saying so. Its twin never answers: the
 * checks fail, once per role, on the second try.
 *
 * The same page counts the wrong PINs it was sent: the gatherer never sends more for a card than the
 * service's failed-login budget (src/auth/failed-logins.ts), a try it withholds makes the verdict
 * inconclusive and says why, and a budget the library system clears on a right PIN is cleared by the
 * valid patron's login.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSchema, ServiceSchema, type Evidence, type Service } from '../../../src/core/index.ts';
import { Redactor } from '../../../src/config/secrets.ts';
import { FailedLoginLedger } from '../../../src/auth/failed-logins.ts';
import { gatherLogin } from '../../../src/gather/login.ts';
import type { GatherKit } from '../../../src/gather/kit.ts';
import { artifactsFor } from '../../../src/journey/artifacts.ts';
import { capabilitiesOf } from '../../../src/matrix/targets.ts';
import { DeviceRuntime } from '../../../src/session/runtime.ts';
import { check } from '../checks/helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const CARD = '4711471147';
const PIN = '90210902';
const WRONG = '11223344';
const device = DeviceSchema.parse(YAML.parse(readFileSync(join(ROOT, 'devices/desktop-chromium.yaml'), 'utf8')));

const page = (body: string) =>
  `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kirjautuminen</title></head><body><main>${body}</main></body></html>`;
const FORM = page(`<h1>Kirjaudu</h1><form method="post" action="/login">
<label>Kortti <input name="card"></label><label>PIN <input name="pin" type="password"></label>
<button type="submit">Kirjaudu</button></form>`);

/** Submissions per card; `held` decides whether this one is held without an answer. */
let seen = new Map<string, number>();
let held: (n: number) => boolean = () => false;
/** Wrong PINs the page was sent, in all. */
let wrongPins = 0;
const open = new Set<ServerResponse>();

function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'POST') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FORM);
    return;
  }
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const form = new URLSearchParams(body);
    const card = form.get('card') ?? '';
    const n = (seen.get(card) ?? 0) + 1;
    seen.set(card, n);
    if (form.get('pin') !== PIN) wrongPins += 1;
    // Held: no answer until the browser gives up (the harness's timeout is far shorter).
    if (held(n)) return void open.add(res);
    const ok = card === CARD && form.get('pin') === PIN;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ok ? page('<h1>Oma tili</h1><button>Kirjaudu ulos</button>') : `${FORM.replace('<h1>Kirjaudu</h1>', '<h1>Kirjaudu</h1><p role="alert">Väärä kortin numero tai PIN-koodi.</p>')}`);
  });
}

let server: Server;
let base: string;
let runtime: DeviceRuntime;
let dir: string;

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  runtime = new DeviceRuntime();
  dir = mkdtempSync(join(tmpdir(), 'erh-login-retry-'));
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await runtime?.close();
  await new Promise((r) => server?.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function service(failedLoginBudget?: object): Service {
  return ServiceSchema.parse({
    ...(failedLoginBudget ? { failedLoginBudget } : {}),
    id: 'hidas',
    name: 'Hidas',
    vendor: 'Hidas Oy (test)',
    kind: 'ebook',
    baseUrl: base,
    languages: ['fi'],
    login: {
      strategy: 'card-pin-form',
      start: [{ goto: '/login' }],
      card: { label: 'Kortti' },
      pin: { label: 'PIN' },
      submit: { role: 'button', name: 'Kirjaudu', exact: true },
      success: { role: 'button', name: 'Kirjaudu ulos' },
      error: { role: 'alert' },
      timeoutMs: 3000,
    },
    journey: [{ id: 'home', name: 'Etusivu', actions: [{ goto: '/login' }] }],
    suites: ['login'],
    patrons: {
      valid: { card: { env: 'ERH_HIDAS_CARD' }, pin: { env: 'ERH_HIDAS_PIN' } },
      wrongPin: { card: { env: 'ERH_HIDAS_CARD' }, pin: { env: 'ERH_HIDAS_WRONG' } },
    },
  });
}

async function gathered(
  hold: (n: number) => boolean,
  budget?: { budget: object; ledger: FailedLoginLedger },
): Promise<Evidence> {
  seen = new Map();
  held = hold;
  const s = service(budget?.budget);
  const acquired = await runtime.acquire(device);
  if (!acquired.ok) throw new Error(`${device.id} is not available here: ${acquired.reason}`);
  const kit: GatherKit = {
    target: { id: `${s.id}--${device.id}`, service: s, device, capabilities: capabilitiesOf(device) },
    redactor: new Redactor([CARD, PIN, WRONG]),
    artifacts: artifactsFor(dir, `${s.id}--${device.id}`),
    patron: (role) => (role === 'valid' ? { card: CARD, pin: PIN } : role === 'wrongPin' ? { card: CARD, pin: WRONG } : undefined),
    openSession: acquired.open,
    lighthouseRuns: 1,
    actionTimeoutMs: 5_000,
    navigationTimeoutMs: 10_000,
    failedLogins: budget?.ledger ?? new FailedLoginLedger(mkdtempSync(join(dir, 'state-'))),
  };
  return gatherLogin(kit);
}

describe('a login whose first try gets no answer in time', () => {
  it('is tried once more: both tries recorded, the checks pass on the second and say so', async () => {
    const e = await gathered((n) => n === 1);
    if (e.suite !== 'login') throw new Error(e.suite);
    // The card is the same for both roles: its first submission (the valid patron's) is the one held.
    expect(e.login?.attempts.map((a) => [a.role, a.outcome, a.retry ?? false])).toEqual([
      ['valid', 'no-response', false],
      ['valid', 'logged-in', true],
      ['wrongPin', 'rejected', false],
    ]);
    const valid = check(e, 'login/valid-patron');
    expect(valid.status).toBe('pass');
    expect(valid.detail).toMatch(/The first try ended with no response after \d+\.\d s; this is the second try\./);
    expect(check(e, 'login/wrong-pin-rejected').status).toBe('pass');
  }, 60_000);

  it('a vendor that never answers fails each role once, on the second try', async () => {
    const e = await gathered(() => true);
    if (e.suite !== 'login') throw new Error(e.suite);
    expect(e.login?.attempts.map((a) => [a.role, a.outcome, a.retry ?? false])).toEqual([
      ['valid', 'no-response', false],
      ['valid', 'no-response', true],
      ['wrongPin', 'no-response', false],
      ['wrongPin', 'no-response', true],
    ]);
    const valid = check(e, 'login/valid-patron');
    expect(valid.status).toBe('fail');
    expect(valid.findings).toHaveLength(1);
    expect(check(e, 'login/wrong-pin-rejected').findings).toHaveLength(1);
  }, 60_000);
});

describe("the card's failed-login budget", () => {
  const ledger = () => new FailedLoginLedger(mkdtempSync(join(dir, 'budget-')));

  it('a wrong PIN beyond the budget is not sent: the verdict is inconclusive and says why', async () => {
    const shared = { budget: { attempts: 1 }, ledger: ledger() };
    const before = wrongPins;
    const first = await gathered(() => false, shared);
    expect(check(first, 'login/wrong-pin-rejected').status).toBe('pass');
    expect(wrongPins).toBe(before + 1);
    // Another device, the same card, within the hour: the budget of one is used.
    const second = await gathered(() => false, shared);
    if (second.suite !== 'login') throw new Error(second.suite);
    expect(wrongPins, 'no second wrong PIN was sent').toBe(before + 1);
    expect(second.login?.attempts.map((a) => a.role)).toEqual(['valid']);
    expect(second.login?.withheld).toEqual([
      { role: 'wrongPin', budget: { used: 1, attempts: 1, perMinutes: 60, nextAt: expect.any(String) } },
    ]);
    const verdict = check(second, 'login/wrong-pin-rejected');
    expect(verdict.status).toBe('inconclusive');
    expect(verdict.detail).toMatch(/^Inconclusive: not tried\. 1 failed login was already counted for this card within 60 minutes \(the budget is 1\), so that the library system does not lock the card/);
    expect(check(second, 'login/valid-patron').status).toBe('pass');
  }, 60_000);

  it('the second try of a wrong PIN that got no answer is not sent beyond the budget: inconclusive, not failed', async () => {
    const before = wrongPins;
    // The card's second submission (the wrong PIN, after the valid patron's) is held.
    const e = await gathered((n) => n === 2, { budget: { attempts: 1 }, ledger: ledger() });
    if (e.suite !== 'login') throw new Error(e.suite);
    expect(wrongPins).toBe(before + 1);
    expect(e.login?.attempts.map((a) => [a.role, a.outcome])).toEqual([
      ['valid', 'logged-in'],
      ['wrongPin', 'no-response'],
    ]);
    expect(e.login?.withheld?.map((w) => [w.role, w.retry])).toEqual([['wrongPin', true]]);
    const verdict = check(e, 'login/wrong-pin-rejected');
    expect(verdict.status).toBe('inconclusive');
    expect(verdict.detail).toMatch(/the try ended with no response after \d+\.\d s, and it was not tried again\. 1 failed login/);
  }, 60_000);

  it("where the library system forgets a card's failures on its right PIN, the valid patron's login clears the count", async () => {
    const shared = { budget: { attempts: 1, clearedByLogin: true }, ledger: ledger() };
    const before = wrongPins;
    for (let i = 0; i < 2; i++) expect(check(await gathered(() => false, shared), 'login/wrong-pin-rejected').status).toBe('pass');
    expect(wrongPins).toBe(before + 2);
  }, 60_000);
});
