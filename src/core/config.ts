/**
 * Configuration contracts: what an evaluator writes in services/*.yaml, devices/*.yaml and
 * profiles/*.yaml. Loading, file names and error messages live in src/config; these schemas are in
 * core because the pure stages (scorecard, render) read the resolved configuration too.
 * Every field carries a `.describe()` so that the generated JSON Schema gives editors completion
 * and hover text.
 */
import { z } from 'zod';
import { ENGINES, LANGUAGES, PATRON_ROLES, SERVICE_KINDS, SUITES, SlugSchema } from './ids.ts';

// ───────────────────────────── locators and journeys ─────────────────────────────

/** Where an element is, by what a patron perceives: role and accessible name, label or text. */
export const LocatorSchema = z
  .union([
    z.strictObject({
      role: z.string().min(1).describe('ARIA role, e.g. button, link, heading, textbox, searchbox'),
      name: z.string().optional().describe('Accessible name (substring match unless exact: true)'),
      exact: z.boolean().optional().describe('Match the accessible name exactly'),
    }),
    z.strictObject({ label: z.string().min(1).describe('Text of the form field\'s label') }),
    z.strictObject({ text: z.string().min(1).describe('Visible text (substring match)') }),
    z.strictObject({ placeholder: z.string().min(1).describe('Placeholder text of a field') }),
    z.strictObject({ testId: z.string().min(1).describe('Value of the data-testid attribute') }),
    z.strictObject({ css: z.string().min(1).describe('CSS selector: a last resort, it ties the test to markup') }),
  ])
  .describe('An element, found by role+name, label, text, placeholder, test id or CSS selector');
export type Locator = z.infer<typeof LocatorSchema>;

export const ActionSchema = z
  .union([
    z.strictObject({ goto: z.string().min(1).describe('Path relative to the service baseUrl, or an absolute URL') }),
    z.strictObject({ click: LocatorSchema }),
    z.strictObject({
      fill: z.strictObject({
        target: LocatorSchema,
        value: z.string().describe('Text to type (never a secret: use a login step for card and PIN)'),
      }),
    }),
    z.strictObject({
      select: z.strictObject({ target: LocatorSchema, option: z.string().describe('Visible text of the option') }),
    }),
    z.strictObject({ press: z.string().min(1).describe('A key, e.g. Enter, Tab, ArrowRight') }),
    z.strictObject({
      expect: LocatorSchema.describe('An element that must become visible before the journey goes on'),
    }),
    z.strictObject({
      login: z.enum(PATRON_ROLES).describe('Log in with the test patron of this role through the service\'s login strategy'),
    }),
  ])
  .describe('One thing a patron does: goto, click, fill, select, press, expect or login');
export type Action = z.infer<typeof ActionSchema>;

export const JourneyStepSchema = z
  .strictObject({
    id: SlugSchema.describe('Step id, e.g. landing, search, item, reader'),
    name: z.string().optional().describe('Human-readable name of the page state this step reaches'),
    actions: z.array(ActionSchema).min(1).describe('What the patron does to reach this state'),
    lighthouse: z
      .boolean()
      .default(false)
      .describe('Audit the page this step reaches with Lighthouse (Chromium devices)'),
  })
  .describe('A step of the patron journey; every step is a state the suites examine');
export type JourneyStep = z.infer<typeof JourneyStepSchema>;

// ───────────────────────────── login ─────────────────────────────

/** A reference to a secret: the name of an environment variable (or a key in a git-ignored .env). */
export const SecretRefSchema = z
  .strictObject({
    env: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name in upper case, e.g. VENDOR_VALID_PIN')
      .describe('Name of the environment variable that holds the value; never the value itself'),
  })
  .describe('Secret taken from the environment at run time');
export type SecretRef = z.infer<typeof SecretRefSchema>;

export const PatronSchema = z
  .strictObject({
    card: SecretRefSchema.describe('Library card number'),
    pin: SecretRefSchema.describe('PIN or password'),
  })
  .describe('A test patron: card and PIN, both from the environment');
export type Patron = z.infer<typeof PatronSchema>;

export const CardPinFormLoginSchema = z
  .strictObject({
    strategy: z.literal('card-pin-form').describe('Card number + PIN on the vendor\'s own form'),
    start: z.array(ActionSchema).min(1).describe('Actions that bring the login form on screen'),
    card: LocatorSchema.describe('The card-number field'),
    pin: LocatorSchema.describe('The PIN field'),
    submit: LocatorSchema.describe('The button that sends the form'),
    success: LocatorSchema.describe('An element that is visible only when logged in'),
    error: LocatorSchema.optional().describe(
      'Where the vendor shows a login error; if omitted, alerts and live regions are read',
    ),
    timeoutMs: z.number().int().positive().max(120_000).default(10_000).describe('How long a login may take, in ms'),
  })
  .describe('Login with library card and PIN on a form served by the vendor');

export const LoginSchema = z.discriminatedUnion('strategy', [CardPinFormLoginSchema]);
export type Login = z.infer<typeof LoginSchema>;

// ───────────────────────────── service ─────────────────────────────

export const ServiceSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema for editor completion'),
    id: SlugSchema.describe('Short id used in target names (service@device) and file names'),
    name: z.string().min(1).describe('Name of the service as the committee knows it'),
    vendor: z.string().min(1).describe('Company offering the service'),
    kind: z.enum(SERVICE_KINDS).describe('What the service lends or offers'),
    baseUrl: z.url({ protocol: /^https?$/ }).describe('Root URL of the service; journey paths are relative to it'),
    languages: z.array(z.enum(LANGUAGES)).min(1).describe('User-interface languages the service offers'),
    login: LoginSchema.describe('How a patron logs in'),
    patrons: z
      .partialRecord(z.enum(PATRON_ROLES), PatronSchema)
      .refine((p) => p.valid !== undefined, { message: 'a "valid" patron is required' })
      .describe('Test patrons by role: valid, wrongPin, unknownCard, blocked, expired'),
    journey: z
      .array(JourneyStepSchema)
      .min(1)
      .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, {
        message: 'step ids must be unique',
      })
      .describe('The steps a patron takes, in order: landing → search → item → reader/player'),
    notes: z.string().optional().describe('Free text for evaluators; not scored'),
  })
  .describe('A candidate e-resource service');
export type Service = z.infer<typeof ServiceSchema>;

// ───────────────────────────── device ─────────────────────────────

export const FORM_FACTORS = ['desktop', 'mobile', 'tablet'] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

export const DRIVERS = ['playwright'] as const;
export type Driver = (typeof DRIVERS)[number];

export const DeviceSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: SlugSchema.describe('Short id used in target names (service@device)'),
    name: z.string().min(1).describe('Human-readable name shown in the scorecard'),
    engine: z.enum(ENGINES).describe('Browser engine'),
    driver: z.enum(DRIVERS).default('playwright').describe('What drives the browser'),
    formFactor: z.enum(FORM_FACTORS).describe('desktop, mobile or tablet: picks Lighthouse settings and layout expectations'),
    emulate: z
      .string()
      .optional()
      .describe('A Playwright device descriptor to start from, e.g. "Pixel 7"; fields below override it'),
    viewport: z
      .strictObject({
        width: z.number().int().min(200).max(7680).describe('CSS pixels'),
        height: z.number().int().min(200).max(4320).describe('CSS pixels'),
      })
      .optional(),
    deviceScaleFactor: z.number().positive().max(5).optional(),
    isMobile: z.boolean().optional(),
    hasTouch: z.boolean().optional(),
    userAgent: z.string().optional(),
    locale: z.string().default('fi-FI').describe('Browser locale, e.g. fi-FI, sv-FI, en-GB'),
    browser: z
      .strictObject({
        executablePath: z.string().optional().describe('Browser binary; default: autodetected (Debian paths, then Playwright\'s own)'),
        channel: z.string().optional(),
        args: z.array(z.string()).optional().describe('Extra command-line switches'),
      })
      .optional(),
  })
  .describe('A device profile: engine, driver, viewport and emulation');
export type Device = z.infer<typeof DeviceSchema>;

// ───────────────────────────── profile ─────────────────────────────

export const GateSchema = z
  .strictObject({
    id: SlugSchema,
    title: z.string().optional().describe('Shown in the scorecard; defaults to the check\'s title'),
    check: z.string().min(1).describe('Check id that must pass, e.g. login/valid-patron'),
    scope: z
      .enum(['every-device', 'any-device'])
      .default('every-device')
      .describe('Must the check pass on every device, or on at least one'),
  })
  .describe('A must-pass requirement: a service failing it is not ranked');
export type Gate = z.infer<typeof GateSchema>;

export const ProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: SlugSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    weights: z
      .strictObject(Object.fromEntries(SUITES.map((s) => [s, z.number().min(0).max(100)])) as Record<
        (typeof SUITES)[number],
        z.ZodNumber
      >)
      .refine((w) => Object.values(w).some((v) => v > 0), { message: 'at least one weight must be above 0' })
      .describe('Weight of each suite in the overall score (relative; they need not sum to 100)'),
    gates: z.array(GateSchema).default([]).describe('Must-pass gates'),
    runs: z
      .strictObject({
        lighthouse: z.number().int().min(1).max(25).default(3).describe('Lighthouse runs per page; the median is scored'),
      })
      .default({ lighthouse: 3 }),
  })
  .describe('A procurement profile: weights and must-pass gates');
export type Profile = z.infer<typeof ProfileSchema>;
