/**
 * The accessibility gatherer: axe-core, the other rule engines the profile enables
 * (src/gather/a11y/engines) and the harness's own probes (src/gather/a11y) at every journey step,
 * where the patron meets the page, and at the login form's error state. It is a half of the shared
 * journey walk (./shared-walk.ts): its examination is the `probe` phase, after compatibility has
 * observed the state and before it plays the player or turns the reader's page.
 */
import type { AccessibilityState, Evidence, StepEvidence, WithheldAttempt } from '../core/evidence.ts';
import type { PatronRole } from '../core/ids.ts';
import { PageUnexaminableError } from '../session/types.ts';
import { loginStrategy } from '../auth/strategies/index.ts';
import { actionsOf, holdingStill, markUnexaminable } from '../journey/walk.ts';
import { runA11yProbes } from './a11y/index.ts';
import { runRules } from './a11y/engines/index.ts';
import { AXE_TAGS, axeSource } from './axe.ts';
import { envelope, spendFailedLogin, type GatherKit } from './kit.ts';
import { walkAlone, type HalfMaker } from './shared-walk.ts';

/** The patrons whose login shows the form's error state, in the order they are preferred (the cheapest first). */
const LOGIN_ERROR_ROLES = ['unknownCard', 'wrongPin'] as const satisfies readonly PatronRole[];

export const accessibilityHalf: HalfMaker = (kit, session, ctx) => {
  const states: AccessibilityState[] = [];
  let loginErrorWithheld: WithheldAttempt | undefined;
  return {
    suite: 'accessibility',
    screenshots: true,
    probe: async (step, ev) => {
      kit.progress?.(`axe and probes on ${step.id}`);
      // An overlay the step opened is examined where the patron meets it; its opener (the step's last click) restores
      // it after Escape.
      const opener = step.actions.flatMap((a) => ('click' in a ? [a.click] : [])).at(-1);
      // A page that would not hold still fails the step (src/journey/walk.ts holdingStill), and its state is not
      // kept.
      const state = await holdingStill(session, async () => ({
        ...(await runRules(session, step.id, ev.url, kit.ruleEngines ?? [])),
        probes: await runA11yProbes(session, { opener, actionTimeoutMs: ctx.actionTimeoutMs }),
      }));
      states.push({ ...state, ...(ev.screenshot ? { screenshot: ev.screenshot } : {}) });
    },
    finish: async (walk, head) => {
      if (walk.status === 'complete') {
        // The login form and its error state are pages every patron meets: examine them too. An unknown
        // card shows it without a failed login against a real card; a wrong PIN only within its budget.
        const role = LOGIN_ERROR_ROLES.find((r) => kit.patron(r));
        const wrong = role && kit.patron(role);
        const withheld = role && wrong ? await spendFailedLogin(kit, role, wrong) : undefined;
        if (role && withheld) loginErrorWithheld = { role, budget: withheld };
        if (wrong && !withheld) {
          await session.resetState();
          const outcome = await loginStrategy(kit.target.service.login)
            .perform(actionsOf(ctx), wrong)
            .catch(() => undefined);
          if (outcome && outcome.outcome === 'rejected') {
            const shot = kit.artifacts.file('accessibility-login-error.png');
            const screenshot = await session
              .screenshot(shot.absolute, { mask: ctx.mask, secrets: kit.redactor.secrets })
              .then(
                () => shot.relative,
                () => undefined,
              );
            const url = await session.url();
            try {
              const state = await holdingStill(session, async () => ({
                ...(await runRules(session, 'login-error', url, kit.ruleEngines ?? [])),
                probes: await runA11yProbes(session),
              }));
              states.push({ ...state, ...(screenshot ? { screenshot } : {}) });
            } catch (e) {
              if (!(e instanceof PageUnexaminableError)) throw e;
              // The login error page would not hold still: a failed step of its own, like the journey's.
              const failed: StepEvidence = {
                step: 'login-error',
                url: kit.redactor.text(url),
                ok: false,
                durationMs: 0,
                ...(screenshot ? { screenshot } : {}),
              };
              markUnexaminable(failed, e, kit.redactor);
              walk.steps.push(failed);
            }
          }
        }
      }
      return envelope(
        { target: kit.target, suite: 'accessibility', browserVersion: session.browserVersion, ...head },
        walk,
        {
          accessibility: {
            axeVersion: axeSource().version,
            tags: [...AXE_TAGS],
            states,
            ...(loginErrorWithheld ? { loginErrorWithheld } : {}),
          },
        },
      );
    },
  };
};

/** Accessibility alone (a service narrowed to it, or after a shared walk was cut short): one walk of its own. */
export function gatherAccessibility(kit: GatherKit, attempt = 1): Promise<Evidence> {
  return walkAlone(kit, { suite: 'accessibility', make: accessibilityHalf, attempt });
}
