/** Runs the real erh CLI as a user would, capturing its output. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs erh. Each invocation counts failed logins in a ledger of its own (as on a fresh machine), unless
 * `options.env.ERH_STATE_DIR` names one: runs that must share a card's budget (a killed run and its
 * resume) say so.
 */
export function erh(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const state = options.env?.ERH_STATE_DIR ?? mkdtempSync(join(tmpdir(), 'erh-state-'));
    const child = spawn(process.execPath, [join(ROOT, 'bin/erh.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env, ERH_STATE_DIR: state },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      stderr += `\n[test support: erh killed after ${timeoutMs / 1000} s]\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    const started = performance.now();
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (args[0] === 'run' || args[0] === 'merge') logDuration(args, code, performance.now() - started, stdout);
      keepOutput(args, stdout, stderr);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/**
 * One line per `erh run` / `erh merge` on the test's stderr (vitest shows it under the file): what
 * was run, its exit code, its wall time and erh's own split (gathering / performance), so that a
 * slow end-to-end file says which of its runs costs what (docs/ci.md keeps the figures).
 */
function logDuration(args: string[], code: number | null, ms: number, stdout: string): void {
  const selection = ['--services', '--devices', '--shard', '--resume'].flatMap((o) => {
    const i = args.indexOf(o);
    return i >= 0 && args[i + 1] !== undefined ? [`${o} ${o === '--resume' ? '…' : args[i + 1]}`] : [];
  });
  const split = /erh: done in .*$/m.exec(stdout)?.[0] ?? '';
  process.stderr.write(`[erh ${args[0]}${selection.length ? ` ${selection.join(' ')}` : ''}: exit ${code ?? 'signal'}, ${(ms / 1000).toFixed(1)} s${split ? `; ${split.replace(/^erh: /, '')}` : ''}]\n`);
}

/**
 * `ERH_TEST_LOGS=<dir> npx vitest run …` keeps every erh invocation's whole output there, one file
 * each (its progress lines name every test and how long it took: where a slow end-to-end file spends its time).
 */
function keepOutput(args: string[], stdout: string, stderr: string): void {
  const dir = process.env.ERH_TEST_LOGS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${args[0] ?? 'erh'}.log`;
  writeFileSync(join(dir, name), `$ erh ${args.join(' ')}\n${stdout}\n--- stderr ---\n${stderr}`);
}

/** Every file below a directory (recursively). */
export async function filesBelow(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
