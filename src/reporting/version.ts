import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The harness's own version, from package.json. */
export const HARNESS_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const require = createRequire(import.meta.url);

/** The installed version of a package, or `unknown`. */
function versionOf(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * The driver libraries installed when a run is created, recorded in its run.json: the versions that
 * gather its evidence. The evidence records the rest itself (axe-core, Lighthouse, each browser).
 */
export function gatheringTools(): Record<string, string> {
  return { playwright: versionOf('playwright'), webdriverio: versionOf('webdriverio') };
}
