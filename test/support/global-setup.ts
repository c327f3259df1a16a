/**
 * Vitest global setup: every temporary file of the test run — the tests' own, and those of the erh
 * processes, browsers and Lighthouse runs they start — goes into one directory, removed when the
 * run ends. Set ERH_KEEP_TEST_TMP=1 to keep it (its path is printed) for a look after a failure.
 */
import { runTmpDir } from './tmp-dir.ts';

export default function setup(): () => void {
  return runTmpDir('erh-test-run-', 'ERH_KEEP_TEST_TMP').remove;
}
