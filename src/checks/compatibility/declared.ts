import type { StepEvidence } from '../../core/index.ts';
import type { CheckOutcome } from '../types.ts';

/**
 * The outcome of a check of a declared feature (player, reader) that recorded nothing: not
 * applicable when the service declares no such feature, inconclusive (with why) when it does and
 * the journey never reached or never completed its step. `declaredStep` is undefined in evidence
 * from before declarations were recorded: then a failed step makes it inconclusive, as before.
 */
export function notReached(
  declaredStep: string | null | undefined,
  steps: readonly StepEvidence[],
  feature: 'player' | 'reader',
): CheckOutcome {
  const field = feature === 'player' ? 'compatibility.media' : 'compatibility.reader';
  if (declaredStep === null)
    return { status: 'not-applicable', detail: `The service declares no ${feature} to test (${field}).` };
  const failed = steps.find((s) => !s.ok);
  if (declaredStep === undefined && !failed)
    return { status: 'not-applicable', detail: `The service declares no ${feature} to test (${field}).` };
  const where = declaredStep === undefined ? `the ${feature}` : `the ${feature} at step "${declaredStep}"`;
  const why = failed
    ? `the journey stopped at step "${failed.step}"${failed.error ? ` (${failed.error})` : ''}; see journey-completed`
    : 'the step was not walked';
  return { status: 'inconclusive', detail: `The service declares ${where}, but it was never tested: ${why}.` };
}
