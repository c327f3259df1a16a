import { describe, expect, it } from 'vitest';
import { classifyTracker, trackerList } from '../../../src/gather/timings.ts';
import { loginStepIndex } from '../../../src/gather/performance.ts';
import { readService } from '../../../fixtures/ground-truth-check.ts';

describe('tracker list (third-party-web, as Lighthouse uses it)', () => {
  it('names known trackers with their categories and leaves other origins alone', () => {
    expect(trackerList().version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(classifyTracker('https://www.google-analytics.com')).toEqual({ entity: 'Google Analytics', categories: ['analytics'] });
    expect(classifyTracker('https://connect.facebook.net')?.categories).toContain('social');
    expect(classifyTracker('http://127.0.0.1:4711')).toBeUndefined();
    // A CDN is a third party but not a tracker.
    expect(classifyTracker('https://cdnjs.cloudflare.com')).toBeUndefined();
  });
});

describe('pages behind the login', () => {
  it('finds the first journey step that logs in (its page and later ones are audited logged in)', () => {
    expect(loginStepIndex(readService('kirjava'))).toBe(3);
    expect(readService('kirjava').journey[3]?.id).toBe('reader');
  });
});
