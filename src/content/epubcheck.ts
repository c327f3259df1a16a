/**
 * EPUBCheck (W3C's EPUB validator; Debian package `epubcheck`, a Java program) on one file, its JSON
 * report kept next to the evidence. Debian installs /usr/bin/epubcheck as an executable jar (run
 * through binfmt_misc's jarwrapper): where that is not registered, as in containers, the jar is run
 * with `java -jar`. ERH_EPUBCHECK names another executable or jar.
 */
import { execFile } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { EpubCheckResult } from '../core/evidence.ts';

const TIMEOUT_MS = 180_000;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

function isJar(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    return head.toString('latin1') === 'PK';
  } finally {
    closeSync(fd);
  }
}

/** The command that runs EPUBCheck here, or why there is none. */
export function epubcheckCommand(): { cmd: string; args: string[] } | { error: string } {
  const file = process.env.ERH_EPUBCHECK || onPath('epubcheck');
  if (!file)
    return { error: 'EPUBCheck is not installed (Debian: apt-get install epubcheck; scripts/setup.sh does it)' };
  if (!isJar(file)) return { cmd: file, args: [] };
  const java = onPath('java');
  if (!java) return { error: `${file} is a jar and no java is installed` };
  // Client compiler only: EPUBCheck runs seconds, not hours.
  return { cmd: java, args: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', file] };
}

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** EPUBCheck's version (`--version`), or why it cannot be run. */
export async function epubcheckVersion(): Promise<{ version: string | null; error?: string }> {
  const c = epubcheckCommand();
  if ('error' in c) return { version: null, error: c.error };
  const r = await run(c.cmd, [...c.args, '--version']);
  const m = /EPUBCheck v?(\d+\.\d+\.\d+)/i.exec(r.stdout + r.stderr);
  return m
    ? { version: m[1]! }
    : {
        version: null,
        error:
          `EPUBCheck did not say its version (exit ${r.code}): ` +
          `${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''}`,
      };
}

interface EpubCheckJson {
  messages?: Array<{
    severity?: string;
    ID?: string;
    message?: string;
    locations?: Array<{ path?: string; line?: number }>;
  }>;
  checker?: { nFatal?: number; nError?: number; nWarning?: number };
}

/** Reads EPUBCheck's JSON report. */
export function summariseEpubCheck(json: EpubCheckJson): Omit<EpubCheckResult, 'ran' | 'report'> {
  const messages = (json.messages ?? []).map((m) => {
    const loc = m.locations?.[0];
    return {
      severity: m.severity ?? 'ERROR',
      id: m.ID ?? '',
      message: (m.message ?? '').slice(0, 500),
      ...(loc?.path ? { location: `${loc.path}${loc.line && loc.line > 0 ? `:${loc.line}` : ''}` } : {}),
    };
  });
  const order = ['FATAL', 'ERROR', 'WARNING', 'USAGE', 'INFO'];
  messages.sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  return {
    fatal: json.checker?.nFatal ?? messages.filter((m) => m.severity === 'FATAL').length,
    errors: json.checker?.nError ?? messages.filter((m) => m.severity === 'ERROR').length,
    warnings: json.checker?.nWarning ?? messages.filter((m) => m.severity === 'WARNING').length,
    messages: messages.slice(0, 50),
  };
}

export async function runEpubCheck(
  epub: string,
  reportFile: { absolute: string; relative: string },
): Promise<EpubCheckResult> {
  const empty = { fatal: 0, errors: 0, warnings: 0, messages: [] };
  const c = epubcheckCommand();
  if ('error' in c) return { ran: false, error: c.error, ...empty };
  const r = await run(c.cmd, [...c.args, epub, '--json', reportFile.absolute]);
  let json: EpubCheckJson;
  try {
    json = JSON.parse(readFileSync(reportFile.absolute, 'utf8')) as EpubCheckJson;
  } catch {
    const why = (r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? '';
    return { ran: false, error: `EPUBCheck wrote no report (exit ${r.code}): ${why}`, ...empty };
  }
  return { ran: true, ...summariseEpubCheck(json), report: reportFile.relative };
}
