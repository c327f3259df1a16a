/**
 * The Redactor (src/core/redactor.ts): every form a secret can take in a vendor-controlled text,
 * and cut edges (texts truncated before they could be redacted).
 */
import { describe, expect, it } from 'vitest';
import { base64Forms, Redactor, REDACTED } from '../../../src/core/redactor.ts';

const CARD = '2940718365';
const PIN = "97531864";
const PASSWORD = "sal a'sa+ä";
const r = new Redactor([CARD, PIN, PASSWORD, '12']);

const entitiesDec = (s: string) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
const entitiesHex = (s: string, upper = false) => [...s].map((c) => `&#${upper ? 'X' : 'x'}${c.codePointAt(0)?.toString(16)};`).join('');
const percent = (s: string, upper: boolean) =>
  [...new TextEncoder().encode(s)].map((b) => `%${upper ? b.toString(16).toUpperCase().padStart(2, '0') : b.toString(16).padStart(2, '0')}`).join('');
const cssEscape = (s: string) => [...s].map((c, i) => (i === 0 && /\d/.test(c) ? `\\${c.codePointAt(0)?.toString(16)} ` : c)).join('');
const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

describe('Redactor: every form of a secret', () => {
  const cases: Array<[string, string]> = [
    ['raw', `card ${CARD} pin ${PIN}`],
    ['in a URL', `https://v.example/lue?card=${CARD}&pin=${PIN}#x`],
    ['URL-encoded (encodeURIComponent)', `?p=${encodeURIComponent(PASSWORD)}`],
    ['form-encoded (+, %27)', `?p=${new URLSearchParams({ p: PASSWORD }).toString().slice(2)}`],
    ['every byte %XX, lower case', `x=${percent(PIN, false)}&y=${percent(PASSWORD, false)}`],
    ['every byte %XX, upper case', `x=${percent(CARD, true)}`],
    ['double URL-encoded', `x=${encodeURIComponent(percent(PIN, true))}`],
    ['HTML entities, decimal', `<p>${entitiesDec(PIN)}</p>`],
    ['HTML entities, hex (both cases)', `<p>${entitiesHex(CARD)} ${entitiesHex(PIN, true)}</p>`],
    ['HTML named entities', `<p>${PASSWORD.replace("'", '&apos;')}</p>`],
    ['CSS-escaped id', `#${cssEscape(PIN)} > span`],
    ['CSS-escaped id, every character', `#${[...PIN].map((c) => `\\3${c}`).join('')}`],
    ['JS escapes', `"${[...CARD].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('')}"`],
    ['mixed encodings', `${PIN.slice(0, 3)}%${PIN.charCodeAt(3).toString(16)}&#${PIN.charCodeAt(4)};${PIN.slice(5)}`],
    ['upper-cased', `x ${PASSWORD.toUpperCase()} y`],
    ['base64 of the PIN', `token=${b64(PIN)}`],
    ['base64 of card:pin (HTTP basic auth)', `Authorization: Basic ${b64(`${CARD}:${PIN}`)}`],
    ['base64 inside a longer base64 text (offset 1)', `data:${b64(`x${PIN}yz`)}`],
    ['base64 inside a longer base64 text (offset 2)', `data:${b64(`{"c":"${CARD}","p":"${PIN}"}`)}`],
    ['base64url', `jwt.${b64(`ab${PASSWORD}`).replace(/\+/g, '-').replace(/\//g, '_')}`],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const out = r.text(text);
      expect(out, out).toContain(REDACTED);
      expect(r.contains(out), out).toBe(false);
      for (const s of [CARD, PIN]) expect(out).not.toContain(s);
    });
  }

  it('a secret split across elements by markup, raw, JSON-escaped and entity-escaped: no piece of it left', () => {
    const split = `<p>Kortti ${CARD} · PIN <b>${PIN.slice(0, 3)}</b>${PIN.slice(3)}</p>`;
    const forms = [split, JSON.stringify(split).replace(/</g, '\\u003c'), split.replace(/</g, '&lt;').replace(/>/g, '&gt;')];
    for (const text of forms) {
      const out = r.text(text);
      for (let i = 0; i + 4 <= PIN.length; i++) expect(out, out).not.toContain(PIN.slice(i, i + 4));
      expect(out).toContain('Kortti');
    }
    // Text nodes joined with a space by a tool quoting the page (an engine's message).
    const quoted = r.text(`Confirm this text 'Kortti ${CARD} · PIN ${PIN.slice(0, 3)} ${PIN.slice(3)}' is used as a heading`);
    for (let i = 0; i + 4 <= PIN.length; i++) expect(quoted, quoted).not.toContain(PIN.slice(i, i + 4));
    expect(quoted).toMatch(/^Confirm this text 'Kortti \[redacted\] · PIN \[redacted\]' is used as a heading$/);
    // Markup around a secret that is whole is left as it is.
    expect(r.text(`<b>${PIN}</b>`)).toBe(`<b>${REDACTED}</b>`);
  });

  it('keeps the text around a secret', () => {
    expect(r.text(`card ${CARD} pin ${PIN}.`)).toBe(`card ${REDACTED} pin ${REDACTED}.`);
    expect(r.text(`#${cssEscape(PIN)}.x`)).toBe(`#${REDACTED}.x`);
    expect(r.text(`a=${percent(PIN, true)}&b=2`)).toBe(`a=${REDACTED}&b=2`);
  });

  it('leaves ordinary text alone (and values too short to redact safely)', () => {
    for (const t of ['page 12 of 40', 'https://v.example/a?b=c+d%20e', '&amp; &#38; \\30 x', 'SGVsbG8gd29ybGQ=', '']) expect(r.text(t)).toBe(t);
    expect(new Redactor([]).text(`x ${PIN}`)).toBe(`x ${PIN}`);
  });

  it('redacts object keys and nested values, keeping other values', () => {
    expect(r.deep({ a: [`x${PIN}y`], [`#${cssEscape(PIN)}`]: 1, b: { c: 'ok' }, n: 3 })).toEqual({ a: [`x${REDACTED}y`], [`#${REDACTED}`]: 1, b: { c: 'ok' }, n: 3 });
  });

  it('base64Forms: one form per alignment, each found in a longer base64 text', () => {
    const forms = base64Forms(PIN);
    for (const prefix of ['', 'a', 'ab']) expect(forms.some((f) => b64(`${prefix}${PIN}tail`).includes(f))).toBe(true);
  });
});

describe('Redactor: cut edges', () => {
  it('clip redacts first, then cuts: a secret across the cut leaves nothing', () => {
    const text = `${'x'.repeat(495)}${PIN}`;
    expect(text.slice(0, 500)).toContain(PIN.slice(0, 5));
    const out = r.clip(text, 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out).not.toContain(PIN.slice(0, 4));
    expect(r.clip(`${'y'.repeat(297)}${CARD}`, 300, '...')).toBe(`${'y'.repeat(297)}...`);
  });

  it('a text cut before it reached the harness: a ≥ 4-character piece of a secret at its end or start', () => {
    expect(r.text(`console: pin ${PIN.slice(0, 7)}`)).toBe(`console: pin ${REDACTED}`);
    expect(r.text(`<div id="${PIN.slice(0, 5)}...`)).toBe(`<div id="${REDACTED}...`);
    expect(r.text(`${PIN.slice(0, 6)}…`)).toBe(`${REDACTED}…`);
    expect(r.text(`${CARD.slice(3)} was the card`)).toBe(`${REDACTED} was the card`);
    expect(r.text(`…${PIN.slice(-4)} more`)).toBe(`…${REDACTED} more`);
    expect(r.text(`x=${percent(PIN.slice(0, 5), true)}`)).toBe(`x=${REDACTED}`);
    // axe shortens attribute values to 20 characters and "...".
    expect(r.text(`<img data-pad="${'x'.repeat(16)}${PIN.slice(0, 4)}..." src="/a.png">`)).toBe(`<img data-pad="${'x'.repeat(16)}${REDACTED}..." src="/a.png">`);
    expect(r.text(`<b id="${'y'.repeat(13)}${CARD.slice(0, 7)}...">`)).toBe(`<b id="${'y'.repeat(13)}${REDACTED}...">`);
  });

  it('pieces shorter than 4 characters, and pieces away from a cut edge, are kept', () => {
    expect(r.text(`pin ${PIN.slice(0, 3)}`)).toBe(`pin ${PIN.slice(0, 3)}`);
    expect(r.text(`a ${PIN.slice(0, 5)} b`)).toBe(`a ${PIN.slice(0, 5)} b`);
  });
});
