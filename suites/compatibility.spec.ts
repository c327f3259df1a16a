/** The compatibility suite for this project's target (service@device); see src/gather/suites.ts. */
import { test } from './harness.ts';

test('compatibility', async ({ gather }) => {
  await gather('compatibility');
});
