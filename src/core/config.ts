/**
 * Configuration contracts: what an evaluator writes in services/*.yaml, devices/*.yaml and
 * profiles/*.yaml. Loading, file names and error messages live in src/config; these schemas are in
 * core because the pure stages (scorecard, render) read the resolved configuration too.
 * Every field carries a `.describe()` so that the generated JSON Schema gives editors completion
 * and hover text.
 */
import { z } from 'zod';
import { ImpactSchema, LANGUAGES, PATRON_ROLES, SERVICE_KINDS, SUITES, SlugSchema, type Suite } from './ids.ts';
import { WcagScSchema } from './criteria.ts';
import { EXTRA_RULE_ENGINES } from './evidence.ts';

// ───────────────────────────── localized text ─────────────────────────────

/**
 * Text an evaluator writes that the scorecard shows (profile name, gate and budget titles): one
 * string, or one per report language so that the Finnish, Swedish and English scorecards each
 * show their own. A missing language falls back to English, then Finnish, then Swedish.
 */
export const LocalizedTextSchema = z
  .union([
    z.string().min(1),
    z
      .strictObject({
        fi: z.string().min(1).optional().describe('Finnish'),
        sv: z.string().min(1).optional().describe('Swedish'),
        en: z.string().min(1).optional().describe('English'),
      })
      .refine((t) => t.fi !== undefined || t.sv !== undefined || t.en !== undefined, {
        message: 'give the text in at least one of fi, sv, en',
      }),
  ])
  .describe('A text, or the text per language: { fi: …, sv: …, en: … }');
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The text in a language, falling back to English, Finnish, then Swedish. */
export function localize(text: LocalizedText, lang: (typeof LANGUAGES)[number]): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.fi ?? text.sv ?? '';
}

// ───────────────────────────── locators and journeys ─────────────────────────────

/**
 * The frame an element is in: the CSS selector of its <iframe> in the page, or a list of them from
 * the page inwards for frames inside frames (a reader that renders a book in a sandboxed iframe).
 */
export const FrameSchema = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1).max(5)])
  .describe(
    'CSS selector of the <iframe> the element is in (e.g. "iframe#reader"), or a list of them, outermost first',
  );

/** `frame:` on every locator: the element is inside an iframe (any origin, sandboxed or not). */
const inFrame = { frame: FrameSchema.optional() };

/**
 * The ARIA roles a `role:` locator may name: the WAI-ARIA 1.2 roles (with HTML-AAM's generic,
 * superscript and the like) exactly as Playwright's getByRole accepts them, so a misspelt role is a
 * configuration error naming the nearest one ("buton" — did you mean "button"?) instead of a step that
 * finds nothing. test/unit/core/aria-roles.test.ts holds the list equal to Playwright's.
 */
export const ARIA_ROLES = [
  'alert',
  'alertdialog',
  'application',
  'article',
  'banner',
  'blockquote',
  'button',
  'caption',
  'cell',
  'checkbox',
  'code',
  'columnheader',
  'combobox',
  'complementary',
  'contentinfo',
  'definition',
  'deletion',
  'dialog',
  'directory',
  'document',
  'emphasis',
  'feed',
  'figure',
  'form',
  'generic',
  'grid',
  'gridcell',
  'group',
  'heading',
  'img',
  'insertion',
  'link',
  'list',
  'listbox',
  'listitem',
  'log',
  'main',
  'marquee',
  'math',
  'meter',
  'menu',
  'menubar',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'navigation',
  'none',
  'note',
  'option',
  'paragraph',
  'presentation',
  'progressbar',
  'radio',
  'radiogroup',
  'region',
  'row',
  'rowgroup',
  'rowheader',
  'scrollbar',
  'search',
  'searchbox',
  'separator',
  'slider',
  'spinbutton',
  'status',
  'strong',
  'subscript',
  'superscript',
  'switch',
  'tab',
  'table',
  'tablist',
  'tabpanel',
  'term',
  'textbox',
  'time',
  'timer',
  'toolbar',
  'tooltip',
  'tree',
  'treegrid',
  'treeitem',
] as const;
export type AriaRole = (typeof ARIA_ROLES)[number];
const ROLE_SET: ReadonlySet<string> = new Set(ARIA_ROLES);
export const isAriaRole = (role: string): role is AriaRole => ROLE_SET.has(role);

/** Where an element is, by what a patron perceives: role and accessible name, label or text. */
export const LocatorSchema = z
  .union([
    z.strictObject({
      role: z.enum(ARIA_ROLES).describe('ARIA role, e.g. button, link, heading, textbox, searchbox'),
      name: z.string().optional().describe('Accessible name (substring match unless exact: true)'),
      exact: z.boolean().optional().describe('Match the accessible name exactly'),
      ...inFrame,
    }),
    z.strictObject({ label: z.string().min(1).describe("Text of the form field's label"), ...inFrame }),
    z.strictObject({ text: z.string().min(1).describe('Visible text (substring match)'), ...inFrame }),
    z.strictObject({ placeholder: z.string().min(1).describe('Placeholder text of a field'), ...inFrame }),
    z.strictObject({ testId: z.string().min(1).describe('Value of the data-testid attribute'), ...inFrame }),
    z.strictObject({
      title: z.string().min(1).describe('Title attribute (substring match): for controls named only by title'),
      ...inFrame,
    }),
    z.strictObject({
      css: z.string().min(1).describe('CSS selector: a last resort, it ties the test to markup'),
      ...inFrame,
    }),
  ])
  // An id: the JSON Schema holds the locator once (in $defs) instead of at each of its hundreds of uses.
  .meta({
    id: 'Locator',
    description:
      'An element, found by role+name, label, text, placeholder, title, test id or CSS selector; frame: when it ' +
      'is in an iframe',
  });
export type Locator = z.infer<typeof LocatorSchema>;

/**
 * A URL the configuration names: never with credentials in it (`user:pass@host` would put a secret
 * into every log, report and history entry), never a script URL (`javascript:`, `vbscript:`, also
 * written with tabs, newlines or control characters inside, as browsers read them).
 */
export function urlProblem(value: string): string | undefined {
  // Browsers drop ASCII tab/newline anywhere and leading C0 controls and spaces before parsing.
  const squeezed = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  if (/^(?:javascript|vbscript):/i.test(squeezed))
    return 'a script URL (javascript:) is not a place to go: name a page of the service';
  if (/^[a-z][a-z0-9+.-]*:/i.test(squeezed)) {
    try {
      const u = new URL(squeezed);
      if (u.username !== '' || u.password !== '')
        return 'a URL must not carry credentials (user:password@): give them as patrons or { env: NAME } secrets';
    } catch {
      return undefined;
    }
  } else if (/^\/\/[^/]*@/.test(squeezed)) {
    return 'a URL must not carry credentials (user:password@): give them as patrons or { env: NAME } secrets';
  }
  return undefined;
}

const refineUrl = (value: string, ctx: z.RefinementCtx): void => {
  const problem = urlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/**
 * `when:` makes an action optional: it runs if and only if an element appears within a short wait
 * (a cookie-consent dialog or a "new feature" tour that some visits show), and the step's evidence
 * records either way whether it appeared.
 */
export const WhenSchema = z
  .union([
    z.literal('visible').describe("Only if the action's own target becomes visible within 2 s"),
    z.strictObject({
      visible: LocatorSchema.optional().describe("Only if this element becomes visible (default: the action's target)"),
      withinMs: z
        .number()
        .int()
        .min(0)
        .max(30_000)
        .default(2_000)
        .describe('How long to wait for it to appear, ms (default 2000)'),
    }),
  ])
  .describe(
    'Optional action: run it only if the element appears (e.g. a consent dialog); recorded in the evidence either way',
  );
export type When = z.infer<typeof WhenSchema>;
const optional = { when: WhenSchema.optional() };

/** How long a wait may take, ms (default: the service's action timeout). */
const waitTimeout = z
  .number()
  .int()
  .min(100)
  .max(120_000)
  .optional()
  .describe("How long to wait, ms (default: the service's action timeout)");

export const ActionSchema = z
  .union([
    z.strictObject({
      goto: z
        .string()
        .min(1)
        .superRefine(refineUrl)
        .describe('Path relative to the service baseUrl, or an absolute URL'),
    }),
    z.strictObject({ click: LocatorSchema, ...optional }),
    z.strictObject({
      fill: z.strictObject({
        target: LocatorSchema,
        value: z.string().describe('Text to type (never a secret: use a login step for card and PIN)'),
      }),
      ...optional,
    }),
    z.strictObject({
      select: z.strictObject({ target: LocatorSchema, option: z.string().describe('Visible text of the option') }),
      ...optional,
    }),
    z.strictObject({
      press: z
        .union([
          z.string().min(1).describe('A key pressed where the focus is, e.g. Enter, Tab, ArrowRight'),
          z.strictObject({
            key: z.string().min(1).describe('The key, e.g. ArrowRight, PageDown, Enter, Escape, Space'),
            target: LocatorSchema.optional().describe(
              'The element that gets the focus first (e.g. the reader page, for page turns by key)',
            ),
          }),
        ])
        .describe('A key press: a key name, or { key, target } to focus an element first'),
      ...optional,
    }),
    z.strictObject({
      expect: LocatorSchema.describe('An element that must become visible (or hidden) before the journey goes on'),
      state: z
        .enum(['visible', 'hidden'])
        .default('visible')
        .describe('visible (default), or hidden: the element must disappear or be absent (a dismissed dialog)'),
      timeoutMs: waitTimeout,
      ...optional,
    }),
    z.strictObject({
      hover: LocatorSchema.describe('Move the pointer over the element (menus, tooltips)'),
      ...optional,
    }),
    z.strictObject({
      scrollIntoView: LocatorSchema.describe('Scroll until the element is in view (content loaded on scroll)'),
      ...optional,
    }),
    z.strictObject({
      waitFor: z
        .union([
          z.strictObject({
            url: z
              .string()
              .min(1)
              .superRefine(refineUrl)
              .describe(
                'The URL the page must reach, relative to baseUrl or absolute; * matches any characters (an SPA ' +
                  'route: /book/*)',
              ),
            timeoutMs: waitTimeout,
          }),
          z.strictObject({
            network: z
              .literal('idle')
              .describe('No request open for 500 ms (an SPA that loads its data after the route)'),
            timeoutMs: waitTimeout,
          }),
        ])
        .describe("Wait for an SPA's route (url) or for its network to settle (network: idle)"),
    }),
    z.strictObject({
      download: LocatorSchema.describe(
        "The control that starts a file download; the file is saved into the run's evidence with its size and type",
      ),
    }),
    z.strictObject({
      login: z
        .enum(PATRON_ROLES)
        .describe("Log in with the test patron of this role through the service's login strategy"),
    }),
  ])
  .superRefine((action, ctx) => {
    // `when: visible` watches the action's own target: an action without one must name what to watch.
    if (!('when' in action) || action.when === undefined) return;
    const watched = typeof action.when === 'object' && action.when.visible !== undefined;
    if (watched || !('press' in action)) return;
    if (typeof action.press === 'string' || action.press.target === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['when'],
        message: 'a key press has no target to watch: give when: { visible: <locator> } or press: { key, target }',
      });
  })
  .meta({
    id: 'Action',
    description:
      'One thing a patron does: goto, click, fill, select, press, expect, hover, scrollIntoView, waitFor, ' +
      'download or login',
  });
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

/** A value written in the YAML, or the name of an environment variable holding it (ports that change per run). */
export const ValueOrEnvSchema = z
  .union([z.string().min(1), z.number(), SecretRefSchema])
  .describe('A value, or { env: NAME } to read it from the environment');
export type ValueOrEnv = z.infer<typeof ValueOrEnvSchema>;

/** What every browser login strategy shares: how the form comes up, its fields, and how to tell the outcome. */
const browserLoginFields = {
  start: z
    .array(ActionSchema)
    .min(1)
    .describe('Actions that bring the login form on screen (including a "choose your library" step)'),
  card: LocatorSchema.describe('The card-number field'),
  pin: LocatorSchema.describe('The PIN field'),
  submit: LocatorSchema.describe('The button that sends the form'),
  success: LocatorSchema.describe('An element that is visible only when logged in (on the main page)'),
  error: LocatorSchema.optional().describe(
    'Where the login error appears; if omitted, alerts and live regions are read',
  ),
  frame: z
    .string()
    .min(1)
    .optional()
    .describe(
      'CSS selector of the <iframe> that holds the form (a login embedded in a frame, often from another site)',
    ),
  popup: z
    .boolean()
    .default(false)
    .describe('The last start action opens a popup window that holds the form; success is looked for on the main page'),
  logout: LocatorSchema.optional().describe('The control that logs out (enables the logout check)'),
  protectedPath: z
    .string()
    .min(1)
    .superRefine(refineUrl)
    .optional()
    .describe('A page that needs login, relative to baseUrl: after logout it must ask for login again'),
  timeoutMs: z.number().int().positive().max(120_000).default(10_000).describe('How long a login may take, in ms'),
};

export const CardPinFormLoginSchema = z
  .strictObject({
    strategy: z
      .literal('card-pin-form')
      .describe("Card number + PIN on the vendor's own form (on the page, in an iframe or in a popup)"),
    ...browserLoginFields,
  })
  .describe('Login with library card and PIN on a form served by the vendor');

/**
 * An identity provider's intermediate page before its credential form: Suomi.fi's "choose your
 * identification method" (bank, mobile certificate, test ID), a municipal provider's "choose your
 * library". Actions run where the form will be (the page, its frame or popup), after `start`.
 */
const chooseField = {
  choose: z
    .array(ActionSchema)
    .min(1)
    .optional()
    .describe(
      "Actions that pass the provider's intermediate page before the card + PIN form, e.g. Suomi.fi's \"choose " +
        'your identification method": [{ click: { role: link, name: Testitunnistus } }]',
    ),
};

export const SamlLoginSchema = z
  .strictObject({
    strategy: z
      .literal('saml')
      .describe("SAML 2.0: the vendor redirects to the library's identity provider, whose form takes card + PIN"),
    ...browserLoginFields,
    ...chooseField,
  })
  .describe("SAML 2.0 Web SSO (SP-initiated); the card + PIN form is the identity provider's");

export const OidcLoginSchema = z
  .strictObject({
    strategy: z
      .literal('oidc')
      .describe('OpenID Connect authorization code + PKCE to a provider whose form takes card + PIN'),
    ...browserLoginFields,
    ...chooseField,
  })
  .describe("OpenID Connect (authorization code with PKCE); the card + PIN form is the provider's");

export const ProxyLoginSchema = z
  .strictObject({
    strategy: z.literal('proxy').describe('A proxy (EZproxy-style) login form in front of the resource'),
    ...browserLoginFields,
  })
  .describe("Proxy login: the library's proxy asks for card + PIN, then passes the patron to the resource");

export const IpAccessLoginSchema = z
  .strictObject({
    strategy: z
      .literal('ip-access')
      .describe('No form: access granted by network address or by the referring library page'),
    start: z
      .array(ActionSchema)
      .min(1)
      .describe("How a patron reaches the resource, e.g. goto the library's links page and click the link"),
    success: LocatorSchema.describe('An element visible only when access is granted'),
    denied: LocatorSchema.optional().describe('An element the resource shows when access is refused'),
    direct: z
      .string()
      .min(1)
      .superRefine(refineUrl)
      .optional()
      .describe(
        "The resource's URL (relative to baseUrl) loaded directly, without the library's page: recorded for comparison",
      ),
    timeoutMs: z.number().int().positive().max(120_000).default(10_000),
  })
  .describe('IP or referring-URL access: no form, the harness verifies that access is granted');

export const PasswordGrantLoginSchema = z
  .strictObject({
    strategy: z
      .literal('password-grant')
      .describe("OAuth2 resource-owner password grant: an app sends card + PIN to the vendor's token endpoint"),
    tokenUrl: z.string().min(1).superRefine(refineUrl).describe('Token endpoint, relative to baseUrl or absolute'),
    clientId: z.string().min(1).describe('OAuth2 client id the vendor issued to the library'),
    clientSecret: SecretRefSchema.optional().describe('Client secret, from the environment'),
    scope: z.string().optional(),
    resource: z
      .string()
      .min(1)
      .optional()
      .describe('An API path that needs the token (GET with Bearer): must answer 200'),
    timeoutMs: z.number().int().positive().max(120_000).default(10_000),
  })
  .describe('API-level login: no browser, the harness calls the token endpoint itself');

export const OpenAccessLoginSchema = z
  .strictObject({
    strategy: z.literal('none').describe('Open access: the service has no login at all (no test patrons needed)'),
  })
  .describe('Open access: anyone may use the service; the login suite does not apply and login gates do not apply');

export const LoginSchema = z.discriminatedUnion('strategy', [
  OpenAccessLoginSchema,
  CardPinFormLoginSchema,
  SamlLoginSchema,
  OidcLoginSchema,
  ProxyLoginSchema,
  IpAccessLoginSchema,
  PasswordGrantLoginSchema,
]);
export type Login = z.infer<typeof LoginSchema>;
export type LoginStrategyName = Login['strategy'];
/** Every login strategy's name (the discriminator values of LoginSchema). */
export const LOGIN_STRATEGIES = [
  'none',
  'card-pin-form',
  'saml',
  'oidc',
  'proxy',
  'ip-access',
  'password-grant',
] as const satisfies readonly LoginStrategyName[];
// Compile-time proof that the list names every strategy: a strategy missing from it fails here.
const _everyStrategy: [Exclude<LoginStrategyName, (typeof LOGIN_STRATEGIES)[number]>] extends [never] ? true : never =
  true;
void _everyStrategy;

/** The library-system protocol a service declares for pre-flight, or undefined when it declares none. */
export function libraryProtocol(library: LibrarySystemConfig | undefined): 'sip2' | 'koha-rest' | undefined {
  if (library === undefined) return undefined;
  return 'sip2' in library ? 'sip2' : 'koha-rest';
}
/** Strategies that drive a card + PIN form in the browser. */
export type BrowserFormLogin = Extract<Login, { strategy: 'card-pin-form' | 'saml' | 'oidc' | 'proxy' }>;
export function isBrowserFormLogin(login: Login): login is BrowserFormLogin {
  return isBrowserFormStrategy(login.strategy);
}
/** The strategy (as login evidence records it) drives a card + PIN form in the browser. */
export function isBrowserFormStrategy(strategy: string): strategy is BrowserFormLogin['strategy'] {
  return strategy === 'card-pin-form' || strategy === 'saml' || strategy === 'oidc' || strategy === 'proxy';
}

/**
 * The library system the harness asks directly before testing a vendor's login (pre-flight): is
 * each test patron what its role says? SIP2 (63/64) or a Koha-style REST API. Credentials are
 * environment references. Plaintext SIP2 is refused to anything but loopback unless allowPlaintext.
 */
export const LibrarySystemSchema = z
  .union([
    z.strictObject({
      sip2: z
        .strictObject({
          host: ValueOrEnvSchema.describe('ACS host name or address'),
          port: ValueOrEnvSchema.describe('ACS port (often 6001)'),
          institution: ValueOrEnvSchema.optional().describe('Institution id (AO)'),
          user: SecretRefSchema.optional().describe('SC login user id (CN) for the 93 login'),
          password: SecretRefSchema.optional().describe('SC login password (CO)'),
          tls: z.boolean().default(false).describe('Connect over TLS'),
          allowPlaintext: z
            .boolean()
            .default(false)
            .describe('Allow plaintext SIP2 to a non-loopback host (only inside a VPN: SIP2 carries PINs)'),
          encoding: z.enum(['cp850', 'utf-8']).default('cp850').describe('Byte encoding the ACS uses'),
          terminator: z.enum(['CR', 'CRLF']).default('CR').describe('Message terminator'),
          errorDetection: z.boolean().default(true).describe('Send AY/AZ sequence and checksum'),
          timeoutMs: z.number().int().positive().max(60_000).default(5_000),
        })
        .refine(
          (c) =>
            c.tls ||
            c.allowPlaintext ||
            typeof c.host !== 'string' ||
            /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i.test(c.host),
          {
            message:
              'plaintext SIP2 carries PINs in clear: to a host other than loopback set tls: true (or ' +
              'allowPlaintext: true inside a VPN)',
            path: ['tls'],
          },
        ),
    }),
    z.strictObject({
      kohaRest: z.strictObject({
        url: ValueOrEnvSchema.describe('Base URL of the Koha REST API'),
        user: SecretRefSchema.describe('API user (HTTP basic auth)'),
        password: SecretRefSchema.describe("API user's password"),
        timeoutMs: z.number().int().positive().max(60_000).default(5_000),
      }),
    }),
  ])
  .describe('The library system to check the test patrons with before the login is tested (SIP2 or Koha REST)');
export type LibrarySystemConfig = z.infer<typeof LibrarySystemSchema>;

// ───────────────────────────── release ─────────────────────────────

const ReleasePathSchema = z
  .string()
  .min(1)
  .superRefine(refineUrl)
  .describe('Page or endpoint to read it from, relative to the service baseUrl (default: the baseUrl itself)');

/**
 * How the release version of a service is read, so that each run records which release it tested
 * (`erh compare` then says which release changed what). Read once per target by the compatibility
 * gatherer (src/gather/release.ts), through the same browser as the tests.
 */
export const ReleaseSourceSchema = z
  .union([
    z.strictObject({
      meta: z
        .string()
        .min(1)
        .describe('Name of a <meta> element whose content is the release, e.g. application-version'),
      path: ReleasePathSchema.optional(),
    }),
    z.strictObject({
      header: z
        .string()
        .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name, e.g. x-app-version')
        .describe('HTTP response header that carries the release, e.g. x-app-version'),
      path: ReleasePathSchema.optional(),
    }),
    z.strictObject({
      json: z.strictObject({
        path: z.string().min(1).describe('JSON endpoint, relative to the service baseUrl, e.g. /api/version'),
        field: z
          .string()
          .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a dotted path, e.g. app.version')
          .describe('Dotted path of the field holding the release, e.g. app.version'),
      }),
    }),
  ])
  .describe("How the service's release version is read: a meta tag, a response header or a JSON endpoint");
export type ReleaseSource = z.infer<typeof ReleaseSourceSchema>;

// ───────────────────────────── compatibility expectations ─────────────────────────────

/** Web platform features a service may need; detected on every device and reported. */
export const WEB_FEATURES = ['eme', 'service-worker', 'media-source', 'web-audio', 'indexeddb'] as const;
export type WebFeature = (typeof WEB_FEATURES)[number];

/**
 * What the compatibility suite exercises beyond walking the journey: the audiobook/video player
 * actually plays, the reader turns a page, and the web features the service says it needs exist on
 * the device. Each part is optional; a check whose part is not declared is not applicable.
 */
export const ServiceCompatibilitySchema = z
  .strictObject({
    media: z
      .strictObject({
        step: SlugSchema.describe('Journey step whose page holds the player'),
        play: LocatorSchema.optional().describe(
          'The control a patron presses to start playback; omitted: the media element is started from script',
        ),
        listenMs: z.number().int().min(500).max(30_000).default(3_000).describe('How long playback is observed, ms'),
        minAdvanceSeconds: z
          .number()
          .positive()
          .max(30)
          .default(1)
          .describe('How far the playback position must advance meanwhile, s'),
      })
      .optional()
      .describe('Media playback: after pressing play, the position of the audio/video element must advance'),
    reader: z
      .strictObject({
        step: SlugSchema.describe('Journey step whose page is the reader'),
        next: LocatorSchema.describe('The "next page" control'),
        page: LocatorSchema.optional().describe(
          'The element showing the page (its text must change); default: the main region',
        ),
      })
      .optional()
      .describe('Page turning: pressing "next page" in the reader shows another page'),
    requires: z
      .array(z.enum(WEB_FEATURES))
      .default([])
      .describe(
        'Web features the service needs: eme (protected content), service-worker (offline), media-source, ' +
          'web-audio, indexeddb',
      ),
  })
  .describe('Compatibility expectations: player, reader, required web features');
export type ServiceCompatibility = z.infer<typeof ServiceCompatibilitySchema>;

// ───────────────────────────── content (publications, statement, ACR) ─────────────────────────────

/** Where a sample publication comes from: a file next to the configuration, or a URL fetched without a session. */
export const ContentSourceSchema = z
  .union([
    z.strictObject({
      file: z
        .string()
        .min(1)
        .describe('Path of an EPUB (or OpenACR YAML) file, relative to the configuration folder (or absolute)'),
    }),
    z.strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .superRefine(refineUrl)
        .describe('URL of the file, fetched without the journey session'),
    }),
  ])
  .describe('A file named in the configuration: { file: path } or { url: … }');
export type ContentSource = z.infer<typeof ContentSourceSchema>;

/**
 * The content suite (issue 18, docs/content.md): the publications the service delivers, checked with
 * EPUBCheck and Ace by DAISY, the vendor's accessibility statement and its ACR. Publications reach the
 * suite three ways, each optional: sample files, an OPDS catalogue feed, and a journey step whose page
 * holds a download link (fetched with the journey's session).
 */
export const ServiceContentSchema = z
  .strictObject({
    samples: z.array(ContentSourceSchema).max(20).default([]).describe('Sample publications (EPUB) to check'),
    opds: z
      .strictObject({
        url: z
          .url({ protocol: /^https?$/ })
          .superRefine(refineUrl)
          .describe('OPDS 1.2 (Atom) or 2.0 (JSON) catalogue feed'),
        max: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(3)
          .describe('How many of its EPUB acquisition links are checked, in feed order'),
      })
      .optional()
      .describe('An OPDS catalogue feed whose acquisition links lead to publications'),
    download: z
      .strictObject({
        step: SlugSchema.describe('Journey step whose page holds the download link (walked with the journey session)'),
        link: z
          .string()
          .min(1)
          .describe('CSS selector of the download link (an <a href>) on that page, e.g. a[download]'),
      })
      .optional()
      .describe('A journey step that downloads a sample publication (a "Lataa" link) with the patron\'s session'),
    statement: z
      .string()
      .min(1)
      .optional()
      .describe(
        "URL (or path under baseUrl) of the accessibility statement; default: found from a link on the journey's " +
          'first ' +
          'page named saavutettavuusseloste / tillgänglighetsutlåtande / accessibility statement',
      ),
    acr: ContentSourceSchema.optional().describe(
      "The vendor's Accessibility Conformance Report in OpenACR form (GSA's YAML schema)",
    ),
  })
  .describe('Content suite: publications (EPUB), the accessibility statement and the ACR');
export type ServiceContent = z.infer<typeof ServiceContentSchema>;

// ───────────────────────────── service ─────────────────────────────

/**
 * Time limits of a service. The defaults here are the only ones: code that needs a service's limits
 * asks serviceTimeouts() (a service that sets none gets these), never restates them.
 */
export const ServiceTimeoutsSchema = z.strictObject({
  navigationMs: z
    .number()
    .int()
    .min(500)
    .max(120_000)
    .default(30_000)
    .describe('How long a page may take to load, ms (then the cell is "timeout" when nothing loads)'),
  actionMs: z
    .number()
    .int()
    .min(200)
    .max(120_000)
    .default(10_000)
    .describe('How long a click, fill or expected element may take, ms'),
});
export type ServiceTimeouts = z.infer<typeof ServiceTimeoutsSchema>;

/** A service's time limits: its own, else the schema's defaults (the field stays absent in its config). */
export function serviceTimeouts(service: { readonly timeouts?: ServiceTimeouts | undefined }): ServiceTimeouts {
  return service.timeouts ?? ServiceTimeoutsSchema.parse({});
}

/**
 * How many failed logins the harness may cause for one library card: a library system locks a card
 * after a few wrong PINs in a row (Koha's FailedLoginAttempts; Finnish library OIDC backends allow 5),
 * and a locked card fails every later login, the valid patron's included. Every PIN the harness sends
 * knowing it is wrong (the wrongPin patron: to the library system in pre-flight, to the vendor's form)
 * is counted per card across runs and processes on this machine (src/auth/failed-logins.ts); when the
 * budget is used, the attempt is not made and its verdict is inconclusive, saying so. The defaults here
 * are the only ones: code asks failedLoginBudget().
 */
/** The longest window a failed-login budget may declare (a week), minutes. */
export const MAX_BUDGET_MINUTES = 7 * 24 * 60;

export const FailedLoginBudgetSchema = z.strictObject({
  attempts: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .describe('Most failed logins the harness sends for one card within the window (default 3)'),
  perMinutes: z
    .number()
    .int()
    .min(1)
    .max(MAX_BUDGET_MINUTES)
    .default(60)
    .describe('The window, in minutes (default 60): older failed logins no longer count'),
  clearedByLogin: z
    .boolean()
    .default(false)
    .describe(
      "The library system forgets a card's failed logins when its right PIN is accepted (Koha does): the valid " +
        "patron's accepted login with the same card clears the count (default false: only the window does)",
    ),
});
export type FailedLoginBudget = z.infer<typeof FailedLoginBudgetSchema>;

/** A service's failed-login budget: its own, else the schema's defaults. */
export function failedLoginBudget(service: {
  readonly failedLoginBudget?: FailedLoginBudget | undefined;
}): FailedLoginBudget {
  return service.failedLoginBudget ?? FailedLoginBudgetSchema.parse({});
}

/** A content download step must be one of the journey's steps. */
function refineContent(
  service: { journey: ReadonlyArray<{ id: string }>; content?: ServiceContent | undefined },
  ctx: z.RefinementCtx,
): void {
  const step = service.content?.download?.step;
  if (step !== undefined && !service.journey.some((s) => s.id === step))
    ctx.addIssue({
      code: 'custom',
      path: ['content', 'download', 'step'],
      message: `no journey step "${step}" (steps: ${service.journey.map((s) => s.id).join(', ')})`,
    });
}

/**
 * HTTP authentication in front of the whole service (Basic or Digest: some databases, proxies and
 * servers such as calibre's ask for it before any page). The browser answers the challenge of the
 * service's own origin with these credentials (Playwright's httpCredentials; Lighthouse's Chrome through
 * the DevTools Fetch domain); they are never put in a URL, and both are secrets (redacted everywhere).
 */
export const HttpAuthSchema = z
  .strictObject({
    username: SecretRefSchema.describe('User name for the HTTP authentication challenge'),
    password: SecretRefSchema.describe('Password for the HTTP authentication challenge'),
  })
  .describe("HTTP Basic or Digest credentials for the service's origin, from the environment");
export type HttpAuth = z.infer<typeof HttpAuthSchema>;

/** `httpAuth` resolved from the environment: what a session or a fetch answers a challenge with. */
export interface HttpCredentials {
  username: string;
  password: string;
  /** The only origin they are given to: the service's (`baseUrl`). */
  origin: string;
}

export const ServiceSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema for editor completion'),
    id: SlugSchema.describe('Short id used in target names (service@device) and file names'),
    name: z.string().min(1).describe('Name of the service as the committee knows it'),
    vendor: z.string().min(1).describe('Company offering the service'),
    kind: z.enum(SERVICE_KINDS).describe('What the service lends or offers'),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .superRefine(refineUrl)
      .describe('Root URL of the service; journey paths are relative to it'),
    languages: z.array(z.enum(LANGUAGES)).min(1).describe('User-interface languages the service offers'),
    httpAuth: HttpAuthSchema.optional(),
    login: LoginSchema.describe('How a patron logs in'),
    library: LibrarySystemSchema.optional(),
    suites: z
      .array(z.enum(SUITES))
      .min(1)
      .optional()
      .describe(
        'Only these suites for this service (default: all); e.g. [login] for a service evaluated only for its ' +
          'login route',
      ),
    patrons: z
      .partialRecord(z.enum(PATRON_ROLES), PatronSchema)
      .default({})
      .describe(
        'Test patrons by role: valid, wrongPin, unknownCard, blocked, expired (a "valid" patron is required ' +
          'unless login.strategy is none)',
      ),
    failedLoginBudget: FailedLoginBudgetSchema.optional().describe(
      'Failed logins (wrong PIN) the harness may cause per card: default 3 per 60 minutes, below the lockout of ' +
        'the library system',
    ),
    journey: z
      .array(JourneyStepSchema)
      .min(1)
      .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, {
        message: 'step ids must be unique',
      })
      .describe('The steps a patron takes, in order: landing → search → item → reader/player'),
    release: ReleaseSourceSchema.optional(),
    compatibility: ServiceCompatibilitySchema.optional(),
    content: ServiceContentSchema.optional(),
    timeouts: ServiceTimeoutsSchema.optional().describe(
      'Time limits for this service (defaults: 30 s per page load, 10 s per action)',
    ),
    notes: z.string().optional().describe('Free text for evaluators; not scored'),
  })
  .superRefine((service, ctx) => {
    if (service.login.strategy !== 'none') {
      if (service.patrons.valid === undefined)
        ctx.addIssue({ code: 'custom', path: ['patrons'], message: 'a "valid" patron is required' });
      refineContent(service, ctx);
      return;
    }
    refineContent(service, ctx);
    // Open access: nothing to log in with, so no journey step may log in.
    service.journey.forEach((step, i) => {
      step.actions.forEach((action, j) => {
        if ('login' in action) {
          ctx.addIssue({
            code: 'custom',
            path: ['journey', i, 'actions', j, 'login'],
            message: 'the service is open access (login.strategy: none): a journey step cannot log in',
          });
        }
      });
    });
  })
  .describe('A candidate e-resource service');
export type Service = z.infer<typeof ServiceSchema>;

// ───────────────────────────── device ─────────────────────────────

// Device profiles are discriminated by driver (playwright | webdriver | appium): see device.ts.
export {
  APPIUM_SERVERS,
  AppiumDeviceSchema,
  DRIVERS,
  DeviceSchema,
  EnvRefSchema,
  FORM_FACTORS,
  PlaywrightDeviceSchema,
  UrlOrEnvSchema,
  WEBDRIVER_SERVERS,
  WebDriverDeviceSchema,
  deviceHasTouch,
} from './device.ts';
export type {
  AppiumDevice,
  Device,
  Driver,
  EnvRef,
  FormFactor,
  PlaywrightDevice,
  UrlOrEnv,
  WebDriverDevice,
} from './device.ts';

// ───────────────────────────── profile ─────────────────────────────

export const GATE_SCOPES = ['every-device', 'any-device'] as const;
export type GateScope = (typeof GATE_SCOPES)[number];

/**
 * A gate rule over failures rather than one check: "no failing check of impact critical in the
 * accessibility suite at the login-error state". Only scored checks (weight > 0) count.
 */
export const FailureRuleSchema = z
  .strictObject({
    suite: z
      .union([z.enum(SUITES), z.array(z.enum(SUITES)).min(1)])
      .describe(
        'Suite (or suites) whose failing checks count, e.g. [accessibility, login] for every finding about the ' +
          'login form',
      ),
    impact: ImpactSchema.default('critical').describe(
      'Lowest impact that counts: critical counts only critical failures; serious counts serious and critical',
    ),
    steps: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Only failures found at these journey steps or states, e.g. [login-error] (the login form with its error ' +
          'shown)',
      ),
    checks: z.string().min(1).optional().describe('Only checks whose id starts with this, e.g. accessibility/axe/'),
    criteria: z
      .union([z.literal('any'), z.array(WcagScSchema).min(1)])
      .optional()
      .describe('Only checks that test a WCAG success criterion (any), or one of these criteria, e.g. [2.1.2]'),
  })
  .describe('No failing scored check of at least this impact in this suite (at these steps)');
export type FailureRule = z.infer<typeof FailureRuleSchema>;

/** The suites a rule gate reads, in the order declared. */
export function ruleSuites(rule: FailureRule): readonly Suite[] {
  return typeof rule.suite === 'string' ? [rule.suite] : [...new Set(rule.suite)];
}

export const GateSchema = z
  .strictObject({
    id: SlugSchema,
    title: LocalizedTextSchema.optional().describe(
      "Shown in the scorecard (one text or one per language); defaults to the check's title",
    ),
    check: z.string().min(1).optional().describe('Check id that must pass, e.g. login/valid-patron'),
    noFailures: FailureRuleSchema.optional(),
    scope: z
      .enum(GATE_SCOPES)
      .default('every-device')
      .describe('Must the gate hold on every device, or on at least one'),
    devices: z
      .array(SlugSchema)
      .min(1)
      .optional()
      .describe(
        'The required devices (default: every device of the run); a required device missing from the run leaves ' +
          'the gate undecided',
      ),
  })
  .refine((g) => (g.check === undefined) !== (g.noFailures === undefined), {
    message:
      'a gate needs exactly one of "check" (a check that must pass) or "noFailures" (a rule over failing checks)',
  })
  .describe('A must-pass requirement: a service failing it is not ranked');
export type Gate = z.infer<typeof GateSchema>;

/** The subject of a score budget: a suite (its mean over devices) or the overall score. */
export const SCORE_BUDGET_SUBJECTS = [...SUITES, 'overall'] as const;
export type ScoreBudgetSubject = (typeof SCORE_BUDGET_SUBJECTS)[number];

/** A budget: a measured value that must stay at or under a limit, or a score that must reach a minimum. */
export const BudgetSchema = z
  .union([
    z.strictObject({
      id: SlugSchema,
      title: LocalizedTextSchema.optional().describe("Shown in the scorecard; defaults to the check's title"),
      check: z.string().min(1).describe('A check with a measured value, e.g. performance/largest-contentful-paint'),
      max: z
        .number()
        .describe("Highest acceptable value on every device, in the check's unit (ms for timings; CLS unitless)"),
    }),
    z.strictObject({
      id: SlugSchema,
      title: LocalizedTextSchema.optional().describe('Shown in the scorecard'),
      score: z.enum(SCORE_BUDGET_SUBJECTS).describe('A suite score (mean over devices) or the overall score'),
      min: z.number().min(0).max(100).describe('Lowest acceptable score, 0–100'),
    }),
  ])
  .describe(
    'A budget; exceeding it is shown on the scorecard and fails `erh run --gate`, but does not change the rank',
  );
export type Budget = z.infer<typeof BudgetSchema>;

/** Thresholds `erh compare` uses to call a change between two runs a regression. */
export const RegressionThresholdsSchema = z
  .strictObject({
    accessibility: z
      .strictObject({
        newFailures: z
          .boolean()
          .default(true)
          .describe('A scored accessibility check that did not fail before and fails now is a regression'),
        minImpact: ImpactSchema.default('moderate').describe(
          'Lowest impact of a new failure that counts as a regression',
        ),
      })
      .prefault({}),
    performance: z
      .strictObject({
        slowdownPercent: z
          .number()
          .min(0)
          .default(20)
          .describe('A timing median must grow by more than this percentage'),
        slowdownMs: z.number().min(0).default(250).describe('… and by more than this many ms'),
        clsIncrease: z.number().min(0).default(0.05).describe('Cumulative Layout Shift must grow by more than this'),
        minRuns: z
          .number()
          .int()
          .min(1)
          .default(3)
          .describe(
            'Runs per page needed on both sides to call a slowdown significant (the quartile ranges must not overlap)',
          ),
      })
      .prefault({}),
    login: z
      .strictObject({
        brokenOnDevice: z
          .boolean()
          .default(true)
          .describe('The valid patron logged in before and does not now, on any device'),
      })
      .prefault({}),
    overallDrop: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('An overall-score drop of more than this many points is a regression (off when omitted)'),
  })
  .describe('What `erh compare` counts as a regression');
export type RegressionThresholds = z.infer<typeof RegressionThresholdsSchema>;

export const DEFAULT_REGRESSION_THRESHOLDS: RegressionThresholds = RegressionThresholdsSchema.parse({});

// ───────────────────────────── network profiles ─────────────────────────────

/**
 * A network profile: the conditions the cross-engine journey timings are measured under, the same
 * for every vendor. Applied where the engine allows it (Chromium through the DevTools protocol's
 * Network.emulateNetworkConditions); elsewhere the evidence says "not applied" and why.
 */
export const NetworkConditionsSchema = z
  .strictObject({
    id: SlugSchema.describe('Name of the profile, shown on the scorecard, e.g. mobile-4g'),
    latencyMs: z.number().min(0).max(10_000).describe('Added round-trip latency per request, ms'),
    downloadKbps: z.number().positive().max(10_000_000).describe('Download throughput, kilobits per second'),
    uploadKbps: z.number().positive().max(10_000_000).describe('Upload throughput, kilobits per second'),
  })
  .describe('Network conditions: latency and throughput');
export type NetworkConditions = z.infer<typeof NetworkConditionsSchema>;

/**
 * Named network profiles a procurement profile can refer to. Values are those of Lighthouse's
 * throttling constants (core/config/constants.js: mobileSlow4G = 150 ms, 1.6 Mbit/s down, 750 kbit/s
 * up; desktopDense4G = 40 ms, 10 Mbit/s) and Chrome DevTools' "Fast 4G" preset; `unthrottled` applies
 * nothing (the machine's own network, e.g. loopback in the demo).
 */
export const NETWORK_PRESETS = {
  'mobile-4g': { id: 'mobile-4g', latencyMs: 150, downloadKbps: 1_638.4, uploadKbps: 750 },
  'fast-4g': { id: 'fast-4g', latencyMs: 60, downloadKbps: 9_000, uploadKbps: 1_500 },
  cable: { id: 'cable', latencyMs: 40, downloadKbps: 10_240, uploadKbps: 10_240 },
} as const satisfies Record<string, NetworkConditions>;
export type NetworkPreset = keyof typeof NETWORK_PRESETS;
export const NETWORK_PRESET_IDS = Object.keys(NETWORK_PRESETS) as NetworkPreset[];

export const NetworkProfileSchema = z
  .union([z.enum(['unthrottled', ...NETWORK_PRESET_IDS]), NetworkConditionsSchema])
  .describe(
    'A named network profile (mobile-4g, fast-4g, cable, unthrottled) or your own { id, latencyMs, downloadKbps, ' +
      'uploadKbps }',
  );
export type NetworkProfile = z.infer<typeof NetworkProfileSchema>;

/** The conditions of a network profile; null for `unthrottled`. */
export function networkConditions(profile: NetworkProfile): NetworkConditions | null {
  if (typeof profile !== 'string') return profile;
  return profile === 'unthrottled' ? null : (NETWORK_PRESETS[profile as NetworkPreset] ?? null);
}

/** How often each measurement is repeated: the defaults here are the only ones (DEFAULT_RUN_COUNTS). */
export const RunCountsSchema = z
  .strictObject({
    lighthouse: z
      .number()
      .int()
      .min(1)
      .max(25)
      .default(5)
      .describe('Lighthouse runs per page; the median is scored (5 runs are about twice as stable as 1)'),
    timings: z
      .number()
      .int()
      .min(1)
      .max(25)
      .default(5)
      .describe(
        'Timed walks of the journey per device (every engine); medians are scored and vendors compared with a ' +
          'Mann-Whitney U test, which needs at least 4 per side',
      ),
  })
  .prefault({});
export type RunCounts = z.infer<typeof RunCountsSchema>;
/** The run counts of a profile that sets none. */
export const DEFAULT_RUN_COUNTS: RunCounts = RunCountsSchema.parse(undefined);

export const ProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: SlugSchema,
    name: LocalizedTextSchema.describe('Name of the procurement, shown on the scorecard'),
    description: z.string().optional(),
    weights: z
      .strictObject(
        Object.fromEntries(
          SUITES.map((s) => [
            s,
            // content (issue 18) came later: a profile written before it weighs it 0 (reported, not scored).
            s === 'content' ? z.number().min(0).max(100).default(0) : z.number().min(0).max(100),
          ]),
        ) as Record<Exclude<(typeof SUITES)[number], 'content'>, z.ZodNumber> & {
          content: z.ZodDefault<z.ZodNumber>;
        },
      )
      .refine((w) => Object.values(w).some((v) => v > 0), { message: 'at least one weight must be above 0' })
      .describe('Weight of each suite in the overall score (relative; they need not sum to 100)'),
    gates: z.array(GateSchema).default([]).describe('Must-pass gates'),
    budgets: z.array(BudgetSchema).optional().describe('Budgets: limits on measured values and minimum scores'),
    regressions: RegressionThresholdsSchema.optional(),
    runs: RunCountsSchema,
    network: NetworkProfileSchema.default('unthrottled').describe(
      'Network conditions for the journey timings, the same for every vendor (applied on Chromium; recorded as ' +
        'not applied elsewhere)',
    ),
    significance: z
      .number()
      .gt(0)
      .max(0.2)
      .default(0.05)
      .describe('Significance level of the between-vendor timing comparisons (two-sided Mann-Whitney U)'),
    accessibility: z
      .strictObject({
        engines: z
          .array(z.enum(EXTRA_RULE_ENGINES))
          .default([...EXTRA_RULE_ENGINES])
          .refine((e) => new Set(e).size === e.length, { message: 'an engine is listed twice' })
          .describe(
            'Rule engines run besides axe-core at every page state (ibm-equal-access: IBM Equal Access; htmlcs: ' +
              'HTML_CodeSniffer); [] runs axe-core alone. docs/accessibility.md says what each costs and finds',
          ),
      })
      .default({ engines: [...EXTRA_RULE_ENGINES] }),
  })
  .describe('A procurement profile: weights, must-pass gates, budgets and regression thresholds');
export type Profile = z.infer<typeof ProfileSchema>;
