/**
 * The accessibility and compatibility suites of each target (service@device), gathered in one walk of
 * its journey (src/gather/shared-walk.ts); a suite the service is narrowed out of is not gathered, and
 * a resumed run or a retry gathers only the cells still missing.
 */
import { eachTarget, test } from './harness.ts';

eachTarget((target) => {
  test('accessibility + compatibility', async ({ gatherAll }) => {
    await gatherAll(['accessibility', 'compatibility'], target);
  });
});
