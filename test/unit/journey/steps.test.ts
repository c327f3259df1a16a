/**
 * The journey step kinds of issue 17 part 3 without a browser: how they parse (and what the schema
 * refuses), how an SPA route is matched, how an optional step is decided and recorded, and the
 * failure message built from what the page held instead.
 */
import { describe, expect, it } from 'vitest';
import { ActionSchema, type Action, type Locator } from '../../../src/core/config.ts';
import {
  actionTarget,
  describeAction,
  explain,
  runAction,
  urlMatches,
  type OptionalOutcome,
} from '../../../src/journey/actions.ts';
import { ActionError, describeLocator, type BrowserSession } from '../../../src/session/types.ts';

describe('parsing', () => {
  it('frame on any locator, as one selector or a chain', () => {
    expect(ActionSchema.parse({ click: { title: 'Seuraava sivu', frame: 'iframe#reader' } })).toEqual({
      click: { title: 'Seuraava sivu', frame: 'iframe#reader' },
    });
    const chain = ActionSchema.parse({ expect: { text: 'Sivu 2', frame: ['iframe#outer', 'iframe'] } });
    expect(describeLocator((chain as { expect: Locator }).expect)).toBe('text "Sivu 2" in frame "iframe#outer" → "iframe"');
  });

  it('expect defaults to visible; hidden is a state', () => {
    expect(ActionSchema.parse({ expect: { role: 'dialog' } })).toEqual({ expect: { role: 'dialog' }, state: 'visible' });
    expect(ActionSchema.parse({ expect: { role: 'dialog' }, state: 'hidden' })).toMatchObject({ state: 'hidden' });
    expect(ActionSchema.safeParse({ expect: { role: 'dialog' }, state: 'gone' }).success).toBe(false);
  });

  it('when: visible, or with its own element and wait; withinMs defaults to 2000', () => {
    expect(ActionSchema.parse({ click: { role: 'button', name: 'OK' }, when: 'visible' })).toMatchObject({ when: 'visible' });
    expect(ActionSchema.parse({ click: { role: 'button', name: 'OK' }, when: { visible: { role: 'dialog' } } })).toMatchObject({
      when: { visible: { role: 'dialog' }, withinMs: 2000 },
    });
  });

  it('a key press without a target has nothing for when: visible to watch', () => {
    const r = ActionSchema.safeParse({ press: 'Escape', when: 'visible' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/nothing|no target to watch/);
    expect(ActionSchema.safeParse({ press: 'Escape', when: { visible: { role: 'dialog' } } }).success).toBe(true);
    expect(ActionSchema.safeParse({ press: { key: 'ArrowRight', target: { css: 'main' } }, when: 'visible' }).success).toBe(true);
  });

  it('when is refused on goto, waitFor, download and login (they have no optional form)', () => {
    expect(ActionSchema.safeParse({ goto: '/', when: 'visible' }).success).toBe(false);
    expect(ActionSchema.safeParse({ waitFor: { network: 'idle' }, when: 'visible' }).success).toBe(false);
  });

  it('waitFor: url or network idle, nothing else; download takes a locator', () => {
    expect(ActionSchema.safeParse({ waitFor: { url: '/kirja/*' } }).success).toBe(true);
    expect(ActionSchema.safeParse({ waitFor: { network: 'idle', timeoutMs: 5000 } }).success).toBe(true);
    expect(ActionSchema.safeParse({ waitFor: { network: 'busy' } }).success).toBe(false);
    expect(ActionSchema.safeParse({ waitFor: { url: 'javascript:alert(1)' } }).success).toBe(false);
    expect(ActionSchema.safeParse({ download: { role: 'link', name: 'Lataa EPUB' } }).success).toBe(true);
  });
});

describe('SPA routes', () => {
  const base = 'http://127.0.0.1:9/';
  it.each([
    ['/kirja/*', 'http://127.0.0.1:9/kirja/1', true],
    ['/kirja/*', 'http://127.0.0.1:9/kirja/1?from=home', true],
    ['/kirja/*', 'http://127.0.0.1:9/lue/1', false],
    ['/lue/1', 'http://127.0.0.1:9/lue/1', true],
    ['/lue/1', 'http://127.0.0.1:9/lue/12', false],
    ['/#/kirja/*', 'http://127.0.0.1:9/#/kirja/3', true],
    ['/#/kirja/*', 'http://127.0.0.1:9/#/', false],
    ['/haku?q=*', 'http://127.0.0.1:9/haku?q=talvi', true],
    ['http://other.example/*', 'http://127.0.0.1:9/x', false],
  ])('%s against %s: %s', (pattern, url, want) => {
    expect(urlMatches(pattern, url, base)).toBe(want);
  });
});

describe('descriptions never carry typed values', () => {
  it.each<[Action, string]>([
    [{ fill: { target: { label: 'Haku' }, value: 'salainen' } }, 'fill field labelled "Haku"'],
    [{ press: { key: 'ArrowRight', target: { css: 'main', frame: 'iframe' } } }, 'press ArrowRight on element "main" in frame "iframe"'],
    [{ expect: { role: 'dialog', name: 'Evästeet' }, state: 'hidden' }, 'expect dialog "Evästeet" to be hidden'],
    [{ waitFor: { network: 'idle' } }, 'wait for the network to settle'],
    [{ download: { role: 'link', name: 'Lataa' } }, 'download from link "Lataa"'],
  ])('%j', (action, text) => {
    expect(describeAction(action)).toBe(text);
  });
  it('the target of an action', () => {
    expect(actionTarget({ hover: { role: 'button', name: 'x' } })).toEqual({ role: 'button', name: 'x' });
    expect(actionTarget({ press: 'Enter' })).toBeUndefined();
  });
});

/** A session that answers only what the runner asks in these cases. */
function fakeSession(over: Partial<BrowserSession>): BrowserSession {
  return { engine: 'chromium', ...over } as unknown as BrowserSession;
}

describe('optional steps', () => {
  const ctx = (session: BrowserSession, seen: OptionalOutcome[]) => ({
    session,
    baseUrl: 'http://127.0.0.1:9/',
    actionTimeoutMs: 1000,
    navigationTimeoutMs: 1000,
    onOptional: async (o: OptionalOutcome) => void seen.push(o),
  });

  it('runs if and only if what it watches appears, and says so either way', async () => {
    for (const appeared of [true, false]) {
      const clicked: Locator[] = [];
      const seen: OptionalOutcome[] = [];
      const session = fakeSession({
        waitForVisible: async () => appeared,
        click: async (t) => void clicked.push(t),
      });
      await runAction(ctx(session, seen), {
        click: { role: 'button', name: 'Hyväksy' },
        when: { visible: { role: 'dialog', name: 'Evästeet' }, withinMs: 500 },
      });
      expect(clicked.length).toBe(appeared ? 1 : 0);
      expect(seen).toEqual([{ action: 'click button "Hyväksy"', watched: 'dialog "Evästeet"', appeared, withinMs: 500 }]);
    }
  });

  it('a step kind the driver lacks: "not supported on this driver"', async () => {
    const session = fakeSession({});
    await expect(runAction(ctx(session, []), { hover: { role: 'button', name: 'x' } })).rejects.toThrow(
      /Cannot hover over button "x": not supported on this driver \(chromium\)/,
    );
  });

  it('a failed locator action carries the diagnosis', async () => {
    const session = fakeSession({
      click: async () => {
        throw new ActionError('Could not click link "Talvisota": not found or not usable in time');
      },
      diagnose: async () => ({
        frameFound: true,
        count: 1,
        visible: true,
        enabled: true,
        obscuredBy: { role: 'dialog', name: 'Evästeet', tag: 'div' },
        candidates: [{ role: 'link', name: 'Talvisota', tag: 'a', locator: '{ role: link, name: "Talvisota" }' }],
      }),
    });
    await expect(runAction(ctx(session, []), { click: { role: 'link', name: 'Talvisota' } })).rejects.toThrow(
      /Could not click link "Talvisota".*covered by dialog "Evästeet".*Nearest on the page: \{ role: link, name: "Talvisota" \}/,
    );
  });
});

describe('explain', () => {
  const l: Locator = { role: 'button', name: 'Seuraava' };
  it('frame missing, nothing matching, hidden, disabled', () => {
    expect(explain({ ...l, frame: 'iframe#x' }, { frameFound: false, count: 0, visible: false, enabled: false, candidates: [] })).toBe(
      'The frame of button "Seuraava" in frame "iframe#x" is not on the page',
    );
    expect(explain(l, { frameFound: true, count: 0, visible: false, enabled: false, candidates: [] })).toBe(
      'Nothing on the page matches it. Nothing on the page resembles it',
    );
    expect(explain(l, { frameFound: true, count: 2, visible: false, enabled: true, candidates: [] })).toMatch(
      /^2 elements match; the first visible one is not visible/,
    );
    expect(explain(l, { frameFound: true, count: 1, visible: true, enabled: false, candidates: [] })).toMatch(/is disabled/);
  });
});
