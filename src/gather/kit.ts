/**
 * What every gatherer shares: the kit the Playwright fixture hands it (suites/harness.ts), the
 * journey context with `login` actions wired to the service's strategy, a session that is always
 * closed and whose loss is a harness failure, and the one builder of the evidence envelope.
 * Vendor problems become evidence; only harness failures throw.
 */
import { failedLoginBudget, serviceTimeouts, type HttpCredentials, type NetworkConditions } from '../core/config.ts';
import { EVIDENCE_VERSION, EvidenceSchema } from '../core/evidence.ts';
import type { BudgetUsed, Evidence, EvidenceOf, ExtraRuleEngine, StepEvidence } from '../core/evidence.ts';
import { HarnessError } from '../core/errors.ts';
import { COUNTED_FAILURE_ROLES, type GatherStatus, type PatronRole, type Suite } from '../core/ids.ts';
import { FailedLoginLedger } from '../auth/failed-logins.ts';
import type { PatronSecrets, Redactor } from '../config/secrets.ts';
import type { Target } from '../matrix/targets.ts';
import { ActionError, type BrowserSession } from '../session/types.ts';
import { loginStrategy } from '../auth/strategies/index.ts';
import type { Artifacts } from '../journey/artifacts.ts';
import type { JourneyContext } from '../journey/walk.ts';

export interface GatherKit {
  target: Target;
  redactor: Redactor;
  artifacts: Artifacts;
  patron: (role: PatronRole) => PatronSecrets | undefined;
  /** A new session on the target's device (with the service's HTTP credentials when it has `httpAuth`). */
  openSession: () => Promise<BrowserSession>;
  /**
   * The service's HTTP Basic/Digest credentials (service YAML `httpAuth`), for what the harness fetches outside a
   * session: Lighthouse's Chrome and the content suite's downloads. Absent: the service asks for none.
   */
  httpCredentials?: HttpCredentials;
  /** Chromium binary for Lighthouse (performance only). */
  chromePath?: () => string;
  lighthouseRuns: number;
  /** Timed walks of the journey per device (profile runs.timings). */
  timingRuns?: number;
  /** Network conditions for the timed walks (profile network); null: unthrottled. */
  network?: NetworkConditions | null;
  /** Rule engines run besides axe-core at each accessibility state (profile accessibility.engines); absent: none. */
  ruleEngines?: readonly ExtraRuleEngine[];
  progress?: (message: string) => void;
  /** The configuration folder: the content suite's sample files are relative to it. */
  configRoot?: string;
  actionTimeoutMs?: number;
  navigationTimeoutMs?: number;
  /** Where failed logins are counted per card (default: the machine's ledger, src/auth/failed-logins.ts). */
  failedLogins?: FailedLoginLedger;
}

/**
 * Before a login with `role`'s patron is sent (to the library system or the vendor): undefined when it
 * may be sent — counted in the ledger first when its PIN is known to be wrong (core
 * COUNTED_FAILURE_ROLES) — else the used budget, and the attempt must not be made.
 */
export async function spendFailedLogin(
  kit: Pick<GatherKit, 'target' | 'failedLogins' | 'progress'>,
  role: PatronRole,
  patron: PatronSecrets,
): Promise<BudgetUsed | undefined> {
  if (!COUNTED_FAILURE_ROLES.has(role)) return undefined;
  const budget = failedLoginBudget(kit.target.service);
  const answer = await ledgerOf(kit).reserve(patron.card, budget);
  if (answer.granted) return undefined;
  kit.progress?.(
    `${role}: not sent — ${answer.used} failed logins for its card in the last ${budget.perMinutes} min ` +
      `(budget ${budget.attempts}; the next at ${answer.nextAt.toISOString()})`,
  );
  const { attempts, perMinutes } = budget;
  return { used: answer.used, attempts, perMinutes, nextAt: answer.nextAt.toISOString() };
}

/**
 * The library system accepted `patron`'s right PIN (the pre-flight's valid answer, or the vendor's
 * login through it): where it forgets a card's failed logins then (budget `clearedByLogin`), so does
 * the ledger.
 */
export async function clearFailedLogins(
  kit: Pick<GatherKit, 'target' | 'failedLogins'>,
  patron: PatronSecrets,
): Promise<void> {
  if (!failedLoginBudget(kit.target.service).clearedByLogin) return;
  await ledgerOf(kit).clear(patron.card);
}

function ledgerOf(kit: Pick<GatherKit, 'failedLogins'>): FailedLoginLedger {
  return kit.failedLogins ?? new FailedLoginLedger();
}

/** A suite's own part of its evidence (`login`, `accessibility`, … and `release`). */
type CommonKeys = keyof EvidenceOf<'login'> & keyof EvidenceOf<'accessibility'>;
export type Payload<S extends Suite> = Omit<EvidenceOf<S>, CommonKeys> & Partial<Pick<Evidence, 'release'>>;

export interface EnvelopeHead<S extends Suite> {
  target: Target;
  suite: S;
  startedAt: Date;
  browserVersion: string;
  attempt: number;
}

/**
 * The evidence record of one (target, suite): the envelope every gatherer and the fixture share,
 * validated here (a record the schema refuses is a harness error, named). The payload is kept only
 * when gathering completed.
 */
export function envelope<S extends Suite>(
  head: EnvelopeHead<S>,
  walk: { status: GatherStatus; reason?: string | undefined; steps: StepEvidence[]; deviceUnavailable?: true },
  payload?: Payload<S>,
): Evidence {
  const record = {
    evidenceVersion: EVIDENCE_VERSION,
    service: head.target.service.id,
    device: head.target.device.id,
    suite: head.suite,
    status: walk.status,
    ...(walk.reason ? { reason: walk.reason } : {}),
    ...(walk.deviceUnavailable ? { deviceUnavailable: true } : {}),
    startedAt: head.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    browser: { engine: head.target.device.engine, version: head.browserVersion },
    steps: walk.steps,
    attempt: head.attempt,
    ...(walk.status === 'complete' && payload ? payload : {}),
  };
  const parsed = EvidenceSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.');
    throw new HarnessError(`Evidence for ${head.target.id} ${head.suite} is invalid at ${where}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Evidence for a suite that did not run: not applicable to the target, or the device is not available here. */
export function notRunEvidence(
  target: Target,
  suite: Suite,
  reason: string,
  attempt: number,
  unavailable?: true,
): Evidence {
  return envelope(
    { target, suite, startedAt: new Date(), browserVersion: 'n/a', attempt },
    { status: 'not-applicable', reason, steps: [], ...(unavailable ? { deviceUnavailable: unavailable } : {}) },
  );
}

/**
 * The journey context of a kit's session: timeouts from the kit (or the service), `login` actions
 * through the service's strategy, and the strategy's fields masked in screenshots.
 */
export function journeyContext(kit: GatherKit, session: BrowserSession): JourneyContext {
  const { service } = kit.target;
  const strategy = loginStrategy(service.login);
  return {
    session,
    service,
    redactor: kit.redactor,
    artifacts: kit.artifacts,
    actionTimeoutMs: kit.actionTimeoutMs ?? serviceTimeouts(service).actionMs,
    navigationTimeoutMs: kit.navigationTimeoutMs ?? serviceTimeouts(service).navigationMs,
    mask: [...strategy.secretFields],
    login: async (actions, role) => {
      const patron = kit.patron(role);
      if (!patron) throw new ActionError(`The journey logs in as "${role}", but the service declares no such patron`);
      const outcome = await strategy.perform(actions, patron);
      if (outcome.outcome !== 'logged-in') {
        const why = outcome.error ?? (outcome.message ? `the page said: ${outcome.message}` : outcome.outcome);
        throw new ActionError(kit.redactor.text(`Login as the ${role} patron did not succeed (${why})`));
      }
    },
  };
}

/** The browser went away mid-suite (crash, kill): a harness failure, retried by the runner. */
export class SessionLostError extends Error {
  override readonly name = 'SessionLostError';
}

export async function withSession<T>(kit: GatherKit, fn: (s: BrowserSession) => Promise<T>): Promise<T> {
  const session = await kit.openSession();
  try {
    let result: T;
    try {
      result = await fn(session);
    } catch (e) {
      const lost = session.lost?.();
      throw lost ? new SessionLostError(`${kit.target.id}: ${lost} (${(e as Error).message.split('\n')[0]})`) : e;
    }
    // What was recorded after the browser died is not the vendor's doing: never keep it as a result.
    const lost = session.lost?.();
    if (lost) throw new SessionLostError(`${kit.target.id}: ${lost}`);
    return result;
  } finally {
    await session.close();
  }
}
