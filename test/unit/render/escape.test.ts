import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, safeHref } from '../../../src/render/index.ts';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`"><img src=x onerror=alert(1)>`)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`it's & "that"`)).toBe('it&#39;s &amp; &quot;that&quot;');
    expect(escapeHtml(42)).toBe('42');
  });

  it('drops characters XML forbids but keeps tabs, newlines and astral characters', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne\uFFFF')).toBe('abc\td\ne');
    expect(escapeHtml('lone \uD800 surrogate, pair 😀')).toBe('lone  surrogate, pair 😀');
  });
});

describe('html template tag', () => {
  it('escapes interpolated strings, keeps nested fragments and joins arrays', () => {
    const name = '<b>x</b>';
    const fragment = html`<em>${name}</em>`;
    expect(html`<p title="${name}">${fragment}${[name, 1, null, undefined, false]}</p>`.value).toBe(
      '<p title="&lt;b&gt;x&lt;/b&gt;"><em>&lt;b&gt;x&lt;/b&gt;</em>&lt;b&gt;x&lt;/b&gt;1</p>',
    );
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });
});

describe('safeHref', () => {
  it('allows http(s) URLs and normalises them', () => {
    expect(safeHref('https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI')).toBe(
      'https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI',
    );
    expect(safeHref('http://127.0.0.1:4100/a"b')).toBe('http://127.0.0.1:4100/a%22b');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '//evil.example/x.png',
    '\\\\evil\\share',
    'evidence/../javascript:alert(1)',
    '',
  ])('never turns %j into a link', (value) => {
    expect(safeHref(value)).toBeUndefined();
    expect(safeHref(value, { relative: true })).toBeUndefined();
  });

  it('allows relative evidence paths only when asked, with an optional base', () => {
    expect(safeHref('evidence/kirjava@pixel-7/landing.png')).toBeUndefined();
    expect(safeHref('evidence/kirjava@pixel-7/landing.png', { relative: true })).toBe('evidence/kirjava@pixel-7/landing.png');
    expect(safeHref('evidence/a b.png', { relative: true })).toBeUndefined();
    expect(safeHref('evidence/x.png', { relative: true, base: '../2026-11-25-run' })).toBe('../2026-11-25-run/evidence/x.png');
    expect(safeHref('evidence/x.png', { relative: true, base: 'javascript:alert(1)//' })).toBeUndefined();
  });
});

describe('vendorHref: vendor URLs are links only on the declared baseUrl origin', () => {
  it('links the service origin, shows anything else as text', async () => {
    const { vendorHref } = await import('../../../src/render/escape.ts');
    const base = 'https://kirjava.example/app/';
    expect(vendorHref('https://kirjava.example/lue?x=1', base)).toBe('https://kirjava.example/lue?x=1');
    expect(vendorHref('https://kirjava.example.evil.test/', base)).toBeUndefined();
    expect(vendorHref('http://kirjava.example/lue', base)).toBeUndefined();
    expect(vendorHref('https://kirjava.example:8443/', base)).toBeUndefined();
    expect(vendorHref('https://evil.test/phish', base)).toBeUndefined();
    expect(vendorHref('javascript:alert(1)', base)).toBeUndefined();
    expect(vendorHref('https://kirjava.example/', undefined)).toBeUndefined();
  });
});
