/** `erh doctor`: which engines and drivers this machine has, and how to add the missing ones. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, firefox, webkit } from 'playwright';
import { ENGINES, type Engine } from '../core/ids.ts';
import { findBrowser, installHint } from '../session/browsers.ts';

export interface DoctorLine {
  name: string;
  ok: boolean;
  detail: string;
}

function version(bin: string, args = ['--version']): string | undefined {
  try {
    return execFileSync(bin, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return undefined;
  }
}

export function doctor(): DoctorLine[] {
  const lines: DoctorLine[] = [];
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  lines.push({
    name: 'node',
    ok: major > 22 || (major === 22 && minor >= 19),
    detail: `${process.version} (${process.execPath})${major < 22 ? ' — needs ≥ 22.19: run through npm scripts or install Node 24' : ''}`,
  });
  const pw: Record<Engine, string> = { chromium: chromium.executablePath(), firefox: firefox.executablePath(), webkit: webkit.executablePath() };
  for (const engine of ENGINES) {
    const found = findBrowser(engine, undefined, pw[engine]);
    if (found) {
      const path = found.executablePath ?? pw[engine];
      const v = found.executablePath ? version(found.executablePath) : undefined;
      lines.push({ name: engine, ok: true, detail: `${v ?? 'installed'} — ${path} (${found.source}${found.channel ? `, channel ${found.channel}` : ''})` });
    } else {
      const extra = engine === 'webkit' && existsSync('/usr/bin/WebKitWebDriver')
        ? ' WebKitGTK\'s WebKitWebDriver is installed; the WebDriver session that uses it is not part of this version.'
        : '';
      lines.push({ name: engine, ok: false, detail: `not found: ${installHint(engine)}.${extra}` });
    }
  }
  const lighthouse = findBrowser('chromium', undefined, pw.chromium);
  lines.push({
    name: 'lighthouse',
    ok: !!lighthouse,
    detail: lighthouse ? 'available on Chromium devices' : 'needs Chromium: performance suites will be not applicable',
  });
  return lines;
}
