import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { loadConfig } from '../../../src/config/load.ts';
import { fingerprint } from '../../../src/config/fingerprint.ts';

const SERVICE = `id: demo
name: Demo
vendor: Demo Oy
kind: ebook
baseUrl: http://127.0.0.1:4711
languages: [fi]
login:
  strategy: card-pin-form
  start: [{ goto: /login }]
  card: { label: Kortti }
  pin: { label: PIN }
  submit: { role: button, name: Kirjaudu }
  success: { text: Kirjauduttu }
patrons:
  valid: { card: { env: DEMO_CARD }, pin: { env: DEMO_PIN } }
journey:
  - id: landing
    actions: [{ goto: / }]
`;
const DEVICE = `id: desk
name: Desk
engine: chromium
formFactor: desktop
`;
const PROFILE = `id: default
name: Default
weights: { login: 1, accessibility: 1, performance: 1, compatibility: 1 }
`;

function world(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'erh-config-'));
  const all = {
    'services/demo.yaml': SERVICE,
    'devices/desk.yaml': DEVICE,
    'profiles/default.yaml': PROFILE,
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function errorOf(root: string): ConfigError {
  try {
    loadConfig({ root });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads a valid configuration with defaults applied', () => {
    const config = loadConfig({ root: world({}) });
    expect(config.services.map((s) => s.id)).toEqual(['demo']);
    expect(config.devices[0]?.driver).toBe('playwright');
    expect(config.profile.runs.lighthouse).toBe(5);
    expect(config.profile.runs.timings).toBe(5);
    expect(config.profile.network).toBe('unthrottled');
    expect(config.profile.significance).toBe(0.05);
    expect(config.services[0]?.journey[0]?.lighthouse).toBe(false);
  });

  it('names the file and the field of a wrong type', () => {
    const e = errorOf(world({ 'services/demo.yaml': SERVICE.replace('kind: ebook', 'kind: vinyl') }));
    expect(e.file).toBe('services/demo.yaml');
    expect(e.field).toBe('kind');
    expect(e.message).toMatch(/^services\/demo\.yaml: kind: /);
  });

  it('finds the field inside a union (a locator) rather than saying "invalid input"', () => {
    const e = errorOf(
      world({
        'services/demo.yaml': SERVICE.replace(
          'submit: { role: button, name: Kirjaudu }',
          'submit: { role: 7, name: Kirjaudu }',
        ),
      }),
    );
    expect(e.field).toBe('login.submit.role');
  });

  it('reports an unknown key with its path', () => {
    const e = errorOf(
      world({ 'services/demo.yaml': SERVICE.replace('languages: [fi]', 'languages: [fi]\nlanguagez: [sv]') }),
    );
    expect(e.field).toBe('languagez');
    expect(e.problem).toMatch(/unknown key/);
  });

  it('reports a missing required field', () => {
    const e = errorOf(world({ 'services/demo.yaml': SERVICE.replace('vendor: Demo Oy\n', '') }));
    expect(e.field).toBe('vendor');
    expect(e.problem).toMatch(/required/);
  });

  it('reports YAML syntax errors with line and column', () => {
    const e = errorOf(world({ 'devices/desk.yaml': 'id: desk\nname: [unclosed\n' }));
    expect(e.file).toBe('devices/desk.yaml');
    expect(e.field).toMatch(/^line \d+, column \d+$/);
  });

  it('refuses secrets written inline: a patron must reference an environment variable', () => {
    const e = errorOf(world({ 'services/demo.yaml': SERVICE.replace('pin: { env: DEMO_PIN }', 'pin: "1234"') }));
    expect(e.field).toBe('patrons.valid.pin');
  });

  it('requires the id to match the file name', () => {
    const e = errorOf(world({ 'devices/desk.yaml': DEVICE.replace('id: desk', 'id: laptop') }));
    expect(e.field).toBe('id');
  });

  it('rejects empty files and oversized files', () => {
    expect(errorOf(world({ 'devices/desk.yaml': '' })).problem).toMatch(/empty/);
    expect(errorOf(world({ 'devices/desk.yaml': `# ${'x'.repeat(1_100_000)}\n` })).problem).toMatch(/limited/);
  });

  it('rejects duplicate journey step ids', () => {
    const dup = SERVICE.replace(
      '  - id: landing\n    actions: [{ goto: / }]\n',
      '  - id: landing\n    actions: [{ goto: / }]\n  - id: landing\n    actions: [{ goto: /x }]\n',
    );
    expect(errorOf(world({ 'services/demo.yaml': dup })).field).toBe('journey');
  });

  it('says what an empty folder needs: services/, devices/ and profiles/default.yaml', () => {
    const root = mkdtempSync(join(tmpdir(), 'erh-empty-'));
    expect(() => loadConfig({ root })).toThrow(/services\/<id>\.yaml.*devices\/\*\.yaml.*profiles\/default\.yaml/);
  });

  it('names an unknown selected service', () => {
    expect(() => loadConfig({ root: world({}), services: ['nope'] })).toThrow(/unknown service "nope"/);
  });

  it('fingerprints what affects scores, not free-text notes', () => {
    const a = loadConfig({ root: world({}) });
    const b = loadConfig({ root: world({ 'services/demo.yaml': `${SERVICE}notes: just a note\n` }) });
    const c = loadConfig({ root: world({ 'profiles/default.yaml': PROFILE.replace('login: 1', 'login: 2') }) });
    expect(fingerprint(a, '1')).toBe(fingerprint(b, '1'));
    expect(fingerprint(a, '1')).not.toBe(fingerprint(c, '1'));
  });

  it('reports every problem of every file in one pass, in file order, each with file, field, line and column', () => {
    const e = errorOf(
      world({
        'services/demo.yaml': SERVICE.replace('kind: ebook', 'kind: ebok')
          .replace('baseUrl:', 'baseURL:')
          .replace('pin: { env: DEMO_PIN }', 'pin: "975318"'),
        'devices/desk.yaml': DEVICE.replace('engine: chromium', 'engine: 7'),
        'profiles/default.yaml': PROFILE.replace('login: 1', 'logn: 1'),
      }),
    );
    expect(e.problems.map((p) => `${p.file}: ${p.field}`)).toEqual([
      'services/demo.yaml: kind',
      'services/demo.yaml: baseURL',
      'services/demo.yaml: patrons.valid.pin',
      'devices/desk.yaml: engine',
      'profiles/default.yaml: weights.logn',
    ]);
    const [kind, url, pin, engine, weight] = e.problems.map((p) => p.problem);
    // Present but wrong: the value is shown, with the option it most likely meant; never "required".
    expect(kind).toMatch(/^must be one of "ebook", .*found "ebok" — did you mean "ebook"\? \(line 4, column 7\)$/);
    expect(engine).toMatch(/found 7\b/);
    expect(engine).not.toMatch(/required/);
    // A misspelt required key is one line, naming the key that was meant.
    expect(url).toBe('unknown key — did you mean baseUrl? (baseUrl is required) (line 5, column 1)');
    expect(weight).toMatch(/^unknown key — did you mean login\?/);
    // A value where a secret reference belongs is never echoed.
    expect(pin).toMatch(/must be \{ env: NAME \}/);
    expect(e.message).not.toContain('975318');
    expect(e.message.split('\n')).toHaveLength(5);
  });

  it('a misspelt ARIA role in a locator is a problem naming the role that was meant', () => {
    const e = errorOf(world({ 'services/demo.yaml': SERVICE.replace('submit: { role: button', 'submit: { role: buton') }));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]?.field).toBe('login.submit.role');
    expect(e.problems[0]?.problem).toMatch(/found "buton" — did you mean "button"\?/);
  });

  it('suggests the nearest key only when it is close, and lists the known keys otherwise', () => {
    const near = errorOf(world({ 'devices/desk.yaml': DEVICE.replace('formFactor:', 'formfactor:') }));
    expect(near.problems[0]?.problem).toMatch(/did you mean formFactor\?/);
    const far = errorOf(world({ 'devices/desk.yaml': `${DEVICE}viewport: { wdith: 800, height: 600, zoom: 2 }\n` }));
    const problems = far.problems.map((p) => `${p.field}: ${p.problem}`);
    expect(problems.some((p) => p.startsWith('viewport.wdith: unknown key — did you mean width?'))).toBe(true);
    expect(problems.some((p) => /^viewport\.zoom: unknown key \(known here: width, height\)/.test(p))).toBe(true);
  });
});
