/**
 * The performance phase: Lighthouse for every target, one at a time (this project runs with one
 * worker after every other project has finished), so no other browser work skews the measurements.
 * Targets whose device has no Lighthouse record "not applicable".
 */
import { currentRun, test } from './harness.ts';

for (const target of currentRun().targets) {
  test(target.id, async ({ gather }) => {
    await gather('performance', target);
  });
}
