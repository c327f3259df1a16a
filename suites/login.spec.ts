/** The login suite of each target (service@device); see src/gather/index.ts (one file per gatherer). */
import { eachTarget, test } from './harness.ts';

eachTarget((target) => {
  test('login', async ({ gather }) => {
    await gather('login', target);
  });
});
