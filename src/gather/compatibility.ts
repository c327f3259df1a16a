/**
 * The compatibility gatherer: console messages, page errors and failed requests per step, horizontal
 * overflow at every state, the device-specific extras (./compat-extras.ts: viewport meta, touch
 * targets, web features, frames, media, reader paging) and, once per target, the service's release.
 */
import type {
  ConsoleEntrySchema,
  Evidence,
  FailedRequestSchema,
  OverflowSample,
  PageErrorSchema,
} from '../core/evidence.ts';
import type { z } from 'zod';
import { walkJourney, type WalkResult } from '../journey/walk.ts';
import { CompatibilityExtras } from './compat-extras.ts';
import { envelope, journeyContext, withSession, type GatherKit } from './kit.ts';
import { overflowProbe } from './probes.ts';
import { readRelease } from './release.ts';

export async function gatherCompatibility(kit: GatherKit, attempt = 1): Promise<Evidence> {
  const started = new Date();
  return withSession(kit, async (session) => {
    const ctx = journeyContext(kit, session);
    let current = kit.target.service.journey[0]?.id ?? 'start';
    const consoleEntries: z.infer<typeof ConsoleEntrySchema>[] = [];
    const pageErrors: z.infer<typeof PageErrorSchema>[] = [];
    const failedRequests: z.infer<typeof FailedRequestSchema>[] = [];
    const overflow: OverflowSample[] = [];
    const unlisten = session.listen({
      console: (e) =>
        consoleEntries.push({
          level: e.level,
          text: kit.redactor.clip(e.text, 500),
          step: current,
          ...(e.location ? { location: e.location } : {}),
        }),
      pageError: (message) => pageErrors.push({ message: kit.redactor.clip(message, 500), step: current }),
      requestFailed: (r) => failedRequests.push({ ...r, step: current }),
    });
    const extras = new CompatibilityExtras({
      session,
      service: kit.target.service,
      device: kit.target.device,
      redactor: kit.redactor,
      actionTimeoutMs: ctx.actionTimeoutMs,
    });
    await extras.start();
    let walk: WalkResult;
    try {
      const journey = kit.target.service.journey;
      walk = await walkJourney(ctx, {
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
      });
      if (walk.status === 'complete' && walk.steps.length > 0) await extras.onEnd();
      // Logs that some drivers keep (Chrome's over WebDriver) are read at the next call: collect the last step's.
      await session.url();
    } finally {
      unlisten();
    }
    // The service's release (service YAML `release:`), once per target, after the listeners are gone.
    const release =
      walk.status === 'complete'
        ? await readRelease(session, kit.target.service, kit.redactor, ctx.navigationTimeoutMs)
        : undefined;
    return envelope(
      {
        target: kit.target,
        suite: 'compatibility',
        startedAt: started,
        browserVersion: session.browserVersion,
        attempt,
      },
      walk,
      {
        compatibility: {
          viewport: session.viewport(),
          console: consoleEntries,
          pageErrors,
          failedRequests,
          overflow,
          ...extras.evidence(),
        },
        ...(release ? { release } : {}),
      },
    );
  });
}
