/**
 * How long the harness gives itself to gather one suite of one target — the one owner of that rule.
 *
 * Every page load and every action already has its own limit (the service's `timeouts`), so a vendor
 * that hangs is a result (`timeout`, a failed step) long before this budget is spent. The budget is a
 * guard against the harness itself hanging, sized by the work: a fixed part for opening the browser
 * and running the rule engines, and per journey step (times the patrons a login suite signs in as) one
 * page load plus the probes of that state. On a loaded machine a suite may take several times as long
 * as on a quiet one; the budget must not turn that into a harness error.
 *
 * When it runs out, the suite is a harness error that says so — with the budget and what it covered —
 * never the confusing error of the browser session that was closed under the still-running gatherer.
 */
import { serviceTimeouts, type Service } from '../core/config.ts';
import type { Suite } from '../core/ids.ts';
import { HarnessError } from '../core/errors.ts';

/** Opening the browser, the rule engines' first load, writing evidence. */
const FIXED_MS = 3 * 60_000;
/** Per journey state: the probes and rule engines on a slow engine (WebKit, Appium) under load. */
const PER_STEP_MS = 90_000;

export function gatherBudgetMs(service: Pick<Service, 'journey' | 'patrons' | 'timeouts'>, suite: Suite): number {
  const steps = service.journey.length;
  const walks = suite === 'login' ? Math.max(1, Object.keys(service.patrons).length) : 1;
  return FIXED_MS + walks * steps * (serviceTimeouts(service).navigationMs + PER_STEP_MS);
}

/**
 * Runs `work` within `budgetMs`; when the budget is spent first, rejects with a HarnessError naming it.
 * The work is not cancelled here: its caller closes the session, which ends it.
 */
export async function withinBudget<T>(what: string, budgetMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const spent = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HarnessError(
            `${what} took longer than the harness's budget of ${Math.round(budgetMs / 1000)} s ` +
              '(page loads and actions have their own limits; an overloaded machine or a hung driver spends it)',
          ),
        ),
      budgetMs,
    );
  });
  try {
    return await Promise.race([work, spent]);
  } finally {
    clearTimeout(timer);
  }
}
