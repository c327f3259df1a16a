import { describe, expect, it } from 'vitest';
import { check, compatibilityEvidence, step } from './helpers.ts';

describe('compatibility/console-errors', () => {
  it('passes with warnings only', () => {
    const e = compatibilityEvidence({ console: [{ level: 'warning', text: 'deprecated API', step: 'landing' }] });
    expect(check(e, 'compatibility/console-errors')).toMatchObject({ status: 'pass', score: 1 });
  });
  it('fails with a finding per error, located by step', () => {
    const e = compatibilityEvidence(
      { console: [{ level: 'error', text: 'TypeError: x is undefined', step: 'search', location: 'app.js:10:5' }] },
      { steps: [step('search')] },
    );
    const result = check(e, 'compatibility/console-errors');
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      {
        message: 'Console error: TypeError: x is undefined (at app.js:10:5)',
        impact: 'moderate',
        step: 'search',
        url: 'http://127.0.0.1:4100/search',
      },
    ]);
  });
});

describe('compatibility/console-errors and the favicon probe', () => {
  it('ignores the console line for the browser\'s own favicon.ico 404, but not other 404s', () => {
    const favicon = { level: 'error' as const, text: 'Failed to load resource: the server responded with a status of 404 (Not Found)', step: 'landing', location: 'http://127.0.0.1:4711/favicon.ico:1' };
    expect(check(compatibilityEvidence({ console: [favicon] }), 'compatibility/console-errors').status).toBe('pass');
    const other = { ...favicon, location: 'http://127.0.0.1:4711/app.js:1' };
    expect(check(compatibilityEvidence({ console: [favicon, other] }), 'compatibility/console-errors').findings).toHaveLength(1);
  });
});

describe('compatibility/page-errors', () => {
  it('passes without and fails with uncaught exceptions', () => {
    expect(check(compatibilityEvidence({}), 'compatibility/page-errors').status).toBe('pass');
    const result = check(compatibilityEvidence({ pageErrors: [{ message: 'ReferenceError: foo', step: 'item' }] }), 'compatibility/page-errors');
    expect(result).toMatchObject({ status: 'fail', impact: 'serious', weight: 7 });
    expect(result.findings[0]?.message).toBe('Uncaught exception: ReferenceError: foo');
  });
});

describe('compatibility/failed-requests', () => {
  const request = { method: 'GET', resourceType: 'script', step: 'landing' };
  it('ignores favicon.ico 404s only', () => {
    const e = compatibilityEvidence({
      failedRequests: [{ ...request, url: 'http://127.0.0.1:4100/favicon.ico', status: 404, failure: null, resourceType: 'other' }],
    });
    expect(check(e, 'compatibility/failed-requests')).toMatchObject({ status: 'pass', detail: 'No request failed (1 favicon.ico 404 ignored).' });
    const e500 = compatibilityEvidence({ failedRequests: [{ ...request, url: 'http://127.0.0.1:4100/favicon.ico', status: 500, failure: null }] });
    expect(check(e500, 'compatibility/failed-requests').status).toBe('fail');
  });
  it('fails on HTTP errors and network failures', () => {
    const e = compatibilityEvidence({
      failedRequests: [
        { ...request, url: 'http://127.0.0.1:4100/api/search', status: 500, failure: null },
        { ...request, url: 'http://127.0.0.1:9/app.js', status: null, failure: 'net::ERR_CONNECTION_REFUSED' },
      ],
    });
    const result = check(e, 'compatibility/failed-requests');
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.message)).toEqual([
      'GET http://127.0.0.1:4100/api/search (script) failed: HTTP 500',
      'GET http://127.0.0.1:9/app.js (script) failed: net::ERR_CONNECTION_REFUSED',
    ]);
  });
});

describe('compatibility/horizontal-overflow', () => {
  const sample = { step: 'item', url: 'http://127.0.0.1:4100/item', viewportWidth: 390 };
  it('allows 1 px of rounding', () => {
    const e = compatibilityEvidence({ overflow: [{ ...sample, documentWidth: 391, offenders: [] }] });
    expect(check(e, 'compatibility/horizontal-overflow').status).toBe('pass');
  });
  it('fails with the offending selectors', () => {
    const e = compatibilityEvidence({
      overflow: [
        { ...sample, step: 'landing', documentWidth: 390, offenders: [] },
        { ...sample, documentWidth: 640, offenders: [{ selector: 'table.loans', right: 640 }, { selector: 'img.cover', right: 500 }] },
      ],
    });
    const result = check(e, 'compatibility/horizontal-overflow');
    expect(result).toMatchObject({ status: 'fail', value: 250, unit: 'px', impact: 'serious' });
    expect(result.findings.map((f) => f.selector)).toEqual(['table.loans', 'img.cover']);
    expect(result.criteria).toContain('1.4.10');
  });
  it('is not applicable when nothing was sampled', () => {
    expect(check(compatibilityEvidence({}), 'compatibility/horizontal-overflow').status).toBe('not-applicable');
  });
});
