/**
 * The bench's temporary files — demo runs and their reports, Lighthouse reports, the peer tools'
 * output, browser profiles — go into one directory, removed when the bench ends. TMPDIR is set
 * for this process (os.tmpdir() reads it at each call) and every child inherits it.
 * ERH_KEEP_BENCH_TMP=1 keeps the directory and prints where it is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function benchTmpDir(): { dir: string; remove: () => void } {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'erh-bench-run-'));
  process.env.TMPDIR = dir;
  return {
    dir,
    remove: () => {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      if (process.env.ERH_KEEP_BENCH_TMP) console.log(`bench: temporary files kept in ${dir}`);
      else rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
