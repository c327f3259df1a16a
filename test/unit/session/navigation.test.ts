/** NavigationError.from: the one classification of a driver's failed navigation (Playwright and WebDriver). */
import { describe, expect, it } from 'vitest';
import { NavigationError } from '../../../src/session/types.ts';

describe('NavigationError.from', () => {
  it.each([
    ['page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/', true, false],
    ['page.goto: NS_ERROR_UNKNOWN_HOST', true, false],
    ['page.goto: NS_ERROR_NET_INTERRUPT', true, false],
    ['unknown error: net::ERR_NAME_NOT_RESOLVED\n  (Session info: chrome=156)', true, false],
    ['Could not connect: Connection refused', true, false],
    ['page.goto: Timeout 8000ms exceeded.', false, true],
    ['timeout: Timed out receiving message from renderer: 7.9', false, true],
    ['page.goto: net::ERR_ABORTED; maybe frame was detached?', false, false],
  ])('%s', (message, unreachable, timedOut) => {
    const e = NavigationError.from(new Error(message), 'http://vendor.test/');
    expect({ unreachable: e.unreachable, timedOut: e.timedOut }).toEqual({ unreachable, timedOut });
    const first = message.split('\n')[0] ?? '';
    const what = unreachable ? 'Could not reach' : timedOut ? 'Timed out loading' : 'Failed to load';
    expect(e.message).toBe(`${what} http://vendor.test/: ${first}`);
  });

  it('takes what is not an Error too', () => {
    expect(NavigationError.from('ERR_CONNECTION_RESET', 'http://x/').unreachable).toBe(true);
  });
});
