/**
 * erh record's translation, recorded actions → journey YAML, as pure logic. The entries are what
 * Playwright 1.64's recorder hands over (its JSONL code generator), in the order erh sees them, with
 * erh's own page states; captured from a recording of a small card + PIN site and kept verbatim in
 * shape (locator kinds, option fields).
 */
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  applyToService,
  displayProblem,
  gotoFor,
  toLocator,
  translateRecording,
  translationYaml,
  type RecordedEntry,
} from '../../../src/cli/record.ts';
import { ServiceSchema } from '../../../src/core/config.ts';
import { serviceYaml } from '../../../src/cli/init.ts';

const BASE = 'http://127.0.0.1:4711/';
const role = (body: string, name: string) => ({ kind: 'role', body, options: { attrs: [], exact: false, name } });
const CARD = '21234000012345';
const PIN = '975318';

const ENTRIES: RecordedEntry[] = [
  { name: 'navigate', url: BASE },
  { name: 'navigate', url: BASE },
  { name: 'pageState', url: BASE, heading: 'Kirjaston e-kirjat' },
  { name: 'fill', text: 'Kivi', locator: role('searchbox', 'Hae kokoelmasta') },
  { name: 'click', clickCount: 1, locator: role('button', 'Hae') },
  { name: 'pageState', url: `${BASE}haku?q=Kivi`, heading: 'Hakutulokset' },
  { name: 'click', clickCount: 1, locator: role('link', 'Seitsemän veljestä') },
  { name: 'pageState', url: `${BASE}kirja/7`, heading: 'Seitsemän veljestä' },
  { name: 'click', clickCount: 1, locator: role('link', 'Kirjaudu') },
  { name: 'pageState', url: `${BASE}login`, heading: 'Kirjaudu' },
  { name: 'fill', text: CARD, locator: role('textbox', 'Kirjastokortin numero') },
  // The PIN field's accessible name says nothing of a PIN: erh knows it from the element (type=password).
  { name: 'fill', text: PIN, locator: { kind: 'label', body: 'Tunnus 2' }, secret: true },
  { name: 'click', clickCount: 1, locator: role('button', 'Kirjaudu sisään') },
  { name: 'pageState', url: `${BASE}tili`, heading: 'Oma tili' },
  { name: 'assertVisible', locator: { kind: 'role', body: 'button', options: { name: 'Kirjaudu ulos', exact: true } } },
];

describe('recorded actions → journey', () => {
  const t = translateRecording({ entries: ENTRIES, baseUrl: BASE, serviceId: 'kirjava' });

  it('a step per page state, each ending in what the patron sees there', () => {
    expect(t.journey.map((s) => [s.id, s.name])).toEqual([
      ['landing', 'Kirjaston e-kirjat'],
      ['haku', 'Hakutulokset'],
      ['7', 'Seitsemän veljestä'],
      ['login', 'Kirjaudu'],
      ['tili', 'Oma tili'],
    ]);
    expect(t.journey[0]?.actions).toEqual([{ goto: '/' }, { expect: { role: 'heading', name: 'Kirjaston e-kirjat' } }]);
    expect(t.journey[1]?.actions).toEqual([
      { fill: { target: { role: 'searchbox', name: 'Hae kokoelmasta' }, value: 'Kivi' } },
      { click: { role: 'button', name: 'Hae' } },
      { expect: { role: 'heading', name: 'Hakutulokset' } },
    ]);
  });

  it('a card and PIN typed become the login block and `login: valid`, never the typed values', () => {
    expect(t.login).toEqual({
      start: [{ goto: '/login' }],
      card: { role: 'textbox', name: 'Kirjastokortin numero' },
      pin: { label: 'Tunnus 2' },
      submit: { role: 'button', name: 'Kirjaudu sisään' },
      success: { role: 'button', name: 'Kirjaudu ulos', exact: true },
    });
    expect(t.journey[4]?.actions[0]).toEqual({ login: 'valid' });
    expect(t.patrons).toEqual({ valid: { card: { env: 'KIRJAVA_VALID_CARD' }, pin: { env: 'KIRJAVA_VALID_PIN' } } });
    const yaml = translationYaml(t, BASE);
    expect(yaml).not.toContain(CARD);
    expect(yaml).not.toContain(PIN);
    expect(yaml, 'no YAML anchors or aliases for a locator used twice').not.toMatch(/[&*]a\d/);
    expect(t.journey[4]?.actions.at(-1)).toEqual({ expect: { role: 'button', name: 'Kirjaudu ulos', exact: true } });
    expect(t.notes).toEqual([]);
    const withoutAssert = translateRecording({ entries: ENTRIES.slice(0, -1), baseUrl: BASE, serviceId: 'kirjava' });
    expect(withoutAssert.login?.success).toEqual({ role: 'heading', name: 'Oma tili' });
    expect(translationYaml(withoutAssert, BASE)).toMatch(/CHECK: login\.success is the heading after logging in/);
  });

  it('a PIN field is known by its name too, when the element could not be asked', () => {
    const r = translateRecording({
      entries: [
        { name: 'navigate', url: `${BASE}login` },
        { name: 'fill', text: CARD, locator: { kind: 'label', body: 'Kortin numero' } },
        { name: 'fill', text: PIN, locator: { kind: 'placeholder', body: 'PIN-koodi' } },
        { name: 'press', key: 'Enter' },
      ],
      baseUrl: BASE,
      serviceId: 'x',
      patrons: { card: 'OWN_CARD', pin: 'OWN_PIN' },
    });
    expect(r.login?.pin).toEqual({ placeholder: 'PIN-koodi' });
    expect(r.patrons?.valid.pin.env).toBe('OWN_PIN');
    expect(r.notes.join('\n')).toMatch(/sent with Enter: set login\.submit/);
    expect(JSON.stringify(r)).not.toContain(PIN);
    expect(JSON.stringify(r)).not.toContain(CARD);
  });

  it('the fragment is valid service YAML once the service fields are added', () => {
    const fragment = YAML.parse(translationYaml(t, BASE)) as Record<string, unknown>;
    const service = {
      id: 'kirjava',
      name: 'Kirjava',
      vendor: 'Kirjava Oy',
      kind: 'ebook',
      baseUrl: BASE,
      languages: ['fi'],
      ...fragment,
    };
    expect(ServiceSchema.safeParse(service).success).toBe(true);
  });

  it('--service: the journey and login locators replace the service’s, its other fields and comments stay', () => {
    const text = serviceYaml({
      id: 'kirjava',
      name: 'Kirjava',
      vendor: 'Kirjava Oy',
      kind: 'ebook',
      baseUrl: BASE,
      landing: '/',
      languages: ['fi', 'sv', 'en'],
      login: 'card-pin-form',
    });
    const updated = applyToService(text, t, 'services/kirjava.yaml');
    const service = ServiceSchema.parse(YAML.parse(updated));
    expect(service.journey.map((s) => s.id)).toEqual(['landing', 'haku', '7', 'login', 'tili']);
    expect(service.login).toMatchObject({ strategy: 'card-pin-form', pin: { label: 'Tunnus 2' } });
    expect(service.patrons.wrongPin).toEqual({ card: { env: 'KIRJAVA_VALID_CARD' }, pin: { env: 'KIRJAVA_WRONG_PIN' } });
    expect(updated).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/service\.schema\.json/);
    expect(updated).toContain('# EDIT: the company offering the service');
  });

  it('an open-access service that records a login becomes a card + PIN service with a valid patron', () => {
    const text = serviceYaml({
      id: 'avoin',
      name: 'Avoin',
      vendor: 'A',
      kind: 'ebook',
      baseUrl: BASE,
      landing: '/',
      languages: ['fi'],
      login: 'none',
    });
    const service = ServiceSchema.parse(YAML.parse(applyToService(text, t, 'services/avoin.yaml')));
    expect(service.login.strategy).toBe('card-pin-form');
    expect(service.patrons.valid).toEqual({ card: { env: 'KIRJAVA_VALID_CARD' }, pin: { env: 'KIRJAVA_VALID_PIN' } });
  });
});

describe('locators and addresses', () => {
  it('maps Playwright’s locator kinds, frames included, and leaves out what has no YAML form', () => {
    const notes: string[] = [];
    expect(toLocator({ kind: 'test-id', body: 'next' }, notes)).toEqual({ testId: 'next' });
    expect(toLocator({ kind: 'title', body: 'Seuraava sivu' }, notes)).toEqual({ title: 'Seuraava sivu' });
    expect(toLocator({ kind: 'alt', body: 'Kansi' }, notes)).toEqual({ role: 'img', name: 'Kansi' });
    expect(toLocator({ kind: 'default', body: '#card' }, notes)).toEqual({ css: '#card' });
    expect(
      toLocator(
        { kind: 'default', body: 'iframe#reader', next: { kind: 'frame', body: '', next: role('button', 'Seuraava') } },
        notes,
      ),
    ).toEqual({ role: 'button', name: 'Seuraava', frame: 'iframe#reader' });
    expect(notes).toEqual([]);
    expect(toLocator({ kind: 'default', body: 'internal:has-text="x"' }, notes)).toBeUndefined();
    expect(toLocator({ ...role('button', 'Lainaa'), next: { kind: 'nth', body: '1' } }, notes)).toEqual({
      role: 'button',
      name: 'Lainaa',
    });
    expect(notes.join('\n')).toMatch(/no YAML form[\s\S]*matched several elements/);
  });

  it('addresses on the service become paths, others stay absolute, credentials never', () => {
    expect(gotoFor('http://127.0.0.1:4711/haku?q=a', BASE)).toBe('/haku?q=a');
    expect(gotoFor('https://idp.example/sso', BASE)).toBe('https://idp.example/sso');
    expect(gotoFor('https://u:p@idp.example/sso', BASE)).toBe('https://idp.example/sso');
  });

  it('without a display, says so and how to get one', () => {
    expect(displayProblem({}, 'linux')).toMatch(/no display.*workstation.*ssh -X.*xvfb-run/);
    expect(displayProblem({ DISPLAY: ':0' }, 'linux')).toBeUndefined();
    expect(displayProblem({}, 'darwin')).toBeUndefined();
  });
});
