import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { envReferences, idFromUrl, initConfigFolder, slugify } from '../../../src/cli/init.ts';
import { loadConfig } from '../../../src/config/load.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { ROOT, erh } from '../../support/cli.ts';

const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'erh-init-')), 'config');

describe('erh init', () => {
  it('writes a folder the loader accepts as written, with every device, the default profile and the schemas', () => {
    const dir = fresh();
    const r = initConfigFolder({ dir, url: 'https://ebooks.lukulamppu.example/helmet/?lang=fi' }, ROOT);
    expect(r.serviceId).toBe('lukulamppu');
    const config = loadConfig({ root: dir });
    expect(config.services.map((s) => s.id)).toEqual(['lukulamppu']);
    const service = config.services[0]!;
    expect(service.baseUrl).toBe('https://ebooks.lukulamppu.example/helmet/?lang=fi');
    expect(service.journey[0]?.actions[0]).toEqual({ goto: '/helmet/?lang=fi' });
    expect(config.devices.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'devices')).sort()).toEqual(readdirSync(join(ROOT, 'devices')).sort());
    expect(config.profile.id).toBe('default');
    // The modeline of each copied file resolves inside the folder.
    for (const file of ['services/lukulamppu.yaml', 'devices/desktop-chromium.yaml', 'profiles/default.yaml']) {
      const m = /\$schema=(\S+)/.exec(readFileSync(join(dir, file), 'utf8'));
      expect(m, file).not.toBeNull();
      expect(existsSync(join(dir, file, '..', m![1]!)), `${file} → ${m![1]}`).toBe(true);
    }
  });

  it('lists every environment variable the service names in .env.example, and none in the YAML is a value', () => {
    const dir = fresh();
    const r = initConfigFolder({ dir, url: 'http://127.0.0.1:4711/', name: 'Kirjava', login: 'saml' }, ROOT);
    expect(r.serviceId).toBe('kirjava');
    const example = readFileSync(join(dir, '.env.example'), 'utf8');
    const listed = [...example.matchAll(/^([A-Z_][A-Z0-9_]*)=$/gm)].map((m) => m[1]);
    const named = envReferences(YAML.parse(readFileSync(join(dir, 'services/kirjava.yaml'), 'utf8'))).map((x) => x.name);
    expect(listed).toEqual(named);
    expect(listed).toEqual(['KIRJAVA_VALID_CARD', 'KIRJAVA_VALID_PIN', 'KIRJAVA_WRONG_PIN']);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
  });

  it('an open-access service has no patrons and no variables to fill', () => {
    const dir = fresh();
    initConfigFolder({ dir, url: 'https://open.example.org/', login: 'none', id: 'avoin' }, ROOT);
    const service = loadConfig({ root: dir }).services[0]!;
    expect(service.login.strategy).toBe('none');
    expect(service.patrons).toEqual({});
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).not.toMatch(/^[A-Z_]+=/m);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/open access: no test patrons/);
  });

  it('refuses to overwrite any file it would write, naming it, and writes nothing then', () => {
    const dir = fresh();
    initConfigFolder({ dir, url: 'https://open.example.org/', login: 'none' }, ROOT);
    const before = readFileSync(join(dir, 'README.md'), 'utf8');
    writeFileSync(join(dir, 'README.md'), 'mine');
    let err: unknown;
    try {
      initConfigFolder({ dir, url: 'https://other.example.org/', id: 'other' }, ROOT);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).file).toMatch(/\.env\.example$|README\.md$|\.gitignore$/);
    expect((err as ConfigError).problem).toMatch(/already exists.*never overwrites/);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'services/other.yaml'))).toBe(false);
    expect(before).not.toBe('mine');
  });

  it('refuses a URL with credentials or a script URL (they would reach every report)', () => {
    expect(() => initConfigFolder({ dir: fresh(), url: 'https://me:secret@vendor.example/' }, ROOT)).toThrow(
      /must not carry credentials/,
    );
    expect(() => initConfigFolder({ dir: fresh(), url: 'javascript:alert(1)' }, ROOT)).toThrow(/script URL/);
    expect(() => initConfigFolder({ dir: fresh(), url: 'vendor.example' }, ROOT)).toThrow(/not a URL/);
  });

  it('derives ids from names and addresses', () => {
    expect(slugify('Lukulamppu e-kirjasto')).toBe('lukulamppu-e-kirjasto');
    expect(slugify('Äänikirjat – Ölands')).toBe('aanikirjat-olands');
    expect(idFromUrl(new URL('https://www.ellibs.com/fi'))).toBe('ellibs');
    expect(idFromUrl(new URL('http://localhost:8080/'))).toBe('service-8080');
    expect(idFromUrl(new URL('http://127.0.0.1/'))).toBe('service-80');
  });
});

describe('an incomplete folder says what it needs and how to get it', () => {
  it('a folder that does not exist', () => {
    expect(() => loadConfig({ root: join(tmpdir(), 'erh-no-such-folder-xyz') })).toThrow(
      /folder not found: .*services\/<id>\.yaml.*`erh init <folder> --url <vendor-url>`/,
    );
  });

  it('a folder with a service but no devices or profile', () => {
    const dir = fresh();
    initConfigFolder({ dir, url: 'https://open.example.org/', login: 'none' }, ROOT);
    const bare = mkdtempSync(join(tmpdir(), 'erh-bare-'));
    cpSync(join(dir, 'services'), join(bare, 'services'), { recursive: true });
    expect(() => loadConfig({ root: bare })).toThrow(/no device files.*erh init/);
  });
});

describe('erh init / erh validate on the command line', () => {
  it('init then validate: exit 0, and a second init exits 2 naming the file', async () => {
    const dir = fresh();
    const first = await erh(['init', dir, '--url', 'http://127.0.0.1:4711/', '--name', 'Kirjava']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/KIRJAVA_VALID_CARD, KIRJAVA_VALID_PIN, KIRJAVA_WRONG_PIN/);
    // The patrons' variables are not set yet: a run would stop, so validation names each one (exit 2)…
    const unset = await erh(['validate', '-c', dir], { env: { KIRJAVA_VALID_CARD: '', KIRJAVA_VALID_PIN: '' } });
    expect(unset.code).toBe(2);
    expect(unset.stdout).toBe('');
    expect(unset.stderr).toMatch(/^erh: services\/kirjava\.yaml: patrons\.valid\.card\.env: environment variable KIRJAVA_VALID_CARD is not set/m);
    expect(unset.stderr).toMatch(/KIRJAVA_WRONG_PIN is not set/);
    expect(unset.stderr).not.toMatch(/\n\s+at /);
    // …with them set it is ok, and --no-env checks the files alone.
    const env = { KIRJAVA_VALID_CARD: '1234567890', KIRJAVA_VALID_PIN: '4321', KIRJAVA_WRONG_PIN: '9999' };
    const v = await erh(['validate', '-c', dir], { env });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^ok: 1 services \(kirjava\)/m);
    const files = await erh(['validate', '-c', dir, '--no-env'], { env: { KIRJAVA_VALID_CARD: '', KIRJAVA_VALID_PIN: '' } });
    expect(files.code).toBe(0);
    const again = await erh(['init', dir, '--url', 'http://127.0.0.1:4711/', '--name', 'Kirjava']);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/services\/kirjava\.yaml: already exists/);
  });

  it('validate on an empty folder mentions erh init and exits 2', async () => {
    const r = await erh(['validate', '-c', mkdtempSync(join(tmpdir(), 'erh-empty-'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/services\/: no service files.*erh init/);
  });
});
