/**
 * Issue 3 end to end: `erh run` on the authentication demo (demo-auth/) against a demo world on
 * ephemeral ports — every login strategy, every negative patron, the pre-flight (library stopped →
 * inconclusive; a mislabelled patron → inconclusive), the iframe vendor failing only where
 * third-party cookies are blocked, the broken logout caught, and a search of every written file for
 * every secret. Chromium blocks third-party cookies here; Firefox ESR keeps them.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceSchema, RunResultSchema, type CheckResult, type Evidence, type RunResult } from '../../src/core/index.ts';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { authConfig } from '../support/auth-config.ts';
import { erh, filesBelow, ROOT } from '../support/cli.ts';

let world: DemoWorld;
const runs: Record<'main' | 'firefox' | 'offline', { dir: string; result: RunResult; output: string }> = {} as never;

async function run(root: string, args: string[], env: Record<string, string>) {
  const reports = join(root, 'reports');
  const r = await erh(['run', '-c', root, '--reports', reports, '--workers', '2', ...args], { env, timeoutMs: 900_000 });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const dir = join(reports, 'latest');
  return { dir, result: RunResultSchema.parse(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))), output: r.stdout + r.stderr };
}

function checkOf(result: RunResult, target: string, id: string): CheckResult | undefined {
  const t = result.targets.find((x) => x.id === target);
  return t?.suites.login.checks.find((c) => c.id === id);
}

function evidence(dir: string, target: string): Extract<Evidence, { suite: 'login' }> {
  return EvidenceSchema.parse(JSON.parse(readFileSync(join(dir, 'evidence', `${target}.login.json`), 'utf8'))) as Extract<Evidence, { suite: 'login' }>;
}

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral' });
  // portti-popup's "expired" patron is really the valid one: the pre-flight must catch the mislabel.
  const env = { ...world.env, DEMO_MISLABELLED_CARD: world.env['DEMO_VALID_CARD'] ?? '', DEMO_MISLABELLED_PIN: world.env['DEMO_VALID_PIN'] ?? '' };
  const mainRoot = authConfig(world, {
    services: (file, text) => (file === 'portti-popup.yaml' ? text.replace('DEMO_EXPIRED_CARD', 'DEMO_MISLABELLED_CARD').replace('DEMO_EXPIRED_PIN', 'DEMO_MISLABELLED_PIN') : text),
  });
  runs.main = await run(mainRoot, ['--devices', 'desktop-chromium'], env);
  runs.firefox = await run(authConfig(world), ['--devices', 'desktop-firefox', '--services', 'portti-iframe'], env);
  // Library system down: portti-nologout, and lehtisali (which shows an outage as a wrong PIN).
  const offlineRoot = authConfig(world);
  cpSync(join(ROOT, 'services', 'lehtisali.yaml'), join(offlineRoot, 'services', 'lehtisali.yaml'));
  const lehtisali = readFileSync(join(offlineRoot, 'services', 'lehtisali.yaml'), 'utf8').replaceAll('http://127.0.0.1:4713', world.urls.lehtisali);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(offlineRoot, 'services', 'lehtisali.yaml'), `${lehtisali}\nsuites: [login]\n${lehtisali.includes("library:") ? '' : 'library:\n  sip2:\n    host: { env: DEMO_LIBRARY_SIP2_HOST }\n    port: { env: DEMO_LIBRARY_SIP2_PORT }\n    institution: { env: DEMO_LIBRARY_SIP2_INSTITUTION }\n    user: { env: DEMO_LIBRARY_SIP2_USER }\n    password: { env: DEMO_LIBRARY_SIP2_PASSWORD }\n'}`);
  world.setLibraryOnline(false);
  try {
    runs.offline = await run(offlineRoot, ['--devices', 'desktop-chromium', '--services', 'portti-nologout,lehtisali'], env);
  } finally {
    world.setLibraryOnline(true);
  }
}, 2_400_000);

afterAll(async () => {
  await world?.stop();
});

const C = (s: string) => `${s}@desktop-chromium`;

describe('every login strategy logs the valid patron in', () => {
  it.each(['portti-saml', 'portti-oidc', 'portti-popup', 'portti-nologout', 'portti-proxy', 'portti-ref', 'portti-api'])('%s', (service) => {
    expect(checkOf(runs.main.result, C(service), 'login/valid-patron')?.status, checkOf(runs.main.result, C(service), 'login/valid-patron')?.detail).toBe('pass');
  });

  it('records the strategy, the pre-flight and where the form was', () => {
    const saml = evidence(runs.main.dir, C('portti-saml'));
    expect(saml.login?.strategy).toBe('saml');
    expect(saml.login?.preflight?.status).toBe('ok');
    expect(saml.login?.attempts[0]?.formOrigin).toBe(world.auth.urls.samlIdp);
    expect(evidence(runs.main.dir, C('portti-oidc')).login?.attempts[0]?.formOrigin).toBe(world.auth.urls.oidcIdp);
    expect(evidence(runs.main.dir, C('portti-ref')).login?.directAccess).toBe('refused');
    const api = evidence(runs.main.dir, C('portti-api'));
    expect(api.login?.preflight?.protocol).toBe('koha-rest');
  });
});

describe('negative patrons are refused with a specific, announced, Finnish message', () => {
  const services = ['portti-saml', 'portti-oidc', 'portti-nologout', 'portti-proxy', 'portti-api'];
  const checks = ['login/wrong-pin-rejected', 'login/unknown-card-rejected', 'login/blocked-card-rejected', 'login/expired-card-rejected'];
  it.each(services.flatMap((s) => checks.map((c) => [s, c] as const)))('%s %s', (service, id) => {
    const c = checkOf(runs.main.result, C(service), id);
    expect(c?.status, c?.detail).toBe('pass');
  });
  it('announced and in the page language on every browser route; not applicable to the API (no page)', () => {
    for (const s of ['portti-saml', 'portti-oidc', 'portti-nologout', 'portti-proxy']) {
      expect(checkOf(runs.main.result, C(s), 'login/error-announced')?.status, s).toBe('pass');
      expect(checkOf(runs.main.result, C(s), 'login/error-language')?.status, s).toBe('pass');
    }
    expect(checkOf(runs.main.result, C('portti-api'), 'login/error-announced')?.status).toBe('not-applicable');
    expect(checkOf(runs.main.result, C('portti-api'), 'login/error-language')?.status).toBe('not-applicable');
  });
});

describe('pre-flight', () => {
  it('a mislabelled patron makes that role inconclusive (not failed), with the reason', () => {
    const c = checkOf(runs.main.result, C('portti-popup'), 'login/expired-card-rejected');
    expect(c?.status).toBe('inconclusive');
    expect(c?.detail).toMatch(/expired test patron is valid/);
    expect(checkOf(runs.main.result, C('portti-popup'), 'login/valid-patron')?.status).toBe('pass');
  });

  it('library system stopped: the login verdict is inconclusive with the reason, never failed', () => {
    for (const s of ['portti-nologout', 'lehtisali']) {
      const t = runs.offline.result.targets.find((x) => x.id === C(s));
      expect(t?.login?.verdict, s).toBe('inconclusive');
      expect(t?.login?.reason).toMatch(/library system could not be asked/);
      for (const c of t?.suites.login.checks ?? []) {
        if (c.id !== 'login/outage-message') expect(c.status, `${s} ${c.id}`).not.toBe('fail');
      }
    }
  });

  it('during the outage, lehtisali says "wrong card number or PIN" (caught); portti names the outage', () => {
    expect(checkOf(runs.offline.result, C('lehtisali'), 'login/outage-message')?.status).toBe('fail');
    expect(checkOf(runs.offline.result, C('portti-nologout'), 'login/outage-message')?.status).toBe('pass');
  });
});

describe('sessions', () => {
  it('the broken logout is caught; a real logout passes', () => {
    const broken = checkOf(runs.main.result, C('portti-nologout'), 'login/logout-ends-session');
    expect(broken?.status).toBe('fail');
    expect(broken?.impact).toBe('critical');
    for (const s of ['portti-saml', 'portti-oidc', 'portti-popup', 'portti-proxy']) expect(checkOf(runs.main.result, C(s), 'login/logout-ends-session')?.status, s).toBe('pass');
  });
});

describe('third-party iframe login', () => {
  it('fails only where third-party cookies are blocked (Chromium here), works in Firefox', () => {
    const chromium = evidence(runs.main.dir, C('portti-iframe'));
    expect(chromium.login?.thirdPartyCookies).toBe('blocked');
    expect(chromium.login?.crossSiteFrame).toBe(true);
    expect(checkOf(runs.main.result, C('portti-iframe'), 'login/third-party-cookies')?.status).toBe('fail');
    expect(checkOf(runs.main.result, C('portti-iframe'), 'login/valid-patron')?.status).toBe('fail');
    // The wrong PIN is refused inside the frame either way: only the session cookie is third-party.
    expect(checkOf(runs.main.result, C('portti-iframe'), 'login/wrong-pin-rejected')?.status).toBe('pass');
    const firefox = 'portti-iframe@desktop-firefox';
    expect(evidence(runs.firefox.dir, firefox).login?.thirdPartyCookies).toBe('allowed');
    expect(checkOf(runs.firefox.result, firefox, 'login/valid-patron')?.status).toBe('pass');
    expect(checkOf(runs.firefox.result, firefox, 'login/third-party-cookies')?.status).toBe('not-applicable');
  });
});

describe('scorecard', () => {
  it('shows the login verdict per device, messages, screens and the reason for inconclusive verdicts', () => {
    const html = readFileSync(join(runs.offline.dir, 'scorecard.fi.html'), 'utf8');
    expect(html).toContain('Kirjautuminen kirjastokortilla laitteittain');
    expect(html).toContain('Ratkaisematon');
    expect(html).toMatch(/library system could not be asked/);
    const main = readFileSync(join(runs.main.dir, 'scorecard.en.html'), 'utf8');
    expect(main).toContain('Login with a library card, per device');
    expect(main).toContain('leaves the session alive');
    expect(main).toMatch(/href="evidence\/portti-saml@desktop-chromium\/login-form\.png"/);
    expect(main).toContain('Kirjastokorttisi käyttö on estetty.');
  });
});

describe('secrets never reach a written file', () => {
  it('no PIN, card number, library password, client secret or token in any file, file name or output', async () => {
    const secrets = [
      ...Object.entries(world.env).filter(([k]) => /_(CARD|PIN|PASSWORD|SECRET)$/.test(k)).map(([, v]) => v),
      ...world.auth.issuedTokens(),
    ].filter((s) => s.length >= 6);
    expect(secrets.length).toBeGreaterThan(12);
    expect(world.auth.issuedTokens().length).toBeGreaterThan(0);
    let files = 0;
    for (const r of Object.values(runs)) {
      const root = join(r.dir, '..', '..');
      for (const file of await filesBelow(root)) {
        files++;
        const bytes = readFileSync(file);
        const text = bytes.toString('latin1');
        for (const s of secrets) {
          expect(text.includes(s), `${file} contains a secret`).toBe(false);
          expect(file.includes(s), `${file} is named after a secret`).toBe(false);
        }
      }
      for (const s of secrets) expect(r.output.includes(s)).toBe(false);
    }
    expect(files).toBeGreaterThan(50);
  });
});
