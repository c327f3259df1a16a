/**
 * Escaping for everything the renderers output. Vendor-controlled text (service names, page titles,
 * URLs, HTML snippets, console messages, selectors) reaches the scorecard and JUnit only through
 * `escapeHtml` (via the `html` template tag) and only becomes a link through `safeHref`.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Characters XML 1.0 forbids (C0 controls except tab, LF and CR; U+FFFE, U+FFFF; lone surrogates).
 * HTML tolerates some of them, but they are never meaningful in evidence, so both outputs drop them.
 */
const FORBIDDEN =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|' +
  '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const FORBIDDEN_ALL = new RegExp(FORBIDDEN, 'g');
/** Whitespace, controls and forbidden characters: none may appear in an href. */
const NOT_IN_HREF = new RegExp(`${FORBIDDEN}|[\\s\\u007F]`);

/** Text → safe in HTML and XML text and in double- or single-quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value)
    .replace(FORBIDDEN_ALL, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** The same escaping serves XML (JUnit): only predefined and numeric entities are used. */
export const escapeXml = escapeHtml;

/**
 * An href, or undefined when the value must not become a link.
 * - `http:`/`https:` absolute URLs are allowed (axe help pages, the vendor's pages);
 * - relative paths (screenshots under `evidence/`) are allowed when they have no scheme, do not
 *   start with `//` or `\`, and are prefixed with `base` when given;
 * - anything else (`javascript:`, `data:`, `vbscript:`, …) is not a link.
 */
export function safeHref(
  value: string | undefined,
  options: { relative?: boolean; base?: string } = {},
): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '' || NOT_IN_HREF.test(trimmed)) return undefined;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }
  if (!options.relative) return undefined;
  // No colon at all: no scheme can hide in a relative path (`javascript:`, `JaVa&#115;cript:` after decoding…).
  if (trimmed.includes(':') || trimmed.startsWith('//') || trimmed.startsWith('\\')) return undefined;
  const path = encodeURI(trimmed);
  if (options.base === undefined || options.base === '') return path;
  const base = safeHref(options.base, { relative: true });
  return base === undefined ? undefined : `${base.replace(/\/?$/, '/')}${path.replace(/^\.?\//, '')}`;
}

/** A fragment of markup that is already safe; only `html` and `raw` make one. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | null | undefined | false | readonly Interpolation[];

function interpolate(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map((v: Interpolation) => interpolate(v)).join('');
  return escapeHtml(value as string | number);
}

/**
 * Template tag: every interpolated string or number is escaped; nested `html` fragments are kept;
 * arrays are joined; null, undefined and false render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += interpolate(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Trusted markup written by this module (CSS, fixed SVG); never pass evidence text here. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/**
 * An href for a URL the vendor's pages reported (a finding's page, a redirect target), or undefined:
 * only a URL on the origin of the service's declared baseUrl becomes a live link; any other URL
 * (a page's claim about where it was, a third party, a look-alike host) is shown as text.
 */
export function vendorHref(value: string | undefined, baseUrl: string | undefined): string | undefined {
  const href = safeHref(value);
  const base = safeHref(baseUrl);
  if (href === undefined || base === undefined) return undefined;
  return new URL(href).origin === new URL(base).origin ? href : undefined;
}
