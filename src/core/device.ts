/**
 * Device profiles (devices/*.yaml): what a target runs on. A profile is discriminated by `driver`:
 *
 * - `playwright` (default): a local browser launched by Playwright (Chromium, Firefox over WebDriver
 *   BiDi, WebKit where Playwright's build is installed), with Playwright's device emulation; or a
 *   remote Playwright browser server (`connect.wsEndpoint`).
 * - `webdriver`: a W3C WebDriver session through WebdriverIO — WebKitGTK's WebKitWebDriver (started
 *   by the harness under Xvfb), a local chromedriver, or a remote endpoint (Selenium Grid, a cloud
 *   browser farm).
 * - `appium`: an Appium 3 session — a local Appium server the harness starts (APPIUM_HOME = the
 *   project directory) or a remote one (a device farm); real Android/iOS devices, emulators and
 *   simulators, or Chromium with mobile emulation through appium-chromium-driver.
 *
 * Secrets (farm user names and keys, UDIDs if they are private) are never written here: only the
 * names of the environment variables that hold them (`{ env: NAME }`).
 *
 * Selection: a run without `--devices` uses the devices whose `default` is true. Devices that need
 * hardware, an emulator or a remote service ship with `default: false` and are picked by id or by a
 * named set (`--devices @local`).
 */
import { z } from 'zod';
import { ENGINES, SlugSchema } from './ids.ts';

export const FORM_FACTORS = ['desktop', 'mobile', 'tablet'] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

export const DRIVERS = ['playwright', 'webdriver', 'appium'] as const;
export type Driver = (typeof DRIVERS)[number];

/** WebDriver servers the harness can start on this machine, or `remote` for one that runs elsewhere. */
export const WEBDRIVER_SERVERS = ['webkitgtk', 'chromedriver', 'remote'] as const;
export type WebDriverServer = (typeof WEBDRIVER_SERVERS)[number];

export const APPIUM_SERVERS = ['local', 'remote'] as const;
export type AppiumServer = (typeof APPIUM_SERVERS)[number];

const EnvNameSchema = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name in upper case, e.g. GRID_URL')
  .describe('Name of an environment variable');

/** A value taken from the environment at run time: `{ env: NAME }`. */
export const EnvRefSchema = z
  .strictObject({
    env: EnvNameSchema.describe('Name of the environment variable that holds the value; never the value itself'),
  })
  .describe('Taken from the environment at run time');
export type EnvRef = z.infer<typeof EnvRefSchema>;

/** A URL written in the profile, or the name of the environment variable holding it (when it embeds a key). */
export const UrlOrEnvSchema = z
  .union([z.url({ protocol: /^(https?|wss?)$/ }), EnvRefSchema])
  .describe('A URL, or { env: NAME } when the URL carries credentials');
export type UrlOrEnv = z.infer<typeof UrlOrEnvSchema>;

const ViewportSchema = z
  .strictObject({
    width: z.number().int().min(200).max(7680).describe('CSS pixels'),
    height: z.number().int().min(200).max(4320).describe('CSS pixels'),
  })
  .describe('Viewport (Playwright) or browser window size (WebDriver), in CSS pixels');

/**
 * Capabilities, as the WebDriver/Appium server expects them (`appium:` and vendor prefixes as
 * usual). Values are plain YAML; nothing secret.
 */
const CapabilitiesSchema = z
  .record(z.string(), z.unknown())
  .default({})
  .describe('W3C capabilities sent when the session is created, e.g. browserName, platformName, appium:automationName');

/**
 * Capabilities filled from the environment at run time, by dotted path: e.g.
 * `appium:udid: { env: ANDROID_UDID }`, `bstack:options.accessKey: { env: BROWSERSTACK_ACCESS_KEY }`.
 * A variable that is not set makes the device unavailable (skipped with the reason), never a crash.
 */
const CapabilityEnvSchema = z
  .record(z.string().min(1), EnvRefSchema)
  .default({})
  .describe(
    'Capabilities taken from environment variables, by dotted path, e.g. "bstack:options.accessKey": { env: ' +
      'BROWSERSTACK_ACCESS_KEY }',
  );

const common = {
  $schema: z.string().optional().describe('Path of the JSON Schema for editor completion'),
  id: SlugSchema.describe('Short id used in target names (service@device)'),
  name: z.string().min(1).describe('Human-readable name shown in the scorecard'),
  engine: z
    .enum(ENGINES)
    .describe(
      'Browser engine: chromium (Chrome, Edge, Android Chrome), firefox, or webkit (Safari, iOS browsers, WebKitGTK)',
    ),
  formFactor: z
    .enum(FORM_FACTORS)
    .describe('desktop, mobile or tablet: picks Lighthouse settings and layout expectations'),
  locale: z.string().default('fi-FI').describe('Browser locale, e.g. fi-FI, sv-FI, en-GB'),
  default: z
    .boolean()
    .default(true)
    .describe(
      'Part of a run when no --devices are given. Set false for devices that need hardware, an emulator or a ' +
        'remote service',
    ),
  sets: z
    .array(SlugSchema)
    .default([])
    .describe('Named device sets this device belongs to, e.g. [local, mobile]; select a set with --devices @local'),
  requires: z
    .strictObject({
      commands: z
        .array(z.string().min(1))
        .default([])
        .describe('Programs that must be on PATH, e.g. adb (Android), xcrun (iOS simulators)'),
      env: z
        .array(EnvNameSchema)
        .default([])
        .describe("Environment variables that must be set, e.g. a farm's user name"),
    })
    .optional()
    .describe(
      'What this machine needs for the device; a device whose requirements are missing is skipped with the reason',
    ),
  notes: z.string().optional().describe('Free text for evaluators; not scored'),
};

/** Emulation that Playwright applies to a browser context. */
const playwrightEmulation = {
  emulate: z
    .string()
    .optional()
    .describe(
      'A Playwright device descriptor to start from, e.g. "Pixel 7", "iPhone 15", "iPad (gen 7)"; fields below ' +
        'override it',
    ),
  viewport: ViewportSchema.optional(),
  deviceScaleFactor: z.number().positive().max(5).optional().describe('Device pixels per CSS pixel'),
  isMobile: z.boolean().optional().describe('Mobile viewport meta handling (Chromium, WebKit)'),
  hasTouch: z.boolean().optional().describe('Touch events are supported'),
  userAgent: z.string().optional().describe('Override the user-agent string'),
};

export const PlaywrightDeviceSchema = z
  .strictObject({
    ...common,
    driver: z.literal('playwright').default('playwright').describe('Playwright drives the browser (default)'),
    ...playwrightEmulation,
    browser: z
      .strictObject({
        executablePath: z
          .string()
          .optional()
          .describe("Browser binary; default: autodetected (Debian paths, then Playwright's own)"),
        channel: z
          .string()
          .optional()
          .describe('Playwright channel, e.g. moz-firefox for a system Firefox over WebDriver BiDi'),
        args: z.array(z.string()).optional().describe('Extra command-line switches'),
      })
      .optional()
      .describe('Which local browser to launch'),
    connect: z
      .strictObject({
        wsEndpoint: UrlOrEnvSchema.describe(
          'ws:// endpoint of a Playwright browser server (`npx playwright launch-server`) or a Playwright grid',
        ),
        headers: z
          .record(z.string(), EnvRefSchema)
          .default({})
          .describe('HTTP headers for the connection, from the environment (e.g. an API key)'),
        timeoutMs: z
          .number()
          .int()
          .positive()
          .max(300_000)
          .default(30_000)
          .describe('How long connecting may take, ms'),
      })
      .optional()
      .describe('Use a remote Playwright browser server instead of launching a local browser'),
  })
  .describe('A browser driven by Playwright, locally or through a remote browser server');

export const WebDriverDeviceSchema = z
  .strictObject({
    ...common,
    driver: z.literal('webdriver').describe('A W3C WebDriver session through WebdriverIO'),
    viewport: ViewportSchema.optional(),
    hasTouch: z.boolean().optional().describe('The device has a touch screen (layout checks for touch targets)'),
    webdriver: z
      .strictObject({
        server: z
          .enum(WEBDRIVER_SERVERS)
          .describe(
            'webkitgtk: the harness starts WebKitWebDriver under Xvfb; chromedriver: the harness starts ' +
              'chromedriver; remote: a Selenium Grid or cloud farm at `url`',
          ),
        url: UrlOrEnvSchema.optional().describe(
          'Remote endpoint (server: remote), e.g. http://grid.example:4444/wd/hub',
        ),
        capabilities: CapabilitiesSchema,
        capabilityEnv: CapabilityEnvSchema,
        timeoutMs: z
          .number()
          .int()
          .positive()
          .max(600_000)
          .default(120_000)
          .describe('How long creating a session may take (farms queue), ms'),
      })
      .describe('How to reach the WebDriver server'),
  })
  .refine((d) => d.webdriver.server !== 'remote' || d.webdriver.url !== undefined, {
    message: 'a remote WebDriver server needs webdriver.url',
    path: ['webdriver', 'url'],
  })
  .describe('A browser driven over W3C WebDriver (WebKitGTK, chromedriver, Selenium Grid, cloud farm)');

export const AppiumDeviceSchema = z
  .strictObject({
    ...common,
    driver: z.literal('appium').describe('An Appium 3 session (real devices, emulators, simulators, farms)'),
    viewport: ViewportSchema.optional(),
    hasTouch: z.boolean().default(true).describe('The device has a touch screen'),
    appium: z
      .strictObject({
        server: z
          .enum(APPIUM_SERVERS)
          .describe(
            'local: the harness starts Appium (APPIUM_HOME = the project directory); remote: an Appium server or ' +
              'device farm at `url`',
          ),
        url: UrlOrEnvSchema.optional().describe(
          'Remote Appium endpoint (server: remote), e.g. https://hub.farm.example/wd/hub',
        ),
        automation: z
          .string()
          .min(1)
          .optional()
          .describe(
            'Appium driver the local server needs, e.g. chromium, uiautomator2, xcuitest (checked with `appium ' +
              'driver list --installed`)',
          ),
        capabilities: CapabilitiesSchema,
        capabilityEnv: CapabilityEnvSchema,
        timeoutMs: z
          .number()
          .int()
          .positive()
          .max(600_000)
          .default(180_000)
          .describe('How long creating a session may take (emulators boot, farms queue), ms'),
      })
      .describe('How to reach Appium and what to ask it for'),
  })
  .refine((d) => d.appium.server !== 'remote' || d.appium.url !== undefined, {
    message: 'a remote Appium server needs appium.url',
    path: ['appium', 'url'],
  })
  .describe('A device driven through Appium');

export const DeviceSchema = z
  .discriminatedUnion('driver', [PlaywrightDeviceSchema, WebDriverDeviceSchema, AppiumDeviceSchema])
  .describe('A device profile: engine, driver, viewport and emulation, or how to reach a remote browser or device');
export type Device = z.infer<typeof DeviceSchema>;
export type PlaywrightDevice = z.infer<typeof PlaywrightDeviceSchema>;
export type WebDriverDevice = z.infer<typeof WebDriverDeviceSchema>;
export type AppiumDevice = z.infer<typeof AppiumDeviceSchema>;

/** Whether the device emulates or has a touch screen (a phone or tablet unless it says otherwise). */
export function deviceHasTouch(device: Device): boolean {
  if (device.hasTouch !== undefined) return device.hasTouch;
  return device.formFactor !== 'desktop';
}
