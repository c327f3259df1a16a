/**
 * `erh doctor`: which engines, driver programs and Appium drivers this machine has, which device
 * profiles can run here, and how to add what is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, firefox, webkit } from 'playwright';
import { ENGINES, type Engine } from '../core/ids.ts';
import { loadConfig } from '../config/load.ts';
import { deviceAvailability, installedAppiumDrivers } from '../session/availability.ts';
import { findBrowser, findChromedriver, findMiniBrowser, installHint, which } from '../session/browsers.ts';
import { appiumEntry, appiumHome } from '../session/drivers.ts';

export interface DoctorLine {
  name: string;
  ok: boolean;
  detail: string;
}

function version(bin: string, args = ['--version']): string | undefined {
  try {
    return execFileSync(bin, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')[0];
  } catch {
    return undefined;
  }
}

export function doctor(root = resolve(import.meta.dirname, '../..')): DoctorLine[] {
  const lines: DoctorLine[] = [];
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  lines.push({
    name: 'node',
    ok: major > 22 || (major === 22 && minor >= 19),
    detail:
      `${process.version} ` +
      `(${process.execPath})${major < 22 ? ' — needs ≥ 22.19: run through npm scripts or install Node 24' : ''}`,
  });
  const pw: Record<Engine, string> = {
    chromium: chromium.executablePath(),
    firefox: firefox.executablePath(),
    webkit: webkit.executablePath(),
  };
  for (const engine of ENGINES) {
    const found = findBrowser(engine, undefined, pw[engine]);
    if (found) {
      const path = found.executablePath ?? pw[engine];
      const v = found.executablePath ? version(found.executablePath) : undefined;
      lines.push({
        name: engine,
        ok: true,
        detail: `${v ?? 'installed'} — ${path} (${found.source}${found.channel ? `, channel ${found.channel}` : ''})`,
      });
    } else {
      const extra =
        engine === 'webkit' && which('WebKitWebDriver')
          ? " (Playwright's WebKit build is missing, but WebKitGTK is available through WebDriver: see the " +
            'webkitgtk line and the desktop-webkit device)'
          : '';
      lines.push({
        name: engine,
        ok: engine === 'webkit' && extra !== '',
        detail: `Playwright: not found: ${installHint(engine)}.${extra}`,
      });
    }
  }
  const lighthouse = findBrowser('chromium', undefined, pw.chromium);
  lines.push({
    name: 'lighthouse',
    ok: !!lighthouse,
    detail: lighthouse ? 'available on Chromium devices' : 'needs Chromium: performance suites will be not applicable',
  });
  // Driver programs the harness starts for WebDriver and Appium devices.
  const wkd = which('WebKitWebDriver');
  const mini = findMiniBrowser();
  const xvfb = which('Xvfb');
  lines.push({
    name: 'webkitgtk',
    ok: !!wkd && !!mini && (!!xvfb || !!process.env.DISPLAY),
    detail:
      wkd && mini
        ? `WebKitWebDriver ${wkd}, MiniBrowser ${mini}` +
          (xvfb
            ? `, Xvfb ${xvfb}`
            : process.env.DISPLAY
              ? `, display ${process.env.DISPLAY}`
              : ' — no Xvfb: apt-get install xvfb')
        : 'not found: apt-get install webkit2gtk-driver xvfb (Debian/Ubuntu)',
  });
  const chromedriver = findChromedriver();
  lines.push({
    name: 'chromedriver',
    ok: !!chromedriver,
    detail: chromedriver
      ? `${version(chromedriver) ?? 'installed'} — ${chromedriver}`
      : 'not found: apt-get install chromium-driver',
  });
  const entry = appiumEntry();
  const drivers = entry ? installedAppiumDrivers() : new Map<string, { package: string; version: string }>();
  lines.push({
    name: 'appium',
    ok: !!entry && drivers.size > 0,
    detail: entry
      ? `APPIUM_HOME=${appiumHome()}; drivers: ` +
        `${[...drivers].map(([n, d]) => `${n} (${d.package}@${d.version})`).join(', ') || 'none'} — add one: ` +
        `APPIUM_HOME=${appiumHome()} npx appium driver install uiautomator2|xcuitest`
      : 'not installed: npm ci (appium and appium-chromium-driver are project dependencies)',
  });
  for (const tool of ['adb', 'xcrun']) {
    const found = which(tool);
    lines.push({
      name: tool,
      ok: !!found,
      detail: found
        ? found
        : tool === 'adb'
          ? 'not found: Android devices and emulators need the Android SDK platform-tools (adb)'
          : 'not found: iOS simulators need macOS with Xcode',
    });
  }
  // Every device profile: can it run here?
  if (existsSync(join(root, 'devices'))) {
    try {
      const config = loadConfig({ root, devices: ['all'] });
      for (const device of config.devices) {
        const a = deviceAvailability(device, pw);
        lines.push({
          name: `device ${device.id}`,
          ok: a.available,
          detail: a.available
            ? `ready — ${a.via}${device.default ? ' (in the default run)' : ''}`
            : `skipped here — ${a.reason}${a.hint ? `. To add it: ${a.hint}` : ''}`,
        });
      }
    } catch (e) {
      lines.push({ name: 'devices', ok: false, detail: (e as Error).message });
    }
  }
  return lines;
}
