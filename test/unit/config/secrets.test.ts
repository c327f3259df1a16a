import { describe, expect, it } from 'vitest';
import { allSecrets, Redactor, REDACTED, resolveHttpAuth } from '../../../src/config/secrets.ts';
import { loadConfig } from '../../../src/config/load.ts';
import { ROOT } from '../../support/cli.ts';

describe('Redactor', () => {
  const r = new Redactor(['12345678', '9876543210', '12']);
  it('removes secrets and their URL-encoded form from text and nested values', () => {
    expect(r.text('card 9876543210 pin 12345678')).toBe(`card ${REDACTED} pin ${REDACTED}`);
    expect(r.deep({ a: ['x12345678y'], b: { c: 'ok' }, n: 3 })).toEqual({ a: [`x${REDACTED}y`], b: { c: 'ok' }, n: 3 });
  });
  it('ignores values too short to redact safely', () => {
    expect(r.text('page 12 of 40')).toBe('page 12 of 40');
  });
});

describe('httpAuth', () => {
  const base = loadConfig({ root: ROOT, services: ['kirjava'], devices: ['desktop-chromium'] }).services[0]!;
  const service = { ...base, httpAuth: { username: { env: 'T_HTTP_USER' }, password: { env: 'T_HTTP_PASSWORD' } } };
  it("resolves the credentials for the service's origin only, and redacts both", () => {
    const env = { T_HTTP_USER: 'tarkastaja-x1', T_HTTP_PASSWORD: 'salainen-y2' };
    expect(resolveHttpAuth(service, 'services/kirjava.yaml', env)).toEqual({
      username: 'tarkastaja-x1',
      password: 'salainen-y2',
      origin: new URL(base.baseUrl).origin,
    });
    expect(allSecrets([service], env)).toEqual(expect.arrayContaining(['tarkastaja-x1', 'salainen-y2']));
    expect(resolveHttpAuth(base, 'services/kirjava.yaml', env)).toBeUndefined();
  });
  it('names the file and the field of an unset variable', () => {
    expect(() => resolveHttpAuth(service, 'services/kirjava.yaml', { T_HTTP_USER: 'u' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/services\/kirjava\.yaml.*httpAuth\.password\.env.*T_HTTP_PASSWORD is not set/) }),
    );
  });
});
