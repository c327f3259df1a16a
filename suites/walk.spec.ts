/**
 * The accessibility and compatibility suites for this project's target (service@device), gathered in
 * one walk of its journey (src/gather/shared-walk.ts); a suite the service is narrowed out of is not
 * gathered, and a resumed run or a retry gathers only the cells still missing.
 */
import { test } from './harness.ts';

test('accessibility + compatibility', async ({ gatherAll }) => {
  await gatherAll(['accessibility', 'compatibility']);
});
