/**
 * Loads and validates the evaluator's data: services/*.yaml, devices/*.yaml, profiles/<id>.yaml.
 * Every problem becomes a ConfigError naming the file (relative to the config root) and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import YAML, { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { DeviceSchema, ProfileSchema, ServiceSchema, type Device, type Profile, type Service } from '../core/config.ts';
import { ConfigError, type ConfigProblem } from '../core/errors.ts';
import { issueProblems, type IssueProblem } from './issues.ts';
import { selectDevices } from './select.ts';

/** Larger YAML files are refused: configuration is small, and a huge file is a mistake. */
export const MAX_CONFIG_BYTES = 1_000_000;

export interface ResolvedConfig {
  /** Directory holding services/, devices/ and profiles/. */
  root: string;
  services: Service[];
  devices: Device[];
  profile: Profile;
  /** Where each item came from, relative to root, for messages. */
  sources: { services: Record<string, string>; devices: Record<string, string>; profile: string };
}

export interface LoadOptions {
  root: string;
  /** Only these service ids (all when empty). */
  services?: readonly string[];
  /** Device ids, @sets, `default` or `all` (default: the devices marked `default: true`). */
  devices?: readonly string[];
  /** Profile id (profiles/<id>.yaml) or a path to a profile file. Default: "default". */
  profile?: string;
  /**
   * Services made by a command instead of read from services/*.yaml (erh audit makes one per site):
   * each is checked against the same schema, and `source` stands for the file in messages and reports.
   */
  inMemoryServices?: { services: readonly unknown[]; source: string };
}

interface YamlFile {
  value: unknown;
  doc: Document;
  lines: LineCounter;
}

function readYaml(root: string, file: string): YamlFile {
  const display = relative(root, file) || file;
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile())
      throw new ConfigError(
        display,
        undefined,
        'is not a file (a configuration file must be a YAML file, not a folder)',
      );
    size = stat.size;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(display, undefined, 'file not found');
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigError(
      display,
      undefined,
      `file is ${size} bytes; configuration files are limited to ${MAX_CONFIG_BYTES}`,
    );
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(display, undefined, `could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter: lines });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : undefined;
    throw new ConfigError(
      display,
      where,
      `YAML syntax error: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new ConfigError(display, undefined, `YAML could not be read: ${(e as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) throw new ConfigError(display, undefined, 'file is empty');
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(display, undefined, 'expected a mapping of keys to values at the top level');
  }
  return { value, doc, lines };
}

/**
 * Where a problem is in the YAML: the unknown key itself, the wrong value, or (for a missing field)
 * the mapping it is missing from.
 */
function locate(yaml: YamlFile, p: IssueProblem): { line: number; col: number } | undefined {
  let node: unknown = yaml.doc.contents;
  let at: unknown = node;
  for (const [i, part] of p.path.entries()) {
    const last = i === p.path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((x) => (isScalar(x.key) ? x.key.value : x.key) === part);
      if (!pair) break;
      node = pair.value;
      at = last && p.key !== undefined ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (!node) break;
      at = node;
    } else break;
  }
  const offset = (at as Node | null)?.range?.[0];
  if (offset === undefined) return undefined;
  return yaml.lines.linePos(offset);
}

const where = (pos: { line: number; col: number } | undefined): string =>
  pos ? ` (line ${pos.line}, column ${pos.col})` : '';

/** Every problem of one file, each with its line and column. */
function fileProblems(root: string, file: string, schema: z.ZodType): { problems: ConfigProblem[]; data?: unknown } {
  const display = relative(root, file) || file;
  let yaml: YamlFile;
  try {
    yaml = readYaml(root, file);
  } catch (e) {
    if (e instanceof ConfigError) return { problems: [...e.problems] };
    throw e;
  }
  const problems: ConfigProblem[] = [];
  const parsed = schema.safeParse(yaml.value);
  if (!parsed.success) {
    // In the order they appear in the file (zod's order follows the schema).
    const located = issueProblems(parsed.error, yaml.value, schema).map((p) => ({ p, pos: locate(yaml, p) }));
    located.sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0));
    for (const { p, pos } of located) problems.push({ file: display, field: p.field, problem: p.problem + where(pos) });
  }
  const id = (yaml.value as { id?: unknown }).id;
  const stem = basename(file, extname(file));
  if (typeof id === 'string' && id !== stem) {
    const pos = locate(yaml, { field: 'id', path: ['id'], problem: '' });
    problems.push({ file: display, field: 'id', problem: `"${id}" must match the file name ("${stem}")${where(pos)}` });
  }
  return parsed.success && problems.length === 0 ? { problems, data: parsed.data } : { problems };
}

/** One file, every problem in it thrown as one ConfigError. */
export function parseFile<S extends z.ZodType>(root: string, file: string, schema: S): z.output<S> {
  const { problems, data } = fileProblems(root, file, schema);
  if (problems.length > 0) throw ConfigError.of(problems);
  return data as z.output<S>;
}

function yamlFiles(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  const display = `${relative(root, dir) || dir}/`;
  let names: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new ConfigError(display, undefined, 'is not a folder (it must be a folder of YAML files)');
    names = readdirSync(dir);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(display, undefined, `could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return names
    .filter((f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
}

function selectById<T extends { id: string }>(
  kind: 'service' | 'device',
  all: Map<string, { item: T; file: string }>,
  wanted: readonly string[] | undefined,
): Array<{ item: T; file: string }> {
  if (!wanted || wanted.length === 0) return [...all.values()];
  return wanted.map((id) => {
    const hit = all.get(id);
    if (!hit) {
      const known = [...all.keys()].join(', ') || 'none';
      throw new ConfigError(`--${kind}s`, undefined, `unknown ${kind} "${id}" (known: ${known})`);
    }
    return hit;
  });
}

/** What a configuration folder holds and the command that writes one: the tail of each "folder incomplete" message. */
function folderNeeds(root: string): string {
  return (
    `a configuration folder (${root}) holds services/<id>.yaml (one per vendor), devices/*.yaml ` +
    '(at least one with default: true) and profiles/default.yaml; ' +
    '`erh init <folder> --url <vendor-url>` writes one'
  );
}

export function loadConfig(options: LoadOptions): ResolvedConfig {
  const root = resolve(options.root);
  if (!existsSync(root)) throw new ConfigError(options.root, undefined, `folder not found: ${folderNeeds(root)}`);
  // Every file is read and checked before anything is reported: validate shows all problems at once.
  const problems: ConfigProblem[] = [];
  const load = <T extends { id: string }>(dir: string, schema: z.ZodType<T>) => {
    const out = new Map<string, { item: T; file: string }>();
    for (const file of yamlFiles(root, join(root, dir))) {
      const parsed = fileProblems(root, file, schema);
      problems.push(...parsed.problems);
      if (parsed.problems.length > 0) continue;
      const item = parsed.data as T;
      const before = out.get(item.id);
      // x.yaml and x.yml both name id x: which one counts would depend on the order of a folder listing.
      if (before) {
        problems.push({
          file: relative(root, file),
          field: 'id',
          problem: `"${item.id}" is also the id of ${before.file}: keep one of the two files`,
        });
        continue;
      }
      out.set(item.id, { item, file: relative(root, file) });
    }
    return out;
  };
  const inMemory = (given: NonNullable<LoadOptions['inMemoryServices']>) => {
    const out = new Map<string, { item: Service; file: string }>();
    given.services.forEach((raw, i) => {
      const parsed = ServiceSchema.safeParse(raw);
      if (!parsed.success) {
        for (const p of issueProblems(parsed.error, raw, ServiceSchema))
          problems.push({ file: `${given.source} (service ${i + 1})`, field: p.field, problem: p.problem });
      } else if (out.has(parsed.data.id)) {
        problems.push({ file: given.source, field: 'id', problem: `"${parsed.data.id}" is the id of two services` });
      } else out.set(parsed.data.id, { item: parsed.data, file: given.source });
    });
    return out;
  };
  const serviceFiles = options.inMemoryServices ? inMemory(options.inMemoryServices) : load('services', ServiceSchema);
  const deviceFiles = load('devices', DeviceSchema);
  const profileArg = options.profile ?? 'default';
  const profileFile =
    profileArg.endsWith('.yaml') || profileArg.endsWith('.yml') || profileArg.includes('/')
      ? isAbsolute(profileArg)
        ? profileArg
        : resolve(root, profileArg)
      : join(root, 'profiles', `${profileArg}.yaml`);
  const profileParsed = existsSync(profileFile) ? fileProblems(root, profileFile, ProfileSchema) : undefined;
  if (profileParsed) problems.push(...profileParsed.problems);
  if (problems.length > 0) throw ConfigError.of(problems);

  const services = selectById('service', serviceFiles, options.services);
  const devices = selectDevices(deviceFiles, options.devices);
  const needs = folderNeeds(root);
  if (services.length === 0) throw new ConfigError('services/', undefined, `no service files (*.yaml) found: ${needs}`);
  if (devices.length === 0)
    throw new ConfigError(
      'devices/',
      undefined,
      `no device selected: no device files (*.yaml), or none with default: true (choose with --devices); ${needs}`,
    );

  if (!profileParsed)
    throw new ConfigError(
      relative(root, profileFile) || profileFile,
      undefined,
      'file not found: the profile names the checks and thresholds to apply; ' +
        `copy profiles/default.yaml from the erh package into this folder or pass --profile; ${needs}`,
    );
  const profile = profileParsed.data as Profile;

  return {
    root,
    services: services.map((s) => s.item),
    devices: devices.map((d) => d.item),
    profile,
    sources: {
      services: Object.fromEntries(services.map((s) => [s.item.id, s.file])),
      devices: Object.fromEntries(devices.map((d) => [d.item.id, d.file])),
      profile: relative(root, profileFile),
    },
  };
}
