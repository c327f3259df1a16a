/**
 * The compatibility gatherer: console messages, page errors and failed requests per step, horizontal
 * overflow at every state, the device-specific extras (./compat-extras.ts: viewport meta, touch
 * targets, web features, frames, media, reader paging) and, once per target, the service's release.
 * It is a half of the shared journey walk (./shared-walk.ts): it observes each state before the
 * accessibility probes act on it, is muted while they do, and plays the player and turns the
 * reader's page after them.
 */
import type {
  ConsoleEntrySchema,
  Evidence,
  FailedRequestSchema,
  OverflowSample,
  PageErrorSchema,
} from '../core/evidence.ts';
import type { z } from 'zod';
import { CompatibilityExtras } from './compat-extras.ts';
import { envelope, type GatherKit } from './kit.ts';
import { overflowProbe } from './probes.ts';
import { readRelease } from './release.ts';
import { walkAlone, type HalfMaker } from './shared-walk.ts';

export const compatibilityHalf: HalfMaker = (kit, session, ctx) => {
  const journey = kit.target.service.journey;
  let current = journey[0]?.id ?? 'start';
  /** Another half's probes are acting on the page: what they provoke is not the patron's journey. */
  let muted = false;
  const consoleEntries: z.infer<typeof ConsoleEntrySchema>[] = [];
  const pageErrors: z.infer<typeof PageErrorSchema>[] = [];
  const failedRequests: z.infer<typeof FailedRequestSchema>[] = [];
  const overflow: OverflowSample[] = [];
  let unlisten: (() => void) | undefined;
  const extras = new CompatibilityExtras({
    session,
    service: kit.target.service,
    device: kit.target.device,
    redactor: kit.redactor,
    actionTimeoutMs: ctx.actionTimeoutMs,
  });
  return {
    suite: 'compatibility',
    start: async () => {
      unlisten = session.listen({
        console: (e) => {
          if (muted) return;
          consoleEntries.push({
            level: e.level,
            text: kit.redactor.clip(e.text, 500),
            step: current,
            ...(e.location ? { location: e.location } : {}),
          });
        },
        pageError: (message) => {
          if (!muted) pageErrors.push({ message: kit.redactor.clip(message, 500), step: current });
        },
        requestFailed: (r) => {
          if (!muted) failedRequests.push({ ...r, step: current });
        },
      });
      await extras.start();
    },
    observe: async (step, ev) => {
      pageErrors.push(...(await extras.handledPageErrors(current, pageErrors)));
      const o = await session.evaluate(overflowProbe, null);
      overflow.push({ step: step.id, url: ev.url, ...o });
      await extras.observe(step, ev.url);
    },
    act: async (step, ev) => {
      await extras.act(step, ev.url);
      // Events from here on belong to the next step's actions.
      const next = journey[journey.findIndex((s) => s.id === step.id) + 1];
      if (next) current = next.id;
    },
    mute: () => {
      muted = true;
    },
    unmute: async () => {
      try {
        // Logs that some drivers keep (Chrome's over WebDriver) are read at the next call: read the probes' now,
        // muted, and drop the exceptions the page's own handler caught meanwhile.
        await session.url();
        await extras.discardHandledErrors();
      } catch (e) {
        // A page that went away under the probes fails their step; a lost browser fails the walk.
        if (session.lost?.()) throw e;
      } finally {
        muted = false;
      }
    },
    finish: async (walk, head) => {
      try {
        if (walk.status === 'complete' && walk.steps.length > 0) await extras.onEnd();
        // Logs that some drivers keep (Chrome's over WebDriver) are read at the next call: collect the last step's.
        await session.url();
      } finally {
        unlisten?.();
      }
      // The service's release (service YAML `release:`), once per target, after the listeners are gone.
      const release =
        walk.status === 'complete'
          ? await readRelease(session, kit.target.service, kit.redactor, ctx.navigationTimeoutMs)
          : undefined;
      return envelope(
        { target: kit.target, suite: 'compatibility', browserVersion: session.browserVersion, ...head },
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
    },
  };
};

/** Compatibility alone (a service narrowed to it, or after a shared walk was cut short): one walk of its own. */
export function gatherCompatibility(kit: GatherKit, attempt = 1): Promise<Evidence> {
  return walkAlone(kit, { suite: 'compatibility', make: compatibilityHalf, attempt });
}
