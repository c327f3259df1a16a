/**
 * Driver processes the harness starts for devices that need them: Xvfb (a virtual display),
 * WebKitWebDriver (WebKitGTK), chromedriver and an Appium 3 server. Each is started on a free port,
 * waited for until it answers, and stopped when its owner (a Playwright worker, `erh doctor`, a
 * test) is done.
 *
 * No process is left behind, however the harness ends: every driver runs under a small `sh` guard
 * (setsid) in its own process group, and the guard holds a pipe from this process. When this process closes
 * the pipe — on `stop()`, on exit, on SIGINT/SIGTERM, or because it was killed outright — the guard
 * terminates the whole group (the driver and the browsers it launched).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { HarnessError } from '../core/errors.ts';
import { findChromedriver, which } from './browsers.ts';

const require = createRequire(import.meta.url);

/**
 * The guard: runs "$@" as the leader of a new process group (setsid), and ends that group — the
 * driver and every browser it started — when its stdin closes or it is told to stop.
 */
const GUARD = [
  'setsid "$@" &',
  'p=$!',
  'end() { kill -TERM -$p 2>/dev/null; i=0; ' +
    'while kill -0 -$p 2>/dev/null && [ $i -lt 30 ]; do sleep 0.1; i=$((i+1)); done; ' +
    'kill -KILL -$p 2>/dev/null; }',
  'trap end EXIT',
  'trap "exit 143" TERM INT HUP',
  'while read -r _; do :; done',
].join('\n');

export interface DriverProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Base URL of its HTTP endpoint (WebDriver servers), or the display (Xvfb). */
  readonly address: string;
  /** Output kept for error messages (last 4 KiB). */
  output(): string;
  readonly exited: boolean;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let hooked = false;

/** Closing the guards' pipes ends their process groups: on exit and on the usual signals. */
function hookProcessExit(): void {
  if (hooked) return;
  hooked = true;
  const closeAll = (): void => {
    for (const child of live) {
      child.stdin?.destroy();
      try {
        child.kill('SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', closeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      closeAll();
      // When nobody else handles the signal, let its default (exit) follow, as if we had not listened.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** A free TCP port on 127.0.0.1 (the OS picks one; it is released before the driver takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function startGuarded(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  extraFd = false,
): { child: ChildProcess; output: () => string } {
  hookProcessExit();
  const child = spawn('sh', ['-c', GUARD, 'erh-guard', command, ...args], {
    env,
    stdio: extraFd ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer): void => {
    out = (out + d.toString()).slice(-4096);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (e) => keep(Buffer.from(`\n${name}: ${e.message}`)));
  live.add(child);
  child.on('exit', () => live.delete(child));
  return { child, output: () => out };
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 6_000);
    await exited;
    clearTimeout(timer);
  };
}

function handle(name: string, child: ChildProcess, address: string, output: () => string): DriverProcess {
  return {
    name,
    pid: child.pid,
    address,
    output,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    stop: stopper(child),
  };
}

/** Polls `<url>/status` until the WebDriver server answers, the process exits, or time runs out. */
async function waitForStatus(
  name: string,
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new HarnessError(
        `${name} exited before it was ready: ` +
          `${output().trim().split('\n').slice(-3).join(' | ') || `exit ${child.exitCode ?? child.signalCode}`}`,
      );
    }
    try {
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stopper(child)();
  throw new HarnessError(
    `${name} did not answer at ${url}/status within ${Math.round(timeoutMs / 1000)} s: ` +
      `${output().trim().split('\n').slice(-3).join(' | ')}`,
  );
}

/** Xvfb on the first free display (Xvfb picks it: -displayfd). Resolves to e.g. ":99". */
export async function startXvfb(
  options: { width?: number; height?: number; timeoutMs?: number } = {},
): Promise<DriverProcess> {
  const bin = which('Xvfb');
  if (!bin) throw new HarnessError('Xvfb is not installed: apt-get install xvfb');
  const screen = `${options.width ?? 1920}x${options.height ?? 1200}x24`;
  const { child, output } = startGuarded(
    'Xvfb',
    bin,
    ['-displayfd', '3', '-screen', '0', screen, '-nolisten', 'tcp', '-noreset'],
    process.env,
    true,
  );
  const fd3 = child.stdio[3] as NodeJS.ReadableStream | null;
  const display = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(
      () =>
        reject(
          new HarnessError(
            `Xvfb did not start within ${Math.round((options.timeoutMs ?? 10_000) / 1000)} s: ${output()}`,
          ),
        ),
      options.timeoutMs ?? 10_000,
    );
    fd3?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /(\d+)\s*\n/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(`:${m[1]}`);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new HarnessError(`Xvfb exited before it was ready: ${output().trim() || 'no output'}`));
    });
  }).catch(async (e: unknown) => {
    await stopper(child)();
    throw e;
  });
  return handle('Xvfb', child, display, output);
}

/** WebKitGTK's WebDriver on a free port, on the given X display. */
export async function startWebKitWebDriver(display: string, timeoutMs = 15_000): Promise<DriverProcess> {
  const bin = which('WebKitWebDriver');
  if (!bin) throw new HarnessError('WebKitWebDriver is not installed: apt-get install webkit2gtk-driver');
  const port = await freePort();
  const { child, output } = startGuarded('WebKitWebDriver', bin, [`--port=${port}`, '--host=127.0.0.1'], {
    ...process.env,
    DISPLAY: display,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForStatus('WebKitWebDriver', url, child, output, timeoutMs);
  return handle('WebKitWebDriver', child, url, output);
}

/** chromedriver on a free port. */
export async function startChromedriver(timeoutMs = 15_000): Promise<DriverProcess> {
  const bin = findChromedriver();
  if (!bin) throw new HarnessError('chromedriver is not installed: apt-get install chromium-driver');
  const port = await freePort();
  const { child, output } = startGuarded(
    'chromedriver',
    bin,
    [`--port=${port}`, '--allowed-ips=127.0.0.1'],
    process.env,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForStatus('chromedriver', url, child, output, timeoutMs);
  return handle('chromedriver', child, url, output);
}

/** Where Appium's extensions live: the project directory (its node_modules hold the drivers). */
export function appiumHome(): string {
  return process.env.APPIUM_HOME ?? new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
}

/** Appium's CLI entry, from the project's dependencies. */
export function appiumEntry(): string | undefined {
  try {
    return require.resolve('appium/index.js');
  } catch {
    return undefined;
  }
}

/** An Appium 3 server on a free port (APPIUM_HOME = the project directory). */
export async function startAppium(timeoutMs = 60_000): Promise<DriverProcess> {
  const entry = appiumEntry();
  if (!entry) throw new HarnessError('Appium is not installed: npm install appium appium-chromium-driver');
  const port = await freePort();
  const { child, output } = startGuarded(
    'Appium',
    process.execPath,
    [entry, '--address', '127.0.0.1', '--port', String(port), '--log-level', 'warn', '--log-no-colors'],
    { ...process.env, APPIUM_HOME: appiumHome() },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForStatus('Appium', url, child, output, timeoutMs);
  return handle('Appium', child, url, output);
}
