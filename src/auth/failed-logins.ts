/**
 * The failed-login ledger: every PIN the harness sends knowing it is wrong is counted here per library
 * card, before it is sent, so that the harness never causes more failed logins for a card than the
 * service's budget (core FailedLoginBudget) within its window — across the workers of a run, a resumed
 * run and the runs after it on this machine. A library system that locks a card after a few wrong PINs
 * would otherwise lock the very card the valid patron logs in with.
 *
 * The ledger is a JSON file outside every run folder ($ERH_STATE_DIR, else $XDG_STATE_HOME/erh, else
 * ~/.local/state/erh), read and written under a lock (proper-lockfile) so that parallel processes
 * reserve one at a time. Cards are keyed by HMAC-SHA-256 with a random key kept beside it (mode 0600):
 * a card number has few digits, so a plain hash could be reversed by trying them all; the ledger holds
 * no card number and no PIN. A ledger that cannot be read is a harness failure, never a silent pass.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { MAX_BUDGET_MINUTES, type FailedLoginBudget } from '../core/config.ts';
import { HarnessError } from '../core/errors.ts';

const LedgerSchema = z.strictObject({
  version: z.literal(1),
  /** HMAC of the card → when each failed login was sent (ISO times), oldest first. */
  cards: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.array(z.iso.datetime())),
});
type Ledger = z.infer<typeof LedgerSchema>;

/** The answer to a reservation: the attempt may be made (it is counted), or the budget is used. */
export type Reservation =
  | { granted: true; used: number }
  | { granted: false; used: number; /** When the oldest counted failure leaves the window. */ nextAt: Date };

/** Where the ledger lives when nothing else is said. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ERH_STATE_DIR) return env.ERH_STATE_DIR;
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'erh');
}

export class FailedLoginLedger {
  readonly file: string;
  private readonly keyFile: string;

  readonly dir: string;
  private readonly now: () => Date;

  constructor(dir: string = defaultStateDir(), now: () => Date = () => new Date()) {
    this.dir = dir;
    this.now = now;
    this.file = join(dir, 'failed-logins.json');
    this.keyFile = join(dir, 'failed-logins.key');
  }

  /**
   * Counts one failed login for `card` if the budget allows it: at most `budget.attempts` within the
   * last `budget.perMinutes`. Call it before sending the PIN; a refused reservation means do not send.
   */
  async reserve(card: string, budget: FailedLoginBudget): Promise<Reservation> {
    return this.locked<Reservation>((ledger) => {
      const at = this.now();
      const since = at.getTime() - budget.perMinutes * 60_000;
      const key = this.keyOf(card);
      // Failures older than the longest window any budget may have are dropped; this budget's own window decides.
      const kept = (ledger.cards[key] ?? []).filter((t) => Date.parse(t) > since);
      if (kept.length >= budget.attempts) {
        const oldest = Date.parse(kept[0] ?? at.toISOString());
        const nextAt = new Date(oldest + budget.perMinutes * 60_000);
        return { result: { granted: false, used: kept.length, nextAt } };
      }
      const recent = (ledger.cards[key] ?? []).filter((t) => Date.parse(t) > at.getTime() - MAX_WINDOW_MS);
      ledger.cards[key] = [...recent, at.toISOString()];
      return { result: { granted: true, used: kept.length + 1 }, write: true };
    });
  }

  /**
   * The library system accepted `card`'s right PIN and (budget `clearedByLogin`) forgot its failed
   * logins: they no longer count.
   */
  async clear(card: string): Promise<void> {
    await this.locked((ledger) => {
      const key = this.keyOf(card);
      if (!(key in ledger.cards)) return { result: undefined };
      delete ledger.cards[key];
      return { result: undefined, write: true };
    });
  }

  /** How many failed logins for `card` fall within the window. */
  async used(card: string, budget: FailedLoginBudget): Promise<number> {
    return this.locked((ledger) => {
      const since = this.now().getTime() - budget.perMinutes * 60_000;
      return { result: (ledger.cards[this.keyOf(card)] ?? []).filter((t) => Date.parse(t) > since).length };
    });
  }

  private keyOf(card: string): string {
    return createHmac('sha256', this.key()).update(card.trim()).digest('hex');
  }

  private key(): Buffer {
    // Made once, under the ledger's lock, and never shown: without it the card keys cannot be recomputed.
    if (!existsSync(this.keyFile)) writeFileSync(this.keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
    return readFileSync(this.keyFile);
  }

  private async locked<T>(fn: (ledger: Ledger) => { result: T; write?: boolean }): Promise<T> {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      if (!existsSync(this.file)) writeFileSync(this.file, JSON.stringify(EMPTY), { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw this.failure(e);
    }
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lockfile.lock(this.file, {
        realpath: false,
        stale: 15_000,
        retries: { retries: 200, factor: 1.2, minTimeout: 10, maxTimeout: 200 },
      });
      const ledger = this.read();
      const { result, write } = fn(ledger);
      if (write) {
        const tmp = `${this.file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(ledger), { mode: 0o600 });
        renameSync(tmp, this.file);
        chmodSync(this.file, 0o600);
      }
      return result;
    } catch (e) {
      throw e instanceof HarnessError ? e : this.failure(e);
    } finally {
      await release?.().catch(() => undefined);
    }
  }

  private read(): Ledger {
    const text = readFileSync(this.file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HarnessError(
        `The failed-login ledger ${this.file} is not JSON; remove it only if no card is near its lockout.`,
      );
    }
    const parsed = LedgerSchema.safeParse(json);
    if (!parsed.success)
      throw new HarnessError(
        `The failed-login ledger ${this.file} is not valid at ${parsed.error.issues[0]?.path.join('.') || '(root)'}: ` +
          `${parsed.error.issues[0]?.message}`,
      );
    return parsed.data;
  }

  private failure(e: unknown): HarnessError {
    return new HarnessError(`The failed-login ledger ${this.file} could not be used: ${(e as Error).message}`);
  }
}

const EMPTY: Ledger = { version: 1, cards: {} };
/** Failures older than the longest window a budget may declare are dropped when the card is next written. */
const MAX_WINDOW_MS = MAX_BUDGET_MINUTES * 60_000;
