import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Sip2Client, Sip2ClientError, type Sip2TraceEvent, isLoopbackHost } from '../../../src/auth/sip2/client.ts';
import { type Sip2Encoding, Sip2Framer, decodeMessage, encodeMessage } from '../../../src/auth/sip2/codec.ts';
import { type GeneratedPatrons, generatePatrons } from '../../../fixtures/library-system/patrons.ts';
import { Sip2Server } from '../../../fixtures/library-system/sip2-server.ts';

const ACCOUNT = { userId: 'sc-test', password: 'sc-secret-1' };
const INSTITUTION = 'TESTLIB';

interface Running {
  server: Sip2Server;
  port: number;
  patrons: GeneratedPatrons;
}

async function startServer(encoding: Sip2Encoding): Promise<Running> {
  const patrons = generatePatrons();
  const server = new Sip2Server({ patrons: patrons.table, institutionId: INSTITUTION, account: ACCOUNT, encoding });
  const { port } = await server.listen();
  return { server, port, patrons };
}

const clients: Sip2Client[] = [];
async function connect(port: number, extra: Partial<Parameters<typeof Sip2Client.connect>[0]> = {}): Promise<Sip2Client> {
  const c = await Sip2Client.connect({
    host: '127.0.0.1',
    port,
    institutionId: INSTITUTION,
    login: ACCOUNT,
    requestTimeoutMs: 2000,
    ...extra,
  });
  clients.push(c);
  return c;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe.each(['cp850', 'utf-8'] as const)('Sip2Client against the fixture SIP2 server (%s)', (encoding) => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer(encoding);
  });
  afterAll(async () => {
    await s.server.close();
  });

  it('valid patron: BL=Y, CQ=Y, not blocked, expiry in the future', async () => {
    const c = await connect(s.port, { encoding });
    const p = s.patrons.table.byRole('valid');
    const r = await c.patronInformation(p.cardnumber, p.pin);
    expect(r.validPatron).toBe(true);
    expect(r.validPassword).toBe(true);
    expect(r.name).toBe('Virtanen, Maija');
    expect(r.blocked).toBe(false);
    expect(Object.values(r.statusFlags).every((f) => f === false)).toBe(true);
    expect(r.expiry).toMatch(/^\d{8}$/);
    expect(r.expiry! > new Date().toISOString().slice(0, 10).replaceAll('-', '')).toBe(true);
    expect(r.screenMessages).toEqual([]);
    expect(r.response.institutionId).toBe(INSTITUTION);
  });

  it('nordic patron: ä/ö/å survive the round trip', async () => {
    const c = await connect(s.port, { encoding });
    const p = s.patrons.table.byRole('nordic');
    const r = await c.patronInformation(p.cardnumber, p.pin);
    expect(r.name).toBe('Äijälä, Åsa Öhman');
    expect(r.validPassword).toBe(true);
  });

  it('wrong PIN: BL=Y, CQ=N', async () => {
    const c = await connect(s.port, { encoding });
    const r = await c.patronInformation(s.patrons.wrongPin.card, s.patrons.wrongPin.pin);
    expect(r.validPatron).toBe(true);
    expect(r.validPassword).toBe(false);
  });

  it('unknown card: BL=N', async () => {
    const c = await connect(s.port, { encoding });
    const r = await c.patronInformation(s.patrons.unknownCard.card, s.patrons.unknownCard.pin);
    expect(r.validPatron).toBe(false);
    expect(r.validPassword).toBe(false);
    expect(r.name).toBe('');
  });

  it('blocked patron: right PIN, but charge privileges denied and excessive fines', async () => {
    const c = await connect(s.port, { encoding });
    const p = s.patrons.table.byRole('blocked');
    const r = await c.patronInformation(p.cardnumber, p.pin);
    expect(r.validPatron).toBe(true);
    expect(r.validPassword).toBe(true);
    expect(r.statusFlags.chargePrivilegesDenied).toBe(true);
    expect(r.statusFlags.excessiveOutstandingFines).toBe(true);
    expect(r.statusFlags.cardReportedLost).toBe(false);
    expect(r.blocked).toBe(true);
    expect(r.feeAmount).toBe('52.40');
    expect(r.feeLimit).toBe('10.00');
  });

  it('expired patron (Koha style): privileges denied, PATRON EXPIRED, PA in the past', async () => {
    const c = await connect(s.port, { encoding });
    const p = s.patrons.table.byRole('expired');
    const r = await c.patronInformation(p.cardnumber, p.pin);
    expect(r.validPatron).toBe(true);
    expect(r.validPassword).toBe(true);
    expect(r.statusFlags.chargePrivilegesDenied).toBe(true);
    expect(r.statusFlags.renewalPrivilegesDenied).toBe(true);
    expect(r.statusFlags.recallPrivilegesDenied).toBe(true);
    expect(r.statusFlags.holdPrivilegesDenied).toBe(true);
    expect(r.screenMessages).toContain('PATRON EXPIRED');
    expect(r.expiry! < new Date().toISOString().slice(0, 10).replaceAll('-', '')).toBe(true);
  });

  it('no PIN sent: CQ is absent (undefined), not false', async () => {
    const c = await connect(s.port, { encoding });
    const r = await c.patronInformation(s.patrons.table.byRole('valid').cardnumber);
    expect(r.validPatron).toBe(true);
    expect(r.validPassword).toBeUndefined();
  });

  it('patron status (23/24) gives the same answers', async () => {
    const c = await connect(s.port, { encoding });
    const p = s.patrons.table.byRole('valid');
    expect((await c.patronStatus(p.cardnumber, p.pin)).validPassword).toBe(true);
    expect((await c.patronStatus(p.cardnumber, '00000000')).validPassword).toBe(false);
    expect((await c.patronStatus(s.patrons.unknownCard.card, '1')).validPatron).toBe(false);
    const blocked = s.patrons.table.byRole('blocked');
    expect((await c.patronStatus(blocked.cardnumber, blocked.pin)).blocked).toBe(true);
  });

  it('SC status (99/98) and end session (35/36)', async () => {
    const c = await connect(s.port, { encoding });
    const status = await c.scStatus();
    expect(status.onlineStatus).toBe(true);
    expect(status.institutionId).toBe(INSTITUTION);
    expect(status.supportedMessages.patronInformation).toBe(true);
    expect(status.supportedMessages.checkout).toBe(false);
    expect(await c.endSession(s.patrons.table.byRole('valid').cardnumber)).toBe(true);
  });

  it('keeps sequence numbers going over many requests, with CRLF terminators too', async () => {
    const c = await connect(s.port, { encoding, terminator: '\r\n' });
    const p = s.patrons.table.byRole('valid');
    for (let i = 0; i < 12; i++) expect((await c.patronStatus(p.cardnumber, p.pin)).validPassword).toBe(true);
  });

  it('serialises concurrent requests on one connection', async () => {
    const c = await connect(s.port, { encoding });
    const roles = ['valid', 'nordic', 'blocked', 'expired'] as const;
    const results = await Promise.all(roles.map((role) => c.patronInformation(s.patrons.table.byRole(role).cardnumber)));
    expect(results.map((r) => r.name)).toEqual(roles.map((role) => {
      const p = s.patrons.table.byRole(role);
      return `${p.surname}, ${p.firstname}`;
    }));
  });
});

describe('Sip2Client behaviour', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer('cp850');
  });
  afterAll(async () => {
    await s.server.close();
  });

  it('throws login-rejected for a wrong SC password', async () => {
    const error = await Sip2Client.connect({ host: '127.0.0.1', port: s.port, login: { userId: ACCOUNT.userId, password: 'wrong' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Sip2ClientError);
    expect((error as Sip2ClientError).code).toBe('login-rejected');
  });

  it('the server drops a connection that asks about patrons before logging in', async () => {
    const c = await connect(s.port, { login: undefined });
    const error = await c.patronInformation(s.patrons.table.byRole('valid').cardnumber, '1').catch((e: unknown) => e);
    expect((error as Sip2ClientError).code).toBe('connection-closed');
  });

  it('never passes PINs or passwords to the trace', async () => {
    const events: Sip2TraceEvent[] = [];
    const c = await connect(s.port, { onTrace: (e) => events.push(e) });
    const p = s.patrons.table.byRole('valid');
    await c.patronInformation(p.cardnumber, p.pin);
    const all = events.map((e) => e.text).join('\n');
    expect(events.map((e) => `${e.direction}:${e.code}`)).toEqual(['send:93', 'receive:94', 'send:63', 'receive:64']);
    expect(all).not.toContain(p.pin);
    expect(all).not.toContain(ACCOUNT.password);
    expect(all).not.toContain(p.cardnumber);
    expect(all).toContain(p.cardnumber.slice(-4));
  });

  it('refuses a PIN that would inject SIP2 fields, before sending anything', async () => {
    const c = await connect(s.port);
    const error = await c.patronInformation('123', '1|AD2').catch((e: unknown) => e);
    expect((error as Sip2ClientError).code).toBe('encode-error');
    expect((error as Error).message).not.toContain('1|AD2');
  });

  it('refuses plaintext to a non-loopback host unless allowed', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('10.0.0.5')).toBe(false);
    expect(isLoopbackHost('sip.library.example')).toBe(false);
    const make = (opts: object) => () => new Sip2Client({ host: 'sip.library.example', port: 6001, ...opts });
    expect(make({})).toThrow(Sip2ClientError);
    try {
      make({})();
    } catch (e) {
      expect((e as Sip2ClientError).code).toBe('plaintext-refused');
    }
    expect(make({ allowPlaintext: true })).not.toThrow();
    expect(make({ tls: true })).not.toThrow();
  });

  it('connect-failed when nothing listens', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const error = await Sip2Client.connect({ host: '127.0.0.1', port }).catch((e: unknown) => e);
    expect((error as Sip2ClientError).code).toBe('connect-failed');
  });

  it('library offline: connections are dropped', async () => {
    s.server.setOnline(false);
    try {
      const error = await Sip2Client.connect({ host: '127.0.0.1', port: s.port, login: ACCOUNT, requestTimeoutMs: 1000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Sip2ClientError);
      expect(['connection-closed', 'connect-failed']).toContain((error as Sip2ClientError).code);
    } finally {
      s.server.setOnline(true);
    }
    const c = await connect(s.port);
    expect((await c.scStatus()).onlineStatus).toBe(true);
  });
});

/** A scripted ACS for protocol edge cases: `answer` gets each decoded request's raw text. */
async function scriptedServer(answer: (text: string, n: number, write: (s: string | Buffer) => void) => void) {
  const sockets = new Set<net.Socket>();
  const received: string[] = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const framer = new Sip2Framer();
    socket.on('data', (chunk) => {
      for (const frame of framer.push(chunk)) {
        const text = frame.bytes.toString('latin1');
        received.push(text);
        answer(text, received.length, (s) => socket.write(s));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

function reply94(seq: string): Buffer {
  return encodeMessage({ type: 'loginResponse', ok: true }, { sequence: Number(seq), terminator: '\r' });
}

describe('Sip2Client resends and timeouts', () => {
  it('resends the same request after a 96', async () => {
    const srv = await scriptedServer((text, n, write) => {
      if (n === 1) write('96AZFEF6\r');
      else write(reply94(/AY(\d)AZ/.exec(text)?.[1] ?? '0'));
    });
    try {
      const c = await Sip2Client.connect({ host: '127.0.0.1', port: srv.port });
      clients.push(c);
      expect(await c.login(ACCOUNT)).toBe(true);
      expect(srv.received).toHaveLength(2);
      expect(srv.received[1]).toBe(srv.received[0]);
      expect(decodeMessage(Buffer.from(srv.received[0]!, 'latin1')).ok).toBe(true);
    } finally {
      await srv.close();
    }
  });

  it('asks for a resend (97) when the reply checksum is wrong', async () => {
    const srv = await scriptedServer((text, n, write) => {
      if (text.startsWith('97')) write(reply94('0'));
      else if (n === 1) write('941AY0AZFFFF\r');
    });
    try {
      const c = await Sip2Client.connect({ host: '127.0.0.1', port: srv.port });
      clients.push(c);
      expect(await c.login(ACCOUNT)).toBe(true);
      expect(srv.received[1]).toBe('97AZFEF5');
    } finally {
      await srv.close();
    }
  });

  it('gives up after maxResends', async () => {
    const srv = await scriptedServer((_t, _n, write) => write('96AZFEF6\r'));
    try {
      const c = await Sip2Client.connect({ host: '127.0.0.1', port: srv.port, maxResends: 2 });
      clients.push(c);
      const error = await c.login(ACCOUNT).catch((e: unknown) => e);
      expect((error as Sip2ClientError).code).toBe('resend-limit');
      expect(srv.received).toHaveLength(3);
    } finally {
      await srv.close();
    }
  });

  it('times out a request the ACS never answers, and drops the connection', async () => {
    const srv = await scriptedServer(() => undefined);
    try {
      const c = await Sip2Client.connect({ host: '127.0.0.1', port: srv.port, requestTimeoutMs: 150 });
      clients.push(c);
      const started = Date.now();
      const error = await c.scStatus().catch((e: unknown) => e);
      expect((error as Sip2ClientError).code).toBe('request-timeout');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(c.connected).toBe(false);
    } finally {
      await srv.close();
    }
  });

  it('times out a TLS handshake that never completes', async () => {
    const srv = await scriptedServer(() => undefined); // plain TCP: never answers the ClientHello
    try {
      const error = await Sip2Client.connect({ host: '127.0.0.1', port: srv.port, tls: { rejectUnauthorized: true }, connectTimeoutMs: 200 }).catch(
        (e: unknown) => e,
      );
      expect((error as Sip2ClientError).code).toBe('connect-timeout');
    } finally {
      await srv.close();
    }
  });

  it('rejects a reply of the wrong type and a mismatched sequence number', async () => {
    const wrongType = await scriptedServer((_t, _n, write) => write(encodeMessage({ type: 'loginResponse', ok: true }, { sequence: 0, terminator: '\r' })));
    try {
      const c = await Sip2Client.connect({ host: '127.0.0.1', port: wrongType.port });
      clients.push(c);
      expect(((await c.scStatus().catch((e: unknown) => e)) as Sip2ClientError).code).toBe('unexpected-response');
    } finally {
      await wrongType.close();
    }
    const wrongSeq = await scriptedServer((_t, _n, write) => write(reply94('5')));
    try {
      const c = await Sip2Client.connect({ host: '127.0.0.1', port: wrongSeq.port });
      clients.push(c);
      expect(((await c.login(ACCOUNT).catch((e: unknown) => e)) as Sip2ClientError).code).toBe('sequence-mismatch');
    } finally {
      await wrongSeq.close();
    }
  });

  it('accepts replies from an ACS without error detection', async () => {
    const srv = await scriptedServer((_t, _n, write) => write('941\r'));
    try {
      const c = await Sip2Client.connect({ host: '127.0.0.1', port: srv.port, errorDetection: false });
      clients.push(c);
      expect(await c.login(ACCOUNT)).toBe(true);
      expect(srv.received[0]).toBe(`9300CN${ACCOUNT.userId}|CO${ACCOUNT.password}|`);
    } finally {
      await srv.close();
    }
  });
});
