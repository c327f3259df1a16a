/** The accessibility suite for this project's target (service@device); see src/gather/index.ts (one file per gatherer). */
import { test } from './harness.ts';

test('accessibility', async ({ gather }) => {
  await gather('accessibility');
});
