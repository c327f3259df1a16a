/**
 * `erh init [dir] --url <vendor-url>`: a configuration folder that works from the first command —
 * services/<id>.yaml for the vendor, the installed package's devices/ and profiles/, the JSON Schemas
 * its modelines name (copied, so the folder can move or be shared), a .env.example naming every
 * environment variable the service reads, a .gitignore keeping .env and reports out of version
 * control, and a README with the next steps. Existing files are never overwritten.
 */
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import YAML from 'yaml';
import { ServiceSchema, urlProblem, type LoginStrategyName, type Service } from '../core/config.ts';
import { ConfigError } from '../core/errors.ts';
import { LANGUAGES, SERVICE_KINDS, SLUG, type Language, type ServiceKind } from '../core/ids.ts';
import { formatIssues } from '../config/issues.ts';

/** The login strategies `erh init` writes a starting point for (the others are written by hand). */
export const INIT_LOGINS = [
  'none',
  'card-pin-form',
  'saml',
  'oidc',
  'proxy',
  'ip-access',
] as const satisfies readonly LoginStrategyName[];
export type InitLogin = (typeof INIT_LOGINS)[number];

export interface InitOptions {
  /** The folder to write (created when missing). */
  dir: string;
  /** The vendor's address: the page a patron starts from. */
  url: string;
  name?: string;
  id?: string;
  kind?: ServiceKind;
  login?: InitLogin;
  languages?: readonly Language[];
}

export interface InitResult {
  dir: string;
  serviceId: string;
  /** Every file written, relative to dir. */
  files: string[];
  /** Environment variables the service reads (listed in .env.example). */
  env: string[];
}

/** A lower-case slug from free text: "Lukulamppu e-kirjasto" → lukulamppu-e-kirjasto, ä → a. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** A service id from the vendor's address: ebooks.lukulamppu.fi → lukulamppu; 127.0.0.1:4711 → service-4711. */
export function idFromUrl(url: URL): string {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const numeric = /^[\d.]+$/.test(host) || host.includes(':') || host === 'localhost';
  if (numeric) return `service-${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  const labels = host.split('.').filter((l) => l !== 'www');
  // The label before the top-level domain names the vendor more often than a leading "ebooks" or "test".
  const label = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
  return slugify(label ?? '') || 'service';
}

/** Upper-case prefix of the service's environment variables: lukulamppu-fi → LUKULAMPPU_FI. */
export function envPrefix(id: string): string {
  return id.toUpperCase().replace(/-/g, '_').replace(/^(\d)/, 'S_$1');
}

/** Every `{ env: NAME }` in a parsed service, with the field that names it (first field wins). */
export function envReferences(value: unknown, path = ''): Array<{ name: string; field: string }> {
  const found = new Map<string, string>();
  const walk = (v: unknown, p: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else if (v && typeof v === 'object') {
      const ref = (v as { env?: unknown }).env;
      if (typeof ref === 'string' && Object.keys(v).length === 1) {
        if (!found.has(ref)) found.set(ref, p);
        return;
      }
      for (const [k, x] of Object.entries(v)) walk(x, p ? `${p}.${k}` : k);
    }
  };
  walk(value, path);
  return [...found].map(([name, field]) => ({ name, field }));
}

/** A YAML scalar as it appears inside a flow or block mapping (quoted when needed). */
const scalar = (value: string): string => YAML.stringify(value, { lineWidth: 0 }).trimEnd();

function loginBlock(login: InitLogin, landing: string, prefix: string): string[] {
  const strategyNote: Record<InitLogin, string> = {
    none: 'open access: no login, no test patrons',
    'card-pin-form': "card number + PIN on the vendor's own form",
    saml: "SAML 2.0: the vendor sends the patron to the library's identity provider",
    oidc: 'OpenID Connect: the card + PIN form is the provider’s',
    proxy: "the library's proxy asks for card + PIN in front of the resource",
    'ip-access': 'no form: access by network address or the referring library page',
  };
  if (login === 'none') return ['login:', `  strategy: none             # ${strategyNote.none}`];
  if (login === 'ip-access')
    return [
      'login:',
      `  strategy: ip-access        # ${strategyNote['ip-access']}`,
      '  start:                     # how a patron reaches the resource',
      `    - goto: ${scalar(landing)}`,
      '  success: { role: main }    # EDIT: an element shown only when access is granted',
    ];
  return [
    'login:',
    `  strategy: ${login.padEnd(16)}# ${strategyNote[login]}`,
    '  # EDIT the locators below to what the login page shows (or let `erh record` find them):',
    '  start:                     # the actions that bring the login form on screen',
    `    - goto: ${scalar(landing)}`,
    '    - click: { role: link, name: Kirjaudu }',
    '  card: { label: Kirjastokortin numero }          # the card-number field',
    '  pin: { label: PIN-koodi }                       # the PIN field',
    '  submit: { role: button, name: Kirjaudu }        # the button that sends the form',
    '  success: { role: button, name: Kirjaudu ulos }  # visible only when logged in',
    'patrons:                     # names of environment variables (.env), never the values',
    `  valid: { card: { env: ${prefix}_VALID_CARD }, pin: { env: ${prefix}_VALID_PIN } }`,
    `  wrongPin: { card: { env: ${prefix}_VALID_CARD }, pin: { env: ${prefix}_WRONG_PIN } }`,
  ];
}

/** The text of services/<id>.yaml: valid as written, with comments saying what to edit. */
export function serviceYaml(options: {
  id: string;
  name: string;
  vendor: string;
  kind: ServiceKind;
  baseUrl: string;
  landing: string;
  languages: readonly Language[];
  login: InitLogin;
}): string {
  const o = options;
  const lines = [
    '# yaml-language-server: $schema=../schema/service.schema.json',
    `# Written by erh init for ${o.baseUrl}. Lines marked EDIT are guesses to check on the vendor's pages.`,
    `id: ${o.id}  # same as the file name`,
    `name: ${scalar(o.name)}`,
    `vendor: ${scalar(o.vendor)}  # EDIT: the company offering the service`,
    `kind: ${o.kind}  # ${SERVICE_KINDS.join(' | ')}`,
    `baseUrl: ${scalar(o.baseUrl)}`,
    `languages: [${o.languages.join(', ')}]`,
    ...loginBlock(o.login, o.landing, envPrefix(o.id)),
    'journey:                     # the page states a patron goes through; `erh record` writes these for you',
    '  - id: landing',
    '    name: Etusivu',
    '    lighthouse: true           # audit this page with Lighthouse (Chromium devices)',
    '    actions:',
    `      - goto: ${scalar(o.landing)}`,
    '  # - id: search',
    '  #   actions:',
    '  #     - fill: { target: { role: searchbox }, value: Seitsemän veljestä }',
    '  #     - click: { role: button, name: Hae }',
    '  #     - expect: { role: heading, name: Hakutulokset }',
    '',
  ];
  return lines.join('\n');
}

function envExample(service: Service, serviceFile: string): string {
  const refs = envReferences(service);
  const lines = [
    `# The environment variables ${serviceFile} reads. Copy this file to .env (git-ignored) and fill in`,
    '# the test patrons: card numbers and PINs stay in .env or the environment, never in the YAML.',
    '# Devices that need one (a grid, a cloud farm) name theirs under requires.env in devices/*.yaml.',
  ];
  if (refs.length === 0) lines.push('# This service names no environment variable (open access: no test patrons).');
  for (const r of refs) lines.push(`# ${r.field}`, `${r.name}=`);
  return `${lines.join('\n')}\n`;
}

function readme(o: { id: string; url: string; login: InitLogin }): string {
  return [
    `# erh configuration: ${o.id}`,
    '',
    `Written by \`erh init\` for ${o.url}: \`services/${o.id}.yaml\` is the vendor, \`devices/\` and \`profiles/\``,
    'come from the erh package, `schema/` gives editors completion for the YAML files.',
    '',
    o.login === 'none'
      ? '1. The service is open access: no test patrons are needed.'
      : '1. `cp .env.example .env` and fill in the test patrons (card numbers and PINs).',
    `2. Edit the lines marked EDIT in \`services/${o.id}.yaml\`, or record the journey: \`erh record ${o.url} ` +
      `--service ${o.id}\`.`,
    '3. In this folder: `erh validate`, then `erh run`; the scorecard is written to `reports/latest/`.',
    '',
    'See docs/getting-started.md in the erh package for a worked example.',
    '',
  ].join('\n');
}

/** Writes the folder; refuses (ConfigError, exit 2) when any file it would write exists. */
export function initConfigFolder(options: InitOptions, packageRoot: string): InitResult {
  const problem = urlProblem(options.url);
  if (problem) throw new ConfigError('--url', undefined, problem);
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new ConfigError(
      '--url',
      undefined,
      `"${options.url}" is not a URL: give the address, e.g. https://vendor.example/`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError('--url', undefined, 'expected an http:// or https:// address');
  url.hash = '';
  const serviceId = options.id ?? ((options.name ? slugify(options.name) : '') || idFromUrl(url));
  if (!SLUG.test(serviceId))
    throw new ConfigError('--id', undefined, `"${serviceId}" must be a lower-case slug: letters a–z, digits and "-"`);
  const login = options.login ?? 'card-pin-form';
  const dir = resolve(options.dir);
  const serviceFile = `services/${serviceId}.yaml`;
  const text = serviceYaml({
    id: serviceId,
    name: options.name ?? url.hostname,
    vendor: url.hostname,
    kind: options.kind ?? 'ebook',
    baseUrl: url.href,
    landing: `${url.pathname}${url.search}`,
    languages: options.languages ?? LANGUAGES,
    login,
  });
  // What is written must validate as written: a template that does not is a harness bug, not the user's.
  const parsed = ServiceSchema.safeParse(YAML.parse(text));
  if (!parsed.success) {
    const { field, problem: p } = formatIssues(parsed.error);
    throw new ConfigError(serviceFile, field, `${p} (a value given to erh init)`);
  }

  const copies: Array<{ from: string; to: string }> = [];
  for (const sub of ['devices', 'profiles'] as const) {
    const names = readdirSync(join(packageRoot, sub)).filter((f) => f.endsWith('.yaml'));
    for (const f of sub === 'profiles' ? names.filter((n) => n === 'default.yaml') : names)
      copies.push({ from: join(packageRoot, sub, f), to: `${sub}/${f}` });
  }
  for (const f of ['service.schema.json', 'device.schema.json', 'profile.schema.json'])
    copies.push({ from: join(packageRoot, 'schema', f), to: `schema/${f}` });
  const written: Array<{ to: string; text: string }> = [
    { to: serviceFile, text },
    { to: '.env.example', text: envExample(parsed.data, serviceFile) },
    { to: '.gitignore', text: '.env\nreports/\n' },
    {
      to: 'README.md',
      text: readme({ id: serviceId, url: url.href, login }),
    },
  ];
  const targets = [...written.map((w) => w.to), ...copies.map((c) => c.to)];
  const taken = targets.filter((t) => existsSync(join(dir, t)));
  const [first] = taken;
  if (first !== undefined) {
    const others = taken.length - 1;
    throw new ConfigError(
      join(relative(process.cwd(), dir) || '.', first),
      undefined,
      `already exists${others ? ` (and ${others} more of the files erh init writes)` : ''}: erh init never ` +
        `overwrites a file; choose a new folder, or move the files away`,
    );
  }
  for (const t of targets) mkdirSync(join(dir, t, '..'), { recursive: true });
  for (const w of written) writeFileSync(join(dir, w.to), w.text, { flag: 'wx' });
  for (const c of copies) copyFileSync(c.from, join(dir, c.to), constants.COPYFILE_EXCL);
  return { dir, serviceId, files: targets, env: envReferences(parsed.data).map((r) => r.name) };
}
