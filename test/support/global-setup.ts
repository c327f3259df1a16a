/**
 * Vitest global setup: every temporary file of the test run — the tests' own, and those of the erh
 * processes, browsers and Lighthouse runs they start — goes into one directory, removed when the
 * run ends. Child processes inherit TMPDIR, and os.tmpdir() reads it at each call.
 * Set ERH_KEEP_TEST_TMP=1 to keep the directory (its path is printed) for a look after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'erh-test-run-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.ERH_KEEP_TEST_TMP) console.log(`erh tests: temporary files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
