/**
 * Login strategy: card number + PIN on the vendor's own form. The vendor's server verifies them with
 * the library system; the harness sees only the page. The outcome is decided by what a patron sees:
 * the declared success element (logged in) or a visible message with the form still there (rejected).
 */
import type { Login } from '../../core/config.ts';
import type { LoginAttempt } from '../../core/evidence.ts';
import { runAction, type ActionContext } from '../../gather/actions.ts';
import { detectLanguage } from '../../gather/language.ts';
import { messageProbe } from '../../gather/probes.ts';
import type { PatronSecrets } from '../../config/secrets.ts';
import { ActionError, NavigationError } from '../../session/types.ts';

type CardPinLogin = Extract<Login, { strategy: 'card-pin-form' }>;

export type LoginOutcome = Omit<LoginAttempt, 'role' | 'url' | 'screenshot'>;

const POLL_MS = 100;

export async function cardPinFormLogin(
  ctx: ActionContext,
  login: CardPinLogin,
  patron: PatronSecrets,
): Promise<LoginOutcome> {
  const { session } = ctx;
  try {
    for (const action of login.start) await runAction(ctx, action);
    await session.fill(login.card, patron.card, ctx.actionTimeoutMs);
    await session.fill(login.pin, patron.pin, ctx.actionTimeoutMs);
  } catch (e) {
    if (e instanceof NavigationError) throw e;
    const message = e instanceof ActionError ? e.message : `Login form could not be used: ${(e as Error).message}`;
    return { outcome: 'error', durationMs: 0, error: message };
  }

  const started = performance.now();
  try {
    await session.click(login.submit, ctx.actionTimeoutMs);
  } catch (e) {
    if (e instanceof NavigationError) throw e;
    return { outcome: 'error', durationMs: 0, error: (e as Error).message };
  }

  const deadline = started + login.timeoutMs;
  while (performance.now() < deadline) {
    if (await session.isVisible(login.success).catch(() => false)) {
      return { outcome: 'logged-in', durationMs: Math.round(performance.now() - started) };
    }
    const declared = login.error ? await session.textOf(login.error).catch(() => null) : null;
    const probe = await session.evaluate(messageProbe, { text: declared || null }).catch(() => ({ messages: [] }));
    const first = probe.messages.find((m) => m.text.length > 0);
    if (first) {
      return {
        outcome: 'rejected',
        durationMs: Math.round(performance.now() - started),
        message: first.text,
        messageLanguage: detectLanguage(first.text),
        announced: first.announced,
        echoesPin: first.text.includes(patron.pin),
      };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return { outcome: 'no-response', durationMs: Math.round(performance.now() - started) };
}
