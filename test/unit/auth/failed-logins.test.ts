/**
 * The failed-login ledger (src/auth/failed-logins.ts): a card's budget within its window, the window
 * sliding, a right PIN clearing the count, no card number on disk, a broken ledger a harness error,
 * and processes that reserve at the same moment never granted more than the budget together.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailedLoginLedger, defaultStateDir } from '../../../src/auth/failed-logins.ts';
import { FailedLoginBudgetSchema } from '../../../src/core/config.ts';
import { HarnessError } from '../../../src/core/errors.ts';

const budget = FailedLoginBudgetSchema.parse({});
const CARD = '2940012345678';
const fresh = () => mkdtempSync(join(tmpdir(), 'erh-ledger-'));

describe('the failed-login ledger', () => {
  it('grants the budget (3 per 60 min by default), then refuses until the oldest failure leaves the window', async () => {
    let now = new Date('2026-12-03T10:00:00Z');
    const ledger = new FailedLoginLedger(fresh(), () => now);
    expect(budget).toEqual({ attempts: 3, perMinutes: 60, clearedByLogin: false });
    const granted = [];
    for (const minutes of [0, 10, 20]) {
      now = new Date(Date.parse('2026-12-03T10:00:00Z') + minutes * 60_000);
      granted.push(await ledger.reserve(CARD, budget));
    }
    expect(granted).toEqual([
      { granted: true, used: 1 },
      { granted: true, used: 2 },
      { granted: true, used: 3 },
    ]);
    now = new Date('2026-12-03T10:59:00Z');
    expect(await ledger.reserve(CARD, budget)).toEqual({
      granted: false,
      used: 3,
      nextAt: new Date('2026-12-03T11:00:00Z'),
    });
    // Another card has its own budget.
    expect(await ledger.reserve('2940099999999', budget)).toEqual({ granted: true, used: 1 });
    now = new Date('2026-12-03T11:00:01Z');
    expect(await ledger.reserve(CARD, budget)).toEqual({ granted: true, used: 3 });
    expect(await ledger.used(CARD, budget)).toBe(3);
  });

  it('a budget of its own per service, counted on the one card', async () => {
    const ledger = new FailedLoginLedger(fresh());
    const one = FailedLoginBudgetSchema.parse({ attempts: 1, perMinutes: 5 });
    expect((await ledger.reserve(CARD, budget)).granted).toBe(true);
    expect((await ledger.reserve(CARD, one)).granted).toBe(false);
    expect((await ledger.reserve(CARD, budget)).granted).toBe(true);
  });

  it('forgets the card when the library system accepted its right PIN (clear)', async () => {
    const ledger = new FailedLoginLedger(fresh());
    for (let i = 0; i < 3; i++) await ledger.reserve(CARD, budget);
    expect((await ledger.reserve(CARD, budget)).granted).toBe(false);
    await ledger.clear(CARD);
    expect(await ledger.reserve(CARD, budget)).toEqual({ granted: true, used: 1 });
  });

  it('holds no card number: cards are keyed by HMAC with a key of its own, readable by its owner only', async () => {
    const dir = fresh();
    const ledger = new FailedLoginLedger(dir);
    await ledger.reserve(CARD, budget);
    for (const f of readdirSync(dir)) {
      expect(readFileSync(join(dir, f)).toString('latin1')).not.toContain(CARD);
      expect(statSync(join(dir, f)).mode & 0o077, f).toBe(0);
    }
    const json = JSON.parse(readFileSync(ledger.file, 'utf8')) as { cards: Record<string, unknown> };
    expect(Object.keys(json.cards)).toHaveLength(1);
    // The same card in another state directory (another key) gets another key in the file.
    const other = new FailedLoginLedger(fresh());
    await other.reserve(CARD, budget);
    const otherJson = JSON.parse(readFileSync(other.file, 'utf8')) as { cards: Record<string, unknown> };
    expect(Object.keys(otherJson.cards)).not.toEqual(Object.keys(json.cards));
  });

  it('a ledger it cannot read is a harness error naming the file, never a fresh budget', async () => {
    const ledger = new FailedLoginLedger(fresh());
    await ledger.reserve(CARD, budget);
    writeFileSync(ledger.file, '{"version":1,"cards":{"x":[]}}');
    await expect(ledger.reserve(CARD, budget)).rejects.toThrow(HarnessError);
    await expect(ledger.reserve(CARD, budget)).rejects.toThrow(/failed-logins\.json is not valid at cards\.x/);
    writeFileSync(ledger.file, 'not json');
    await expect(ledger.reserve(CARD, budget)).rejects.toThrow(/failed-logins\.json is not JSON/);
  });

  it('lives in ERH_STATE_DIR, else in XDG_STATE_HOME/erh', () => {
    expect(defaultStateDir({ ERH_STATE_DIR: '/x/state' })).toBe('/x/state');
    expect(defaultStateDir({ XDG_STATE_HOME: '/home/u/.st' })).toBe('/home/u/.st/erh');
  });

  it('processes reserving at the same moment are granted the budget together, not each', async () => {
    const dir = fresh();
    const script = join(dir, 'reserve.ts');
    const module = new URL('../../../src/auth/failed-logins.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      `import { FailedLoginLedger } from ${JSON.stringify(module)};\n` +
        `const at = Number(process.argv[2]);\n` +
        `await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));\n` +
        `const r = await new FailedLoginLedger(${JSON.stringify(join(dir, 'state'))}).reserve('${CARD}', { attempts: 3, perMinutes: 60, clearedByLogin: false });\n` +
        `process.stdout.write(String(r.granted));\n`,
    );
    const start = Date.now() + 1_500;
    const outs = await Promise.all(
      Array.from(
        { length: 6 },
        () =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, [script, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
            let out = '';
            let err = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.stderr.on('data', (d: Buffer) => (err += d.toString()));
            child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err))));
          }),
      ),
    );
    expect(outs.filter((o) => o === 'true')).toHaveLength(3);
    expect(outs.filter((o) => o === 'false')).toHaveLength(3);
  }, 30_000);
});
