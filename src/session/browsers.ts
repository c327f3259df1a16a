/**
 * Where browsers come from: an explicit path in the device profile, an environment override, the
 * Debian packages (the path on CI and on these machines), or Playwright's own downloaded builds (the
 * usual path on a user's machine). `erh doctor` reports the same discovery.
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Device } from '../core/config.ts';
import type { Engine } from '../core/ids.ts';

export interface BrowserInstall {
  engine: Engine;
  executablePath: string | undefined;
  /** Playwright channel needed for this binary (Firefox ESR over WebDriver BiDi). */
  channel: string | undefined;
  source: 'device' | 'env' | 'debian' | 'playwright';
}

const DEBIAN: Record<Engine, { path: string; channel?: string }[]> = {
  chromium: [{ path: '/usr/bin/chromium' }, { path: '/usr/bin/chromium-browser' }, { path: '/usr/bin/google-chrome' }],
  firefox: [
    { path: '/usr/bin/firefox-esr', channel: 'moz-firefox' },
    { path: '/usr/bin/firefox', channel: 'moz-firefox' },
  ],
  webkit: [],
};

const ENV: Record<Engine, string> = {
  chromium: 'ERH_CHROMIUM_PATH',
  firefox: 'ERH_FIREFOX_PATH',
  webkit: 'ERH_WEBKIT_PATH',
};

/** Switches that stop Chromium reaching for the network on its own (there is none on CI). */
export const CHROMIUM_QUIET_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-quic',
];

export function chromiumArgs(): string[] {
  const args = [...CHROMIUM_QUIET_ARGS];
  // Chromium refuses to run as root with its sandbox; CI containers run as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/** Finds a browser for an engine; `playwrightPath` is Playwright's own build path, if installed. */
export function findBrowser(engine: Engine, device?: Device, playwrightPath?: string): BrowserInstall | undefined {
  const browser = device?.driver === 'playwright' ? device.browser : undefined;
  const explicit = browser?.executablePath;
  if (explicit) return { engine, executablePath: explicit, channel: browser?.channel, source: 'device' };
  const fromEnv = process.env[ENV[engine]];
  if (fromEnv) {
    return {
      engine,
      executablePath: fromEnv,
      channel: engine === 'firefox' ? 'moz-firefox' : undefined,
      source: 'env',
    };
  }
  for (const candidate of DEBIAN[engine]) {
    if (existsSync(candidate.path)) {
      return { engine, executablePath: candidate.path, channel: candidate.channel, source: 'debian' };
    }
  }
  if (playwrightPath && existsSync(playwrightPath)) {
    return { engine, executablePath: undefined, channel: undefined, source: 'playwright' };
  }
  return undefined;
}

export function installHint(engine: Engine): string {
  switch (engine) {
    case 'chromium':
      return 'install Chromium: `apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`';
    case 'firefox':
      return 'install Firefox: `apt-get install firefox-esr` (Debian) or `npx playwright install firefox`';
    case 'webkit':
      return (
        "install WebKit: `npx playwright install webkit` (Playwright's build), or on Debian/Ubuntu use WebKitGTK: " +
        '`apt-get install webkit2gtk-driver xvfb` and the desktop-webkit device'
      );
  }
}

/** A program on PATH (or an absolute path that exists and is executable), else undefined. */
export function which(program: string): string | undefined {
  const isExec = (p: string): boolean => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (program.includes('/')) return isExec(program) ? program : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExec(join(dir, program))) return join(dir, program);
  }
  return undefined;
}

/** WebKitGTK's MiniBrowser (the browser WebKitWebDriver drives); ERH_MINIBROWSER_PATH overrides. */
export function findMiniBrowser(): string | undefined {
  const fromEnv = process.env.ERH_MINIBROWSER_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const roots = ['/usr/lib', '/usr/libexec', '/usr/lib64'];
  for (const root of roots) {
    let entries: string[] = [];
    try {
      entries = readdirSync(root);
    } catch {
      continue;
    }
    // /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser (Debian), /usr/libexec/webkit2gtk-4.1/MiniBrowser (Fedora)
    const dirs = [root, ...entries.filter((e) => e.endsWith('-linux-gnu')).map((e) => join(root, e))];
    for (const dir of dirs) {
      for (const api of ['webkitgtk-6.0', 'webkit2gtk-4.1', 'webkit2gtk-4.0']) {
        const candidate = join(dir, api, 'MiniBrowser');
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

/** chromedriver matching the Chromium found (Debian: chromium-driver); ERH_CHROMEDRIVER_PATH overrides. */
export function findChromedriver(): string | undefined {
  const fromEnv = process.env.ERH_CHROMEDRIVER_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return which('chromedriver');
}
