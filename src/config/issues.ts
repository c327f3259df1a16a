/**
 * Turns zod issues into lines naming the field: `journey[1].actions[0].click.role: expected a string`.
 * Every issue becomes a line (validate reports all problems in one pass). For unions (locators,
 * actions) it reports the branch that got furthest instead of "Invalid input"; a value that is
 * present but wrong is shown (unless the field may hold a secret); an unknown key is named with the
 * nearest key the schema knows at that place ("baseURL — did you mean baseUrl?").
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Depth-first: the most specific issue of a union is the one with the longest path in its best branch. */
function deepest(issue: Issue, prefix: PropertyKey[]): Array<{ path: PropertyKey[]; issue: Issue }> {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Pick the branch with the fewest issues, then the deepest path: the branch the user most likely meant.
    const branches = issue.errors
      .map((branch) => branch.flatMap((i) => deepest(i, path)))
      .filter((b) => b.length > 0)
      .sort((a, b) => {
        const unknownA = a.filter((x) => x.issue.code === 'unrecognized_keys').length;
        const unknownB = b.filter((x) => x.issue.code === 'unrecognized_keys').length;
        if (unknownA !== unknownB) return unknownA - unknownB;
        if (a.length !== b.length) return a.length - b.length;
        return Math.max(...b.map((x) => x.path.length)) - Math.max(...a.map((x) => x.path.length));
      });
    const best = branches[0];
    if (best && best.length > 0) return best;
  }
  return [{ path, issue }];
}

// ───────────────────────────── the schema at a path ─────────────────────────────

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a value at `path` may be validated by (every branch of a union). */
function objectsAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>, depth = 0): Def[] {
  if (depth > 64) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? objectsAt(def.innerType, path, depth + 1) : [];
    case 'lazy':
      return def.getter ? objectsAt(def.getter(), path, depth + 1) : [];
    case 'pipe':
      return def.in ? objectsAt(def.in, path, depth + 1) : [];
    case 'union':
      return (def.options ?? []).flatMap((o) => objectsAt(o, path, depth + 1));
    case 'intersection':
      return [def.left, def.right].flatMap((o) => (o ? objectsAt(o, path, depth + 1) : []));
    default:
      break;
  }
  if (path.length === 0) return def.type === 'object' ? [def] : [];
  const [head, ...rest] = path;
  if (def.type === 'object' && typeof head === 'string') {
    const child = def.shape?.[head];
    return child ? objectsAt(child, rest, depth + 1) : [];
  }
  if (def.type === 'array' && typeof head === 'number' && def.element) return objectsAt(def.element, rest, depth + 1);
  if (def.type === 'tuple' && typeof head === 'number') {
    const item = def.items?.[head];
    return item ? objectsAt(item, rest, depth + 1) : [];
  }
  if (def.type === 'record' && def.valueType) return objectsAt(def.valueType, rest, depth + 1);
  return [];
}

/** The keys the schema knows for the object at `path`. */
export function knownKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  return [...new Set(objectsAt(schema, path).flatMap((d) => Object.keys(d.shape ?? {})))];
}

/** Optimal string alignment distance (a swap of two neighbours counts once). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known key the user most likely meant, if one is close enough to be a typo. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  let best: { key: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (!best || d < best.d) best = { key: k, d };
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(Math.max(key.length, best.key.length) / 3)));
  return best.d <= limit ? best.key : undefined;
}

// ───────────────────────────── values ─────────────────────────────

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): { found: boolean; value: unknown } {
  let here: unknown = input;
  for (const part of path) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, part as string)) {
      return { found: false, value: undefined };
    }
    here = (here as Record<PropertyKey, unknown>)[part];
  }
  return { found: true, value: here };
}

const SECRET_NAME = /pin|pass|secret|token|card|credential|otp|cookie|key$/i;

/** A field that holds, or refers to, a secret: its value is never shown (a user may have typed the PIN there). */
function mayBeSecret(schema: z.ZodType | undefined, path: ReadonlyArray<PropertyKey>): boolean {
  if (path.some((p) => typeof p === 'string' && (p === 'patrons' || SECRET_NAME.test(p)))) return true;
  if (!schema) return false;
  const keys = knownKeysAt(schema, path);
  return keys.length > 0 && keys.every((k) => k === 'env');
}

/** A URL with user:password@ in it, or a script URL: shown neither in full nor in part. */
const UNSHOWABLE = /\/\/[^/\s]*@|^\s*(javascript|data|vbscript):/i;

/** A short, printable form of what the YAML holds. */
export function shownValue(value: unknown): string {
  let text: string;
  if (value === null) text = 'null (an empty value)';
  else if (Array.isArray(value)) text = value.length === 0 ? 'an empty list' : `a list (${JSON.stringify(value)})`;
  else if (typeof value === 'object') {
    const keys = Object.keys(value);
    text = keys.length === 0 ? 'an empty mapping' : `a mapping with ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
  } else text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

// ───────────────────────────── problems ─────────────────────────────

export interface IssueProblem {
  /** Dotted path of the field (`journey[1].name`), undefined for the whole file. */
  field: string | undefined;
  /** The path as keys and indexes (for locating it in the YAML). */
  path: PropertyKey[];
  /** For an unknown key: the key itself (its position is the key's, not the value's). */
  key?: string;
  /** For an unknown key: the known key it most likely stands for. */
  meant?: string;
  problem: string;
}

interface Context {
  input: unknown;
  schema: z.ZodType | undefined;
}

/** Whether the value at `path` may be printed: not a secret's field, not a URL carrying credentials. */
function showable(ctx: Context, path: PropertyKey[], value: unknown): boolean {
  if (mayBeSecret(ctx.schema, path)) return false;
  return !UNSHOWABLE.test(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
}

function wrong(issue: Issue, path: PropertyKey[], ctx: Context, expected: string): string {
  const { found, value } = valueAt(ctx.input, path);
  if (!found || value === undefined) return `required (${expected})`;
  if (!showable(ctx, path, value)) return `${expected}; the value written there is not shown (it may be a secret)`;
  return `${expected}, found ${shownValue(value)}`;
}

function describe(issue: Issue, path: PropertyKey[], ctx: Context): string {
  switch (issue.code) {
    case 'invalid_type': {
      const { found, value } = valueAt(ctx.input, path);
      if (!found || value === undefined) return `required (expected ${issue.expected})`;
      if (ctx.schema && knownKeysAt(ctx.schema, path).join() === 'env') {
        return (
          `must be { env: NAME }, the name of the environment variable that holds it; found ${typeName(value)} ` +
          `(not shown: it may be the secret itself)`
        );
      }
      if (!showable(ctx, path, value)) {
        return `expected ${issue.expected}, found ${typeName(value)}; the value is not shown (it may be a secret)`;
      }
      return `expected ${issue.expected}, found ${shownValue(value)}`;
    }
    case 'invalid_value': {
      const all = issue.values.map((v) => JSON.stringify(v));
      const options = all.length > 12 ? `${all.slice(0, 8).join(', ')} … (${all.length} in all)` : all.join(', ');
      const text = wrong(issue, path, ctx, all.length === 1 ? `must be ${options}` : `must be one of ${options}`);
      const { value } = valueAt(ctx.input, path);
      const strings = issue.values.filter((v): v is string => typeof v === 'string');
      const near = typeof value === 'string' && showable(ctx, path, value) ? nearestKey(value, strings) : undefined;
      return near ? `${text} — did you mean ${JSON.stringify(near)}?` : text;
    }
    case 'invalid_union':
      return wrong(issue, path, ctx, 'does not match any allowed form');
    default: {
      // too_small, too_big, invalid_format: zod's message and the value. A refinement (custom) words its
      // own message, which may be about a value that must not be echoed (URL credentials).
      const { found, value } = valueAt(ctx.input, path);
      if (!found || value === undefined || issue.code === 'custom') return issue.message;
      if (!showable(ctx, path, value) || typeof value === 'object') return issue.message;
      return `${issue.message} (found ${shownValue(value)})`;
    }
  }
}

/**
 * One problem per issue (an unknown key per key), in the order zod found them, duplicates dropped.
 * `input` is the parsed YAML and `schema` the schema it was checked against: they let the message show
 * the wrong value and suggest the key that was meant.
 */
export function issueProblems(error: z.ZodError, input?: unknown, schema?: z.ZodType): IssueProblem[] {
  const ctx: Context = { input, schema };
  const out: IssueProblem[] = [];
  const seen = new Set<string>();
  const push = (p: IssueProblem): void => {
    const k = `${p.field ?? ''}\u0000${p.problem}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(p);
  };
  for (const top of error.issues) {
    for (const { path, issue } of deepest(top, [])) {
      if (issue.code === 'unrecognized_keys') {
        const known = schema ? knownKeysAt(schema, path) : [];
        for (const key of issue.keys) {
          const near = nearestKey(key, known);
          const hint = near
            ? ` — did you mean ${near}?`
            : known.length > 0
              ? ` (known here: ${known.join(', ')})`
              : ' (check its spelling and indentation)';
          const problem = `unknown key${hint}`;
          push({
            field: formatPath([...path, key]),
            path: [...path, key],
            key,
            problem,
            ...(near ? { meant: near } : {}),
          });
        }
        continue;
      }
      push({ field: formatPath(path) || undefined, path, problem: describe(issue, path, ctx) });
    }
  }
  // A misspelt required key is one mistake, not two: "baseURL — did you mean baseUrl? (baseUrl is
  // required)" stands for the "baseUrl: required" line too.
  const meant = new Map<string, IssueProblem>();
  for (const p of out) if (p.meant !== undefined) meant.set(formatPath([...p.path.slice(0, -1), p.meant]), p);
  const merged = out.filter((p) => {
    const typo = p.problem.startsWith('required') && p.field !== undefined ? meant.get(p.field) : undefined;
    if (typo) typo.problem = `${typo.problem} (${String(typo.meant)} is required)`;
    return !typo;
  });
  if (merged.length === 0) merged.push({ field: undefined, path: [], problem: 'invalid' });
  return merged.map(({ meant: _, ...p }) => p);
}

/** The first problem only (kept for callers that report one line). */
export function formatIssues(
  error: z.ZodError,
  input?: unknown,
  schema?: z.ZodType,
): { field: string | undefined; problem: string } {
  const [first] = issueProblems(error, input, schema);
  return { field: first?.field, problem: first?.problem ?? 'invalid' };
}
