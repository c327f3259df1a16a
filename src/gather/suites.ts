/**
 * The four gatherers. Each opens a BrowserSession for its target, walks what it needs, and returns
 * one Evidence record. Vendor problems become evidence; only harness failures throw.
 */
import type { NetworkConditions } from '../core/config.ts';
import { gatherPerformance } from './performance.ts';
import type { AccessibilityState, ConsoleEntrySchema, Evidence, FailedRequestSchema, OverflowSample, PageErrorSchema, StepEvidence } from '../core/evidence.ts';
import { EVIDENCE_VERSION } from '../core/evidence.ts';
import type { GatherStatus, Suite } from '../core/ids.ts';
import type { z } from 'zod';
import { performLogin, secretFields } from '../auth/strategies/index.ts';
import type { Target } from '../matrix/targets.ts';
import { PageUnexaminableError, type BrowserSession } from '../session/types.ts';
import type { PatronSecrets, Redactor } from '../config/secrets.ts';
import type { PatronRole } from '../core/ids.ts';
import { runAxe, AXE_TAGS, axeSource } from './axe.ts';
import { runA11yProbes } from './a11y/index.ts';
import { actionContext, holdingStill, markUnexaminable, walkJourney, type GatherContext } from './journey.ts';
import { overflowProbe } from './probes.ts';
import { CompatibilityExtras } from './compatibility.ts';
import { readRelease } from './release.ts';
import type { Artifacts } from './artifacts.ts';

export interface GatherKit {
  target: Target;
  redactor: Redactor;
  artifacts: Artifacts;
  patron: (role: PatronRole) => PatronSecrets | undefined;
  openSession: () => Promise<BrowserSession>;
  /** Chromium binary for Lighthouse (performance only). */
  chromePath?: () => string;
  lighthouseRuns: number;
  /** Timed walks of the journey per device (profile runs.timings). */
  timingRuns?: number;
  /** Network conditions for the timed walks (profile network); null: unthrottled. */
  network?: NetworkConditions | null;
  progress?: (message: string) => void;
  actionTimeoutMs?: number;
  navigationTimeoutMs?: number;
}

type Payload<S extends Suite> = Omit<Extract<Evidence, { suite: S }>, keyof BaseFields | 'suite'>;
interface BaseFields {
  evidenceVersion: 1;
  service: string;
  device: string;
  status: GatherStatus;
  reason?: string;
  startedAt: string;
  finishedAt: string;
  browser: Evidence['browser'];
  steps: StepEvidence[];
  attempt: number;
}

export function envelope<S extends Suite>(
  kit: GatherKit,
  suite: S,
  startedAt: Date,
  browserVersion: string,
  walk: { status: GatherStatus; reason?: string | undefined; steps: StepEvidence[] },
  payload: Payload<S> | undefined,
  attempt: number,
): Evidence {
  return {
    evidenceVersion: EVIDENCE_VERSION,
    service: kit.target.service.id,
    device: kit.target.device.id,
    suite,
    status: walk.status,
    ...(walk.reason ? { reason: walk.reason } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    browser: { engine: kit.target.device.engine, version: browserVersion },
    steps: walk.steps,
    attempt,
    ...(walk.status === 'complete' && payload ? payload : {}),
  } as Evidence;
}

export function gatherContext(kit: GatherKit, session: BrowserSession): GatherContext {
  return {
    session,
    service: kit.target.service,
    patron: kit.patron,
    redactor: kit.redactor,
    artifacts: kit.artifacts,
    actionTimeoutMs: kit.actionTimeoutMs ?? kit.target.service.timeouts?.actionMs ?? 10_000,
    navigationTimeoutMs: kit.navigationTimeoutMs ?? kit.target.service.timeouts?.navigationMs ?? 30_000,
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

// ───────────────────────────── login ─────────────────────────────

// The login gatherer (pre-flight, strategies, session checks) lives in ./login.ts.
export { gatherLogin } from './login.ts';
import { gatherLogin } from './login.ts';

// ───────────────────────────── accessibility ─────────────────────────────

export async function gatherAccessibility(kit: GatherKit, attempt = 1): Promise<Evidence> {
  const started = new Date();
  return withSession(kit, async (session) => {
    const ctx = gatherContext(kit, session);
    const states: AccessibilityState[] = [];
    const walk = await walkJourney(ctx, {
      suite: 'accessibility',
      screenshots: true,
      onState: async (step, ev) => {
        kit.progress?.(`axe and probes on ${step.id}`);
        // An overlay the step opened is examined where the patron meets it; its opener (the step's last click) restores it after Escape.
        const opener = step.actions.flatMap((a) => ('click' in a ? [a.click] : [])).at(-1);
        // A page that would not hold still fails the step (journey.ts holdingStill), and its state is not kept.
        const state = await holdingStill(session, async () => ({ ...(await runAxe(session, step.id, ev.url)), probes: await runA11yProbes(session, { opener, actionTimeoutMs: ctx.actionTimeoutMs }) }));
        states.push({ ...state, ...(ev.screenshot ? { screenshot: ev.screenshot } : {}) });
      },
    });
    if (walk.status === 'complete') {
      // The login form and its error state are pages every patron meets: examine them too.
      const wrong = kit.patron('wrongPin');
      if (wrong) {
        await session.resetState();
        const actions = actionContext(ctx);
        const outcome = await performLogin(actions, kit.target.service.login, wrong).catch(() => undefined);
        if (outcome && outcome.outcome === 'rejected') {
          const shot = kit.artifacts.file('accessibility-login-error.png');
          const screenshot = await session.screenshot(shot.absolute, { mask: secretFields(kit.target.service.login), secrets: kit.redactor.secrets }).then(() => shot.relative, () => undefined);
          const url = await session.url();
          try {
            const state = await holdingStill(session, async () => ({ ...(await runAxe(session, 'login-error', url)), probes: await runA11yProbes(session) }));
            states.push({ ...state, ...(screenshot ? { screenshot } : {}) });
          } catch (e) {
            if (!(e instanceof PageUnexaminableError)) throw e;
            // The login error page would not hold still: a failed step of its own, like the journey's.
            const failed: StepEvidence = { step: 'login-error', url: kit.redactor.text(url), ok: false, durationMs: 0, ...(screenshot ? { screenshot } : {}) };
            markUnexaminable(failed, e, kit.redactor);
            walk.steps.push(failed);
          }
        }
      }
    }
    return envelope(kit, 'accessibility', started, session.browserVersion, walk, {
      accessibility: { axeVersion: axeSource().version, tags: [...AXE_TAGS], states },
    }, attempt);
  });
}

// ───────────────────────────── compatibility ─────────────────────────────

export async function gatherCompatibility(kit: GatherKit, attempt = 1): Promise<Evidence> {
  const started = new Date();
  return withSession(kit, async (session) => {
    const ctx = gatherContext(kit, session);
    let current = kit.target.service.journey[0]?.id ?? 'start';
    const consoleEntries: z.infer<typeof ConsoleEntrySchema>[] = [];
    const pageErrors: z.infer<typeof PageErrorSchema>[] = [];
    const failedRequests: z.infer<typeof FailedRequestSchema>[] = [];
    const overflow: OverflowSample[] = [];
    const unlisten = session.listen({
      console: (e) => consoleEntries.push({ level: e.level, text: kit.redactor.clip(e.text, 500), step: current, ...(e.location ? { location: e.location } : {}) }),
      pageError: (message) => pageErrors.push({ message: kit.redactor.clip(message, 500), step: current }),
      requestFailed: (r) => failedRequests.push({ ...r, step: current }),
    });
    const extras = new CompatibilityExtras({ session, service: kit.target.service, device: kit.target.device, redactor: kit.redactor, actionTimeoutMs: ctx.actionTimeoutMs });
    await extras.start();
    let walk;
    try {
      const journey = kit.target.service.journey;
      walk = await walkJourney(
        ctx,
        {
          suite: 'compatibility',
          onState: async (step, ev) => {
            pageErrors.push(...(await extras.handledPageErrors(current, pageErrors)));
            const o = await session.evaluate(overflowProbe, null);
            overflow.push({ step: step.id, url: ev.url, ...o });
            await extras.onState(step, ev.url);
            // Events from here on belong to the next step's actions.
            const next = journey[journey.findIndex((s) => s.id === step.id) + 1];
            if (next) current = next.id;
          },
        },
      );
      if (walk.status === 'complete' && walk.steps.length > 0) await extras.onEnd();
      // Logs that some drivers keep (Chrome's over WebDriver) are read at the next call: collect the last step's.
      await session.url();
    } finally {
      unlisten();
    }
    // The service's release (service YAML `release:`), once per target, after the listeners are gone.
    const release = walk.status === 'complete' ? await readRelease(session, kit.target.service, kit.redactor, kit.navigationTimeoutMs ?? kit.target.service.timeouts?.navigationMs ?? 30_000) : undefined;
    return envelope(kit, 'compatibility', started, session.browserVersion, walk, {
      compatibility: { viewport: session.viewport(), console: consoleEntries, pageErrors, failedRequests, overflow, ...extras.evidence() },
      ...(release ? { release } : {}),
    }, attempt);
  });
}

// ───────────────────────────── performance ─────────────────────────────

// Journey timings on every device and Lighthouse on Chromium: src/gather/performance.ts.
export { gatherPerformance, lighthouseFormFactor } from './performance.ts';

export const GATHERERS: Record<Suite, (kit: GatherKit, attempt?: number) => Promise<Evidence>> = {
  login: gatherLogin,
  accessibility: gatherAccessibility,
  performance: gatherPerformance,
  compatibility: gatherCompatibility,
};
