/**
 * Cross-engine journey timings: the service's journey walked N times (profile `runs.timings`), each
 * time in a fresh session (cold cache, no cookies), through the BrowserSession — so Firefox,
 * WebKitGTK over WebDriver and Appium devices are timed the same way as Chromium. Runs in the
 * performance phase, which has the machine to itself.
 *
 * Timed phases: every journey step (its actions until its expected element is visible), each login
 * inside it (login form → logged in) and, when the service declares a player, pressing play until
 * the audio's position advances. After each step an in-page probe reads navigation timing, Largest
 * Contentful Paint and layout shifts where the engine reports them (null elsewhere, never guessed),
 * and Resource Timing for requests, bytes and the origins contacted. Origins are named against
 * the tracker list Lighthouse itself uses (third-party-web).
 */
import { createRequire } from 'node:module';
import type { NetworkConditions } from '../core/config.ts';
import { EVENT_TIMING_BUFFER_MS } from '../core/evidence.ts';
import type { OriginContact, PageTiming, StepResponsiveness, TimingPhase, TimingsEvidence } from '../core/evidence.ts';
import { ActionError, NavigationError, type BrowserSession } from '../session/types.ts';
import { walkJourney, type JourneyContext, type WalkResult } from '../journey/walk.ts';

/** Tracker categories of third-party-web that count as tracking a patron. */
export const TRACKER_CATEGORIES = ['ad', 'analytics', 'social', 'marketing', 'tag-manager'] as const;

interface ThirdPartyWeb {
  getEntity(url: string): { name: string; categories: string[] } | undefined;
}

const lighthouseRequire = createRequire(createRequire(import.meta.url).resolve('lighthouse/package.json'));
let thirdPartyWeb: { api: ThirdPartyWeb; version: string } | undefined;

/** The tracker list (third-party-web, resolved through Lighthouse so both name the same entities). */
export function trackerList(): { api: ThirdPartyWeb; version: string } {
  thirdPartyWeb ??= {
    api: lighthouseRequire('third-party-web') as ThirdPartyWeb,
    version: (lighthouseRequire('third-party-web/package.json') as { version: string }).version,
  };
  return thirdPartyWeb;
}

/** The known tracker an origin belongs to, or undefined. */
export function classifyTracker(origin: string): OriginContact['tracker'] {
  let entity: { name: string; categories: string[] } | undefined;
  try {
    entity = trackerList().api.getEntity(origin);
  } catch {
    return undefined; // not a URL the list can parse (e.g. an IP address with a port)
  }
  if (!entity || !entity.categories.some((c) => (TRACKER_CATEGORIES as readonly string[]).includes(c)))
    return undefined;
  return { entity: entity.name, categories: [...entity.categories] };
}

interface ProbeResult {
  timeOrigin: number;
  nav: { ttfb: number; dcl: number; load: number; transferSize: number; name: string } | null;
  lcp: number | null;
  lcpSupported: boolean;
  cls: number | null;
  resources: Array<{ name: string; start: number; size: number }>;
  /** Long animation frames (start, blockingDuration), ms from timeOrigin; null: no such API. */
  frames: Array<{ start: number; blocking: number }> | null;
  /** Interactions in the Event Timing buffer (start, duration), ms from timeOrigin; null: no Event Timing. */
  interactions: Array<{ start: number; duration: number }> | null;
  /** Layout shifts without recent input (start, value); null: no Layout Instability API. */
  shifts: Array<{ start: number; value: number }> | null;
}

/** In-page: navigation entry, LCP and layout shifts (buffered observers), resource entries. Self-contained. */
export const pageTimingProbe = async (): Promise<ProbeResult> => {
  // Let rendering catch up first: a long animation frame is reported when its rendering ends, and an
  // interaction's Event Timing entry when the frame after its handlers is presented. A step whose last
  // action returned the moment the handler changed the DOM (likely on a loaded machine) would otherwise
  // be probed before its own slow frame, and its interaction missed. Two frames, then a presentation's
  // margin; bounded, since a hidden page runs no animation frames.
  const frame = () =>
    new Promise<void>((done) => {
      const t = setTimeout(done, 500);
      requestAnimationFrame(() => {
        clearTimeout(t);
        done();
      });
    });
  await frame();
  await frame();
  const supported: readonly string[] =
    (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes) || [];
  const collect = (type: string): Promise<PerformanceEntry[] | null> =>
    supported.includes(type)
      ? new Promise((done) => {
          const out: PerformanceEntry[] = [];
          try {
            const o = new PerformanceObserver((l) => {
              out.push(...l.getEntries());
            });
            o.observe({ type, buffered: true });
            setTimeout(() => {
              out.push(...o.takeRecords());
              o.disconnect();
              done(out);
            }, 50);
          } catch {
            done(null);
          }
        })
      : Promise.resolve(null);
  const [lcpEntries, shifts, frames, events] = await Promise.all([
    collect('largest-contentful-paint'),
    collect('layout-shift'),
    collect('long-animation-frame'),
    collect('event'),
  ]);
  type Shift = PerformanceEntry & { hadRecentInput?: boolean; value?: number };
  const unprompted = shifts ? (shifts as Shift[]).filter((e) => !e.hadRecentInput) : null;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const last = lcpEntries && lcpEntries.length > 0 ? lcpEntries[lcpEntries.length - 1] : undefined;
  return {
    timeOrigin: performance.timeOrigin,
    nav: nav
      ? {
          ttfb: nav.responseStart,
          dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
          transferSize: nav.transferSize || 0,
          name: nav.name,
        }
      : null,
    lcp: last ? last.startTime : null,
    lcpSupported: lcpEntries !== null,
    cls: unprompted ? unprompted.reduce((a, e) => a + (e.value ?? 0), 0) : null,
    shifts: unprompted ? unprompted.map((e) => ({ start: e.startTime, value: e.value ?? 0 })) : null,
    frames: frames
      ? frames.map((f) => ({
          start: f.startTime,
          blocking: (f as PerformanceEntry & { blockingDuration?: number }).blockingDuration ?? 0,
        }))
      : null,
    // An interaction is an event with an interactionId (keydown, pointerup, click… of one user input).
    interactions:
      events && typeof PerformanceEventTiming !== 'undefined' && 'interactionId' in PerformanceEventTiming.prototype
        ? (events as Array<PerformanceEventTiming & { interactionId: number }>)
            .filter((e) => e.interactionId > 0)
            .map((e) => ({ start: e.startTime, duration: e.duration }))
        : null,
    resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      name: r.name,
      start: r.startTime,
      size: r.transferSize || 0,
    })),
  };
};

/** In-page: the first audio/video element's position and state. */
const mediaProbe = (): { found: boolean; time: number; paused: boolean } => {
  const m = document.querySelector('audio, video') as HTMLMediaElement | null;
  return m ? { found: true, time: m.currentTime, paused: m.paused } : { found: false, time: 0, paused: true };
};

const startMedia = (): void => {
  const m = document.querySelector('audio, video') as HTMLMediaElement | null;
  void m?.play().catch(() => undefined);
};

const round1 = (v: number) => Math.round(v * 10) / 10;
const nonZero = (v: number) => (v > 0 ? round1(v) : null);

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Tracks what a walk's documents loaded, so that each step counts only its own requests. */
class ResourceLedger {
  private timeOrigin = -1;
  private seen = new Set<string>();
  /** Origin → request count, and the steps that contacted it, over the walk. */
  readonly contacts = new Map<string, { requests: number; steps: Set<string> }>();

  /** `since`: when the step started, ms since the epoch (the page's clock is timeOrigin + its own). */
  account(step: string, r: ProbeResult, since: number): PageTiming {
    const navigated = r.timeOrigin !== this.timeOrigin;
    if (navigated) {
      this.timeOrigin = r.timeOrigin;
      this.seen = new Set();
    }
    const fresh = r.resources.filter((e) => !this.seen.has(`${e.name}@${e.start}`));
    for (const e of fresh) this.seen.add(`${e.name}@${e.start}`);
    const entries = [...(navigated && r.nav ? [{ name: r.nav.name, size: r.nav.transferSize }] : []), ...fresh];
    const origins = new Set<string>();
    for (const e of entries) {
      const o = originOf(e.name);
      if (!o) continue;
      origins.add(o);
      const c = this.contacts.get(o) ?? { requests: 0, steps: new Set<string>() };
      c.requests++;
      c.steps.add(step);
      this.contacts.set(o, c);
    }
    return {
      navigated,
      ttfb: navigated && r.nav ? nonZero(r.nav.ttfb) : null,
      domContentLoaded: navigated && r.nav ? nonZero(r.nav.dcl) : null,
      load: navigated && r.nav ? nonZero(r.nav.load) : null,
      lcp: navigated && r.lcp !== null ? round1(r.lcp) : null,
      cls: navigated && r.cls !== null ? Math.round(r.cls * 10_000) / 10_000 : null,
      requests: entries.length,
      transferBytes: entries.reduce((s, e) => s + e.size, 0),
      origins: [...origins].sort(),
      responsiveness: responsivenessOf(r, since),
    };
  }
}

/**
 * The step's own share of the page's instruments: entries that began after the step started (a new
 * document's entries all did). Rounded like the other timings.
 */
export function responsivenessOf(r: ProbeResult, since: number): StepResponsiveness {
  const inStep = <T extends { start: number }>(xs: T[]) => xs.filter((x) => r.timeOrigin + x.start >= since);
  const slowest = r.interactions ? Math.max(0, ...inStep(r.interactions).map((e) => e.duration)) : 0;
  return {
    blockingMs: r.frames ? round1(inStep(r.frames).reduce((a, f) => a + Math.max(0, f.blocking), 0)) : null,
    interactionsObservable: r.interactions !== null,
    slowestInteractionMs: slowest >= EVENT_TIMING_BUFFER_MS ? round1(slowest) : null,
    layoutShift: r.shifts ? Math.round(inStep(r.shifts).reduce((a, e) => a + e.value, 0) * 10_000) / 10_000 : null,
  };
}

export interface TimingOptions {
  runs: number;
  network: NetworkConditions | null;
  /** Opens a fresh session (new context) for each walk. */
  openSession: () => Promise<BrowserSession>;
  context: (session: BrowserSession) => JourneyContext;
  progress?: (message: string) => void;
}

/**
 * One timed walk, through the journey walker (src/journey/walk.ts), so that a step fails here for
 * the same reasons as in every other suite. A step's phase is its actions' time; a login inside it is
 * a phase of its own; the page timing probe runs at each state reached.
 */
async function walkOnce(
  ctx: JourneyContext,
  ledger: ResourceLedger,
): Promise<{ run: TimingsEvidence['runs'][number]; walk: WalkResult }> {
  const { session, service } = ctx;
  const phases: TimingPhase[] = [];
  let error: string | undefined;
  const login = ctx.login;
  const timed: JourneyContext = {
    ...ctx,
    ...(login
      ? {
          login: async (actions, role) => {
            const t = performance.now();
            try {
              await login(actions, role);
              phases.push({ id: 'login', kind: 'login', ok: true, durationMs: round1(performance.now() - t) });
            } catch (e) {
              phases.push({
                id: 'login',
                kind: 'login',
                ok: false,
                durationMs: round1(performance.now() - t),
                error: ctx.redactor.text((e as Error).message),
              });
              throw e;
            }
          },
        }
      : {}),
  };
  const media = service.compatibility?.media;
  const walk = await walkJourney(timed, {
    suite: 'performance',
    onFailed: (step, failure) => {
      phases.push({
        id: step.id,
        kind: 'step',
        ok: false,
        durationMs: round1(failure.durationMs),
        error: failure.error,
      });
      error = `${step.id}: ${failure.error}`;
    },
    onState: async (step, _evidence, actionsMs) => {
      const since = Date.now() - actionsMs;
      // A page that would not hold still to be timed (PageUnexaminableError) fails the step in the walker: a vendor
      // fact.
      const timing = await session.evaluate(pageTimingProbe, null);
      const page = ledger.account(step.id, timing, since);
      phases.push({ id: step.id, kind: 'step', ok: true, durationMs: round1(actionsMs), page });
      if (media && media.step === step.id) phases.push(await timePlay(ctx, media.play));
    },
  });
  return { run: { phases, ...(error !== undefined ? { error } : {}) }, walk };
}

/** Press play (or start the element from script) and wait until the position advances, up to 10 s. */
async function timePlay(
  ctx: JourneyContext,
  play: Parameters<BrowserSession['click']>[0] | undefined,
): Promise<TimingPhase> {
  const { session } = ctx;
  const t = performance.now();
  try {
    const before = await session.evaluate(mediaProbe, null);
    if (!before.found)
      return { id: 'play', kind: 'play', ok: false, durationMs: 0, error: 'No audio or video element on the page' };
    if (play) await session.click(play, ctx.actionTimeoutMs);
    else await session.evaluate(startMedia, null);
    for (;;) {
      const now = await session.evaluate(mediaProbe, null);
      if (!now.paused && now.time > before.time)
        return { id: 'play', kind: 'play', ok: true, durationMs: round1(performance.now() - t) };
      if (performance.now() - t > 10_000) {
        return {
          id: 'play',
          kind: 'play',
          ok: false,
          durationMs: round1(performance.now() - t),
          error: 'The position did not advance within 10 s of pressing play',
        };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } catch (e) {
    if (!(e instanceof ActionError || e instanceof NavigationError)) throw e;
    return {
      id: 'play',
      kind: 'play',
      ok: false,
      durationMs: round1(performance.now() - t),
      error: ctx.redactor.text(e.message),
    };
  }
}

/**
 * The timed walks, and how the first one went (typed: a service it could not reach, or that timed
 * out, is recorded as such by the performance gatherer).
 */
export async function gatherTimings(
  options: TimingOptions,
  baseUrl: string,
): Promise<{ timings: TimingsEvidence; firstWalk: Pick<WalkResult, 'status' | 'reason'> | undefined }> {
  const runs: TimingsEvidence['runs'] = [];
  let firstWalk: Pick<WalkResult, 'status' | 'reason'> | undefined;
  const totals = new Map<string, { requests: number; steps: Set<string> }>();
  let network: TimingsEvidence['network'] = {
    id: options.network?.id ?? 'unthrottled',
    latencyMs: options.network?.latencyMs ?? null,
    downloadKbps: options.network?.downloadKbps ?? null,
    uploadKbps: options.network?.uploadKbps ?? null,
    applied: options.network === null,
    ...(options.network === null ? {} : { reason: 'not tried' }),
  };
  for (let i = 0; i < options.runs; i++) {
    options.progress?.(`journey timings run ${i + 1}/${options.runs}`);
    const session = await options.openSession();
    try {
      if (options.network) {
        const r = session.emulateNetwork
          ? await session.emulateNetwork(options.network)
          : { applied: false, reason: `this driver (${session.engine}) offers no network emulation` };
        const { reason: _old, ...rest } = network;
        network = { ...rest, applied: r.applied, ...(r.applied ? {} : { reason: r.reason ?? 'not supported' }) };
      }
      const ledger = new ResourceLedger();
      const { run, walk } = await walkOnce(options.context(session), ledger);
      runs.push(run);
      firstWalk ??= { status: walk.status, ...(walk.reason !== undefined ? { reason: walk.reason } : {}) };
      for (const [origin, c] of ledger.contacts) {
        const t = totals.get(origin) ?? { requests: 0, steps: new Set<string>() };
        t.requests += c.requests;
        for (const s of c.steps) t.steps.add(s);
        totals.set(origin, t);
      }
    } finally {
      await session.close();
    }
  }
  const own = new URL(baseUrl).hostname;
  const origins: OriginContact[] = [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([origin, c]) => {
      const tracker = classifyTracker(origin);
      return {
        origin,
        firstParty: new URL(origin).hostname === own,
        steps: [...c.steps],
        requestsPerWalk: Math.round((c.requests / Math.max(1, runs.length)) * 10) / 10,
        ...(tracker ? { tracker } : {}),
      };
    });
  return {
    timings: {
      runsRequested: options.runs,
      network,
      runs,
      origins,
      trackerList: `third-party-web ${trackerList().version}`,
    },
    firstWalk,
  };
}
