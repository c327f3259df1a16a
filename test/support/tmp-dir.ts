/**
 * A temporary directory for a whole run of the tests or the bench: TMPDIR points into it (os.tmpdir()
 * reads TMPDIR at each call, and child processes — erh, browsers, Lighthouse, peer tools — inherit
 * it), and `remove` restores TMPDIR and deletes the directory, unless the environment variable named
 * `keep` is set: then its path is printed instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function runTmpDir(prefix: string, keep: string): { dir: string; remove: () => void } {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.env.TMPDIR = dir;
  return {
    dir,
    remove: () => {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      if (process.env[keep]) console.log(`temporary files kept in ${dir} (${keep} is set)`);
      else rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
