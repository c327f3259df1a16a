/**
 * Walks a service's journey through a BrowserSession, step by step, recording what each step
 * reached. After each step the caller's `onState` examines the page (axe, overflow, timings,
 * screenshots). A step that fails stops the walk — later steps depend on it — and is recorded as a
 * vendor-side fact; only an unreachable service or a timeout at the first step changes the walk's
 * status. A page that would not let itself be examined (navigated away under the probes, closed
 * itself, kept a dialog open, hung, replaced the instruments: PageUnexaminableError) fails its step
 * the same way, with the cause kept in `unexaminable` — a scored vendor result, never a harness error.
 *
 * This is the one journey walker: every gatherer (accessibility, compatibility, the timed walks and
 * Lighthouse's page list) walks through it, so a step fails for the same reasons everywhere.
 */
import type { JourneyStep, Locator, Service } from '../core/config.ts';
import type { DownloadEvidence, OptionalAction, StepEvidence } from '../core/evidence.ts';
import type { GatherStatus, PatronRole } from '../core/ids.ts';
import type { Redactor } from '../config/secrets.ts';
import { ActionError, NavigationError, PageUnexaminableError, type BrowserSession } from '../session/types.ts';
import { runAction, type ActionContext } from './actions.ts';
import type { Artifacts } from './artifacts.ts';

/** What a journey walk needs: the session, the service, and how to log in and what to mask. */
export interface JourneyContext {
  session: BrowserSession;
  service: Service;
  redactor: Redactor;
  artifacts: Artifacts;
  actionTimeoutMs: number;
  navigationTimeoutMs: number;
  /**
   * Performs a journey's `login` action with the service's strategy (src/auth, wired by
   * src/gather/kit.ts) through the walk's own action context; throws ActionError when the login does
   * not succeed. Absent: a journey that logs in fails its step.
   */
  login?: (actions: ActionContext, role: PatronRole) => Promise<void>;
  /** Fields masked in every screenshot (the login strategy's card and PIN fields). */
  mask: Locator[];
}

export interface WalkResult {
  steps: StepEvidence[];
  status: GatherStatus;
  reason?: string;
}

/** A step that failed: how long its actions ran (ms, unrounded) and why, redacted. */
export interface StepFailure {
  durationMs: number;
  error: string;
}

/** The action context of a journey context, with `login` actions wired to its login handler. */
export function actionsOf(ctx: JourneyContext): ActionContext {
  const actions: ActionContext = {
    session: ctx.session,
    baseUrl: ctx.service.baseUrl,
    actionTimeoutMs: ctx.actionTimeoutMs,
    navigationTimeoutMs: ctx.navigationTimeoutMs,
  };
  const login = ctx.login;
  if (login) actions.login = (role) => login(actions, role);
  return actions;
}

export async function walkJourney(
  ctx: JourneyContext,
  options: {
    suite: string;
    /** Examines the state a step reached; `actionsMs` is how long the step's actions took (unrounded). */
    onState?: (step: JourneyStep, evidence: StepEvidence, actionsMs: number) => Promise<void>;
    /** Told of the step that failed (its actions, or the page would not hold still), before the walk stops. */
    onFailed?: (step: JourneyStep, failure: StepFailure) => void;
    /**
     * Told of an optional action's obstacle (a consent dialog, a feature tour) that did appear, before
     * the action dismisses it: the page shows it now, so a suite may examine it as a state of its own.
     */
    onObstacle?: (step: JourneyStep, obstacle: OptionalAction) => Promise<void>;
    screenshots?: boolean;
  },
): Promise<WalkResult> {
  const actions = actionsOf(ctx);
  const steps: StepEvidence[] = [];
  for (const step of ctx.service.journey) {
    const started = performance.now();
    let error: string | undefined;
    let unexaminable: StepEvidence['unexaminable'];
    const retries: Array<{ url: string; status: number }> = [];
    actions.onRetry = (r) => retries.push({ url: ctx.redactor.text(r.url), status: r.status });
    const optional: OptionalAction[] = [];
    actions.onOptional = async (o) => {
      const record: OptionalAction = {
        action: ctx.redactor.text(o.action),
        watched: ctx.redactor.text(o.watched),
        appeared: o.appeared,
        withinMs: o.withinMs,
      };
      optional.push(record);
      if (!o.appeared) return;
      if (options.screenshots) {
        const shot = ctx.artifacts.file(`${options.suite}-${step.id}-optional-${optional.length}.png`);
        await ctx.session.screenshot(shot.absolute, { mask: ctx.mask, secrets: ctx.redactor.secrets }).then(
          () => (record.screenshot = shot.relative),
          () => undefined,
        );
      }
      await options.onObstacle?.(step, record);
    };
    const downloads: DownloadEvidence[] = [];
    actions.downloadFile = (name) => ctx.artifacts.file(`${options.suite}-${step.id}-${downloads.length + 1}-${name}`);
    actions.onDownload = (d) =>
      downloads.push({ ...d, name: ctx.redactor.text(d.name), url: ctx.redactor.text(d.url) });
    try {
      for (const action of step.actions) await runAction(actions, action);
    } catch (e) {
      if (e instanceof NavigationError && (e.unreachable || e.timedOut) && steps.length === 0) {
        const reason = ctx.redactor.text(e.message);
        options.onFailed?.(step, { durationMs: performance.now() - started, error: reason });
        return { steps, status: e.unreachable ? 'unreachable' : 'timeout', reason };
      }
      if (e instanceof PageUnexaminableError) unexaminable = { cause: e.why, detail: ctx.redactor.text(e.message) };
      if (e instanceof ActionError || e instanceof NavigationError) error = e.message;
      else if (e instanceof PageUnexaminableError) error = unexaminableMessage(e);
      else throw e;
    }
    const actionsMs = performance.now() - started;
    // A failed step always leaves a screenshot of what the page showed, and its message says where.
    let screenshot: string | undefined;
    if (options.screenshots || error !== undefined) {
      const shot = ctx.artifacts.file(`${options.suite}-${step.id}${options.screenshots ? '' : '-failed'}.png`);
      await ctx.session.screenshot(shot.absolute, { mask: ctx.mask, secrets: ctx.redactor.secrets }).then(
        () => (screenshot = shot.relative),
        () => undefined,
      );
    }
    if (error !== undefined && screenshot) error = `${error} (screenshot: ${screenshot})`;
    const evidence: StepEvidence = {
      step: step.id,
      url: ctx.redactor.text(await ctx.session.url()),
      title: ctx.redactor.text(await ctx.session.title()),
      ok: error === undefined,
      ...(error !== undefined ? { error: ctx.redactor.text(error) } : {}),
      durationMs: Math.round(performance.now() - started),
      ...(retries.length > 0 ? { retries } : {}),
      ...(unexaminable ? { unexaminable } : {}),
      ...(optional.length > 0 ? { optional } : {}),
      ...(downloads.length > 0 ? { downloads } : {}),
      ...(screenshot ? { screenshot } : {}),
    };
    steps.push(evidence);
    if (!evidence.ok) {
      options.onFailed?.(step, { durationMs: actionsMs, error: evidence.error ?? '' });
      break;
    }
    try {
      await options.onState?.(step, evidence, actionsMs);
    } catch (e) {
      if (!(e instanceof PageUnexaminableError)) throw e;
      markUnexaminable(evidence, e, ctx.redactor);
      options.onFailed?.(step, { durationMs: actionsMs, error: evidence.error ?? '' });
      break;
    }
  }
  return { steps, status: 'complete' };
}

/** The words a step failed with when the page would not let itself be examined. */
export function unexaminableMessage(e: PageUnexaminableError): string {
  return e.why === 'tampered'
    ? `The instruments were tampered with: ${e.message}`
    : `The page would not stay still long enough to be examined: ${e.message}`;
}

/** Records on a step that the page kept the harness from examining it: the step fails, with the cause. */
export function markUnexaminable(step: StepEvidence, e: PageUnexaminableError, redactor: Redactor): void {
  step.ok = false;
  step.error = redactor.text(unexaminableMessage(e));
  step.unexaminable = { cause: e.why, detail: redactor.text(e.message) };
}

/** In-page: marks the current document (in the probes' world) with a token. */
function markDocumentProbe(token: string): void {
  (window as unknown as { __erhDocument?: string }).__erhDocument = token;
}
/** In-page: whether this is still the document the token marked. */
function sameDocumentProbe(token: string): boolean {
  return (window as unknown as { __erhDocument?: string }).__erhDocument === token;
}

/** More windows or dialogs than this while one page state is examined is a storm, not a feature. */
export const DISTURBANCE_LIMIT = 3;
let documentTokens = 0;

/**
 * Runs `examine` on the current page state and returns its result only if the page held still
 * meanwhile: the same document from start to end (it did not navigate away or close itself), and no
 * more than DISTURBANCE_LIMIT windows opened or dialogs shown. Otherwise throws
 * PageUnexaminableError with what the page did — a vendor result, since what was measured does not
 * describe one page state.
 */
export async function holdingStill<T>(session: BrowserSession, examine: () => Promise<T>): Promise<T> {
  const token = `d${++documentTokens}-${Date.now()}`;
  const before = session.disturbances?.();
  await session.evaluate(markDocumentProbe, token);
  const result = await examine();
  const after = session.disturbances?.();
  if (before && after) {
    const windows = after.windows - before.windows;
    const dialogs = after.dialogs - before.dialogs;
    if (windows > DISTURBANCE_LIMIT)
      throw new PageUnexaminableError('windows', `The page opened ${windows} windows while it was being examined`);
    if (dialogs > DISTURBANCE_LIMIT)
      throw new PageUnexaminableError(
        'dialog',
        `The page showed ${dialogs} dialogs (alert, confirm or prompt) while it was being examined`,
      );
  }
  if (!(await session.evaluate(sameDocumentProbe, token))) {
    throw new PageUnexaminableError(
      'navigated',
      'The page loaded another document while it was being examined, so what was measured does not describe one page',
    );
  }
  return result;
}
