/**
 * Property-based fuzzing of the configuration loader (fast-check): malformed YAML, wrong types,
 * unknown keys, missing keys, garbage files, huge files, alias bombs and missing environment
 * variables. Every generated case must end in a ConfigError (exit 2 from the CLI) whose message
 * names the file and the field — never a crash, a stack trace or a secret. The mutations start from
 * the demo's own configuration (services/kirjava.yaml, devices/desktop-chromium.yaml,
 * profiles/default.yaml), so they follow the schemas as they evolve. Most cases call the loader
 * in-process; a few go through the real CLI.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { PATRON_ROLES } from '../../../src/core/ids.ts';
import { loadConfig, MAX_CONFIG_BYTES } from '../../../src/config/load.ts';
import { resolvePatron } from '../../../src/config/secrets.ts';
import { formatPath } from '../../../src/config/issues.ts';
import { ROOT, erh } from '../../support/cli.ts';

const FILES = {
  service: { path: 'services/kirjava.yaml', source: join(ROOT, 'services/kirjava.yaml') },
  device: { path: 'devices/desktop-chromium.yaml', source: join(ROOT, 'devices/desktop-chromium.yaml') },
  profile: { path: 'profiles/default.yaml', source: join(ROOT, 'profiles/default.yaml') },
} as const;
type Kind = keyof typeof FILES;
const KINDS = Object.keys(FILES) as Kind[];
const TEXT: Record<Kind, string> = Object.fromEntries(KINDS.map((k) => [k, readFileSync(FILES[k].source, 'utf8')])) as Record<Kind, string>;
const DOC: Record<Kind, Record<string, unknown>> = Object.fromEntries(KINDS.map((k) => [k, YAML.parse(TEXT[k]) as Record<string, unknown>])) as Record<Kind, Record<string, unknown>>;

/** Keys each kind of file cannot do without. */
const REQUIRED: Record<Kind, string[]> = {
  service: ['id', 'name', 'vendor', 'kind', 'baseUrl', 'languages', 'login', 'patrons', 'journey'],
  device: ['id', 'name', 'engine'],
  profile: ['id', 'name', 'weights'],
};

/** A configuration root holding the three demo files; `write` replaces one of them. */
function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'erh-fuzz-'));
  for (const dir of ['services', 'devices', 'profiles']) mkdirSync(join(root, dir));
  const reset = () => {
    for (const k of KINDS) writeFileSync(join(root, FILES[k].path), TEXT[k]);
  };
  reset();
  return {
    root,
    write(kind: Kind, content: string | Uint8Array) {
      reset();
      writeFileSync(join(root, FILES[kind].path), content);
    },
  };
}

let cases = 0;

/** Loads the configuration and returns the ConfigError it must end in (anything else fails the test). */
function loadError(root: string): ConfigError {
  cases++;
  try {
    loadConfig({ root, devices: ['desktop-chromium'] });
  } catch (e) {
    if (e instanceof ConfigError) {
      // One line per problem (validate prints them all), each naming its file; never a stack trace.
      const lines = e.message.split('\n');
      expect(lines).toHaveLength(e.problems.length);
      for (const [i, line] of lines.entries()) {
        expect(line.startsWith(`${e.problems[i]!.file}`)).toBe(true);
        expect(line).not.toMatch(/\bat .+:\d+:\d+|\[object Object\]|undefined/);
        expect(line.length, line).toBeLessThan(600);
      }
      return e;
    }
    throw new Error(`not a ConfigError (a crash): ${(e as Error).stack ?? String(e)}`);
  }
  throw new Error('the loader accepted an invalid configuration');
}

function expectNamed(e: ConfigError, kind: Kind): void {
  expect(e.file).toBe(FILES[kind].path);
  expect(e.message.startsWith(FILES[kind].path)).toBe(true);
}

/** Paths of every object (mapping) in a document, with the object. */
function objectPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  }
  return [];
}

/** Paths of every value (leaf or not) below the top level. */
function valuePaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const below = Array.isArray(value)
    ? value.flatMap((v, i) => valuePaths(v, [...path, i]))
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => valuePaths(v, [...path, k]))
      : [];
  return path.length > 0 ? [path, ...below] : below;
}

function setAt(doc: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const kindArb = fc.constantFrom(...KINDS);
const strangeKey = fc.stringMatching(/^[a-zA-Z0-9_]{1,10}$/).map((s) => `zz${s}`);
/** Values no field of any schema accepts: an object with an unknown key, or nested empty arrays. */
const alienValue = fc.oneof(
  fc.tuple(strangeKey, fc.jsonValue()).map(([k, v]) => ({ [k]: v })),
  fc.integer({ min: 1, max: 3 }).map((depth) => {
    let v: unknown = [];
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
);

describe('configuration loader fuzzing (fast-check)', () => {
  const box = sandbox();

  it('unknown keys anywhere: named file and field (the key), "unknown key"', () => {
    fc.assert(
      fc.property(kindArb, fc.nat(), strangeKey, fc.jsonValue(), (kind, pick, key, value) => {
        const paths = objectPaths(DOC[kind]).filter((p) => !(p.length >= 2 && p[0] === 'patrons' && p.length === 2));
        const at = paths[pick % paths.length]!;
        box.write(kind, YAML.stringify(setAt(DOC[kind], [...at, key], value)));
        const e = loadError(box.root);
        expectNamed(e, kind);
        expect(e.field).toBeTruthy();
        expect(e.field!).toContain(key);
      }),
      { numRuns: 120 },
    );
  });

  it('wrong types anywhere: named file and the field (or a field below it)', () => {
    fc.assert(
      fc.property(kindArb, fc.nat(), alienValue, (kind, pick, value) => {
        const paths = valuePaths(DOC[kind]).filter((p) => p[0] !== '$schema');
        const at = paths[pick % paths.length]!;
        box.write(kind, YAML.stringify(setAt(DOC[kind], at, value)));
        const e = loadError(box.root);
        expectNamed(e, kind);
        expect(e.field).toBeTruthy();
        // The field named is the mutated one, one of its parents (a union that no longer matches) or below it.
        const top = String(at[0]);
        expect(e.field!.startsWith(top), `${e.field} for ${formatPath(at)}`).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it('required keys missing: named file and field, "required"', () => {
    fc.assert(
      fc.property(kindArb, fc.nat(), (kind, pick) => {
        const key = REQUIRED[kind][pick % REQUIRED[kind].length]!;
        const doc = structuredClone(DOC[kind]);
        delete doc[key];
        box.write(kind, YAML.stringify(doc));
        const e = loadError(box.root);
        expectNamed(e, kind);
        expect(e.field).toBe(key);
        expect(e.problem).toMatch(/required/);
      }),
      { numRuns: 50 },
    );
  });

  it('malformed YAML: named file, line and column, "YAML syntax error"', () => {
    const broken = fc.oneof(
      strangeKey.map((k) => `${k}: [unclosed, list`),
      strangeKey.map((k) => `${k}: {unclosed: map`),
      strangeKey.map((k) => `@${k}: reserved indicator`),
      strangeKey.map((k) => `${k}: \`backtick`),
      fc.constant('id: duplicate-key'),
    );
    fc.assert(
      fc.property(kindArb, fc.nat(), broken, (kind, pick, line) => {
        const lines = TEXT[kind].split('\n');
        // A duplicate `id` only at the top level; the other constructs anywhere.
        const index = line.startsWith('id:') ? lines.length : pick % (lines.length + 1);
        lines.splice(index, 0, line);
        box.write(kind, lines.join('\n'));
        const e = loadError(box.root);
        expectNamed(e, kind);
        expect(e.field).toMatch(/^line \d+, column \d+$/);
        expect(e.problem).toMatch(/^YAML syntax error/);
      }),
      { numRuns: 100 },
    );
  });

  it('garbage files (random text or bytes): named file, no crash', () => {
    fc.assert(
      fc.property(kindArb, fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v))), (kind, content) => {
        box.write(kind, content);
        const e = loadError(box.root);
        expectNamed(e, kind);
        expect(e.field !== undefined || /empty|mapping|YAML|could not be read/.test(e.problem), e.message).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('huge files and alias bombs: refused with the file named', () => {
    fc.assert(
      fc.property(kindArb, fc.integer({ min: 1, max: 3 }), (kind, extra) => {
        box.write(kind, `${TEXT[kind]}\n# ${'x'.repeat(MAX_CONFIG_BYTES + extra * 1000)}\n`);
        const e = loadError(box.root);
        expectNamed(e, kind);
        expect(e.problem).toMatch(/limited to/);
      }),
      { numRuns: 5 },
    );
    fc.assert(
      fc.property(kindArb, fc.integer({ min: 6, max: 9 }), (kind, depth) => {
        const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
        for (let i = 1; i <= depth; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
        box.write(kind, `${lines.join('\n')}\n${TEXT[kind]}`);
        const e = loadError(box.root);
        expectNamed(e, kind);
      }),
      { numRuns: 5 },
    );
  });

  it('missing environment variables for patrons: named file and field, the variable named, no secret shown', () => {
    const service = loadConfig({ root: ROOT, services: ['kirjava'], devices: ['desktop-chromium'] }).services[0]!;
    fc.assert(
      fc.property(fc.constantFrom(...PATRON_ROLES.filter((r) => service.patrons[r])), fc.constantFrom('card' as const, 'pin' as const), fc.stringMatching(/^[A-Z0-9_]{1,12}$/), (role, field, suffix) => {
        cases++;
        const name = `ERH_FUZZ_MISSING_${suffix}`;
        const patron = service.patrons[role]!;
        const changed = { ...service, patrons: { ...service.patrons, [role]: { ...patron, [field]: { env: name } } } };
        // Every other variable is set (to values that must never appear in a message).
        const env: NodeJS.ProcessEnv = {};
        for (const p of Object.values(service.patrons)) for (const ref of [p.card, p.pin]) env[ref.env] = `secret-${ref.env.toLowerCase()}-4711`;
        let error: unknown;
        try {
          for (const r of PATRON_ROLES) resolvePatron(changed, r, FILES.service.path, env);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ConfigError);
        const e = error as ConfigError;
        expect(e.file).toBe(FILES.service.path);
        expect(e.field).toBe(`patrons.${role}.${field}.env`);
        expect(e.message).toContain(name);
        expect(e.message).not.toMatch(/secret-/);
      }),
      { numRuns: 60 },
    );
  });

  it('bad paths and hostile values: a folder for a file, a file for a folder, two files with one id, URL credentials, script URLs', () => {
    const fresh = () => {
      const root = mkdtempSync(join(tmpdir(), 'erh-fuzz-paths-'));
      for (const dir of ['services', 'devices', 'profiles']) mkdirSync(join(root, dir));
      for (const k of KINDS) writeFileSync(join(root, FILES[k].path), TEXT[k]);
      return root;
    };
    const dirs = { service: 'services', device: 'devices', profile: 'profiles' } as const;
    // A folder where a file should be, a file where a folder should be.
    for (const kind of KINDS) {
      const root = fresh();
      rmSync(join(root, dirs[kind]), { recursive: true });
      writeFileSync(join(root, dirs[kind]), 'not a folder');
      const e = loadError(root);
      expect(e.file, e.message).toBe(kind === 'profile' ? FILES.profile.path : `${dirs[kind]}/`);
    }
    for (const kind of KINDS) {
      const root = fresh();
      const extra = kind === 'profile' ? FILES.profile.path : `${dirs[kind]}/zz-folder.yaml`;
      if (kind === 'profile') rmSync(join(root, extra));
      mkdirSync(join(root, extra));
      const e = loadError(root);
      expect(e.file).toBe(extra);
      expect(e.problem).toMatch(/not a file/);
    }
    // x.yaml and x.yml with the same id: both files named.
    fc.assert(
      fc.property(fc.constantFrom<Kind>('service', 'device'), (kind) => {
        const root = fresh();
        writeFileSync(join(root, FILES[kind].path.replace(/\.yaml$/, '.yml')), TEXT[kind]);
        const e = loadError(root);
        expect(`${e.file} ${e.problem}`).toContain(FILES[kind].path);
        expect(`${e.file} ${e.problem}`).toContain(FILES[kind].path.replace(/\.yaml$/, '.yml'));
      }),
      { numRuns: 4 },
    );
    // Credentials in baseUrl or any goto, and script URLs (in any case, with tabs/newlines inside): the field named.
    const userinfo = fc.tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.stringMatching(/^[a-zA-Z0-9]{0,8}$/)).map(([u, p]) => (p ? `${u}:${p}@` : `${u}@`));
    const scriptUrl = fc.tuple(fc.constantFrom('javascript', 'JavaScript', 'JAVASCRIPT', 'java\tscript', 'java\nscript', ' javascript', 'vbscript'), fc.string({ maxLength: 20 })).map(([s, rest]) => `${s}:${rest}`);
    const gotoPaths = valuePaths(DOC.service).filter((p) => p[p.length - 1] === 'goto');
    expect(gotoPaths.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.oneof(userinfo.map((u) => ({ at: ['baseUrl'] as Array<string | number>, value: String(DOC.service.baseUrl).replace('://', `://${u}`) })), fc.tuple(fc.nat(), fc.oneof(userinfo.map((u) => `http://${u}127.0.0.1:4711/x`), userinfo.map((u) => `//${u}127.0.0.1/x`), scriptUrl)).map(([i, value]) => ({ at: gotoPaths[i % gotoPaths.length]!, value }))), ({ at, value }) => {
        box.write('service', YAML.stringify(setAt(DOC.service, at, value)));
        const e = loadError(box.root);
        expectNamed(e, 'service');
        expect(e.field).toBe(formatPath(at));
        expect(e.problem).toMatch(/credentials|script URL/);
        // Neither the password nor the script is echoed in full.
        if (value.includes('@')) expect(e.message).not.toContain(value.split('@')[0]);
      }),
      { numRuns: 60 },
    );
  });

  it('generated at least 500 cases', () => {
    expect(cases).toBeGreaterThanOrEqual(500);
  });
});

describe('configuration errors through the CLI: exit 2, one line naming file and field', () => {
  const box = sandbox();
  const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => erh(args, { env, timeoutMs: 60_000 });

  it('unknown key, YAML syntax error, garbage: erh validate exits 2 with the file and field', async () => {
    const variants: Array<[Kind, string, RegExp]> = [
      ['service', `${TEXT.service}\nzzTypo: 1\n`, /^erh: services\/kirjava\.yaml: zzTypo: unknown key/],
      ['device', `${TEXT.device}\nviewport: [unclosed\n`, /^erh: devices\/desktop-chromium\.yaml: line \d+, column \d+: YAML syntax error/],
      ['profile', '\u0000\u00ff garbage \u0001', /^erh: profiles\/default\.yaml: /],
    ];
    for (const [kind, content, pattern] of variants) {
      box.write(kind, content);
      const r = await cli(['validate', '-c', box.root]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
  }, 120_000);

  it('bad paths, a damaged run.json, control characters: one escaped line naming the path, exit 2, no stack trace', async () => {
    const root = mkdtempSync(join(tmpdir(), 'erh-fuzz-cli-'));
    for (const dir of ['devices', 'profiles']) mkdirSync(join(root, dir));
    for (const k of ['device', 'profile'] as const) writeFileSync(join(root, FILES[k].path), TEXT[k]);
    writeFileSync(join(root, 'services'), 'a file, not a folder');
    const checks: Array<[string[], RegExp, NodeJS.ProcessEnv?]> = [[['validate', '-c', root], /^erh: services\/: is not a folder/]];
    const withEnvDir = mkdtempSync(join(tmpdir(), 'erh-fuzz-env-'));
    for (const dir of ['services', 'devices', 'profiles']) mkdirSync(join(withEnvDir, dir));
    for (const k of KINDS) writeFileSync(join(withEnvDir, FILES[k].path), TEXT[k]);
    mkdirSync(join(withEnvDir, '.env'));
    checks.push([['validate', '-c', withEnvDir], /^erh: .*\.env: is not a file/]);
    // A damaged run directory, for erh report and erh run --resume.
    for (const damage of ['{not json', '{"runId": 5}', '[]', '\u0000\u00ff']) {
      const runDir = mkdtempSync(join(tmpdir(), 'erh-fuzz-run-'));
      writeFileSync(join(runDir, 'run.json'), damage);
      writeFileSync(join(runDir, 'config.json'), '{}');
      checks.push([['report', runDir], /^erh: .*run\.json: .*damaged/]);
      checks.push([['run', '--resume', runDir, '-c', ROOT, '--devices', 'desktop-chromium'], /^erh: .*run\.json: .*damaged/, Object.fromEntries([...TEXT.service.matchAll(/env: (\w+)/g)].map((m) => [m[1], 'x1234']))]);
    }
    const runAsFolder = mkdtempSync(join(tmpdir(), 'erh-fuzz-run-'));
    mkdirSync(join(runAsFolder, 'run.json'));
    checks.push([['report', runAsFolder], /^erh: .*run\.json: could not be read/]);
    // Control characters (ANSI, CR, bidi override) from a configuration key reach the terminal escaped.
    box.write('service', `${TEXT.service}\n"zz\u001b[31mred\r\u202e${'x'.repeat(900)}": 1\n`);
    checks.push([['validate', '-c', box.root], /^erh: services\/kirjava\.yaml: zz\\x1b\[31mred\\x0d\\u202ex+…: unknown key/]);
    for (const [args, pattern, env] of checks) {
      const r = await cli(args, env ?? {});
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|internal error/);
      expect(r.stderr + r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
      expect(r.stderr.length).toBeLessThan(900);
    }
  }, 180_000);

  it('a missing patron variable: erh run exits 2 before anything starts, naming the file, field and variable', async () => {
    box.write('service', TEXT.service.replace('DEMO_VALID_PIN', 'ERH_FUZZ_NOT_SET_PIN'));
    const r = await cli(['run', '-c', box.root, '--devices', 'desktop-chromium', '--reports', join(box.root, 'reports')], { DEMO_VALID_CARD: '1234567890' });
    expect(r.code, r.stderr + r.stdout).toBe(2);
    expect(r.stderr).toMatch(/^erh: services\/kirjava\.yaml: patrons\.valid\.pin\.env: environment variable ERH_FUZZ_NOT_SET_PIN is not set/);
    expect(r.stderr + r.stdout).not.toContain('1234567890');
  }, 60_000);
});
