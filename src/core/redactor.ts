/**
 * The one owner of "what a secret looks like in text" (card numbers, PINs, passwords, tokens).
 *
 * A vendor's page controls every byte the harness records, so a secret can come back in any
 * encoding: raw, URL- or form-encoded (`%XX` in either case, `+` for a space), HTML entities
 * (`&#55;`, `&#x37;`, `&quot;`), CSS escapes (an id `#\39 7531864`), JavaScript/JSON escapes
 * (`\u0037`, `\x37`), base64 of the secret or of `card:pin` (at any alignment inside a longer
 * base64 text, standard and URL-safe alphabets), double encodings of these, and in any letter case.
 * The Redactor decodes a text into views whose every character remembers where it came from, finds
 * the secrets there, and replaces the original bytes they came from with `[redacted]`.
 *
 * Truncation: redact first, then cut ({@link Redactor.clip}). Texts cut where the harness cannot
 * redact first (inside the page) can end in the first characters of a secret or begin with its last
 * ones: any run of ≥ {@link MIN_PIECE} characters of a secret at a cut edge (the start or end of a
 * text, or next to an ellipsis `...`/`…`) is redacted as well.
 *
 * Pure: no node:* imports (base64 via btoa, text via TextEncoder).
 */

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not redacted (they would redact ordinary text). */
export const MIN_SECRET = 4;
/** The shortest piece of a secret redacted at a cut edge. */
export const MIN_PIECE = 4;

/** A decoded text whose character i came from `from[i]`..`to[i]` (exclusive) of the original. */
interface View {
  text: string;
  from: number[];
  to: number[];
}

const HEX = /^[0-9a-fA-F]$/;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  colon: ':',
  sol: '/',
  num: '#',
  percnt: '%',
  plus: '+',
  equals: '=',
  period: '.',
  comma: ',',
};

function identity(text: string): View {
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; i++) {
    from.push(i);
    to.push(i + 1);
  }
  return { text, from, to };
}

/** Letter case folded per UTF-16 unit, keeping the positions (a unit whose lower case is longer stays). */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** UTF-8 bytes at `bytes[i]`: the decoded character and how many bytes it took, or undefined. */
function utf8At(bytes: number[], i: number): { ch: string; n: number } | undefined {
  const b = bytes[i] ?? 0;
  const n = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
  if (n === 1) return b < 0x80 ? { ch: String.fromCharCode(b), n: 1 } : undefined;
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (c & 0x3f);
  }
  return { ch: String.fromCodePoint(cp), n };
}

/**
 * A view without markup: every `<…>` tag left out, so that a secret a page splits across elements
 * (`PIN <b>4r6</b>'5 j6q4`, shown whole on screen) reads whole here; a hit maps back over the tags.
 */
function withoutTags(v: View): View {
  const s = v.text;
  const text: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') {
      const close = s.indexOf('>', i + 1);
      if (close !== -1 && !s.slice(i + 1, close).includes('<')) {
        i = close;
        continue;
      }
    }
    text.push(s[i] as string);
    from.push(v.from[i] ?? 0);
    to.push(v.to[i] ?? 0);
  }
  return { text: text.join(''), from, to };
}

/**
 * A view without white space, so that a secret a tool joined from text nodes with a space between
 * (`975 31864`) reads whole.
 */
function withoutSpace(v: View): View {
  const text: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < v.text.length; i++) {
    const c = v.text[i] as string;
    if (/\s/.test(c)) continue;
    text.push(c);
    from.push(v.from[i] ?? 0);
    to.push(v.to[i] ?? 0);
  }
  return { text: text.join(''), from, to };
}

/**
 * One decoding pass over a view: %XX (UTF-8), `+` as a space (when `plusIsSpace`), HTML character
 * references, CSS escapes, JavaScript escapes. Undecodable text is kept as it is.
 */
function decode(v: View, plusIsSpace: boolean): View {
  const s = v.text;
  const text: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const push = (ch: string, a: number, b: number): void => {
    // Characters outside the BMP are two units: both map to the same source span.
    for (const unit of ch.split('')) {
      text.push(unit);
      from.push(v.from[a] ?? 0);
      to.push(v.to[b - 1] ?? 0);
    }
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '%' && HEX.test(s[i + 1] ?? '') && HEX.test(s[i + 2] ?? '')) {
      // A run of %XX bytes, decoded as UTF-8 where it is valid, else byte by byte (latin-1).
      const bytes: number[] = [];
      let j = i;
      while (s[j] === '%' && HEX.test(s[j + 1] ?? '') && HEX.test(s[j + 2] ?? '')) {
        bytes.push(parseInt(s.slice(j + 1, j + 3), 16));
        j += 3;
      }
      let k = 0;
      while (k < bytes.length) {
        const u = utf8At(bytes, k);
        const n = u?.n ?? 1;
        push(u?.ch ?? String.fromCharCode(bytes[k] ?? 0), i + 3 * k, i + 3 * (k + n));
        k += n;
      }
      i = j;
      continue;
    }
    if (c === '+' && plusIsSpace) {
      push(' ', i, i + 1);
      i++;
      continue;
    }
    if (c === '&') {
      const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));?/.exec(s.slice(i, i + 12));
      if (m) {
        const cp = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : undefined;
        const named = m[3] !== undefined && m[0].endsWith(';') ? NAMED[m[3].toLowerCase()] : undefined;
        const ch = cp !== undefined && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : named;
        if (ch !== undefined) {
          push(ch, i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
    }
    if (c === '\\') {
      const rest = s.slice(i, i + 12);
      const js = /^\\(?:u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\}|x([0-9a-fA-F]{2}))/.exec(rest);
      const css = js ? null : /^\\([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r\f])?/.exec(rest);
      const hex = js ? (js[1] ?? js[2] ?? js[3]) : css?.[1];
      const m = js ?? css;
      if (m && hex !== undefined) {
        const cp = parseInt(hex, 16);
        if (cp > 0 && cp <= 0x10ffff) {
          push(String.fromCodePoint(cp), i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
      // CSS: a backslash before any other character is that character.
      const next = s[i + 1];
      if (next !== undefined && next !== '\n') {
        push(next, i, i + 2);
        i += 2;
        continue;
      }
    }
    push(c, i, i + 1);
    i++;
  }
  return { text: text.join(''), from, to };
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * The base64 characters that depend only on `value`'s bytes, at each of the three alignments it can
 * have inside a longer base64 text (standard and URL-safe alphabet).
 */
export function base64Forms(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const out = new Set<string>();
  for (let k = 0; k < 3; k++) {
    const padded = new Uint8Array(k + bytes.length + 3);
    padded.set(bytes, k);
    const b64 = toBase64(padded);
    const first = Math.ceil((8 * k) / 6);
    const end = Math.floor((8 * (k + bytes.length)) / 6);
    const core = b64.slice(first, end);
    if (core.length >= MIN_SECRET) {
      out.add(core);
      out.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...out];
}

interface Span {
  start: number;
  end: number;
}

const ELLIPSIS = /(?:\.\.\.|…)/g;

export class Redactor {
  /** The secrets, letter case folded, longest first. */
  private readonly folded: string[];
  /** The secrets folded and without white space (searched in views without white space), longest first. */
  private readonly compact: string[];
  /** Base64 forms (case-sensitive). */
  private readonly base64: string[];
  /** The secrets as given (for masking on-screen text). */
  readonly secrets: readonly string[];

  constructor(secrets: readonly string[]) {
    const kept = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET))];
    this.secrets = kept;
    this.folded = [...new Set(kept.map(fold))].sort((a, b) => b.length - a.length);
    this.compact = [...new Set(this.folded.map((f) => f.replace(/\s+/g, '')))]
      .filter((c) => c.length >= MIN_SECRET)
      .sort((a, b) => b.length - a.length);
    const b64 = new Set<string>();
    // Each secret, and every pair joined by ':' (HTTP basic auth of card:pin, user:password).
    const joined = kept.flatMap((a) => kept.filter((b) => b !== a).map((b) => `${a}:${b}`));
    for (const s of [...kept, ...joined]) for (const f of base64Forms(s)) b64.add(f);
    this.base64 = [...b64].sort((a, b) => b.length - a.length);
  }

  /** The spans of `value` that hold a secret (in any form), merged. */
  private spans(value: string): Span[] {
    const found: Span[] = [];
    if (this.folded.length === 0 || value.length === 0) return found;
    for (const n of this.base64) {
      for (let at = value.indexOf(n); at !== -1; at = value.indexOf(n, at + 1))
        found.push({ start: at, end: at + n.length });
    }
    const views: View[] = [];
    const raw = identity(value);
    views.push(raw);
    if (/[%&\\+]/.test(value)) {
      for (const plus of [true, false]) {
        const once = decode(raw, plus);
        views.push(once);
        if (/[%&\\+]/.test(once.text)) views.push(decode(once, plus));
      }
    }
    // Markup between a secret's characters (raw, or as it reads once decoded: `&lt;b&gt;`, `\u003cb\u003e`).
    for (const v of [...views]) if (v.text.includes('<')) views.push(withoutTags(v));
    // Text nodes joined with a space between them by a tool (an engine's message quoting the page).
    for (const v of views.filter((x) => /\s/.test(x.text))) {
      const c = withoutSpace(v);
      const text = fold(c.text);
      for (const n of this.compact) {
        for (let at = text.indexOf(n); at !== -1; at = text.indexOf(n, at + 1)) {
          found.push({ start: c.from[at] ?? 0, end: c.to[at + n.length - 1] ?? value.length });
        }
      }
    }
    for (const v of views) {
      const text = fold(v.text);
      const hit = (a: number, b: number): void => {
        if (b > a) found.push({ start: v.from[a] ?? 0, end: v.to[b - 1] ?? value.length });
      };
      for (const n of this.folded) {
        for (let at = text.indexOf(n); at !== -1; at = text.indexOf(n, at + 1)) hit(at, at + n.length);
      }
      // Cut edges: the start and end of the text, and both sides of every ellipsis.
      const ends = [text.length];
      const starts = [0];
      for (const m of text.matchAll(ELLIPSIS)) {
        ends.push(m.index);
        starts.push(m.index + m[0].length);
      }
      for (const n of this.folded) {
        for (const e of ends) {
          const before = text.slice(Math.max(0, e - n.length + 1), e);
          for (let len = Math.min(n.length - 1, before.length); len >= MIN_PIECE; len--) {
            if (before.endsWith(n.slice(0, len))) {
              hit(e - len, e);
              break;
            }
          }
        }
        for (const st of starts) {
          const after = text.slice(st, st + n.length - 1);
          for (let len = Math.min(n.length - 1, after.length); len >= MIN_PIECE; len--) {
            if (after.startsWith(n.slice(n.length - len))) {
              hit(st, st + len);
              break;
            }
          }
        }
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: Span[] = [];
    for (const s of found) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    return merged;
  }

  /** The text with every secret, in every form, replaced by `[redacted]`. */
  text(value: string): string {
    const spans = this.spans(value);
    if (spans.length === 0) return value;
    let out = '';
    let at = 0;
    for (const s of spans) {
      out += value.slice(at, s.start) + REDACTED;
      at = s.end;
    }
    return out + value.slice(at);
  }

  /** Whether the text holds a secret in any form. */
  contains(value: string): boolean {
    return this.spans(value).length > 0;
  }

  /** Redacts, then cuts to `max` characters (with `suffix` when cut), then redacts the cut edge. */
  clip(value: string, max: number, suffix = ''): string {
    const clean = this.text(value);
    if (clean.length <= max) return clean;
    return `${this.text(clean.slice(0, Math.max(0, max - suffix.length)))}${suffix}`;
  }

  /** Deeply redacts every string (object keys included) in a JSON-like value. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.deep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.text(k), this.deep(v)])) as T;
    }
    return value;
  }
}
