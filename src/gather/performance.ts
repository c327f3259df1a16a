/**
 * The performance gatherer (runs in the performance phase, alone on the machine, one target at a
 * time):
 *
 * 1. **Journey timings on every device** (./timings.ts): the journey walked `runs.timings`
 *    times through the BrowserSession under the profile's network profile. A service its first walk
 *    could not reach (or that timed out) is recorded as such, from the walk's typed status.
 * 2. **Lighthouse on Chromium devices** (./lighthouse.ts): every journey step marked
 *    `lighthouse: true`, `runs.lighthouse` times each. A step that is reached after a login is
 *    audited logged in: the journey is walked in the device's browser and its session cookies are
 *    carried into Lighthouse's Chrome. The browser is closed before Lighthouse starts.
 */
import { DEFAULT_RUN_COUNTS, type Device, type Service } from '../core/config.ts';
import type { Evidence } from '../core/evidence.ts';
import { notApplicableReason } from '../matrix/targets.ts';
import type { SessionCookie } from '../session/types.ts';
import { absoluteUrl } from '../journey/actions.ts';
import { walkJourney, type WalkResult } from '../journey/walk.ts';
import type { LighthousePageRequest } from './lighthouse.ts';
import { envelope, journeyContext, withSession, type GatherKit } from './kit.ts';
import { gatherTimings } from './timings.ts';

export function lighthouseFormFactor(device: Device): 'mobile' | 'desktop' {
  return device.formFactor === 'desktop' ? 'desktop' : 'mobile';
}

/**
 * Index of the first journey step that logs in (its own page and every later one are behind the login); −1 when none.
 */
export function loginStepIndex(service: Service): number {
  return service.journey.findIndex((s) => s.actions.some((a) => 'login' in a));
}

export async function gatherPerformance(kit: GatherKit, attempt = 1): Promise<Evidence> {
  const started = new Date();
  const { service } = kit.target;

  const head = (browserVersion: string) => ({
    target: kit.target,
    suite: 'performance' as const,
    startedAt: started,
    browserVersion,
    attempt,
  });

  // 1. Journey timings, every engine.
  const { timings, firstWalk } = await gatherTimings(
    {
      runs: kit.timingRuns ?? DEFAULT_RUN_COUNTS.timings,
      network: kit.network ?? null,
      openSession: kit.openSession,
      context: (session) => journeyContext(kit, session),
      ...(kit.progress ? { progress: kit.progress } : {}),
    },
    service.baseUrl,
  );
  if (firstWalk && firstWalk.status !== 'complete') {
    return envelope(head('unknown'), { status: firstWalk.status, reason: firstWalk.reason, steps: [] });
  }

  // 2. Lighthouse where the device can have it.
  const skipped = notApplicableReason(kit.target, 'performance');
  if (skipped) {
    return envelope(
      head('n/a'),
      { status: 'complete', steps: [] },
      {
        performance: { runsPerPage: kit.lighthouseRuns, pages: [], lighthouseSkipped: skipped, timings },
      },
    );
  }
  const loginAt = loginStepIndex(service);
  const audited = service.journey
    .map((s, i) => ({ step: s, behindLogin: loginAt >= 0 && i >= loginAt }))
    .filter((a) => a.step.lighthouse);
  // A public step that is just a `goto` has a known URL; otherwise walk the journey to find where the
  // step lands (and, behind the login, its cookies). The browser is closed before Lighthouse starts.
  const staticUrls = audited.map(({ step, behindLogin }) =>
    !behindLogin &&
    step.actions.length >= 1 &&
    step.actions[0] &&
    'goto' in step.actions[0] &&
    step.actions.slice(1).every((a) => 'expect' in a)
      ? absoluteUrl(service.baseUrl, step.actions[0].goto)
      : undefined,
  );
  let pages: LighthousePageRequest[];
  let walk: WalkResult = { status: 'complete', steps: [] };
  let version = 'unknown';
  if (staticUrls.every((u) => u !== undefined)) {
    pages = audited.map((a, i) => ({ step: a.step.id, url: staticUrls[i] as string }));
  } else {
    const wanted = new Map(audited.map((a) => [a.step.id, a.behindLogin]));
    pages = [];
    ({ walk, version } = await withSession(kit, async (session) => ({
      version: session.browserVersion,
      walk: await walkJourney(journeyContext(kit, session), {
        suite: 'performance',
        onState: async (step) => {
          if (!wanted.has(step.id)) return;
          const url = await session.url();
          let cookies: SessionCookie[] | undefined;
          if (wanted.get(step.id)) cookies = session.cookies ? await session.cookies() : undefined;
          pages.push({ step: step.id, url, ...(cookies ? { cookies } : {}) });
        },
      }),
    })));
    if (walk.status !== 'complete') return envelope(head(version), walk);
  }
  if (!kit.chromePath) throw new Error('performance gathering needs a Chromium path');
  // Lighthouse is heavy to load (seconds per worker): only the performance phase pays for it.
  const { LIGHTHOUSE_VERSION, runLighthouse } = await import('./lighthouse.ts');
  const { pages: results, browserVersion } = await runLighthouse({
    chromePath: kit.chromePath(),
    formFactor: lighthouseFormFactor(kit.target.device),
    pages,
    runs: kit.lighthouseRuns,
    artifacts: kit.artifacts,
    redactor: kit.redactor,
    ...(kit.httpCredentials ? { httpCredentials: kit.httpCredentials } : {}),
    onRun: (step, run) => kit.progress?.(`lighthouse ${step} run ${run}/${kit.lighthouseRuns}`),
  });
  return envelope(head(version === 'unknown' ? browserVersion : version), walk, {
    performance: {
      lighthouseVersion: LIGHTHOUSE_VERSION,
      runsPerPage: kit.lighthouseRuns,
      pages: results.map((p) => ({
        ...p,
        url: kit.redactor.text(p.url),
        runs: p.runs.map((r) =>
          r.renderBlocking
            ? { ...r, renderBlocking: r.renderBlocking.map((b) => ({ ...b, url: kit.redactor.text(b.url) })) }
            : r,
        ),
      })),
      timings,
    },
  });
}
