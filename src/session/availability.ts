/**
 * Can this machine run a device? Checked before any process starts, from what is installed and set:
 * browsers, driver programs, Appium drivers, required commands (adb, xcrun) and environment
 * variables (farm URLs, UDIDs). A device that cannot run is skipped with the reason and a hint on
 * how to add it — the run goes on with the others.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Device, EnvRef, UrlOrEnv } from '../core/config.ts';
import { findBrowser, findChromedriver, findMiniBrowser, installHint, which } from './browsers.ts';
import { appiumEntry, appiumHome } from './drivers.ts';

export interface Availability {
  available: boolean;
  /** Why not, in a sentence (shown in the scorecard). */
  reason?: string;
  /** How to add what is missing. */
  hint?: string;
  /** How the device will be driven, e.g. "WebKitGTK MiniBrowser via WebKitWebDriver under Xvfb". */
  via: string;
}

export function envValue(ref: EnvRef): string | undefined {
  const v = process.env[ref.env];
  return v === undefined || v === '' ? undefined : v;
}

export function resolveUrl(value: UrlOrEnv): string | undefined {
  return typeof value === 'string' ? value : envValue(value);
}

/** Sets a capability by dotted path: "bstack:options.accessKey" → { "bstack:options": { accessKey } }. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Appium drivers installed in APPIUM_HOME: npm packages whose package.json has appium.driverName. */
export function installedAppiumDrivers(home = appiumHome()): Map<string, { package: string; version: string }> {
  const out = new Map<string, { package: string; version: string }>();
  const modules = join(home, 'node_modules');
  if (!existsSync(modules)) return out;
  const dirs: string[] = [];
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const sub of readdirSync(join(modules, entry))) dirs.push(join(modules, entry, sub));
    } else {
      dirs.push(join(modules, entry));
    }
  }
  for (const dir of dirs) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: string;
        version?: string;
        appium?: { driverName?: string };
      };
      if (pkg.appium?.driverName && pkg.name)
        out.set(pkg.appium.driverName, { package: pkg.name, version: pkg.version ?? '?' });
    } catch {
      // not a readable package
    }
  }
  return out;
}

const APPIUM_DRIVER_PACKAGES: Record<string, string> = {
  chromium: 'appium-chromium-driver',
  uiautomator2: 'appium-uiautomator2-driver',
  xcuitest: 'appium-xcuitest-driver',
  espresso: 'appium-espresso-driver',
  safari: 'appium-safari-driver',
  gecko: 'appium-geckodriver',
};

function missingEnv(device: Device, names: string[]): string[] {
  return names.filter((n) => envValue({ env: n }) === undefined);
}

/** Environment variables the device reads (required ones, URLs and capabilities from the environment). */
export function envNamesOf(device: Device): string[] {
  const names = new Set(device.requires?.env ?? []);
  const add = (v: UrlOrEnv | undefined): void => {
    if (v && typeof v !== 'string') names.add(v.env);
  };
  if (device.driver === 'playwright') {
    add(device.connect?.wsEndpoint);
    for (const h of Object.values(device.connect?.headers ?? {})) names.add(h.env);
  } else if (device.driver === 'webdriver') {
    add(device.webdriver.url);
    for (const r of Object.values(device.webdriver.capabilityEnv)) names.add(r.env);
  } else {
    add(device.appium.url);
    for (const r of Object.values(device.appium.capabilityEnv)) names.add(r.env);
  }
  return [...names];
}

/** Whether the device can run here; `playwrightPaths` are Playwright's own build paths per engine. */
export function deviceAvailability(
  device: Device,
  playwrightPaths: Partial<Record<Device['engine'], string>> = {},
): Availability {
  const unavailable = (via: string, reason: string, hint: string): Availability => ({
    available: false,
    via,
    reason,
    hint,
  });
  const env = missingEnv(device, envNamesOf(device));
  const commands = (device.requires?.commands ?? []).filter((c) => !which(c));

  if (device.driver === 'playwright') {
    if (device.connect) {
      const via = 'a remote Playwright browser server';
      if (env.length)
        return unavailable(
          via,
          `needs the environment variable${env.length > 1 ? 's' : ''} ${env.join(', ')}`,
          `set ${env.join(', ')} (the ws:// endpoint of \`npx playwright launch-server\`)`,
        );
      return { available: true, via };
    }
    const found = findBrowser(device.engine, device, playwrightPaths[device.engine]);
    const via = found
      ? `Playwright, ${device.engine} (${found.executablePath ?? "Playwright's build"})`
      : `Playwright, ${device.engine}`;
    if (!found)
      return unavailable(via, `no ${device.engine} browser is installed for Playwright`, installHint(device.engine));
    if (commands.length)
      return unavailable(via, `needs ${commands.join(', ')} on PATH`, `install ${commands.join(', ')}`);
    if (env.length) return unavailable(via, `needs ${env.join(', ')}`, `set ${env.join(', ')}`);
    return { available: true, via };
  }

  if (device.driver === 'webdriver') {
    const server = device.webdriver.server;
    if (server === 'webkitgtk') {
      const via = 'WebKitGTK MiniBrowser via WebKitWebDriver under Xvfb';
      if (!which('WebKitWebDriver'))
        return unavailable(
          via,
          'WebKitWebDriver is not installed',
          "apt-get install webkit2gtk-driver (Debian/Ubuntu), or use Playwright's WebKit (playwright-webkit device)",
        );
      const caps = device.webdriver.capabilities['webkitgtk:browserOptions'] as { binary?: string } | undefined;
      if (!caps?.binary && !findMiniBrowser())
        return unavailable(
          via,
          "WebKitGTK's MiniBrowser was not found",
          'apt-get install webkit2gtk-driver, or set ERH_MINIBROWSER_PATH',
        );
      if (!which('Xvfb') && !process.env.DISPLAY)
        return unavailable(via, 'no X display: Xvfb is not installed and DISPLAY is not set', 'apt-get install xvfb');
    } else if (server === 'chromedriver') {
      const via = 'Chromium via chromedriver';
      if (!findChromedriver())
        return unavailable(
          via,
          'chromedriver is not installed',
          'apt-get install chromium-driver, or set ERH_CHROMEDRIVER_PATH',
        );
      if (!findBrowser('chromium', device))
        return unavailable(via, 'Chromium is not installed', installHint('chromium'));
    }
    const via =
      server === 'remote'
        ? 'a remote WebDriver endpoint (Selenium Grid or cloud farm)'
        : server === 'webkitgtk'
          ? 'WebKitGTK MiniBrowser via WebKitWebDriver under Xvfb'
          : 'Chromium via chromedriver';
    if (env.length)
      return unavailable(
        via,
        `needs the environment variable${env.length > 1 ? 's' : ''} ${env.join(', ')}`,
        `set ${env.join(', ')} (see the comments in the device file)`,
      );
    if (commands.length)
      return unavailable(via, `needs ${commands.join(', ')} on PATH`, `install ${commands.join(', ')}`);
    return { available: true, via };
  }

  const appium = device.appium;
  const via =
    appium.server === 'remote'
      ? 'a remote Appium server / device farm'
      : `Appium 3 (${appium.automation ?? 'driver from capabilities'})`;
  if (env.length)
    return unavailable(
      via,
      `needs the environment variable${env.length > 1 ? 's' : ''} ${env.join(', ')}`,
      `set ${env.join(', ')} (see the comments in the device file)`,
    );
  if (commands.length) {
    return unavailable(
      via,
      `needs ${commands.join(', ')} on PATH (the device, emulator or simulator tooling is not installed here)`,
      `install ${commands.join(', ')} and connect or start the device`,
    );
  }
  if (appium.server === 'local') {
    if (!appiumEntry())
      return unavailable(via, 'Appium is not installed', 'npm install appium (a project dependency: run npm ci)');
    if (appium.automation) {
      const installed = installedAppiumDrivers();
      if (!installed.has(appium.automation)) {
        const pkg = APPIUM_DRIVER_PACKAGES[appium.automation] ?? `the Appium driver "${appium.automation}"`;
        return unavailable(
          via,
          `the Appium driver "${appium.automation}" is not installed in APPIUM_HOME (${appiumHome()})`,
          `APPIUM_HOME=${appiumHome()} npx appium driver install ` +
            `${appium.automation === 'chromium' ? 'chromium' : appium.automation}  (or npm install ${pkg})`,
        );
      }
      if (appium.automation === 'chromium') {
        if (!appium.capabilities['appium:executable'] && !findChromedriver())
          return unavailable(
            via,
            'chromedriver is not installed',
            'apt-get install chromium-driver, or set appium:executable',
          );
        if (!findBrowser('chromium', device))
          return unavailable(via, 'Chromium is not installed', installHint('chromium'));
      }
    }
  }
  return { available: true, via };
}
