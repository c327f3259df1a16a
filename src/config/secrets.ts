/**
 * Test-patron secrets: resolved from the environment (or a git-ignored .env) at run time. The
 * Redactor that removes every one of them, in every encoding, lives in src/core/redactor.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpCredentials, Patron, SecretRef, Service } from '../core/config.ts';
import { ConfigError } from '../core/errors.ts';
import type { PatronRole } from '../core/ids.ts';

export interface PatronSecrets {
  card: string;
  pin: string;
}

/** Loads `<root>/.env` into process.env (existing variables win). */
export function loadDotEnv(root: string): void {
  const file = join(root, '.env');
  if (!existsSync(file)) return;
  if (!statSync(file).isFile())
    throw new ConfigError(file, undefined, 'is not a file (.env must be a file of NAME=value lines)');
  try {
    process.loadEnvFile(file);
  } catch (e) {
    throw new ConfigError(
      file,
      undefined,
      `could not be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]}`,
    );
  }
}

/** A secret's value from the environment; unset or empty is a ConfigError naming the file and the field. */
function readSecret(ref: SecretRef, sourceFile: string, field: string, env: NodeJS.ProcessEnv): string {
  const value = env[ref.env];
  if (value === undefined || value === '')
    throw new ConfigError(
      sourceFile,
      `${field}.env`,
      `environment variable ${ref.env} is not set (put it in the environment or in .env)`,
    );
  return value;
}

export function resolvePatron(
  service: Service,
  role: PatronRole,
  sourceFile: string,
  env: NodeJS.ProcessEnv = process.env,
): PatronSecrets | undefined {
  const patron: Patron | undefined = service.patrons[role];
  if (!patron) return undefined;
  const read = (field: 'card' | 'pin') => readSecret(patron[field], sourceFile, `patrons.${role}.${field}`, env);
  return { card: read('card'), pin: read('pin') };
}

/** The HTTP credentials a service's origin asks for (service YAML `httpAuth`), from the environment. */
export function resolveHttpAuth(
  service: Service,
  sourceFile: string,
  env: NodeJS.ProcessEnv = process.env,
): HttpCredentials | undefined {
  const auth = service.httpAuth;
  if (!auth) return undefined;
  const read = (field: 'username' | 'password') => readSecret(auth[field], sourceFile, `httpAuth.${field}`, env);
  return { username: read('username'), password: read('password'), origin: new URL(service.baseUrl).origin };
}

/**
 * Fields of a service whose `{ env: NAME }` value is a secret (patrons, API clients, library accounts, the
 * HTTP authentication's user name and password).
 */
const SECRET_FIELDS = new Set(['card', 'pin', 'password', 'clientSecret', 'username']);

/**
 * Every secret a service uses — its patrons' cards and PINs, API client secrets and the library
 * system's account passwords — for redaction and the secrets search.
 */
export function allSecrets(services: readonly Service[], env: NodeJS.ProcessEnv = process.env): string[] {
  const out = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object') {
      const ref = (value as { env?: unknown }).env;
      if (SECRET_FIELDS.has(key) && typeof ref === 'string') {
        const v = env[ref];
        if (v) out.add(v);
        return;
      }
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  for (const s of services) walk(s, '');
  return [...out];
}

export { Redactor, REDACTED } from '../core/redactor.ts';
