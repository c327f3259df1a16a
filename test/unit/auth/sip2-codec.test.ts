import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  type PatronInformationResponse,
  type Sip2Message,
  PATRON_STATUS_FLAGS,
  Sip2EncodeError,
  Sip2ParseError,
  computeChecksum,
  decodeMessage,
  encodeMessage,
  isBlocked,
  messageText,
  parseSipDate,
  redactSip2,
  sipDate,
  statusFlags,
  supportedMessages,
  verifyChecksum,
} from '../../../src/auth/sip2/codec.ts';

const ascii = (s: string) => Buffer.from(s, 'latin1');
const DATE = '20261125    101500';

function patronInfo(overrides: Partial<PatronInformationResponse> = {}): PatronInformationResponse {
  return {
    type: 'patronInformationResponse',
    patronStatus: statusFlags(),
    language: '007',
    transactionDate: DATE,
    holdItemsCount: 0,
    overdueItemsCount: 0,
    chargedItemsCount: 0,
    fineItemsCount: 0,
    recallItemsCount: 0,
    unavailableHoldsCount: 0,
    institutionId: 'DEMO',
    patronIdentifier: '1234567890',
    personalName: 'Mäkelä, Matti',
    validPatron: true,
    validPatronPassword: true,
    holdItems: [],
    overdueItems: [],
    chargedItems: [],
    fineItems: [],
    recallItems: [],
    unavailableHoldItems: [],
    screenMessages: [],
    printLines: [],
    ...overrides,
  };
}

describe('SIP2 checksum', () => {
  it.each([
    ['941AY0AZ', 'FDFD'], // SIPServer t/0001_checksum.t
    ['940AY0AZ', 'FDFE'],
    ['97AZ', 'FEF5'],
    ['96AZ', 'FEF6'],
    ['9900802.00AY1AZ', 'FCA0'],
    ['9300CNkiosk-ground-floor|COsecret|CPMAIN|AY0AZ', 'EFCE'],
  ])('%s → %s', (text, sum) => {
    expect(computeChecksum(ascii(text))).toBe(sum);
  });

  it('encodes a 94 login response with the reference checksum', () => {
    expect(encodeMessage({ type: 'loginResponse', ok: true }, { sequence: 0 }).toString('latin1')).toBe('941AY0AZFDFD');
    expect(encodeMessage({ type: 'loginResponse', ok: false }, { sequence: 0, terminator: '\r' }).toString('latin1')).toBe('940AY0AZFDFE\r');
  });

  it('gives 96 and 97 a checksum but no sequence number', () => {
    expect(encodeMessage({ type: 'requestScResend' }, { errorDetection: true }).toString('latin1')).toBe('96AZFEF6');
    expect(encodeMessage({ type: 'requestAcsResend' }, { sequence: 4 }).toString('latin1')).toBe('97AZFEF5');
    expect(encodeMessage({ type: 'requestAcsResend' }).toString('latin1')).toBe('97');
  });

  it('verifies checksums, case-insensitively, and reports their absence', () => {
    expect(verifyChecksum(ascii('941AY0AZFDFD'))).toBe('valid');
    expect(verifyChecksum(ascii('941AY0AZfdfd'))).toBe('valid');
    expect(verifyChecksum(ascii('941AY0AZFDFE'))).toBe('invalid');
    expect(verifyChecksum(ascii('941'))).toBe('absent');
    expect(verifyChecksum(ascii('941AY0AZ12'))).toBe('absent');
  });

  it('computes the checksum over the encoded bytes: Mäkelä differs in cp850 and UTF-8', () => {
    const message = patronInfo();
    const cp850 = encodeMessage(message, { sequence: 2, encoding: 'cp850' });
    const utf8 = encodeMessage(message, { sequence: 2, encoding: 'utf-8' });
    const sum = (b: Buffer) => b.subarray(-4).toString('latin1');
    expect(sum(cp850)).not.toBe(sum(utf8));
    // Independent computation over iconv's bytes.
    const text = `${messageText(message)}AY2AZ`;
    expect(sum(cp850)).toBe(computeChecksum(iconv.encode(text, 'cp850')));
    expect(sum(utf8)).toBe(computeChecksum(Buffer.from(text, 'utf8')));
    // ä is one byte (0x84) in cp850 and two in UTF-8.
    expect(utf8.length - cp850.length).toBe(2);
    expect(cp850.includes(Buffer.from([0x4d, 0x84, 0x6b]))).toBe(true);
  });

  it('decoding with the wrong encoding garbles the name but keeps the checksum valid', () => {
    const utf8 = encodeMessage(patronInfo(), { sequence: 2, encoding: 'utf-8' });
    const asCp850 = decodeMessage(utf8, { encoding: 'cp850' });
    expect(asCp850.ok).toBe(true);
    if (asCp850.ok) {
      expect((asCp850.value.message as PatronInformationResponse).personalName).toBe('M├ñkel├ñ, Matti');
    }
  });
});

describe('SIP2 round trips', () => {
  const messages: Sip2Message[] = [
    { type: 'login', uidAlgorithm: '0', pwdAlgorithm: '0', loginUserId: 'sc', loginPassword: 'pw', locationCode: 'PASILA' },
    { type: 'loginResponse', ok: true },
    { type: 'scStatus', statusCode: '0', maxPrintWidth: 80, protocolVersion: '2.00' },
    {
      type: 'acsStatus',
      onlineStatus: true,
      checkinOk: false,
      checkoutOk: false,
      acsRenewalPolicy: false,
      statusUpdateOk: false,
      offlineOk: false,
      timeoutPeriod: 30,
      retriesAllowed: 3,
      dateTimeSync: DATE,
      protocolVersion: '2.00',
      institutionId: 'DEMO',
      libraryName: 'Demokirjasto',
      supportedMessages: supportedMessages({ login: true, patronInformation: true, scAcsStatus: true }),
      terminalLocation: 'Pasila',
      screenMessages: ['Tervetuloa', 'Välkommen'],
      printLines: [],
    },
    {
      type: 'patronInformation',
      language: '007',
      transactionDate: DATE,
      summary: '          ',
      institutionId: 'DEMO',
      patronIdentifier: '1234567890',
      terminalPassword: 'term',
      patronPassword: '12345678',
      startItem: 1,
      endItem: 5,
    },
    patronInfo({
      patronStatus: statusFlags({ chargePrivilegesDenied: true, excessiveOutstandingFines: true }),
      holdItemsLimit: 20,
      chargedItemsLimit: 50,
      currencyType: 'EUR',
      feeAmount: '52.40',
      feeLimit: '10.00',
      holdItems: ['H1', 'H2'],
      chargedItems: ['C1'],
      emailAddress: 'matti@example.invalid',
      expirationDate: '20251231',
      screenMessages: ['PATRON EXPIRED', 'Toinen viesti'],
      printLines: ['tulostus'],
      extraFields: [{ code: 'XI', value: '1001' }],
    }),
    { type: 'patronStatus', language: '000', transactionDate: DATE, institutionId: 'DEMO', patronIdentifier: '42', patronPassword: '9999' },
    {
      type: 'patronStatusResponse',
      patronStatus: statusFlags({ cardReportedLost: true }),
      language: '000',
      transactionDate: DATE,
      institutionId: 'DEMO',
      patronIdentifier: '42',
      personalName: 'Äijälä, Åsa Öhman',
      validPatron: true,
      validPatronPassword: false,
      screenMessages: [],
      printLines: [],
    },
    { type: 'endPatronSession', transactionDate: DATE, institutionId: 'DEMO', patronIdentifier: '42', patronPassword: '9999' },
    { type: 'endSessionResponse', endSession: true, transactionDate: DATE, institutionId: 'DEMO', patronIdentifier: '42', screenMessages: [], printLines: [] },
    { type: 'requestScResend' },
    { type: 'requestAcsResend' },
  ];

  for (const encoding of ['cp850', 'utf-8'] as const) {
    for (const message of messages) {
      it(`${message.type} survives encode → decode in ${encoding}, with and without error detection`, () => {
        const withEd = decodeMessage(encodeMessage(message, { encoding, sequence: 7 }), { encoding });
        expect(withEd.ok).toBe(true);
        if (!withEd.ok) return;
        expect(withEd.value.message).toEqual(message);
        expect(withEd.value.checksum).toBe('valid');
        const resend = message.type === 'requestScResend' || message.type === 'requestAcsResend';
        expect(withEd.value.sequence).toBe(resend ? undefined : 7);
        const plain = decodeMessage(encodeMessage(message, { encoding }), { encoding });
        expect(plain.ok && plain.value.message).toEqual(message);
        expect(plain.ok && plain.value.checksum).toBe('absent');
      });
    }
  }

  it('decodes a hand-written 64 from another ACS (repeated AF, unknown fields, blank counts)', () => {
    const text = '64YYYY          00720261125    101500    00000000000000000000AODEMO|AA42|AEVirtanen, Maija|BLY|CQN|AFFirst|ZZextra|AFSecond|PA20270101|';
    const r = decodeMessage(ascii(text));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.value.message as PatronInformationResponse;
    expect(m.type).toBe('patronInformationResponse');
    expect(m.patronStatus.chargePrivilegesDenied).toBe(true);
    expect(m.patronStatus.holdPrivilegesDenied).toBe(true);
    expect(m.patronStatus.cardReportedLost).toBe(false);
    expect(m.holdItemsCount).toBeNull();
    expect(m.validPatron).toBe(true);
    expect(m.validPatronPassword).toBe(false);
    expect(m.screenMessages).toEqual(['First', 'Second']);
    expect(m.expirationDate).toBe('20270101');
    expect(m.extraFields).toEqual([{ code: 'ZZ', value: 'extra' }]);
  });

  it('leaves CQ undefined when the ACS does not send it', () => {
    const r = decodeMessage(encodeMessage(patronInfo({ validPatronPassword: undefined }), { sequence: 1 }));
    expect(r.ok && (r.value.message as PatronInformationResponse).validPatronPassword).toBeUndefined();
  });
});

describe('SIP2 parse errors are typed', () => {
  const fail = (bytes: Buffer) => {
    const r = decodeMessage(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('expected an error');
    expect(r.error).toBeInstanceOf(Sip2ParseError);
    return r.error;
  };

  it('empty frame', () => expect(fail(Buffer.alloc(0)).code).toBe('empty'));
  it('unknown message code', () => {
    const e = fail(ascii('11YN20261125    101500'));
    expect(e.code).toBe('unknown-message');
    expect(e.messageCode).toBe('11');
  });
  it('not a message code', () => expect(fail(ascii('XXhello')).code).toBe('unknown-message'));
  it('truncated fixed part', () => expect(fail(ascii('64YYYY')).code).toBe('truncated-fixed-part'));
  it('bad Y/N in a fixed field', () => {
    const e = fail(ascii('36X20261125    101500AODEMO|AA1|'));
    expect(e.code).toBe('invalid-fixed-field');
    expect(e.field).toBe('endSession');
  });
  it('bad date', () => expect(fail(ascii('35202611XX    101500AODEMO|AA1|')).code).toBe('invalid-fixed-field'));
  it('missing required field', () => {
    const e = fail(ascii('3520261125    101500AODEMO|'));
    expect(e.code).toBe('missing-required-field');
    expect(e.field).toBe('AA');
  });
  it('bad BL value', () => {
    const e = fail(ascii(`${messageText(patronInfo()).replace('BLY', 'BLX')}`));
    expect(e.code).toBe('invalid-field-value');
    expect(e.field).toBe('BL');
  });
  it('bad checksum (and the error text is redacted)', () => {
    const good = encodeMessage(
      { type: 'patronStatus', language: '000', transactionDate: DATE, institutionId: 'D', patronIdentifier: '1234567890', patronPassword: '87654321' },
      { sequence: 3 },
    );
    const bad = Buffer.from(good);
    bad[bad.length - 1] = bad[bad.length - 1] === 0x30 ? 0x31 : 0x30;
    const e = fail(bad);
    expect(e.code).toBe('bad-checksum');
    expect(e.messageCode).toBe('23');
    expect(e.text).not.toContain('87654321');
    expect(e.text).not.toContain('1234567890');
    expect(e.message).not.toContain('87654321');
    // Verification can be turned off.
    const lenient = decodeMessage(bad, { verifyChecksum: false });
    expect(lenient.ok && lenient.value.checksum).toBe('invalid');
  });
});

describe('SIP2 encoding guards', () => {
  it('refuses field values that would inject fields or end the message', () => {
    for (const pin of ['12|AD99', '12\r', '12\n']) {
      expect(() =>
        encodeMessage({ type: 'patronStatus', language: '000', transactionDate: DATE, institutionId: 'D', patronIdentifier: '1', patronPassword: pin }),
      ).toThrow(Sip2EncodeError);
    }
    try {
      encodeMessage({ type: 'login', uidAlgorithm: '0', pwdAlgorithm: '0', loginUserId: 'u', loginPassword: 'sec|ret' });
    } catch (e) {
      expect(e).toBeInstanceOf(Sip2EncodeError);
      expect((e as Sip2EncodeError).field).toBe('CO');
      expect((e as Error).message).not.toContain('sec|ret');
    }
  });

  it('refuses wrong fixed-field lengths and sequence numbers', () => {
    expect(() => encodeMessage({ type: 'endPatronSession', transactionDate: '2026', institutionId: 'D', patronIdentifier: '1' })).toThrow(Sip2EncodeError);
    expect(() => encodeMessage({ type: 'loginResponse', ok: true }, { sequence: 10 })).toThrow(Sip2EncodeError);
  });
});

describe('SIP2 helpers', () => {
  it('formats and parses SIP2 dates', () => {
    const d = new Date(2026, 10, 25, 9, 5, 7);
    expect(sipDate(d)).toBe('20261125    090507');
    expect(parseSipDate('20261125    090507')?.getTime()).toBe(d.getTime());
    expect(sipDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), 'utc')).toBe('20260102   Z030405');
    expect(parseSipDate('20260102   Z030405')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseSipDate('nonsense')).toBeUndefined();
  });

  it('names all 14 status flags and knows which block borrowing', () => {
    expect(PATRON_STATUS_FLAGS).toHaveLength(14);
    expect(isBlocked(statusFlags())).toBe(false);
    expect(isBlocked(statusFlags({ holdPrivilegesDenied: true, renewalPrivilegesDenied: true }))).toBe(false);
    expect(isBlocked(statusFlags({ excessiveOutstandingFines: true }))).toBe(true);
    expect(isBlocked(statusFlags({ cardReportedLost: true }))).toBe(true);
  });

  it('redacts PINs and passwords and masks card numbers', () => {
    const text = '9300CNsc-user|COsupersecret|CPX|';
    expect(redactSip2(text)).toBe('9300CNsc-user|CO***|CPX|');
    const patron = messageText({
      type: 'patronInformation',
      language: '000',
      transactionDate: DATE,
      summary: '          ',
      institutionId: 'D',
      patronIdentifier: '1234567890',
      terminalPassword: 'tp',
      patronPassword: '87654321',
    });
    const red = redactSip2(patron);
    expect(red).toContain('AA******7890|');
    expect(red).toContain('AC***|');
    expect(red).toContain('AD***|');
    expect(red).not.toContain('87654321');
  });
});
