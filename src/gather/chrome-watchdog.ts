/**
 * The watchdog of Lighthouse's Chrome: a tiny process of its own (its own session, so that it
 * outlives the Playwright worker that started it and the erh process above both), started before
 * Chrome itself, which kills Chrome's whole process group and removes its profile directory as soon as
 *
 * - its stdin closes — the worker that holds the other end exited, however it died (SIGKILL too), or
 *   let go of it on purpose after closing Chrome itself; or
 * - the erh process (`--erh <pid>`) is gone — erh killed outright, before its Playwright runner has
 *   noticed and stopped its workers.
 *
 * Chrome's DevTools port is unauthenticated and its profile holds the patron's session: neither may
 * outlive the run. Started by src/gather/lighthouse.ts as `node chrome-watchdog.ts --profile <dir>
 * [--erh <pid>]`; Chrome's pid comes from the `chrome.pid` file chrome-launcher writes into the
 * profile (and, on Linux, from /proc for the instant before it exists). Uses nothing but node:*.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { removeChromeProfile } from './chrome-profile.ts';
import { join } from 'node:path';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const profile = arg('profile') ?? '';
const erh = Number(arg('erh') ?? 0);

/** Chrome's pid: chrome-launcher writes it into the profile right after starting Chrome. */
function chromePid(): number {
  try {
    return Number(readFileSync(join(profile, 'chrome.pid'), 'utf8').trim()) || 0;
  } catch {
    return 0;
  }
}

/** Processes started with this profile (Linux /proc), for the moment before the pid file exists. */
function profileProcesses(): number[] {
  const needle = `--user-data-dir=${profile}`;
  const found: number[] = [];
  let names: string[] = [];
  try {
    names = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').includes(needle)) found.push(Number(name));
    } catch {
      continue;
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let done = false;
let seen = 0;
async function cleanUp(): Promise<void> {
  if (done) return;
  done = true;
  const pids = [...new Set([chromePid(), seen, ...profileProcesses()].filter((p) => p > 0))];
  for (const pid of pids) {
    // chrome-launcher starts Chrome detached: it leads its own process group, renderers included.
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (let i = 0; i < 40 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 50));
  if (/erh-lighthouse-/.test(profile)) removeChromeProfile(profile);
  process.exit(0);
}

process.stdin.on('end', () => void cleanUp());
process.stdin.on('error', () => void cleanUp());
process.stdin.on('close', () => void cleanUp());
process.stdin.resume();
setInterval(() => {
  seen ||= chromePid();
  if ((erh > 0 && !alive(erh)) || (seen > 0 && !alive(seen))) void cleanUp();
}, 200);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void cleanUp());
