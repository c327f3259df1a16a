/**
 * What playwright.config.ts needs: the run directory and its targets. The erh CLI prepares the run
 * and passes ERH_RUN_DIR; when a user runs `npx playwright test` directly, the main process loads the
 * YAML configuration here, creates the run, and exports ERH_RUN_DIR so workers find the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, EXIT } from '../core/errors.ts';
import { loadConfig } from '../config/load.ts';
import { loadDotEnv } from '../config/secrets.ts';
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

/** The values of every `--project` option on the command line (`--project=x`, `--project x`). */
export function projectArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((arg, i) => {
    if (arg.startsWith('--project=')) out.push(arg.slice('--project='.length));
    else if (arg === '--project' && argv[i + 1] !== undefined) out.push(argv[i + 1] as string);
  });
  return out;
}

/**
 * The devices a direct `npx playwright test` run needs: ERH_DEVICES when set; else the devices the
 * `--project=service@device` options name (so any device file is reachable as a project, not only
 * the default ones); else the default devices.
 */
export function devicesFor(env: NodeJS.ProcessEnv, argv: readonly string[]): string[] | undefined {
  const given = list(env.ERH_DEVICES);
  if (given) return given;
  const named = projectArgs(argv).flatMap((p) => {
    const at = p.lastIndexOf('@');
    return at > 0 && !/[*?]/.test(p) ? [p.slice(at + 1)] : [];
  });
  return named.length > 0 ? [...new Set(named)] : undefined;
}

export function prepareRunFromEnv(): RunContext {
  const existing = process.env.ERH_RUN_DIR || undefined;
  watchParent();
  if (existing) return openRun(existing);
  const root = resolve(process.env.ERH_CONFIG_DIR ?? process.cwd());
  try {
    // The same .env as erh: patrons' card numbers and PINs, ports.
    loadDotEnv(root);
    const config = loadConfig({
      root,
      services: list(process.env.ERH_SERVICES),
      devices: devicesFor(process.env, process.argv),
      profile: process.env.ERH_PROFILE,
    });
    // `--list` only lists the tests: its run lives in a temporary folder, removed on exit, never in reports/.
    const listing = process.argv.includes('--list');
    const reports = listing ? mkdtempSync(join(tmpdir(), 'erh-list-')) : resolve(root, 'reports');
    if (listing) process.on('exit', () => rmSync(reports, { recursive: true, force: true }));
    const { runDir } = createRun(reports, config);
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
