/**
 * Issue 17 part 5a, strong e-identification as the E-library uses it: the demo world's SAML identity
 * provider shows a Suomi.fi-style "choose your identification method" page (bank ID / mobile
 * certificate / test ID) before its card + PIN form (fixtures/library-system/saml-idp.ts
 * chooseMethod). Portti's SAML service with `login.choose` passes it: the valid patron is logged in,
 * a wrong PIN is refused with the IdP's message, the form was at the IdP; without `choose` the login
 * is an error whose message says where the patron was instead and what to declare. Through the
 * strategy itself (src/auth/strategies/redirect.ts) on desktop Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../fixtures/world.ts';
import { loginStrategy } from '../../src/auth/strategies/index.ts';
import { ServiceSchema, type Service } from '../../src/core/config.ts';
import { DeviceSchema } from '../../src/core/device.ts';
import type { PatronSecrets } from '../../src/config/secrets.ts';
import type { LoginOutcome } from '../../src/auth/strategies/types.ts';
import { DeviceRuntime } from '../../src/session/runtime.ts';
import { ROOT } from '../support/cli.ts';

let world: DemoWorld;
let runtime: DeviceRuntime;

beforeAll(async () => {
  world = await startDemoWorld({ ports: 'ephemeral' });
  world.auth.setSamlChooseMethod(true);
  runtime = new DeviceRuntime();
}, 60_000);

afterAll(async () => {
  await runtime?.close();
  await world?.stop();
});

/** demo-auth's portti-saml service on this world's ports, with `choose` as given. */
function service(choose: unknown[] | undefined): Service {
  const text = readFileSync(join(ROOT, 'demo-auth', 'services', 'portti-saml.yaml'), 'utf8').replaceAll(
    'http://127.0.0.1:4721',
    world.auth.urls.portti,
  );
  const yaml = YAML.parse(text) as { login: Record<string, unknown> };
  if (choose) yaml.login['choose'] = choose;
  return ServiceSchema.parse(yaml);
}

const patron = (role: 'VALID' | 'WRONGPIN'): PatronSecrets => ({
  card: world.env[`DEMO_${role}_CARD`] ?? '',
  pin: world.env[`DEMO_${role}_PIN`] ?? '',
});

async function login(s: Service, who: PatronSecrets): Promise<LoginOutcome> {
  const device = DeviceSchema.parse(YAML.parse(readFileSync(join(ROOT, 'devices', 'desktop-chromium.yaml'), 'utf8')));
  const acquired = await runtime.acquire(device);
  if (!acquired.ok) throw new Error(`desktop-chromium is not available here: ${acquired.reason}`);
  const session = await acquired.open();
  try {
    return await loginStrategy(s.login).perform(
      { session, baseUrl: s.baseUrl, actionTimeoutMs: 5_000, navigationTimeoutMs: 15_000 },
      who,
    );
  } finally {
    await session.close();
  }
}

const CHOOSE = [
  { expect: { role: 'heading', name: 'Valitse tunnistustapa' } },
  { click: { role: 'link', name: 'Testitunnistus' } },
];

describe('Suomi.fi-style SAML: choose the identification method, then card + PIN', () => {
  it('the valid patron is logged in, at the identity provider', async () => {
    const outcome = await login(service(CHOOSE), patron('VALID'));
    expect(outcome.outcome, outcome.error).toBe('logged-in');
    expect(outcome.formOrigin).toBe(world.auth.urls.samlIdp);
  }, 30_000);

  it('a wrong PIN is refused with the provider\'s message', async () => {
    const outcome = await login(service(CHOOSE), patron('WRONGPIN'));
    expect(outcome.outcome).toBe('rejected');
    expect(outcome.message).toBeTruthy();
    expect(outcome.echoesPin).toBe(false);
  }, 30_000);

  it('without choose: an error naming the page the patron was on and what to declare', async () => {
    const outcome = await login(service(undefined), patron('VALID'));
    expect(outcome.outcome).toBe('error');
    expect(outcome.error).toMatch(/did not appear \(the page was .*titled "Valitse tunnistustapa"/);
    expect(outcome.error).toMatch(/login\.choose/);
    expect(outcome.error).not.toContain(patron('VALID').card);
  }, 30_000);
});
