/**
 * Declared inputs, enforced (after Lighthouse's `requiredArtifacts` in core/runner.js): a check is
 * given only the evidence it declares in `meta.reads`, and what its declared evidence lacks becomes
 * its result here, at the one boundary, not inside each check.
 *
 * - `reads` names fields of the suite's payload (`compatibility.pageErrors`, `login.attempts[…]`) and
 *   `steps`. A path naming a field the payload schema does not have is a harness defect: the check's
 *   result is `error` (cause `undeclared-read`), so a declaration cannot silently drift from the
 *   evidence.
 * - The check sees its payload through a view that refuses every other payload field: reading one
 *   throws UndeclaredReadError, which the normaliser records as `error` (cause `undeclared-read`).
 *   The journey steps are a base input every check gets (like Lighthouse's base artifacts); checks
 *   that use them declare `steps` for the reader.
 * - `requires`: a field the check cannot do without that the evidence lacks makes it not applicable
 *   with the check's own reason, without running it.
 */
import {
  AccessibilityEvidenceSchema,
  CompatibilityEvidenceSchema,
  ContentEvidenceSchema,
  LoginEvidenceSchema,
  PerformanceEvidenceSchema,
  type Suite,
} from '../core/index.ts';
import type { CheckInput, CheckMeta } from './types.ts';

/** The fields of each suite's payload, from its schema (the evidence contract owns them). */
const PAYLOAD_FIELDS: { readonly [S in Suite]: ReadonlySet<string> } = {
  login: new Set(Object.keys(LoginEvidenceSchema.shape)),
  accessibility: new Set(Object.keys(AccessibilityEvidenceSchema.shape)),
  performance: new Set(Object.keys(PerformanceEvidenceSchema.shape)),
  compatibility: new Set(Object.keys(CompatibilityEvidenceSchema.shape)),
  content: new Set(Object.keys(ContentEvidenceSchema.shape)),
};

/** A check read a payload field it does not declare in `meta.reads`. */
export class UndeclaredReadError extends Error {
  constructor(check: string, path: string) {
    super(`${check} read ${path}, which it does not declare in meta.reads`);
    this.name = 'UndeclaredReadError';
  }
}

/** The payload fields a check declares, or why its declaration is invalid. */
export function declaredFields(
  meta: Pick<CheckMeta, 'id' | 'suite' | 'reads'>,
): { fields: Set<string> } | { invalid: string } {
  const fields = new Set<string>();
  for (const path of meta.reads) {
    if (path === 'steps') continue;
    const m = /^([a-z]+)\.([A-Za-z]+)/.exec(path);
    if (m?.[1] !== meta.suite || !PAYLOAD_FIELDS[meta.suite].has(m[2] as string)) {
      return { invalid: `${meta.id} declares it reads "${path}", which is not a field of the ${meta.suite} evidence` };
    }
    fields.add(m[2] as string);
  }
  return { fields };
}

/** The payload as the check may see it: declared fields only. */
function view<T extends object>(data: T, meta: Pick<CheckMeta, 'id' | 'suite'>, fields: ReadonlySet<string>): T {
  const known = PAYLOAD_FIELDS[meta.suite];
  const refuse = (key: string | symbol): boolean => typeof key === 'string' && known.has(key) && !fields.has(key);
  return new Proxy(data, {
    get(target, key, receiver) {
      if (refuse(key)) throw new UndeclaredReadError(meta.id, `${meta.suite}.${String(key)}`);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (refuse(key)) throw new UndeclaredReadError(meta.id, `${meta.suite}.${String(key)}`);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      return Reflect.ownKeys(target).filter((key) => !refuse(key));
    },
  });
}

export type Admitted<S extends Suite> =
  | { readonly kind: 'run'; readonly input: CheckInput<S> }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'absent'; readonly detail: string };

/** What a check is given, or why it is not run: an invalid declaration, or required evidence absent. */
export function admit<S extends Suite>(meta: CheckMeta<S>, input: CheckInput<S>): Admitted<S> {
  const declared = declaredFields(meta);
  if ('invalid' in declared) return { kind: 'invalid', message: declared.invalid };
  const requires = (meta.requires ?? {}) as Readonly<Record<string, string | undefined>>;
  for (const [field, detail] of Object.entries(requires)) {
    if (!declared.fields.has(field)) {
      const message = `${meta.id} requires ${meta.suite}.${field} but does not declare it in meta.reads`;
      return { kind: 'invalid', message };
    }
    const value = (input.data as Readonly<Record<string, unknown>>)[field];
    if (detail !== undefined && value === undefined) return { kind: 'absent', detail };
  }
  return { kind: 'run', input: { data: view(input.data, meta, declared.fields), steps: input.steps } };
}

/**
 * A field the check lists in `meta.requires`: the boundary ran the check only because it is there.
 * Throws (an `error` result, a harness defect) when a check uses it for a field it did not require.
 */
export function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`${field} is absent: the check must list it in meta.requires`);
  return value;
}
