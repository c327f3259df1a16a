/**
 * Where a gatherer's files go: `<run>/evidence/<target>/<name>`. Names come from configuration ids
 * (suite, step), never from page content or secrets.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Artifacts {
  /** A file path for an artifact, absolute and relative to the run directory. */
  file(name: string): { absolute: string; relative: string };
}

export function artifactsFor(runDir: string, targetId: string): Artifacts {
  const rel = `evidence/${targetId}`;
  return {
    file(name: string) {
      const safe = name.replace(/[^a-zA-Z0-9._-]+/g, '_');
      mkdirSync(join(runDir, rel), { recursive: true });
      return { absolute: join(runDir, rel, safe), relative: `${rel}/${safe}` };
    },
  };
}
