/** The compatibility suite for this project's target (service@device); see src/gather/index.ts (one file per gatherer). */
import { test } from './harness.ts';

test('compatibility', async ({ gather }) => {
  await gather('compatibility');
});
