/**
 * Test-patron secrets: resolved from the environment (or a git-ignored .env) at run time, and a
 * Redactor that removes every one of them from any text the harness writes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Patron, Service } from '../core/config.ts';
import { ConfigError } from '../core/errors.ts';
import type { PatronRole } from '../core/ids.ts';

export interface PatronSecrets {
  card: string;
  pin: string;
}

/** Loads `<root>/.env` into process.env (existing variables win). */
export function loadDotEnv(root: string): void {
  const file = join(root, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

export function resolvePatron(
  service: Service,
  role: PatronRole,
  sourceFile: string,
  env: NodeJS.ProcessEnv = process.env,
): PatronSecrets | undefined {
  const patron: Patron | undefined = service.patrons[role];
  if (!patron) return undefined;
  const read = (field: 'card' | 'pin'): string => {
    const name = patron[field].env;
    const value = env[name];
    if (value === undefined || value === '') {
      throw new ConfigError(sourceFile, `patrons.${role}.${field}.env`, `environment variable ${name} is not set (put it in the environment or in .env)`);
    }
    return value;
  };
  return { card: read('card'), pin: read('pin') };
}

/** Every secret a service's patrons use, for redaction and the secrets search. */
export function allSecrets(services: readonly Service[], env: NodeJS.ProcessEnv = process.env): string[] {
  const out = new Set<string>();
  for (const s of services) {
    for (const patron of Object.values(s.patrons)) {
      if (!patron) continue;
      for (const ref of [patron.card, patron.pin]) {
        const v = env[ref.env];
        if (v) out.add(v);
      }
    }
  }
  return [...out];
}

export const REDACTED = '[redacted]';

/** Replaces every known secret (and its URL-encoded form) in a string. */
export class Redactor {
  private readonly needles: string[];
  constructor(secrets: readonly string[]) {
    const all = new Set<string>();
    for (const s of secrets) {
      // Very short values would redact ordinary text; demo and real PINs are ≥ 4 characters.
      if (s.length < 4) continue;
      all.add(s);
      all.add(encodeURIComponent(s));
    }
    this.needles = [...all].sort((a, b) => b.length - a.length);
  }
  text(value: string): string {
    let out = value;
    for (const n of this.needles) if (out.includes(n)) out = out.split(n).join(REDACTED);
    return out;
  }
  contains(value: string): boolean {
    return this.needles.some((n) => value.includes(n));
  }
  /** Deeply redacts every string in a JSON-like value. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)])) as T;
    }
    return value;
  }
}
