import { describe, expect, it } from 'vitest';
import { renderJUnit } from '../../../src/render/index.ts';
import { checkMarkup } from './markup.ts';
import { HOSTILE, sampleResult } from './sample.ts';

const result = sampleResult();
const xml = renderJUnit(result);

function testsuite(id: string): string {
  const start = xml.indexOf(`<testsuite name="${id}"`);
  return xml.slice(start, xml.indexOf('</testsuite>', start));
}

describe('renderJUnit', () => {
  it('is well-formed XML', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(checkMarkup(xml, 'xml')).toEqual([]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('has one testsuite per target and one testcase per check', () => {
    expect((xml.match(/<testsuite /g) ?? []).length).toBe(result.targets.length);
    const target = result.targets.find((t) => t.id === 'kirjava@desktop-chromium');
    const checks = Object.values(target?.suites ?? {}).flatMap((s) => s.checks);
    const suite = testsuite('kirjava@desktop-chromium');
    // Plus one testcase per suite that was not scored (here the content suite: the service declares none).
    const unscored = Object.values(target?.suites ?? {}).filter((s) => s.status !== 'passed' && s.status !== 'failed').length;
    expect((suite.match(/<testcase /g) ?? []).length).toBe(checks.length + unscored);
    expect(suite).toContain('<testcase classname="kirjava@desktop-chromium" name="login/valid-patron"/>');
    expect(suite).toMatch(/<testcase classname="kirjava@desktop-chromium" name="compatibility\/console-errors">\n\s+<failure message="No errors in the browser console: 1 console error\." type="moderate">/);
    const failures = checks.filter((c) => c.status === 'fail').length;
    expect(suite).toContain(`failures="${failures}"`);
  });

  it('skips unscored checks and reports missing evidence as an error', () => {
    const suite = testsuite('kirjava@phone-webkit');
    expect(suite).toMatch(/name="performance">\n\s+<skipped message="not-applicable: Lighthouse needs Chromium/);
    const evilPhone = testsuite('evil@phone-webkit');
    expect(evilPhone).toMatch(/name="login">\n\s+<error message="missing: No evidence was found for this suite\." type="missing"\/>/);
    // login, accessibility and performance have no evidence: three lost cells (performance on WebKit
    // was "not applicable" when evidence was missing, hiding a lost cell; the harness records it when
    // the matrix says so).
    expect(evilPhone).toMatch(/name="performance">\n\s+<error message="missing: /);
    expect(evilPhone).toContain('errors="3"');
  });

  it('escapes hostile text in attributes and bodies', () => {
    expect(xml).not.toContain(HOSTILE.script);
    expect(xml).not.toContain('"><img');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
