/**
 * What playwright.config.ts needs: the run directory and its targets. The erh CLI prepares the run
 * and passes ERH_RUN_DIR; when a user runs `npx playwright test` directly, the main process loads the
 * YAML configuration here, creates the run, and exports ERH_RUN_DIR so workers find the same run.
 */
import { resolve } from 'node:path';
import { ConfigError, EXIT } from '../core/errors.ts';
import { loadConfig } from '../config/load.ts';
import { createRun, openRun, type RunContext } from './run-context.ts';
import { configErrorLine } from './terminal.ts';

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

/**
 * When erh itself dies (killed outright, so it could not pass a signal on), the Playwright runner it
 * started stops too — gracefully, so that workers close their browsers and drivers — instead of
 * gathering on as an orphan. Only the runner watches (workers are stopped by it).
 */
function watchParent(): void {
  const parent = Number(process.env.ERH_PARENT_PID);
  if (!parent || process.env.TEST_WORKER_INDEX !== undefined || process.ppid !== parent) return;
  setInterval(() => {
    if (process.ppid !== parent) {
      process.stderr.write('erh: the erh process is gone; stopping this run (erh run --resume finishes it)\n');
      process.kill(process.pid, 'SIGINT');
    }
  }, 1000).unref();
}

export function prepareRunFromEnv(): RunContext {
  const existing = process.env.ERH_RUN_DIR;
  watchParent();
  if (existing) return openRun(existing);
  const root = resolve(process.env.ERH_CONFIG_DIR ?? process.cwd());
  try {
    const config = loadConfig({
      root,
      services: list(process.env.ERH_SERVICES),
      devices: list(process.env.ERH_DEVICES),
      profile: process.env.ERH_PROFILE,
    });
    const { runDir } = createRun(resolve(root, 'reports'), config);
    process.env.ERH_RUN_DIR = runDir;
    return openRun(runDir);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${configErrorLine(e)}\n`);
      process.exit(EXIT.config);
    }
    throw e;
  }
}
