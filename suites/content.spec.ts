/**
 * The content suite of each target (service@device): publications, accessibility statement and ACR
 * (src/gather/content.ts). Gathered on one device per service; on the others it is recorded not
 * applicable without starting anything (src/matrix/targets.ts).
 */
import { eachTarget, test } from './harness.ts';

eachTarget((target) => {
  test('content', async ({ gather }) => {
    // EPUBCheck (a JVM) and Ace (its own Chromium) take a while per publication.
    test.setTimeout(10 * 60_000);
    await gather('content', target);
  });
});
