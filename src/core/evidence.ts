/**
 * Evidence: what a gatherer saw, written once per (target, suite) as JSON. It is the durable record
 * of a run — everything after it (checks, scores, scorecards) is recomputed from it by
 * `erh report`. Screenshots and Lighthouse reports are files next to it, referenced by relative path.
 *
 * Units: durations in milliseconds, sizes in CSS pixels unless said otherwise.
 * Secrets never appear here: gatherers redact card numbers and PINs before building evidence.
 */
import { z } from 'zod';
import { EngineSchema, GatherStatusSchema, ImpactSchema, LanguageSchema, PatronRoleSchema } from './ids.ts';

export const EVIDENCE_VERSION = 1 as const;

/** A file written next to the evidence JSON (relative path, forward slashes). */
const FileRef = z.string().describe('Path relative to the run directory');

/** How a vendor's page kept the harness from examining it (src/session/types.ts PageUnexaminableError). */
export const UNEXAMINABLE_CAUSES = ['navigated', 'closed', 'dialog', 'windows', 'hung', 'tampered'] as const;
export const UnexaminableSchema = z.strictObject({
  /**
   * navigated: the page navigated away under the probes; closed: it closed itself; dialog: it kept
   * opening alerts/confirms/prompts; windows: it kept opening windows; hung: its main thread did not
   * answer; tampered: it replaced the
   * built-ins the probes rely on, on a driver without a world isolated from the page's scripts.
   */
  cause: z.enum(UNEXAMINABLE_CAUSES),
  /** What the harness saw, in its own words. */
  detail: z.string(),
});

/**
 * An optional action of a step (`when:` in the journey): whether what it waited for appeared — a
 * cookie-consent dialog or a feature tour the journey had to dismiss is itself a fact about the
 * service, recorded either way.
 */
export const OptionalActionSchema = z.strictObject({
  /** The action, in the harness's words, e.g. 'click button "Hyväksy kaikki"'. */
  action: z.string(),
  /** What it waited for, e.g. 'dialog "Evästeet"'. */
  watched: z.string(),
  /** It appeared within `withinMs` (and the action ran), or it did not (the action was skipped). */
  appeared: z.boolean(),
  withinMs: z.number().int().nonnegative(),
  /** The page as the obstacle appeared, before the action dismissed it (when the suite takes screenshots). */
  screenshot: FileRef.optional(),
});
export type OptionalAction = z.infer<typeof OptionalActionSchema>;

/** A file a journey's `download` action saved into the run's evidence folder (the content suite reads it). */
export const DownloadEvidenceSchema = z.strictObject({
  /** The saved file. */
  file: FileRef,
  /** The name the server or page suggested (vendor text). */
  name: z.string(),
  /** Where it came from (redacted). */
  url: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Content-Type as served; null where the driver cannot see the response headers. */
  contentType: z.string().nullable(),
  /** What the file's first bytes say it is (application/epub+zip, application/pdf, audio/mpeg…); null: none. */
  sniffedType: z.string().nullable(),
  /** browser: the browser's own download; link: the link fetched with the session's cookies (WebDriver classic). */
  via: z.enum(['browser', 'link']),
});
export type DownloadEvidence = z.infer<typeof DownloadEvidenceSchema>;

export const StepEvidenceSchema = z.strictObject({
  /** Journey step id, or a synthetic id such as `login:valid`. */
  step: z.string(),
  /** URL after the step's actions (redacted of secrets). */
  url: z.string(),
  /** Document title after the step; vendor-controlled text. */
  title: z.string().optional(),
  /** Whether every action of the step succeeded. */
  ok: z.boolean(),
  /** Why the step failed, in the harness's words (vendor-side problem: element missing, HTTP 500…). */
  error: z.string().optional(),
  /** Time the step's actions took, ms. */
  durationMs: z.number().nonnegative(),
  /** Full-page screenshot of the state reached. */
  screenshot: FileRef.optional(),
  /**
   * Navigations of this step the harness repeated because the vendor answered 5xx (an intermittent
   * server error), each with the status seen; absent when none was repeated.
   */
  retries: z.array(z.strictObject({ url: z.string(), status: z.number().int() })).optional(),
  /**
   * The page would not let itself be examined at this step (a vendor-side fact): the step is not ok
   * (`error` says why), so `<suite>/journey-completed` fails with this as its finding.
   */
  unexaminable: UnexaminableSchema.optional(),
  /** The step's optional actions (`when:`), each with whether what it waited for appeared; absent when none. */
  optional: z.array(OptionalActionSchema).optional(),
  /** Files the step's `download` actions saved; absent when none. */
  downloads: z.array(DownloadEvidenceSchema).optional(),
});
export type StepEvidence = z.infer<typeof StepEvidenceSchema>;

// ───────────────────────────── login ─────────────────────────────

/**
 * A failed-login budget that was used up (core config FailedLoginBudget): how many failed logins were
 * already counted for the card within the window, and when the next may be sent.
 */
export const BudgetUsedSchema = z.strictObject({
  /** Failed logins counted for the card within the window (the budget's `attempts`, or more). */
  used: z.number().int().nonnegative(),
  /** The budget: attempts per window. */
  attempts: z.number().int().positive(),
  perMinutes: z.number().int().positive(),
  /** When the oldest counted failure leaves the window. */
  nextAt: z.iso.datetime(),
});
export type BudgetUsed = z.infer<typeof BudgetUsedSchema>;

/** A login with a PIN known to be wrong that the harness did not make: the card's budget was used. */
export const WithheldAttemptSchema = z.strictObject({
  role: PatronRoleSchema,
  /** It would have been the second try of an attempt that got no answer (RETRIED_OUTCOMES). */
  retry: z.literal(true).optional(),
  budget: BudgetUsedSchema,
});
export type WithheldAttempt = z.infer<typeof WithheldAttemptSchema>;

export const LOGIN_OUTCOMES = ['logged-in', 'rejected', 'no-response', 'error'] as const;
export type LoginAttemptOutcome = (typeof LOGIN_OUTCOMES)[number];
/**
 * Outcomes in which the harness saw no answer to the login (the form could not be used, nothing
 * appeared before the timeout): a gatherer tries such an attempt once more with the same patron and
 * records both tries (`LoginAttempt.retry`), so that a slow moment of the machine is not taken for the
 * vendor's answer. A vendor that answers neither time is examined on its second try.
 */
export const RETRIED_OUTCOMES: ReadonlySet<LoginAttemptOutcome> = new Set(['no-response', 'error']);
export const LoginAttemptSchema = z.strictObject({
  /** Which test patron was used. */
  role: PatronRoleSchema,
  /**
   * logged-in: the success element appeared. rejected: the form stayed and an error was visible.
   * no-response: neither happened before the timeout. error: the form could not be used.
   */
  outcome: z.enum(LOGIN_OUTCOMES),
  /** From pressing submit until the outcome was visible, ms. */
  durationMs: z.number().nonnegative(),
  /** Visible message after submitting (redacted; vendor-controlled text). */
  message: z.string().optional(),
  /** Language of the message detected from its words, null when undecided. */
  messageLanguage: LanguageSchema.nullable().optional(),
  /** The message was exposed to assistive technology: role=alert/status, aria-live, or focused. */
  announced: z.boolean().optional(),
  /** The visible message contained the PIN that was typed (it is redacted above). */
  echoesPin: z.boolean().optional(),
  /** Why the attempt could not be made (harness words), when outcome is error. */
  error: z.string().optional(),
  /** URL when the outcome was decided (redacted). */
  url: z.string(),
  screenshot: FileRef.optional(),
  /** Declared language (`lang`) of the document showing the message, two letters; null when none. */
  pageLanguage: z.string().nullable().optional(),
  /** Origin of the document that held the card + PIN form (the vendor's, an identity provider's, a proxy's). */
  formOrigin: z.string().optional(),
  /** Screenshot of the filled-in form just before submitting (card and PIN fields masked). */
  formScreenshot: FileRef.optional(),
  /**
   * This attempt is the second try of the one before it with the same patron, whose outcome was one of
   * RETRIED_OUTCOMES; the checks examine the second try and say what the first was.
   */
  retry: z.literal(true).optional(),
});
export type LoginAttempt = z.infer<typeof LoginAttemptSchema>;

/** What the library system said about a test patron when asked directly (pre-flight). */
/**
 * rejected: card or PIN not accepted, and the protocol does not say which (Koha REST). not-asked: the
 * PIN is known to be wrong and the card's failed-login budget was used, so it was not sent (`withheld`).
 */
export const PATRON_STANDINGS = [
  'valid',
  'wrong-pin',
  'unknown-card',
  'rejected',
  'blocked',
  'expired',
  'error',
  'not-asked',
] as const;
export type PatronStanding = (typeof PATRON_STANDINGS)[number];

/**
 * ok: every patron is what its role says. unreachable: the library system could not be asked. mismatch: some patron is
 * not.
 */
export const PREFLIGHT_STATUSES = ['ok', 'unreachable', 'mismatch'] as const;
export type PreflightStatus = (typeof PREFLIGHT_STATUSES)[number];

export const PreflightEvidenceSchema = z.strictObject({
  /** How the library system was asked. */
  protocol: z.enum(['sip2', 'koha-rest']),
  status: z.enum(PREFLIGHT_STATUSES),
  /** Why, in the harness's words (no secrets). */
  reason: z.string().optional(),
  patrons: z.array(
    z.strictObject({
      role: PatronRoleSchema,
      /** What the library system says about the card and PIN. */
      standing: z.enum(PATRON_STANDINGS),
      /** The standing is what the role expects (false when not asked). */
      matches: z.boolean(),
      detail: z.string().optional(),
      /**
       * Not sent, known without asking: this is the valid patron's card, whose PIN the library system
       * accepted, with another PIN (which cannot be right): no failed login is spent on it.
       */
      inferred: z.literal(true).optional(),
      /** Why the patron was not asked (standing not-asked): the card's failed-login budget was used. */
      withheld: BudgetUsedSchema.optional(),
    }),
  ),
  durationMs: z.number().nonnegative(),
});
export type PreflightEvidence = z.infer<typeof PreflightEvidenceSchema>;

/** Accessibility of the login form, measured in the page (WCAG 1.3.1, 1.3.5, 3.3.2, 3.3.8). */
export const LoginFormProbeSchema = z.strictObject({
  fields: z.array(
    z.strictObject({
      field: z.enum(['card', 'pin']),
      /**
       * Accessible name from label/aria-label/aria-labelledby; null when it has none (a placeholder is not counted).
       */
      label: z.string().nullable(),
      /** The field's placeholder text, when it has one (absent in evidence gathered before it was recorded). */
      placeholder: z.string().nullable().optional(),
      autocomplete: z.string().nullable(),
      /** A synthetic paste event was not cancelled by the page. */
      pasteAllowed: z.boolean(),
    }),
  ),
  /** A CAPTCHA or puzzle was found next to the form (a cognitive function test, WCAG 2.2 SC 3.3.8). */
  cognitiveTest: z.string().nullable(),
});
export type LoginFormProbe = z.infer<typeof LoginFormProbeSchema>;

/**
 * ended: the protected page asked for login again; still-logged-in: it did not; not-tested: no logout declared; error:
 * logout could not be used.
 */
export const LOGOUT_OUTCOMES = ['ended', 'still-logged-in', 'not-tested', 'error'] as const;
export type LogoutOutcome = (typeof LOGOUT_OUTCOMES)[number];
/** Whether a browser sends cookies to a cross-site frame. */
export const THIRD_PARTY_COOKIE_STATES = ['allowed', 'blocked', 'unknown'] as const;
export type ThirdPartyCookieState = (typeof THIRD_PARTY_COOKIE_STATES)[number];

export const LoginEvidenceSchema = z.strictObject({
  strategy: z.string(),
  attempts: z.array(LoginAttemptSchema),
  /** Attempts not made because the card's failed-login budget was used (their verdicts are inconclusive). */
  withheld: z.array(WithheldAttemptSchema).optional(),
  /** The test patrons as the library system sees them, asked before the vendor was tested. */
  preflight: PreflightEvidenceSchema.optional(),
  /** Whether this browser sends cookies to a cross-site frame (measured when the login sits in a frame). */
  thirdPartyCookies: z.enum(THIRD_PARTY_COOKIE_STATES).optional(),
  /** The login form's document is on another site than the page (a third-party frame). */
  crossSiteFrame: z.boolean().optional(),
  form: LoginFormProbeSchema.optional(),
  /** After the valid patron logged in: a reload, and logout followed by the protected page. */
  session: z
    .strictObject({
      /** Still logged in after reloading the page; null when not tried. */
      survivesReload: z.boolean().nullable(),
      logout: z.enum(LOGOUT_OUTCOMES),
      detail: z.string().optional(),
      /** Screenshot of the protected page after logout. */
      screenshot: FileRef.optional(),
    })
    .optional(),
  /** Access without the library's route (ip-access `direct`): granted or refused. */
  directAccess: z.enum(['granted', 'refused']).optional(),
});
export type LoginEvidence = z.infer<typeof LoginEvidenceSchema>;

// ───────────────────────────── accessibility ─────────────────────────────

export const AxeNodeSchema = z.strictObject({
  /** CSS selector path to the element (frames first). */
  target: z.array(z.string()),
  /** Outer HTML of the element, truncated to 300 characters; vendor-controlled. */
  html: z.string(),
  failureSummary: z.string().optional(),
  impact: ImpactSchema.nullable().optional(),
});
export const AxeRuleResultSchema = z.strictObject({
  /** axe rule id, e.g. color-contrast. */
  id: z.string(),
  impact: ImpactSchema.nullable(),
  /** axe tags, e.g. wcag2aa, wcag143, EN-9.1.4.3. */
  tags: z.array(z.string()),
  description: z.string(),
  help: z.string(),
  helpUrl: z.string(),
  nodes: z.array(AxeNodeSchema),
});
export type AxeRuleResult = z.infer<typeof AxeRuleResultSchema>;

/**
 * Rule engines the accessibility suite runs at each page state (issue 16): axe-core always, the others
 * as the profile says (profile `accessibility.engines`). `ibm-equal-access` is IBM's Equal Access engine
 * (accessibility-checker-engine), `htmlcs` is HTML_CodeSniffer (html_codesniffer).
 */
export const RULE_ENGINES = ['axe-core', 'ibm-equal-access', 'htmlcs'] as const;
export const RuleEngineSchema = z.enum(RULE_ENGINES);
export type RuleEngine = z.infer<typeof RuleEngineSchema>;
/** The engines besides axe-core, which the profile can switch off. */
export const EXTRA_RULE_ENGINES = ['ibm-equal-access', 'htmlcs'] as const satisfies readonly RuleEngine[];
export type ExtraRuleEngine = (typeof EXTRA_RULE_ENGINES)[number];

export const EngineNodeSchema = z.strictObject({
  /**
   * CSS selector of the element in the top document: axe-core's own selector when axe reported the
   * same element at this state (so findings about one element merge), else a path the harness built.
   */
  selector: z.string(),
  /** Outer HTML of the element, truncated to 300 characters; vendor-controlled. */
  html: z.string(),
  /** What the engine said about it, in its own words (≤ 500 characters; may quote vendor text). */
  message: z.string(),
});
export const EngineRuleResultSchema = z.strictObject({
  /**
   * The rule as the engine names it: an IBM rule id (img_alt_valid) or an HTML_CodeSniffer code without its standard
   * (1_1_1.H37).
   */
  rule: z.string(),
  /** violation: the engine says it fails; review: the engine could not decide (potential, manual, warning). */
  outcome: z.enum(['violation', 'review']),
  /** At most 25 elements per rule and outcome. */
  nodes: z.array(EngineNodeSchema),
  /** How many elements the engine reported in all (nodes keeps the first 25). */
  total: z.number().int().nonnegative(),
});
export type EngineRuleResult = z.infer<typeof EngineRuleResultSchema>;
export const EngineRunSchema = z.strictObject({
  engine: RuleEngineSchema,
  /** Version of the engine's package. */
  version: z.string(),
  /** Wall time of the engine's run at this state (loading it into the page included), ms. */
  durationMs: z.number().nonnegative(),
  /**
   * Why the engine could not run here, in the harness's words: a probe error (its checks are then
   * inconclusive at this state), never "nothing found". Absent when it ran.
   */
  error: z.string().optional(),
  /** Rules that reported a violation or a needs-review item (only rules in the harness's table). */
  results: z.array(EngineRuleResultSchema),
  /**
   * Ids of rules that passed on at least one element and failed on none (IBM reports passes; HTML_CodeSniffer does
   * not).
   */
  passes: z.array(z.string()),
});
export type EngineRun = z.infer<typeof EngineRunSchema>;

/** An ISO 639-1 (or 639-3) language code identified from text. */
export const DetectedLanguageSchema = z.string().regex(/^[a-z]{2,3}$/);

/** Content WCAG 1.4.10 lets need two-dimensional scrolling. */
export const REFLOW_EXCEPTIONS = ['data-table', 'map', 'diagram', 'video'] as const;

/**
 * An element the beyond-axe probes name: a CSS selector path and its accessible name or text (vendor-controlled, ≤ 80
 * characters).
 */
export const A11yElementSchema = z.strictObject({
  selector: z.string(),
  name: z.string(),
});
export type A11yElement = z.infer<typeof A11yElementSchema>;

/** One element of the sequential focus order (tabbable: not disabled, not tabindex=-1, rendered). */
export const TabStopSchema = z.strictObject({
  ...A11yElementSchema.shape,
  /** Box in document coordinates when focused, CSS px. */
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  /**
   * Its computed outline, box-shadow, border, background, colour or text decoration changed on focus; null when never
   * focused.
   */
  focusVisible: z.boolean().nullable(),
  /**
   * When focused, it was entirely hidden under fixed or sticky content (WCAG 2.2 SC 2.4.11); null when never focused.
   */
  obscuredBy: z.string().nullable(),
  /**
   * An iframe: a container whose own stops are the frame's; one that cannot load may be skipped by Tab, which is no
   * barrier.
   */
  frame: z.boolean().optional(),
  /**
   * The stop's box (and 8 px around it) captured focused and unfocused and compared pixel by pixel
   * (a channel moved by 24 or more of 255), where the style comparison was in doubt: no style change,
   * or an outline the colour of the background, or a colour change of a level or two. Absent where
   * not captured (the driver cannot, the style change was clear, the focus did not show as :focus-visible).
   */
  focusPixels: z
    .strictObject({ changed: z.number().int().nonnegative(), measured: z.number().int().nonnegative() })
    .optional(),
});
export type TabStop = z.infer<typeof TabStopSchema>;

/**
 * Where the keyboard focus was, relative to an overlay: in it, on an element outside it, or on the page itself (body,
 * nothing focused).
 */
export const OVERLAY_FOCUS = ['inside', 'outside', 'none'] as const;

/** Pressing Escape in an open overlay, after the Tab walk (WCAG 2.1.2, 2.4.3). */
export const OverlayEscapeSchema = z.strictObject({
  /** The overlay closed (hidden, removed or no longer open) within `waitedMs`. */
  closed: z.boolean(),
  /** Time from the key press until it was seen closed, or the whole wait when it stayed open, ms. */
  waitedMs: z.number().nonnegative(),
  /** Where the focus went when it closed; null when it stayed open. */
  focusAfter: z.enum(OVERLAY_FOCUS).nullable(),
  /** The element focused after it closed (null: the page itself, or it stayed open). */
  focusedAfter: A11yElementSchema.nullable(),
  /**
   * The element focused after closing is the one the patron's click reopened it with (the step's
   * last `click`): focus returned to the opener. null: not decidable (it stayed open, focus went
   * nowhere, or it could not be reopened).
   */
  toOpener: z.boolean().nullable(),
  /**
   * Clicking the opener again showed the overlay again, so the rest of the journey went on from the same state; null
   * when it stayed open (nothing to restore).
   */
  reopened: z.boolean().nullable(),
});
export type OverlayEscape = z.infer<typeof OverlayEscapeSchema>;

/** An overlay (dialog, alert dialog, menu) open at a page state, as the keyboard walk met it. */
export const OverlayProbeSchema = z.strictObject({
  ...A11yElementSchema.shape,
  /** `dialog` covers `<dialog>` and role=dialog; `alertdialog` and `menu` are the ARIA roles. */
  role: z.enum(['dialog', 'alertdialog', 'menu']),
  /** Modal: a `<dialog>` opened with showModal(), or aria-modal="true". */
  modal: z.boolean(),
  /** Indexes into `stops` of the tab stops inside the overlay. */
  stops: z.array(z.number().int().nonnegative()),
  /** Where the focus was when the probes began, i.e. after the step opened the overlay (focus moved in: `inside`). */
  focusOnOpen: z.enum(OVERLAY_FOCUS),
  /** Escape pressed after the walk; null when not tried (see `escapeSkipped`). */
  escape: OverlayEscapeSchema.nullable(),
  /** Why Escape was not tried (e.g. no opener to restore the overlay with, so the journey could not go on from it). */
  escapeSkipped: z.string().optional(),
});
export type OverlayProbe = z.infer<typeof OverlayProbeSchema>;

/**
 * Real Tab presses from the top of the page, or from inside an open overlay (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7, 2.4.11).
 */
export const KeyboardProbeSchema = z.strictObject({
  /** Tabbable elements in DOM order; `sequence` indexes into it. */
  stops: z.array(TabStopSchema),
  /**
   * After each Tab press: index of the focused stop, or null when focus was on the page itself or outside the stops.
   */
  sequence: z.array(z.number().int().nullable()),
  /** Elements that look interactive (ARIA widget role or onclick) but cannot be reached with Tab, up to 25. */
  unfocusable: z.array(A11yElementSchema),
  /** How many such elements there were in all; absent in older evidence. */
  unfocusableTotal: z.number().int().nonnegative().optional(),
  /** More tabbable elements than the press budget: some were never tried. */
  truncated: z.boolean(),
  /**
   * An overlay open at this state (a dialog, alert dialog or menu the step opened): the walk began
   * inside it — from the focused element when focus was in it, else from its first position — not
   * at the top of the page behind it. Absent when none was open (and in older evidence).
   */
  overlay: OverlayProbeSchema.optional(),
});
export type KeyboardProbe = z.infer<typeof KeyboardProbeSchema>;

/** Text clipped by a style change (text resize or text spacing) that was not clipped before it, up to 25. */
export const ClippedTextSchema = z.strictObject({
  ...A11yElementSchema.shape,
  /** Content extent beyond the element's box, CSS px. */
  hiddenPx: z.number(),
});

/**
 * How long the page took to re-lay out after a layout probe's change (a resize, a text change) before
 * it was measured: the layout (document width, the boxes of the body's children) had to stay the same
 * for several animation frames, and a measurement that would fail was watched until `boundMs` in case
 * the page was still reflowing (a debounced resize handler).
 */
export const LayoutSettleSchema = z.strictObject({
  /**
   * Time from the change until the measured layout was last seen changing, ms; null: it was still changing when the
   * bound ran out (measured then).
   */
  settledMs: z.number().nonnegative().nullable(),
  /** The most the probe waited, ms. */
  boundMs: z.number().nonnegative(),
});
export type LayoutSettle = z.infer<typeof LayoutSettleSchema>;

/** Texts newly clipped in all (`clipped` lists the first 25); absent in older evidence. */
const ClippedTotal = z.number().int().nonnegative().optional();

export const A11yProbesSchema = z.strictObject({
  /** Viewport when probing, CSS px. */
  viewport: z.strictObject({ width: z.number(), height: z.number() }),
  keyboard: KeyboardProbeSchema.optional(),
  /** The page at a 320 CSS px wide viewport (WCAG 1.4.10); absent when the session could not resize. */
  reflow: z
    .strictObject({
      viewportWidth: z.number(),
      documentWidth: z.number(),
      offenders: z.array(z.strictObject({ selector: z.string(), right: z.number() })),
      /**
       * Offenders that are content WCAG excepts from reflow (data tables, maps, diagrams, video),
       * recorded as such rather than failed; absent in older evidence.
       */
      excepted: z
        .array(z.strictObject({ selector: z.string(), right: z.number(), kind: z.enum(REFLOW_EXCEPTIONS) }))
        .optional(),
      /** How the page settled after the resize before it was measured; absent in older evidence. */
      settle: LayoutSettleSchema.optional(),
    })
    .optional(),
  /** Text at 200 % (each element's font size doubled; WCAG 1.4.4). */
  textResize: z
    .strictObject({ clipped: z.array(ClippedTextSchema), total: ClippedTotal, settle: LayoutSettleSchema.optional() })
    .optional(),
  /** WCAG 1.4.12 spacing (line 1.5, paragraphs 2, letters 0.12, words 0.16 em) applied. */
  textSpacing: z
    .strictObject({ clipped: z.array(ClippedTextSchema), total: ClippedTotal, settle: LayoutSettleSchema.optional() })
    .optional(),
  /**
   * Pointer targets (WCAG 2.2 SC 2.5.8): how many were measured and those under 24×24 CSS px without the spacing
   * exception, up to 25.
   */
  targets: z
    .strictObject({
      measured: z.number().int().nonnegative(),
      /** Small targets in all (`small` lists the first 25); absent in older evidence. */
      smallTotal: z.number().int().nonnegative().optional(),
      small: z.array(
        z.strictObject({ ...A11yElementSchema.shape, width: z.number(), height: z.number(), nearestPx: z.number() }),
      ),
    })
    .optional(),
  /**
   * Page language (WCAG 3.1.1) and language of parts (3.1.2). `detected`: the ISO 639-1 code the
   * words identify, any language (src/gather/a11y/language.ts); null when the text is too short or
   * the identification unsure.
   */
  language: z
    .strictObject({
      declared: z.string().nullable(),
      detected: DetectedLanguageSchema.nullable(),
      parts: z.array(
        z.strictObject({
          ...A11yElementSchema.shape,
          declared: z.string(),
          detected: DetectedLanguageSchema.nullable(),
        }),
      ),
      /**
       * Passages of a dozen words or more with no lang of their own, and the language their words identify; absent in
       * older evidence.
       */
      unmarked: z.array(z.strictObject({ ...A11yElementSchema.shape, detected: DetectedLanguageSchema })).optional(),
    })
    .optional(),
  /**
   * Bypass blocks (WCAG 2.4.1): a working skip link among the first stops, and landmark counts.
   * `blockStops`: tab stops before the first heading (or, without one, in nav/header): a repeated
   * block worth bypassing has several; absent in older evidence.
   */
  bypass: z
    .strictObject({
      skipLink: z.string().nullable(),
      main: z.number().int().nonnegative(),
      navigation: z.number().int().nonnegative(),
      blockStops: z.number().int().nonnegative().optional(),
    })
    .optional(),
  /**
   * Tab stops that are not controls (WCAG 4.1.2): tabindex on content with no interactive role, not a scroll container.
   */
  staticStops: z.strictObject({ items: z.array(A11yElementSchema), total: z.number().int().nonnegative() }).optional(),
  /** Link purpose (WCAG 2.4.4): links whose text says nothing out of context ("click here", "read more"). */
  links: z
    .strictObject({
      generic: z.array(z.strictObject({ ...A11yElementSchema.shape, href: z.string() })),
      /** The same text leading to different places (a person decides whether the context tells them apart). */
      ambiguous: z.array(
        z.strictObject({ name: z.string(), hrefs: z.array(z.string()), selectors: z.array(z.string()) }),
      ),
      /** Opens a new window (target=_blank) without saying so in its name. */
      newWindow: z.array(A11yElementSchema),
      /** Leads to a document file (PDF, Word…) without naming the format in its name. */
      documents: z.array(z.strictObject({ ...A11yElementSchema.shape, href: z.string() })),
      total: z.number().int().nonnegative(),
    })
    .optional(),
  /**
   * Form fields (WCAG 3.3.2, 1.3.1): named by a placeholder alone; hint text next to a field that the field does not
   * reference.
   */
  fields: z
    .strictObject({
      placeholderOnly: z.array(z.strictObject({ ...A11yElementSchema.shape, placeholder: z.string() })),
      unassociatedHints: z.array(z.strictObject({ ...A11yElementSchema.shape, hint: z.string() })),
      total: z.number().int().nonnegative(),
    })
    .optional(),
  /**
   * Time-based media's text alternatives (WCAG 1.2.1): audio elements and links to audio/video files,
   * each with whether the page offers a transcript (a link or heading naming one).
   */
  transcripts: z
    .strictObject({
      audio: z.array(z.strictObject({ ...A11yElementSchema.shape, transcript: z.boolean() })),
      mediaLinks: z.array(z.strictObject({ ...A11yElementSchema.shape, href: z.string(), transcript: z.boolean() })),
    })
    .optional(),
  /** Animated images (GIF, APNG, WebP) shown on the page, from their bytes (WCAG 2.2.2). */
  animatedImages: z
    .array(
      z.strictObject({
        ...A11yElementSchema.shape,
        src: z.string(),
        frames: z.number().int().positive(),
        /** The image repeats forever (loop count 0), or the number of times it plays. */
        loops: z.union([z.literal('forever'), z.number().int().positive()]),
      }),
    )
    .optional(),
  /** Audio and video elements with their player controls (WCAG 1.2.2, 1.4.2, 2.1.1, 4.1.2). */
  media: z
    .array(
      z.strictObject({
        ...A11yElementSchema.shape,
        kind: z.enum(['audio', 'video']),
        /** Sound was playing without the patron asking (autoplay, not muted). */
        autoplaySound: z.boolean(),
        /** Video: a captions or subtitles track exists. */
        captions: z.boolean(),
        /** Native controls attribute. */
        nativeControls: z.boolean(),
        /**
         * Buttons, sliders and links of the player around the element; `stop` indexes keyboard.stops, null when not
         * tabbable.
         */
        controls: z.array(z.strictObject({ ...A11yElementSchema.shape, stop: z.number().int().nullable() })),
      }),
    )
    .optional(),
  /**
   * Animations running longer than 5 s or forever, and whether the page's CSS answers prefers-reduced-motion (WCAG
   * 2.2.2, 2.3.3).
   */
  motion: z
    .strictObject({
      longAnimations: z.array(z.string()),
      reducedMotionRule: z.boolean(),
      /** A control named pause or stop (fi/sv/en) is on the page; absent in older evidence. */
      pauseControl: z.boolean().optional(),
    })
    .optional(),
  /**
   * Elements with their own click (mousedown, pointerdown…) listener that are not controls: no native
   * control, no widget role, holding no control (WCAG 2.1.1, 4.1.2). Listeners are seen only where
   * the driver can see them (`observable`; Chromium's debugger); elsewhere `observable: false` with
   * the reason, and nothing is listed (onclick attributes are keyboard-reachable's).
   */
  clickListeners: z
    .strictObject({
      observable: z.boolean(),
      reason: z.string().optional(),
      items: z.array(
        z.strictObject({
          ...A11yElementSchema.shape,
          /** It is in the Tab order (tabindex ≥ 0). */
          focusable: z.boolean(),
          /** It has its own keydown, keyup or keypress listener. */
          keyListener: z.boolean(),
        }),
      ),
      total: z.number().int().nonnegative(),
    })
    .optional(),
  /**
   * Custom controls (role=button, link, menuitem, checkbox, switch, or a focusable element with a
   * click listener) focused and sent the keys a patron would press (Enter, Space), with the page's
   * click handlers held back meanwhile (a click the key caused is recorded, not delivered): did the
   * page answer — a click on the control, the key's default prevented, the page changed, the focus
   * moved (WCAG 2.1.1)? `skipped`: why nothing was pressed at this state (an overlay open, …).
   */
  keyActivation: z
    .strictObject({
      items: z.array(
        z.strictObject({
          ...A11yElementSchema.shape,
          role: z.string(),
          /**
           * It or an element around it has a click listener (or an onclick attribute), so a click does
           * something; false: none seen (one on the document cannot be told); null: listeners not observable.
           */
          clickListener: z.boolean().nullable(),
          presses: z.array(
            z.strictObject({
              key: z.enum(['Enter', 'Space']),
              /** What answered the key; empty: nothing did. */
              answers: z.array(z.enum(['click', 'default-prevented', 'page-changed', 'focus-moved'])),
            }),
          ),
        }),
      ),
      /** Candidates in all (the first 10 are pressed). */
      total: z.number().int().nonnegative(),
      skipped: z.string().optional(),
    })
    .optional(),
  /**
   * Disclosures that open on hover (CSS :hover rules that show other content, mouseenter/mouseover
   * listeners): each trigger hovered with the pointer, and focused from the keyboard side, comparing
   * what became visible (WCAG 2.1.1, 1.4.13). `skipped`: why none was tried at this state.
   */
  hoverDisclosure: z
    .strictObject({
      items: z.array(
        z.strictObject({
          ...A11yElementSchema.shape,
          /** What hovering showed (text of the content that appeared, ≤ 80 characters). */
          revealed: z.string(),
          /** Focusing the trigger (or the first focusable element in it) showed the same. */
          byFocus: z.boolean(),
          /** The trigger holds or is something the keyboard can focus. */
          focusable: z.boolean(),
        }),
      ),
      /** Triggers found in all, and how many were hovered (the first 8). */
      total: z.number().int().nonnegative(),
      tested: z.number().int().nonnegative(),
      skipped: z.string().optional(),
    })
    .optional(),
  /**
   * Form fields shown in an error state (an error/invalid class on the field or its wrapper): what
   * the state changes, found by taking the class off for a moment and comparing (WCAG 1.4.1, 3.3.1).
   * `colourOnly`: nothing but colours changed, and no text, icon, aria-invalid or error message says so.
   */
  errorCues: z
    .strictObject({
      marked: z.number().int().nonnegative(),
      colourOnly: z.array(z.strictObject({ ...A11yElementSchema.shape, changed: z.array(z.string()) })),
    })
    .optional(),
  /**
   * Content that changes luminance fast (WCAG 2.3.1): running animations of colour, opacity or
   * visibility sampled over one second of their timeline, and elements the page restyles by script
   * several times a second sampled live for one second. `transitions`: changes of relative luminance
   * of 10 % or more (the darker below 0.80) in the busiest second; a flash is a pair of them.
   */
  flashing: z
    .strictObject({
      candidates: z.number().int().nonnegative(),
      items: z.array(
        z.strictObject({
          ...A11yElementSchema.shape,
          transitions: z.number().int().nonnegative(),
          /** The element's box, CSS px². */
          areaPx: z.number().nonnegative(),
          source: z.enum(['animation', 'script']),
        }),
      ),
    })
    .optional(),
  /** Probes that could not run, in the harness's words. */
  errors: z.array(z.strictObject({ probe: z.string(), message: z.string() })),
  /** Time all probes took at this state, ms. */
  durationMs: z.number().nonnegative(),
});
export type A11yProbes = z.infer<typeof A11yProbesSchema>;

export const AccessibilityStateSchema = z.strictObject({
  /** Journey step (or login state, e.g. login-error) at which axe ran. */
  step: z.string(),
  url: z.string(),
  violations: z.array(AxeRuleResultSchema),
  /** Needs review: axe could not decide. Kept and shown, never dropped. */
  incomplete: z.array(AxeRuleResultSchema),
  /** Ids of rules that passed. */
  passes: z.array(z.string()),
  /** Ids of rules that did not apply. */
  inapplicable: z.array(z.string()),
  screenshot: FileRef.optional(),
  /** Time axe-core took at this state, ms; absent in older evidence. */
  axeDurationMs: z.number().nonnegative().optional(),
  /**
   * The other rule engines' runs at this state, in the same page state as axe; absent in older evidence or with all
   * switched off.
   */
  engines: z.array(EngineRunSchema).optional(),
  /** What the beyond-axe probes measured at this state (src/gather/a11y); absent in older evidence. */
  probes: A11yProbesSchema.optional(),
});
export type AccessibilityState = z.infer<typeof AccessibilityStateSchema>;

export const AccessibilityEvidenceSchema = z.strictObject({
  axeVersion: z.string(),
  /** axe run tags used. */
  tags: z.array(z.string()),
  states: z.array(AccessibilityStateSchema),
  /**
   * The login form's error state was not reached: the only rejected patron is the wrongPin one and its
   * card's failed-login budget was used (the state is missing from `states`, and says why here).
   */
  loginErrorWithheld: WithheldAttemptSchema.optional(),
});
export type AccessibilityEvidence = z.infer<typeof AccessibilityEvidenceSchema>;

// ───────────────────────────── performance ─────────────────────────────

export const LighthouseRunSchema = z.strictObject({
  /** Lighthouse performance category score, 0–1; null when Lighthouse could not score. */
  score: z.number().min(0).max(1).nullable(),
  /** Metrics in ms (cls unitless). Null when the run did not produce it. */
  metrics: z.strictObject({
    fcp: z.number().nullable(),
    lcp: z.number().nullable(),
    tbt: z.number().nullable(),
    cls: z.number().nullable(),
    si: z.number().nullable(),
    ttfb: z.number().nullable(),
  }),
  /**
   * Requests that blocked the first render (Lighthouse's render-blocking insight): each with the
   * time Lighthouse estimates the page would paint sooner without it (wastedMs; null when not
   * estimated) and its transfer size. Absent on reports from before it was recorded.
   */
  renderBlocking: z
    .array(
      z.strictObject({
        url: z.string(),
        wastedMs: z.number().nonnegative().nullable(),
        totalBytes: z.number().nonnegative().nullable(),
      }),
    )
    .optional(),
  /** Lighthouse runtime error code, if any (e.g. NO_FCP). */
  runtimeError: z.string().optional(),
  /** The run's full Lighthouse report (JSON), kept for the representative run. */
  report: FileRef.optional(),
  /** Wall time of the run, ms. */
  durationMs: z.number().nonnegative(),
});
export type LighthouseRun = z.infer<typeof LighthouseRunSchema>;

export const PerformancePageSchema = z.strictObject({
  step: z.string(),
  url: z.string(),
  formFactor: z.enum(['mobile', 'desktop']),
  /** Audited behind the login: the journey's session cookies were carried into Lighthouse's Chrome. */
  loggedIn: z.boolean().optional(),
  runs: z.array(LighthouseRunSchema),
});
export type PerformancePage = z.infer<typeof PerformancePageSchema>;

/**
 * Kinds of timed phase: a journey step (its actions until its expected element is visible), a login, or pressing play
 * until audio plays.
 */
export const TIMING_PHASE_KINDS = ['step', 'login', 'play'] as const;

/**
 * Event Timing keeps only interactions that lasted at least this long (ms) in the browser's buffer
 * (the spec's default `durationThreshold` for buffered entries): faster ones are not observable
 * after the fact, and all of them are well inside INP's "good" limit of 200 ms.
 */
export const EVENT_TIMING_BUFFER_MS = 104;

/**
 * How the page answered during one journey step, from the browser's own instruments read after the
 * step (buffered observers, in the harness's isolated world). Each field is null where the engine
 * has no such instrument — never a guess.
 */
export const StepResponsivenessSchema = z.strictObject({
  /**
   * Main-thread blocking during the step, ms: the sum of the long animation frames' blockingDuration
   * (each frame's tasks beyond 50 ms, as Total Blocking Time counts them); null: no Long Animation
   * Frames API (Chromium has it).
   */
  blockingMs: z.number().nonnegative().nullable(),
  /** Event Timing is available (interactions of EVENT_TIMING_BUFFER_MS or longer are observable). */
  interactionsObservable: z.boolean(),
  /**
   * The slowest interaction that started during the step (input to next paint, the measure INP takes),
   * ms; null: none of EVENT_TIMING_BUFFER_MS or longer (or not observable, see interactionsObservable).
   */
  slowestInteractionMs: z.number().nonnegative().nullable(),
  /** Layout shifts during the step without recent input (summed, unitless); null: no Layout Instability API. */
  layoutShift: z.number().nonnegative().nullable(),
});
export type StepResponsiveness = z.infer<typeof StepResponsivenessSchema>;

/** What the page reported after a journey step (in-page Performance APIs; null where the engine does not report it). */
export const PageTimingSchema = z.strictObject({
  /** A new document was loaded during the step (its navigation entry is below); false: same document as before. */
  navigated: z.boolean(),
  /** Navigation timing of the document, ms from its navigation start: first byte, DOMContentLoaded end, load end. */
  ttfb: z.number().nullable(),
  domContentLoaded: z.number().nullable(),
  load: z.number().nullable(),
  /** Largest Contentful Paint of the document, ms from navigation start; null when the engine has no LCP. */
  lcp: z.number().nullable(),
  /** Sum of layout-shift scores without recent input (unitless); null when the engine has no Layout Instability API. */
  cls: z.number().nullable(),
  /** Requests the document made during the step (its own navigation included), from Resource Timing. */
  requests: z.number().int().nonnegative(),
  /**
   * Bytes transferred for them (headers + body, compressed), from Resource Timing; cross-origin responses without
   * Timing-Allow-Origin count 0.
   */
  transferBytes: z.number().nonnegative(),
  /** Origins the requests went to (redacted URLs' origins). */
  origins: z.array(z.string()),
  /** Blocking time, slowest interaction and layout shifts of the step itself (absent in older evidence). */
  responsiveness: StepResponsivenessSchema.optional(),
});
export type PageTiming = z.infer<typeof PageTimingSchema>;

export const TimingPhaseSchema = z.strictObject({
  /** Journey step id, or `login` / `play`. */
  id: z.string(),
  kind: z.enum(TIMING_PHASE_KINDS),
  /** The phase succeeded (the expected element appeared, the login succeeded, the position advanced). */
  ok: z.boolean(),
  /** Wall time of the phase as the harness saw it, ms (0.1 ms resolution). */
  durationMs: z.number().nonnegative(),
  /** Page metrics after a journey step. */
  page: PageTimingSchema.optional(),
  /** Why the phase failed, in the harness's words. */
  error: z.string().optional(),
});
export type TimingPhase = z.infer<typeof TimingPhaseSchema>;

/** A third-party or other-origin host contacted during the timed journeys. */
export const OriginContactSchema = z.strictObject({
  origin: z.string(),
  /** Same host as the service's baseUrl (another port or scheme of the vendor's own host). */
  firstParty: z.boolean(),
  /** Journey steps at which it was contacted. */
  steps: z.array(z.string()),
  /** Requests to it over all walks / walks. */
  requestsPerWalk: z.number().nonnegative(),
  /** A known tracker: the entity and its categories in the tracker list (e.g. analytics, ad, social). */
  tracker: z.strictObject({ entity: z.string(), categories: z.array(z.string()) }).optional(),
});
export type OriginContact = z.infer<typeof OriginContactSchema>;

/** Repeated timed walks of the journey, on any engine (through the BrowserSession). */
export const TimingsEvidenceSchema = z.strictObject({
  /** Walks requested (profile runs.timings). */
  runsRequested: z.number().int().positive(),
  /** The network profile and whether it could be applied on this device. */
  network: z.strictObject({
    id: z.string(),
    latencyMs: z.number().nullable(),
    downloadKbps: z.number().nullable(),
    uploadKbps: z.number().nullable(),
    /** Applied on this device (Chromium: DevTools protocol); false: measured on the machine's own network. */
    applied: z.boolean(),
    /** Why it was not applied. */
    reason: z.string().optional(),
  }),
  /** One walk per run: a fresh browser context (cold cache, no cookies) each time. */
  runs: z.array(z.strictObject({ phases: z.array(TimingPhaseSchema), error: z.string().optional() })),
  /** Origins contacted, with known trackers named. */
  origins: z.array(OriginContactSchema),
  /** Tracker list used to name trackers: package and version. */
  trackerList: z.string(),
});
export type TimingsEvidence = z.infer<typeof TimingsEvidenceSchema>;

export const PerformanceEvidenceSchema = z.strictObject({
  /** Lighthouse version; absent when Lighthouse did not run on this device. */
  lighthouseVersion: z.string().optional(),
  /** Lighthouse runs requested per page. */
  runsPerPage: z.number().int().positive(),
  /** Lighthouse-audited pages (Chromium devices); empty elsewhere. */
  pages: z.array(PerformancePageSchema),
  /** Why Lighthouse did not run on this device (e.g. not Chromium), when it did not. */
  lighthouseSkipped: z.string().optional(),
  /** Cross-engine journey timings; absent in older evidence. */
  timings: TimingsEvidenceSchema.optional(),
});
export type PerformanceEvidence = z.infer<typeof PerformanceEvidenceSchema>;

// ───────────────────────────── compatibility ─────────────────────────────

export const ConsoleEntrySchema = z.strictObject({
  level: z.enum(['error', 'warning']),
  /** Message text, truncated to 500 characters; vendor-controlled. */
  text: z.string(),
  step: z.string(),
  location: z.string().optional(),
});
export const PageErrorSchema = z.strictObject({
  /** Uncaught exception message; vendor-controlled. */
  message: z.string(),
  step: z.string(),
  /**
   * The page's own handler caught it (a window.onerror returning true, an unhandledrejection handler
   * calling preventDefault — e.g. to show it in its own error dialog), so the browser reported nothing;
   * seen by the harness's in-page observer (from the start of every document where the driver has
   * init scripts, Playwright; else from the first examined state of each document on).
   */
  handledByPage: z.boolean().optional(),
});
export type PageError = z.infer<typeof PageErrorSchema>;
export const FailedRequestSchema = z.strictObject({
  url: z.string(),
  method: z.string(),
  /** HTTP status when a response arrived (≥ 400), else null. */
  status: z.number().int().nullable(),
  /** Network error text when no response arrived. */
  failure: z.string().nullable(),
  resourceType: z.string(),
  step: z.string(),
});
export const OverflowSampleSchema = z.strictObject({
  step: z.string(),
  url: z.string(),
  /** Layout viewport width, CSS px. */
  viewportWidth: z.number(),
  /** Document scroll width, CSS px. */
  documentWidth: z.number(),
  /** Elements whose right edge passes the viewport (up to 10), with that edge in CSS px. */
  offenders: z.array(z.strictObject({ selector: z.string(), right: z.number() })),
});
export type OverflowSample = z.infer<typeof OverflowSampleSchema>;

/** The `<meta name="viewport">` of a page state, as written. */
export const ViewportMetaSampleSchema = z.strictObject({
  step: z.string(),
  url: z.string(),
  /** The content attribute, or null when the page has no viewport meta. */
  content: z.string().nullable(),
});
export type ViewportMetaSample = z.infer<typeof ViewportMetaSampleSchema>;

/** Interactive elements measured on a touch device at one page state. */
export const TouchTargetSampleSchema = z.strictObject({
  step: z.string(),
  url: z.string(),
  /** Visible interactive elements measured. */
  targets: z.number().int().nonnegative(),
  /** Targets smaller than 24×24 CSS px whose 24 px circle overlaps another target's (WCAG 2.2 SC 2.5.8), up to 25. */
  crowded: z.array(
    z.strictObject({
      selector: z.string(),
      /** Accessible name or text of the target, truncated; vendor-controlled. */
      name: z.string(),
      width: z.number(),
      height: z.number(),
      /** Distance between this target's centre and the nearest other target's centre, CSS px. */
      nearestPx: z.number(),
      nearest: z.string(),
    }),
  ),
});
export type TouchTargetSample = z.infer<typeof TouchTargetSampleSchema>;

/** Playback of the service's player (declared in the service's compatibility.media). */
export const MediaPlaybackSchema = z.strictObject({
  step: z.string(),
  url: z.string(),
  /** An audio or video element was found on the page. */
  found: z.boolean(),
  /** How playback was started: the declared control, or the element's play() from script. */
  startedBy: z.enum(['control', 'script']),
  /** Why the play control could not be used (harness words), when it could not. */
  error: z.string().optional(),
  /** Playback position before pressing play and after listening, seconds. */
  positionBefore: z.number().nullable(),
  positionAfter: z.number().nullable(),
  /** How long the harness listened, ms. */
  listenedMs: z.number().nonnegative(),
  /** The element was paused when listening ended. */
  paused: z.boolean().nullable(),
  /** HTMLMediaElement.error code (1 aborted, 2 network, 3 decode, 4 not supported), null when none. */
  mediaError: z.number().int().nullable(),
  /** HTMLMediaElement.readyState when listening ended (4 = enough data). */
  readyState: z.number().int().nullable(),
  /** What the harness needed: position advance in seconds. */
  minAdvanceSeconds: z.number().positive(),
});
export type MediaPlayback = z.infer<typeof MediaPlaybackSchema>;

/** Page turning in the reader (declared in the service's compatibility.reader). */
export const ReaderPagingSchema = z.strictObject({
  step: z.string(),
  urlBefore: z.string(),
  urlAfter: z.string(),
  /** Text of the page element before and after, truncated to 200 characters; vendor-controlled. */
  textBefore: z.string().nullable(),
  textAfter: z.string().nullable(),
  /** Why "next page" could not be pressed (harness words). */
  error: z.string().optional(),
});
export type ReaderPaging = z.infer<typeof ReaderPagingSchema>;

/** Web platform features found on the device (probed on the first page state). */
export const WebFeaturesSchema = z.strictObject({
  /** Feature id → available on this device. */
  available: z.record(z.string(), z.boolean()),
  /** EME key systems that answered requestMediaKeySystemAccess (e.g. org.w3.clearkey, com.widevine.alpha). */
  keySystems: z.array(z.string()),
  /** Features the service declares it needs (service compatibility.requires). */
  required: z.array(z.string()),
  /** A service worker controlled a page of the journey. */
  serviceWorkerActive: z.boolean(),
});
export type WebFeatures = z.infer<typeof WebFeaturesSchema>;

/** Cross-site frames on a page state: these break or lose their login where third-party cookies are blocked. */
export const CrossSiteFrameSchema = z.strictObject({
  step: z.string(),
  /** The page URL (redacted). */
  url: z.string(),
  /** The frame's src (redacted). */
  frame: z.string(),
  /** The frame is visible (at least 2×2 CSS px, not hidden). */
  visible: z.boolean(),
});
export type CrossSiteFrame = z.infer<typeof CrossSiteFrameSchema>;

export const CompatibilityEvidenceSchema = z.strictObject({
  viewport: z.strictObject({ width: z.number(), height: z.number() }),
  console: z.array(ConsoleEntrySchema),
  pageErrors: z.array(PageErrorSchema),
  failedRequests: z.array(FailedRequestSchema),
  overflow: z.array(OverflowSampleSchema),
  /**
   * What the driver could observe. WebDriver classic sees no console, uncaught exceptions or network
   * events: an empty list then means "not observable", not "none seen". Absent: all observable.
   */
  observed: z
    .strictObject({
      console: z.boolean(),
      pageErrors: z.boolean(),
      network: z.boolean(),
      /**
       * Exceptions the page's own handler caught (`pageErrors[].handledByPage`) could be observed at
       * every examined state: false when the page's CSP kept the in-page observer out at some state.
       * Absent in older evidence.
       */
      handledPageErrors: z.boolean().optional(),
    })
    .optional(),
  /** The device as the checks need to know it: form factor and touch. */
  device: z.strictObject({ formFactor: z.enum(['desktop', 'mobile', 'tablet']), touch: z.boolean() }).optional(),
  viewportMeta: z.array(ViewportMetaSampleSchema).optional(),
  /** Measured on touch devices only. */
  touchTargets: z.array(TouchTargetSampleSchema).optional(),
  /**
   * What the service declares that the compatibility suite exercises (service `compatibility`): the
   * journey step of its player and of its reader (null: none declared) and the web features it needs.
   * A check of an undeclared feature is not applicable; of a declared one the journey never reached,
   * inconclusive. Absent in older evidence.
   */
  declared: z
    .strictObject({ media: z.string().nullable(), reader: z.string().nullable(), requires: z.array(z.string()) })
    .optional(),
  media: MediaPlaybackSchema.optional(),
  reader: ReaderPagingSchema.optional(),
  features: WebFeaturesSchema.optional(),
  crossSiteFrames: z.array(CrossSiteFrameSchema).optional(),
});
export type CompatibilityEvidence = z.infer<typeof CompatibilityEvidenceSchema>;

// ───────────────────────────── content (issue 18) ─────────────────────────────
// What the content gatherer (src/gather/content.ts) found in the publications a service delivers, its
// accessibility statement and its ACR. Every text from a publication, a statement or an ACR is
// vendor-controlled: shown escaped, never executed. Lists are capped (the cap is said in each field).

/** How a tool run went: its version, or why it could not run (then the checks that need it are inconclusive). */
export const ContentToolSchema = z.strictObject({
  /** The tool's version (Ace by DAISY, EPUBCheck); null when it could not be determined. */
  version: z.string().nullable(),
  /** Why the tool could not be run at all on this machine, in the harness's words. */
  error: z.string().optional(),
});

/** One EPUBCheck message (at most 50 are kept per publication; the counts are complete). */
export const EpubCheckMessageSchema = z.strictObject({
  /** FATAL, ERROR, WARNING, USAGE, INFO. */
  severity: z.string(),
  /** EPUBCheck's message id, e.g. RSC-005. */
  id: z.string(),
  message: z.string(),
  /** Path inside the EPUB and line, when EPUBCheck gives one. */
  location: z.string().optional(),
});

export const EpubCheckResultSchema = z.strictObject({
  /** False when EPUBCheck did not produce a report for this file (`error` says why). */
  ran: z.boolean(),
  error: z.string().optional(),
  fatal: z.number().int().min(0),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  messages: z.array(EpubCheckMessageSchema).max(50),
  /** EPUBCheck's JSON report, kept next to the evidence. */
  report: FileRef.optional(),
});
export type EpubCheckResult = z.infer<typeof EpubCheckResultSchema>;

/** One rule Ace reported as failing, over all content documents. */
export const AceViolationSchema = z.strictObject({
  /** axe-core rule id (e.g. image-alt) or Ace's own (e.g. metadata-accessmode, epub-lang). */
  rule: z.string(),
  impact: ImpactSchema,
  /** How many times Ace reported it. */
  count: z.number().int().positive(),
  /** WCAG success criteria from the rule's tags (e.g. 1.1.1); empty for Ace's EPUB rules. */
  criteria: z.array(z.string()),
  /** Ace's description (English). */
  description: z.string(),
  /** Content documents where it was found (at most 10). */
  documents: z.array(z.string()).max(10),
  /** Ace's ruleset tags: EPUB (Ace's own rules) or wcag2a, wcag2aa, best-practice… */
  tags: z.array(z.string()),
});
export type AceViolation = z.infer<typeof AceViolationSchema>;

export const AceResultSchema = z.strictObject({
  ran: z.boolean(),
  error: z.string().optional(),
  /** Ace's overall outcome: pass or fail. */
  outcome: z.string().optional(),
  violations: z.array(AceViolationSchema).max(100),
  /** Accessibility metadata Ace found missing in the package document. */
  metadataMissing: z.array(z.string()),
  /** Ace's JSON report (report.json), kept as evidence and linked from the scorecard; never shown as HTML. */
  report: FileRef.optional(),
});
export type AceResult = z.infer<typeof AceResultSchema>;

/** The package document's accessibility metadata (schema.org and dcterms), values as written. */
export const EpubA11yMetadataSchema = z.strictObject({
  accessMode: z.array(z.string()),
  accessModeSufficient: z.array(z.string()),
  accessibilityFeature: z.array(z.string()),
  accessibilityHazard: z.array(z.string()),
  accessibilitySummary: z.array(z.string()),
  /** dcterms:conformsTo, e.g. "EPUB Accessibility 1.1 - WCAG 2.1 Level AA". */
  conformsTo: z.array(z.string()),
  /** a11y:certifiedBy. */
  certifiedBy: z.array(z.string()),
});
export type EpubA11yMetadata = z.infer<typeof EpubA11yMetadataSchema>;

/** One content document of the spine (at most 200 kept). */
export const EpubDocumentSchema = z.strictObject({
  /** Path inside the EPUB. */
  href: z.string(),
  /** lang / xml:lang of its root element; null when it has neither. */
  lang: z.string().nullable(),
  /** Elements below the root carrying their own lang / xml:lang (language of parts). */
  partsWithLang: z.number().int().min(0),
  images: z.number().int().min(0),
  /** Images (img, svg image, input type=image) without an alt attribute (at most 20 sources kept). */
  imagesWithoutAlt: z.array(z.string()).max(20),
  imagesWithoutAltTotal: z.number().int().min(0),
  /** Page-break markers (epub:type or role doc-pagebreak). */
  pageBreaks: z.number().int().min(0),
});
export type EpubDocument = z.infer<typeof EpubDocumentSchema>;

export const EpubPackageSchema = z.strictObject({
  /** The package's version attribute (2.0, 3.0…). */
  version: z.string(),
  title: z.string().nullable(),
  /** dc:language values. */
  languages: z.array(z.string()),
  metadata: EpubA11yMetadataSchema,
  /** dc:source or a pageBreakSource: the publication has a print equivalent whose pages it should mark. */
  printSource: z.string().nullable(),
  nav: z.strictObject({
    /** Whether an EPUB 3 navigation document (or an EPUB 2 NCX) was found. */
    present: z.boolean(),
    tocEntries: z.number().int().min(0),
    pageListEntries: z.number().int().min(0),
    landmarks: z.boolean(),
    /** Table-of-contents entries whose document comes before the previous entry's in the spine (reading order). */
    outOfSpineOrder: z.array(z.string()).max(20),
  }),
  documents: z.array(EpubDocumentSchema).max(200),
  /** Why the package could not be read (the publication is then not an EPUB the checks can read). */
  error: z.string().optional(),
});
export type EpubPackage = z.infer<typeof EpubPackageSchema>;

export const PUBLICATION_ORIGINS = ['sample', 'opds', 'download'] as const;
export const PUBLICATION_STATUSES = ['checked', 'unreachable'] as const;

/** One publication the suite tried to check. */
export const PublicationSchema = z.strictObject({
  /** How it reached the suite: a sample file, an OPDS acquisition link, or the journey's download step. */
  origin: z.enum(PUBLICATION_ORIGINS),
  /** The file name or URL it came from (redacted). */
  source: z.string(),
  /** checked: fetched and examined; unreachable: it could not be fetched (`error` says why). */
  status: z.enum(PUBLICATION_STATUSES),
  error: z.string().optional(),
  /** Its title as the feed or the package names it (vendor text). */
  title: z.string().optional(),
  /** The copy that was checked, next to the evidence. */
  file: FileRef.optional(),
  bytes: z.number().int().min(0).optional(),
  epubcheck: EpubCheckResultSchema.optional(),
  ace: AceResultSchema.optional(),
  package: EpubPackageSchema.optional(),
});
export type Publication = z.infer<typeof PublicationSchema>;

/** What the OPDS feed was and held. */
export const OpdsFeedSchema = z.strictObject({
  url: z.string(),
  /** OPDS 1.2 (Atom XML) or 2.0 (JSON); null when it could not be read. */
  version: z.enum(['1.2', '2.0']).nullable(),
  error: z.string().optional(),
  /** Publications listed with an EPUB acquisition link. */
  entries: z.number().int().min(0),
  /** Entries whose own feed metadata carries accessibility metadata (schema.org / Readium a11y). */
  entriesWithA11yMetadata: z.number().int().min(0),
});

export const STATEMENT_PARTS = [
  'conformance',
  'non-accessible',
  'prepared',
  'reviewed',
  'feedback',
  'enforcement',
] as const;
export type StatementPart = (typeof STATEMENT_PARTS)[number];

/** One required part of a statement: whether it was found, and the sentence it was found in (vendor text). */
export const StatementPartSchema = z.strictObject({
  found: z.boolean(),
  /** The sentence that showed it (at most 300 characters). */
  quote: z.string().max(300).optional(),
  /** For prepared / reviewed: the date found (YYYY-MM-DD). */
  date: z.iso.date().optional(),
});

/** The vendor's accessibility statement (Act 306/2019 §16, Directive (EU) 2016/2102 and 2019/882 / EAA). */
export const StatementEvidenceSchema = z.strictObject({
  /** declared: the service YAML names it; link: found from a link on the journey's first page; none: neither. */
  foundBy: z.enum(['declared', 'link', 'none']),
  /** The text of the link it was found from (vendor text). */
  linkText: z.string().optional(),
  url: z.string().optional(),
  /** fetched: read; unreachable: it could not be loaded (`error`); absent: none was declared or linked. */
  status: z.enum(['fetched', 'unreachable', 'absent']),
  error: z.string().optional(),
  /** HTTP status of the statement page. */
  httpStatus: z.number().int().nullable().optional(),
  /** When it was read (ISO time): the age of the statement is measured from here. */
  fetchedAt: z.iso.datetime(),
  /** The page's language (html lang). */
  lang: z.string().nullable().optional(),
  /** Characters of text read. */
  textLength: z.number().int().min(0).optional(),
  /** The statement's text as read (at most 20 000 characters), kept next to the evidence. */
  text: FileRef.optional(),
  parts: z
    .strictObject(
      Object.fromEntries(STATEMENT_PARTS.map((p) => [p, StatementPartSchema])) as Record<
        StatementPart,
        typeof StatementPartSchema
      >,
    )
    .optional(),
  /** The conformance status as stated: full, partial or none (null: not recognised). */
  conformance: z.enum(['full', 'partial', 'none']).nullable().optional(),
  /** The non-accessible content it names (list items of that section; at most 30, vendor text). */
  nonAccessible: z.array(z.string().max(300)).max(30).optional(),
});
export type StatementEvidence = z.infer<typeof StatementEvidenceSchema>;

export const ACR_LEVELS = [
  'supports',
  'partially-supports',
  'does-not-support',
  'not-applicable',
  'not-evaluated',
] as const;
export type AcrLevel = (typeof ACR_LEVELS)[number];

/** One claim of an OpenACR: a criterion, a component (web, electronic-docs, software, authoring-tool), a level. */
export const AcrClaimSchema = z.strictObject({
  /** WCAG success criterion number, e.g. 1.1.1 (other chapters' numbers are kept as written). */
  criterion: z.string(),
  component: z.string(),
  level: z.enum(ACR_LEVELS),
  /** The vendor's remarks (at most 300 characters). */
  notes: z.string().max(300).optional(),
});
export type AcrClaim = z.infer<typeof AcrClaimSchema>;

export const AcrEvidenceSchema = z.strictObject({
  /** The file or URL it came from. */
  source: z.string(),
  /** parsed: read as OpenACR; unreachable: could not be fetched; invalid: not an OpenACR document (`error`). */
  status: z.enum(['parsed', 'unreachable', 'invalid']),
  error: z.string().optional(),
  title: z.string().optional(),
  product: z.string().optional(),
  reportDate: z.string().optional(),
  /** The ACR as read, kept next to the evidence. */
  file: FileRef.optional(),
  claims: z.array(AcrClaimSchema).max(1000),
});
export type AcrEvidence = z.infer<typeof AcrEvidenceSchema>;

export const ContentEvidenceSchema = z.strictObject({
  tools: z.strictObject({ ace: ContentToolSchema, epubcheck: ContentToolSchema }),
  /** What the service YAML declares (`content:`): how many samples, the OPDS feed, the download step, the ACR. */
  declared: z.strictObject({
    samples: z.number().int().min(0),
    opds: z.string().nullable(),
    download: z.string().nullable(),
    statement: z.string().nullable(),
    acr: z.boolean(),
  }),
  publications: z.array(PublicationSchema).max(50),
  opds: OpdsFeedSchema.optional(),
  statement: StatementEvidenceSchema,
  /** The ACR, when the service declares one. */
  acr: AcrEvidenceSchema.optional(),
});
export type ContentEvidence = z.infer<typeof ContentEvidenceSchema>;

// ───────────────────────────── release ─────────────────────────────

export const RELEASE_SOURCES = ['meta', 'header', 'json'] as const;

/** The service's release version as read at gathering time (service YAML `release:`). */
export const ReleaseEvidenceSchema = z.strictObject({
  /**
   * The release the service reported (vendor-controlled text, at most 100 characters); null when it could not be read.
   */
  version: z.string().max(100).nullable(),
  /** Where it was read from: a meta tag, a response header or a JSON endpoint. */
  source: z.enum(RELEASE_SOURCES),
  /** URL it was read from (redacted). */
  url: z.string(),
  /** Why it could not be read, in the harness's words. */
  error: z.string().optional(),
});
export type ReleaseEvidence = z.infer<typeof ReleaseEvidenceSchema>;

// ───────────────────────────── envelope ─────────────────────────────

const base = {
  evidenceVersion: z.literal(EVIDENCE_VERSION),
  service: z.string(),
  device: z.string(),
  /** How gathering went (harness health), not how the vendor did. */
  status: GatherStatusSchema,
  /** Why status is not complete, in the harness's words. */
  reason: z.string().optional(),
  /**
   * Set when status is not-applicable because this machine lacks the device (its browser, driver or
   * server could not be started; `reason` says which and how to add it): neither a vendor result nor
   * a harness failure. A resumed run gathers such a cell again.
   */
  deviceUnavailable: z.literal(true).optional(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  browser: z.strictObject({ engine: EngineSchema, version: z.string() }),
  /** Journey steps walked while gathering. */
  steps: z.array(StepEvidenceSchema),
  /** How many attempts the harness made (1 unless retried after a harness error). */
  attempt: z.number().int().positive().default(1),
  /** Earlier attempts of this gathering that the harness retried (a browser crash, a harness error), with why. */
  previousAttempts: z
    .array(
      z.strictObject({
        attempt: z.number().int().positive(),
        status: GatherStatusSchema,
        reason: z.string().optional(),
      }),
    )
    .optional(),
  /**
   * The service's release version, when the service declares how to read it (read once per target, by the compatibility
   * gatherer).
   */
  release: ReleaseEvidenceSchema.optional(),
};

export const EvidenceSchema = z.discriminatedUnion('suite', [
  z.strictObject({ ...base, suite: z.literal('login'), login: LoginEvidenceSchema.optional() }),
  z.strictObject({ ...base, suite: z.literal('accessibility'), accessibility: AccessibilityEvidenceSchema.optional() }),
  z.strictObject({ ...base, suite: z.literal('performance'), performance: PerformanceEvidenceSchema.optional() }),
  z.strictObject({ ...base, suite: z.literal('compatibility'), compatibility: CompatibilityEvidenceSchema.optional() }),
  z.strictObject({ ...base, suite: z.literal('content'), content: ContentEvidenceSchema.optional() }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;
export type EvidenceOf<S extends Evidence['suite']> = Extract<Evidence, { suite: S }>;

/** File name of an evidence record inside `<run>/evidence/`. */
export function evidenceFileName(service: string, device: string, suite: string): string {
  return `${service}@${device}.${suite}.json`;
}
