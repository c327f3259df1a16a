/** The login suite for this project's target (service@device); see src/gather/index.ts (one file per gatherer). */
import { test } from './harness.ts';

test('login', async ({ gather }) => {
  await gather('login');
});
