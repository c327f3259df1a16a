/**
 * Pre-flight: before a vendor's login is tested, ask the library system directly whether each test
 * patron is what its role says — the valid patron valid, the wrong-PIN patron refused for the PIN,
 * the blocked one blocked, the expired one expired. If the library system cannot be asked, or a
 * patron is not what its role says, the vendor's login verdict is inconclusive, never failed
 * (reference: library-auth.md §5.4). SIP2: 93 login, 99 status, 63 per patron, 35 end, close;
 * Koha REST: password validation, then the patron record. No retries on a wrong PIN (lockouts): a
 * PIN known to be wrong is sent only when the card's failed-login budget allows it (`spend`), and not
 * at all when it is the valid patron's card with another PIN after the valid PIN was accepted — a card
 * has one PIN, so the answer is known (`inferred`).
 */
import type { LibrarySystemConfig, Service, ValueOrEnv } from '../core/config.ts';
import type { BudgetUsed, PatronStanding, PreflightEvidence } from '../core/evidence.ts';
import { COUNTED_FAILURE_ROLES, type PatronRole } from '../core/ids.ts';
import type { PatronSecrets } from '../config/secrets.ts';
import { KohaRestClient, KohaRestError } from './koha-rest.ts';
import { Sip2Client, Sip2ClientError, type PatronResult } from './sip2/client.ts';

/** What the library system must say about each role's patron. */
export const EXPECTED_STANDINGS: Record<PatronRole, readonly PatronStanding[]> = {
  valid: ['valid'],
  wrongPin: ['wrong-pin', 'rejected'],
  unknownCard: ['unknown-card', 'rejected'],
  blocked: ['blocked'],
  expired: ['expired'],
};

type PatronAnswer = PreflightEvidence['patrons'][number];
/** Before a PIN is sent: undefined when it may be, else the used budget (src/gather/kit.ts spendFailedLogin). */
export type SpendFailedLogin = (role: PatronRole, secrets: PatronSecrets) => Promise<BudgetUsed | undefined>;

/**
 * A patron's answer without asking the library system, when there is one: known (the valid patron's
 * card with another PIN, after the valid PIN was accepted) or withheld (the failed-login budget is used).
 */
async function unasked(
  role: PatronRole,
  secrets: PatronSecrets,
  patrons: Patrons,
  answers: readonly PatronAnswer[],
  spend: SpendFailedLogin,
): Promise<PatronAnswer | undefined> {
  if (!COUNTED_FAILURE_ROLES.has(role)) return undefined;
  const valid = patrons.find((p) => p.role === 'valid')?.secrets;
  const accepted = answers.find((a) => a.role === 'valid')?.standing === 'valid';
  if (accepted && valid && valid.card.trim() === secrets.card.trim() && valid.pin !== secrets.pin)
    return {
      role,
      standing: 'wrong-pin',
      matches: EXPECTED_STANDINGS[role].includes('wrong-pin'),
      inferred: true,
      detail:
        "Not sent: this is the valid patron's card, whose PIN the library system accepted; another PIN cannot be " +
        'right.',
    };
  const withheld = await spend(role, secrets);
  return withheld ? { role, standing: 'not-asked', matches: false, withheld } : undefined;
}

class MissingValue extends Error {}

function value(v: ValueOrEnv | undefined, env: NodeJS.ProcessEnv, field: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'object') {
    const got = env[v.env];
    if (!got) throw new MissingValue(`library.${field}: environment variable ${v.env} is not set`);
    return got;
  }
  return String(v);
}

function ymd(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`;
}

/** SIP2 63/64 → standing (Koha marks expiry with AF "PATRON EXPIRED" and a past PA date). */
export function sip2Standing(r: PatronResult, now = new Date()): PatronStanding {
  if (!r.validPatron) return 'unknown-card';
  if (r.validPassword !== true) return 'wrong-pin';
  if (r.screenMessages.some((m) => /PATRON EXPIRED/i.test(m)) || (r.expiry !== undefined && r.expiry < ymd(now)))
    return 'expired';
  if (r.blocked) return 'blocked';
  return 'valid';
}

type Patrons = Array<{ role: PatronRole; secrets: PatronSecrets }>;

async function viaSip2(
  cfg: Extract<LibrarySystemConfig, { sip2: unknown }>['sip2'],
  patrons: Patrons,
  env: NodeJS.ProcessEnv,
  spend: SpendFailedLogin,
): Promise<Omit<PreflightEvidence, 'durationMs'>> {
  const host = value(cfg.host, env, 'sip2.host') ?? '';
  const port = Number(value(cfg.port, env, 'sip2.port'));
  const user = cfg.user ? value(cfg.user, env, 'sip2.user') : undefined;
  const password = cfg.password ? value(cfg.password, env, 'sip2.password') : undefined;
  const institution = value(cfg.institution, env, 'sip2.institution');
  let client: Sip2Client | undefined;
  try {
    client = await Sip2Client.connect({
      host,
      port,
      tls: cfg.tls,
      allowPlaintext: cfg.allowPlaintext,
      encoding: cfg.encoding,
      terminator: cfg.terminator === 'CRLF' ? '\r\n' : '\r',
      errorDetection: cfg.errorDetection,
      connectTimeoutMs: cfg.timeoutMs,
      requestTimeoutMs: cfg.timeoutMs,
      ...(institution ? { institutionId: institution } : {}),
      ...(user && password ? { login: { userId: user, password } } : {}),
    });
    const status = await client.scStatus();
    if (!status.onlineStatus)
      return {
        protocol: 'sip2',
        status: 'unreachable',
        reason: 'The library system (SIP2 ACS) reports itself offline (98: online status N).',
        patrons: [],
      };
    const out: PreflightEvidence['patrons'] = [];
    for (const { role, secrets } of patrons) {
      const known = await unasked(role, secrets, patrons, out, spend);
      if (known) {
        out.push(known);
        continue;
      }
      const info = await client.patronInformation(secrets.card, secrets.pin).catch((e: unknown) => e as Error);
      const standing: PatronStanding = info instanceof Error ? 'error' : sip2Standing(info);
      out.push({
        role,
        standing,
        matches: EXPECTED_STANDINGS[role].includes(standing),
        ...(info instanceof Error ? { detail: info.message } : {}),
      });
    }
    return finish('sip2', out);
  } catch (e) {
    const code = e instanceof Sip2ClientError ? e.code : 'error';
    const why =
      code === 'plaintext-refused'
        ? 'plaintext SIP2 to a non-loopback host was refused (set tls: true, or allowPlaintext: true inside a VPN)'
        : `SIP2 ${code}: ${(e as Error).message}`;
    return {
      protocol: 'sip2',
      status: 'unreachable',
      reason: `The library system could not be asked: ${why}.`,
      patrons: [],
    };
  } finally {
    await client?.close().catch(() => undefined);
  }
}

async function viaKoha(
  cfg: Extract<LibrarySystemConfig, { kohaRest: unknown }>['kohaRest'],
  patrons: Patrons,
  env: NodeJS.ProcessEnv,
  spend: SpendFailedLogin,
): Promise<Omit<PreflightEvidence, 'durationMs'>> {
  const client = new KohaRestClient({
    baseUrl: value(cfg.url, env, 'kohaRest.url') ?? '',
    username: value(cfg.user, env, 'kohaRest.user') ?? '',
    password: value(cfg.password, env, 'kohaRest.password') ?? '',
    timeoutMs: cfg.timeoutMs,
  });
  const out: PreflightEvidence['patrons'] = [];
  try {
    for (const { role, secrets } of patrons) {
      const known = await unasked(role, secrets, patrons, out, spend);
      if (known) {
        out.push(known);
        continue;
      }
      const v = await client.validatePassword(secrets.card, secrets.pin);
      let standing: PatronStanding = 'rejected';
      if (v.valid) {
        const p = await client.getPatron(v.patronId);
        standing = p.expired === true ? 'expired' : p.restricted === true ? 'blocked' : 'valid';
      }
      out.push({ role, standing, matches: EXPECTED_STANDINGS[role].includes(standing) });
    }
  } catch (e) {
    const code = e instanceof KohaRestError ? e.code : 'error';
    return {
      protocol: 'koha-rest',
      status: 'unreachable',
      reason: `The library system could not be asked: Koha REST ${code}: ${(e as Error).message}.`,
      patrons: out,
    };
  }
  return finish('koha-rest', out);
}

function finish(
  protocol: PreflightEvidence['protocol'],
  patrons: PreflightEvidence['patrons'],
): Omit<PreflightEvidence, 'durationMs'> {
  // A patron not asked (its budget used) is no mismatch: its own checks are inconclusive for that reason.
  const wrong = patrons.filter((p) => !p.matches && p.standing !== 'not-asked');
  if (wrong.length === 0) return { protocol, status: 'ok', patrons };
  return {
    protocol,
    status: 'mismatch',
    reason:
      `Test patron${wrong.length > 1 ? 's' : ''} not as the role says: ` +
      `${wrong.map((p) => `${p.role} is ${p.standing}`).join('; ')}.`,
    patrons,
  };
}

/** Asks the service's library system about every test patron; undefined when the service declares none. */
export async function preflight(
  service: Service,
  patron: (role: PatronRole) => PatronSecrets | undefined,
  env: NodeJS.ProcessEnv,
  spend: SpendFailedLogin,
): Promise<PreflightEvidence | undefined> {
  const library = service.library;
  if (!library) return undefined;
  const started = performance.now();
  const patrons: Patrons = [];
  for (const role of Object.keys(EXPECTED_STANDINGS) as PatronRole[]) {
    const secrets = patron(role);
    if (secrets) patrons.push({ role, secrets });
  }
  const protocol = 'sip2' in library ? 'sip2' : 'koha-rest';
  let result: Omit<PreflightEvidence, 'durationMs'>;
  try {
    result =
      'sip2' in library
        ? await viaSip2(library.sip2, patrons, env, spend)
        : await viaKoha(library.kohaRest, patrons, env, spend);
  } catch (e) {
    if (!(e instanceof MissingValue)) throw e;
    result = {
      protocol,
      status: 'unreachable',
      reason: `The library system could not be asked: ${e.message}.`,
      patrons: [],
    };
  }
  return { ...result, durationMs: Math.round(performance.now() - started) };
}
