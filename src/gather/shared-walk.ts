/**
 * One walk, many gatherers (issue 19.1): the accessibility and compatibility evidence of a target are
 * gathered in one walk of its journey, in one browser context. Each suite brings a half
 * (accessibility.ts, compatibility.ts) and every half examines each state the walk reaches, in three
 * phases, so that no half measures what another one did to the page:
 *
 * 1. `observe` reads the state as the journey left it and changes nothing: compatibility's overflow,
 *    viewport meta, touch targets and frames, and the exceptions the page handled itself.
 * 2. `probe` acts on the page and puts it back: accessibility's axe-core, rule engines and probes,
 *    which press Tab and Escape, click an overlay's opener again, enlarge and space the text and
 *    narrow the viewport to 320 CSS px. Overflow is measured before this, at the device's own width,
 *    so a narrowed viewport or zoomed text is never counted as the vendor's overflow; and the other
 *    halves are muted meanwhile (compatibility drops the console messages, page errors and failed
 *    requests the probes provoke, and what the page's own error handler caught): a patron on the
 *    device does not do these things at that step, and each suite records what its own actions show.
 * 3. `act` changes the page for good: compatibility plays the declared player and turns the
 *    reader's page. It comes last, because a playing player would be seen by the probes as sound
 *    that starts by itself, and a turned page is not the state the step reached.
 *
 * After the walk each half finishes on its own (compatibility reads the last page's web features and
 * the release first; accessibility then logs in with the wrong PIN, which resets the state).
 *
 * When one half stops the walk, the others are not left with a journey it cut short: a half whose
 * examination failed the step (the page would not hold still for the probes: a vendor result, kept
 * for that half) or that failed itself (a harness error, kept for that suite) ends the shared walk,
 * and the other halves walk the journey again alone, in a fresh context, as if they had never
 * shared it. A browser lost under the walk is a harness error for every half in it.
 */
import type { JourneyStep } from '../core/config.ts';
import type { Evidence, StepEvidence } from '../core/evidence.ts';
import { PageUnexaminableError, type BrowserSession } from '../session/types.ts';
import { walkJourney, type JourneyContext, type WalkResult } from '../journey/walk.ts';
import { journeyContext, withSession, type GatherKit } from './kit.ts';

/** The suites that share a walk. */
export type WalkSuite = 'accessibility' | 'compatibility';

/** What a half needs to write its evidence envelope. */
export interface EvidenceHead {
  startedAt: Date;
  attempt: number;
}

/** One suite's part of a shared walk (see the module comment for the phases). */
export interface WalkHalf {
  readonly suite: WalkSuite;
  /** The walk screenshots every state it reaches for this half's evidence (named after its suite). */
  readonly screenshots?: boolean;
  /** Before the first step (listeners, init scripts). */
  start?(): Promise<void>;
  /** Reads the state the step reached without changing it. */
  observe?(step: JourneyStep, evidence: StepEvidence): Promise<void>;
  /** Examines the state with probes that act on the page and restore it; the other halves are muted meanwhile. */
  probe?(step: JourneyStep, evidence: StepEvidence): Promise<void>;
  /** Changes the page for good (the journey goes on from there), after every other examination of the state. */
  act?(step: JourneyStep, evidence: StepEvidence): Promise<void>;
  /** Another half's probes are about to act on the page: record nothing of what follows. */
  mute?(): void;
  /** The probes are done: what they provoked is dropped, and recording goes on. */
  unmute?(): Promise<void>;
  /** After the walk: the half's own last examinations and its evidence record (`walk.steps` is its own copy). */
  finish(walk: WalkResult, head: EvidenceHead): Promise<Evidence>;
}

export type HalfMaker = (kit: GatherKit, session: BrowserSession, ctx: JourneyContext) => WalkHalf;

/** A half to walk with, and the attempt its evidence records. */
export interface HalfSpec {
  suite: WalkSuite;
  make: HalfMaker;
  attempt: number;
}

/** What became of a half: its evidence, or the harness error that kept it from being gathered. */
export type HalfOutcome = { suite: WalkSuite; evidence: Evidence } | { suite: WalkSuite; error: Error };

/** A half failed (not the vendor's doing): carried out of the walk to end it. */
class HalfFailed extends Error {
  readonly suite: WalkSuite;
  readonly error: Error;
  constructor(suite: WalkSuite, error: Error) {
    super(error.message);
    this.suite = suite;
    this.error = error;
  }
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * Walks the journey once for every half in `specs` (in the order given, which is the order of every
 * phase) and returns one outcome per half, in the same order.
 */
export async function walkTogether(kit: GatherKit, specs: readonly HalfSpec[]): Promise<HalfOutcome[]> {
  const startedAt = new Date();
  const outcomes = new Map<WalkSuite, HalfOutcome>();
  let again: HalfSpec[] = [];
  try {
    await withSession(kit, async (session) => {
      const ctx = journeyContext(kit, session);
      const active = specs.map((spec) => ({ spec, half: spec.make(kit, session, ctx) }));
      type Active = (typeof active)[number];
      /** The half whose examination failed the step (the page would not hold still): the walk ended there. */
      let endedBy: Active | undefined;
      const run = async (h: Active, fn: () => Promise<void>): Promise<void> => {
        try {
          await fn();
        } catch (e) {
          if (e instanceof PageUnexaminableError) {
            endedBy = h;
            throw e;
          }
          throw session.lost?.() ? e : new HalfFailed(h.spec.suite, asError(e));
        }
      };
      const phase = async (name: 'observe' | 'probe' | 'act', step: JourneyStep, ev: StepEvidence): Promise<void> => {
        for (const h of active) {
          const examine = h.half[name];
          if (!examine) continue;
          const others = active.filter((o) => o !== h);
          if (name === 'probe') for (const o of others) o.half.mute?.();
          try {
            await run(h, () => examine.call(h.half, step, ev));
          } finally {
            if (name === 'probe') for (const o of others) await o.half.unmute?.();
          }
        }
      };
      const shots = active.find((h) => h.half.screenshots);
      let walk: WalkResult;
      try {
        for (const h of active) {
          const start = h.half.start;
          if (start) await run(h, () => start.call(h.half));
        }
        walk = await walkJourney(ctx, {
          suite: shots?.spec.suite ?? specs[0]?.suite ?? 'journey',
          screenshots: shots !== undefined,
          onState: async (step, ev) => {
            await phase('observe', step, ev);
            await phase('probe', step, ev);
            await phase('act', step, ev);
          },
        });
      } catch (e) {
        if (!(e instanceof HalfFailed)) throw e;
        // A harness failure of one half: that suite's, recorded as such; the others walk again alone.
        outcomes.set(e.suite, { suite: e.suite, error: e.error });
        again = active.filter((h) => h.spec.suite !== e.suite).map((h) => h.spec);
        return;
      }
      let finishing = active;
      if (endedBy && active.length > 1) {
        // The step failed for the half whose examination the page would not hold still for: that is its result.
        // The others' journey was cut short by it: they walk again alone.
        const ended = endedBy;
        finishing = [ended];
        again = active.filter((h) => h !== ended).map((h) => h.spec);
      }
      for (const h of finishing) {
        const steps = walk.steps.map((s) => {
          // A failed step's screenshot (the walk takes one whatever the halves ask) belongs to every half.
          if (h.half.screenshots || !s.ok) return { ...s };
          const { screenshot: _shot, ...rest } = s;
          return rest;
        });
        try {
          const evidence = await h.half.finish({ ...walk, steps }, { startedAt, attempt: h.spec.attempt });
          outcomes.set(h.spec.suite, { suite: h.spec.suite, evidence });
        } catch (e) {
          if (session.lost?.()) throw e;
          outcomes.set(h.spec.suite, { suite: h.spec.suite, error: asError(e) });
        }
      }
    });
  } catch (e) {
    // The browser went away, the session did not open, or the walk itself failed: a harness error for every half
    // in it, whatever it had recorded (what was recorded after the browser died is not the vendor's doing).
    for (const spec of specs) outcomes.set(spec.suite, { suite: spec.suite, error: asError(e) });
    again = [];
  }
  if (again.length > 0) for (const o of await walkTogether(kit, again)) outcomes.set(o.suite, o);
  return specs.map((s) => outcomes.get(s.suite) ?? { suite: s.suite, error: new Error(`${s.suite}: not gathered`) });
}

/** The evidence of a walk with one half, or its harness error thrown (the single-suite gatherers' contract). */
export async function walkAlone(kit: GatherKit, spec: HalfSpec): Promise<Evidence> {
  const [outcome] = await walkTogether(kit, [spec]);
  if (!outcome) throw new Error(`${spec.suite}: not gathered`);
  if ('error' in outcome) throw outcome.error;
  return outcome.evidence;
}
