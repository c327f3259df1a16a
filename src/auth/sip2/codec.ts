/**
 * SIP2 (3M Standard Interchange Protocol v2.00) codec: pure functions, no I/O.
 *
 * Covers the messages the harness needs for patron authentication:
 *   93/94 login, 99/98 SC/ACS status, 63/64 patron information, 23/24 patron status,
 *   35/36 end patron session, 96 request SC resend, 97 request ACS resend.
 *
 * A message is a two-digit code, a fixed-length part, then variable fields: a two-letter code,
 * the value, and `|`. With error detection on, the message ends with `AY<seq 0–9>AZ<checksum>`
 * (96/97 carry only `AZ<checksum>`). The checksum is the 16-bit two's complement of the sum of the
 * encoded bytes up to and including `AZ`, as 4 upper-case hex digits. It is computed over the
 * bytes on the wire, so it depends on the encoding (cp850 or UTF-8) for non-ASCII text.
 *
 * Decoding never throws: it returns `{ ok: false, error: Sip2ParseError }` with a typed code.
 * Encoding throws `Sip2EncodeError` for values that would corrupt the framing (a `|`, CR or LF in
 * a field could smuggle fields into the message, e.g. a PIN of `1|AD…`).
 */
import iconv from 'iconv-lite';

// ───────────────────────────── vocabulary ─────────────────────────────

export const SIP2_ENCODINGS = ['cp850', 'utf-8'] as const;
export type Sip2Encoding = (typeof SIP2_ENCODINGS)[number];

export const SIP2_TERMINATORS = ['\r', '\r\n'] as const;
export type Sip2Terminator = (typeof SIP2_TERMINATORS)[number];

/** The 14 patron status flags (positions 0–13 of the patron status field). */
export const PATRON_STATUS_FLAGS = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
] as const;
export type PatronStatusFlag = (typeof PATRON_STATUS_FLAGS)[number];
export type PatronStatusFlags = Record<PatronStatusFlag, boolean>;

/**
 * Flags that deny borrowing (the set the Palace Project's SIP client treats as blocking).
 * Renewal, recall and hold denial alone do not block access to e-resources.
 */
export const BLOCKING_STATUS_FLAGS: readonly PatronStatusFlag[] = [
  'chargePrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
];

export function statusFlags(set: Partial<PatronStatusFlags> = {}): PatronStatusFlags {
  const flags = {} as PatronStatusFlags;
  for (const name of PATRON_STATUS_FLAGS) flags[name] = set[name] ?? false;
  return flags;
}

export function isBlocked(flags: PatronStatusFlags): boolean {
  return BLOCKING_STATUS_FLAGS.some((f) => flags[f]);
}

/** Message codes by message type. */
export const MESSAGE_CODES = {
  login: '93',
  loginResponse: '94',
  scStatus: '99',
  acsStatus: '98',
  patronInformation: '63',
  patronInformationResponse: '64',
  patronStatus: '23',
  patronStatusResponse: '24',
  endPatronSession: '35',
  endSessionResponse: '36',
  requestScResend: '96',
  requestAcsResend: '97',
} as const;
export type Sip2MessageType = keyof typeof MESSAGE_CODES;
export type Sip2MessageCode = (typeof MESSAGE_CODES)[Sip2MessageType];

const TYPE_BY_CODE = new Map<string, Sip2MessageType>(
  (Object.entries(MESSAGE_CODES) as [Sip2MessageType, string][]).map(([type, code]) => [code, type]),
);

/** Length of each message's fixed part (after the two-digit code). */
export const FIXED_LENGTHS: Record<Sip2MessageType, number> = {
  login: 2, // UID algorithm, PWD algorithm
  loginResponse: 1, // ok
  scStatus: 8, // status code 1, max print width 3, protocol version 4
  acsStatus: 34, // 6 × Y/N, timeout 3, retries 3, date/time 18, protocol version 4
  patronInformation: 31, // language 3, date 18, summary 10
  patronInformationResponse: 59, // status 14, language 3, date 18, 6 counts × 4
  patronStatus: 21, // language 3, date 18
  patronStatusResponse: 35, // status 14, language 3, date 18
  endPatronSession: 18, // date 18
  endSessionResponse: 19, // end session 1, date 18
  requestScResend: 0,
  requestAcsResend: 0,
};

/** The "supported messages" (BX) positions of the 98 ACS status message, in protocol order. */
export const SUPPORTED_MESSAGES = [
  'patronStatusRequest',
  'checkout',
  'checkin',
  'blockPatron',
  'scAcsStatus',
  'requestScAcsResend',
  'login',
  'patronInformation',
  'endPatronSession',
  'feePaid',
  'itemInformation',
  'itemStatusUpdate',
  'patronEnable',
  'hold',
  'renew',
  'renewAll',
] as const;
export type SupportedMessage = (typeof SUPPORTED_MESSAGES)[number];

// ───────────────────────────── message types ─────────────────────────────

/** A variable field: two-letter code and its value (without the `|`). */
export interface VariableField {
  code: string;
  value: string;
}

interface WithExtras {
  /** Variable fields this codec does not model, kept in order so that round trips are lossless. */
  extraFields?: VariableField[];
}

export interface LoginRequest extends WithExtras {
  type: 'login';
  /** UID algorithm; '0' = not encrypted. */
  uidAlgorithm: string;
  /** PWD algorithm; '0' = not encrypted. */
  pwdAlgorithm: string;
  /** CN */
  loginUserId: string;
  /** CO (secret) */
  loginPassword: string;
  /** CP */
  locationCode?: string;
}

export interface LoginResponse extends WithExtras {
  type: 'loginResponse';
  ok: boolean;
}

export interface ScStatusRequest extends WithExtras {
  type: 'scStatus';
  /** 0 SC ok, 1 printer out of paper, 2 SC about to shut down. */
  statusCode: '0' | '1' | '2';
  maxPrintWidth: number;
  protocolVersion: string;
}

export interface AcsStatusResponse extends WithExtras {
  type: 'acsStatus';
  onlineStatus: boolean;
  checkinOk: boolean;
  checkoutOk: boolean;
  acsRenewalPolicy: boolean;
  statusUpdateOk: boolean;
  offlineOk: boolean;
  /** Tenths of a second; 0 = no timeout; 999 = unknown. */
  timeoutPeriod: number;
  /** 999 = unknown. */
  retriesAllowed: number;
  /** 18 characters, YYYYMMDDZZZZHHMMSS. */
  dateTimeSync: string;
  protocolVersion: string;
  /** AO */
  institutionId: string;
  /** AM */
  libraryName?: string;
  /** BX: which messages the ACS supports. */
  supportedMessages: Record<SupportedMessage, boolean>;
  /** AN */
  terminalLocation?: string;
  /** AF (repeatable) */
  screenMessages: string[];
  /** AG (repeatable) */
  printLines: string[];
}

export interface PatronInformationRequest extends WithExtras {
  type: 'patronInformation';
  /** 3 digits, e.g. 000 unknown, 001 English, 006 Swedish, 007 Finnish. */
  language: string;
  transactionDate: string;
  /** 10 characters; a Y in one position asks for that item list. */
  summary: string;
  /** AO */
  institutionId: string;
  /** AA */
  patronIdentifier: string;
  /** AC (secret) */
  terminalPassword?: string;
  /** AD (secret) */
  patronPassword?: string;
  /** BP */
  startItem?: number;
  /** BQ */
  endItem?: number;
}

export interface PatronInformationResponse extends WithExtras {
  type: 'patronInformationResponse';
  patronStatus: PatronStatusFlags;
  language: string;
  transactionDate: string;
  holdItemsCount: number | null;
  overdueItemsCount: number | null;
  chargedItemsCount: number | null;
  fineItemsCount: number | null;
  recallItemsCount: number | null;
  unavailableHoldsCount: number | null;
  /** AO */
  institutionId: string;
  /** AA */
  patronIdentifier: string;
  /** AE */
  personalName: string;
  /** BZ */
  holdItemsLimit?: number;
  /** CA */
  overdueItemsLimit?: number;
  /** CB */
  chargedItemsLimit?: number;
  /** BL valid patron */
  validPatron?: boolean;
  /** CQ valid patron password */
  validPatronPassword?: boolean;
  /** BH */
  currencyType?: string;
  /** BV */
  feeAmount?: string;
  /** CC */
  feeLimit?: string;
  /** AS */
  holdItems: string[];
  /** AT */
  overdueItems: string[];
  /** AU */
  chargedItems: string[];
  /** AV */
  fineItems: string[];
  /** BU */
  recallItems: string[];
  /** CD */
  unavailableHoldItems: string[];
  /** BD */
  homeAddress?: string;
  /** BE */
  emailAddress?: string;
  /** BF */
  homePhoneNumber?: string;
  /** PA (SIPServer/Koha extension): card expiry date, YYYYMMDD. */
  expirationDate?: string;
  /** AF (repeatable) */
  screenMessages: string[];
  /** AG (repeatable) */
  printLines: string[];
}

export interface PatronStatusRequest extends WithExtras {
  type: 'patronStatus';
  language: string;
  transactionDate: string;
  /** AO */
  institutionId: string;
  /** AA */
  patronIdentifier: string;
  /** AC (secret; the field is always sent, empty when undefined) */
  terminalPassword?: string;
  /** AD (secret; the field is always sent, empty when undefined) */
  patronPassword?: string;
}

export interface PatronStatusResponse extends WithExtras {
  type: 'patronStatusResponse';
  patronStatus: PatronStatusFlags;
  language: string;
  transactionDate: string;
  /** AO */
  institutionId: string;
  /** AA */
  patronIdentifier: string;
  /** AE */
  personalName: string;
  /** BL */
  validPatron?: boolean;
  /** CQ */
  validPatronPassword?: boolean;
  /** BH */
  currencyType?: string;
  /** BV */
  feeAmount?: string;
  /** PA (extension) */
  expirationDate?: string;
  /** AF (repeatable) */
  screenMessages: string[];
  /** AG (repeatable) */
  printLines: string[];
}

export interface EndPatronSessionRequest extends WithExtras {
  type: 'endPatronSession';
  transactionDate: string;
  /** AO */
  institutionId: string;
  /** AA */
  patronIdentifier: string;
  /** AC (secret) */
  terminalPassword?: string;
  /** AD (secret) */
  patronPassword?: string;
}

export interface EndSessionResponse extends WithExtras {
  type: 'endSessionResponse';
  endSession: boolean;
  transactionDate: string;
  /** AO */
  institutionId: string;
  /** AA */
  patronIdentifier: string;
  /** AF (repeatable) */
  screenMessages: string[];
  /** AG (repeatable) */
  printLines: string[];
}

/** 96: the ACS asks the SC to resend its last message (bad checksum or unparseable). */
export interface RequestScResend {
  type: 'requestScResend';
}

/** 97: the SC asks the ACS to resend its last message. */
export interface RequestAcsResend {
  type: 'requestAcsResend';
}

export type Sip2Message =
  | LoginRequest
  | LoginResponse
  | ScStatusRequest
  | AcsStatusResponse
  | PatronInformationRequest
  | PatronInformationResponse
  | PatronStatusRequest
  | PatronStatusResponse
  | EndPatronSessionRequest
  | EndSessionResponse
  | RequestScResend
  | RequestAcsResend;

export type Sip2MessageOf<T extends Sip2MessageType> = Extract<Sip2Message, { type: T }>;

// ───────────────────────────── errors ─────────────────────────────

export const SIP2_PARSE_ERROR_CODES = [
  'empty',
  'unknown-message',
  'truncated-fixed-part',
  'invalid-fixed-field',
  'missing-required-field',
  'invalid-field-value',
  'bad-checksum',
  'frame-too-long',
] as const;
export type Sip2ParseErrorCode = (typeof SIP2_PARSE_ERROR_CODES)[number];

/** A message that could not be decoded. `code` says why; `text` is the redacted message text. */
export class Sip2ParseError extends Error {
  readonly code: Sip2ParseErrorCode;
  /** The two-digit message code, when it could be read. */
  readonly messageCode: string | undefined;
  /** The fixed or variable field at fault, when there is one. */
  readonly field: string | undefined;
  /** The message text with secrets redacted (see `redactSip2`), when it could be decoded. */
  readonly text: string | undefined;

  constructor(
    code: Sip2ParseErrorCode,
    detail: string,
    context: { messageCode?: string | undefined; field?: string | undefined; text?: string | undefined } = {},
  ) {
    super(`SIP2 ${code}: ${detail}`);
    this.name = 'Sip2ParseError';
    this.code = code;
    this.messageCode = context.messageCode;
    this.field = context.field;
    this.text = context.text;
  }
}

export const SIP2_ENCODE_ERROR_CODES = ['invalid-field-value', 'invalid-fixed-field'] as const;
export type Sip2EncodeErrorCode = (typeof SIP2_ENCODE_ERROR_CODES)[number];

/** A message that cannot be encoded without corrupting the protocol. Never includes the value. */
export class Sip2EncodeError extends Error {
  readonly code: Sip2EncodeErrorCode;
  readonly field: string;

  constructor(code: Sip2EncodeErrorCode, field: string, detail: string) {
    super(`SIP2 ${code} in ${field}: ${detail}`);
    this.name = 'Sip2EncodeError';
    this.code = code;
    this.field = field;
  }
}

// ───────────────────────────── checksum ─────────────────────────────

/** 16-bit two's complement of the byte sum, as 4 upper-case hex digits. */
export function computeChecksum(bytes: Uint8Array): string {
  let sum = 0;
  for (const b of bytes) sum = (sum + b) & 0xffff;
  return (-sum & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

const AZ = [0x41, 0x5a]; // "AZ"
const HEX = /^[0-9A-Fa-f]{4}$/;

export type ChecksumStatus = 'valid' | 'invalid' | 'absent';

/**
 * Whether a frame (bytes without terminator) ends in a correct `AZxxxx` checksum.
 * The checksum covers every byte up to and including "AZ".
 */
export function verifyChecksum(frame: Uint8Array): ChecksumStatus {
  const trailer = checksumTrailer(frame);
  if (trailer === undefined) return 'absent';
  const expected = computeChecksum(frame.subarray(0, frame.length - 4));
  return expected === trailer.toUpperCase() ? 'valid' : 'invalid';
}

function checksumTrailer(frame: Uint8Array): string | undefined {
  if (frame.length < 6) return undefined;
  const at = frame.length - 6;
  if (frame[at] !== AZ[0] || frame[at + 1] !== AZ[1]) return undefined;
  const hex = String.fromCharCode(...frame.subarray(at + 2));
  return HEX.test(hex) ? hex : undefined;
}

// ───────────────────────────── dates ─────────────────────────────

/**
 * SIP2 date: YYYYMMDDZZZZHHMMSS (18 characters). ZZZZ is the time zone: four spaces for local
 * time, or `   Z` for UTC.
 */
export function sipDate(date: Date = new Date(), zone: 'local' | 'utc' = 'local'): string {
  const utc = zone === 'utc';
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const mo = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const d = utc ? date.getUTCDate() : date.getDate();
  const h = utc ? date.getUTCHours() : date.getHours();
  const mi = utc ? date.getUTCMinutes() : date.getMinutes();
  const s = utc ? date.getUTCSeconds() : date.getSeconds();
  return `${p(y, 4)}${p(mo)}${p(d)}${utc ? '   Z' : '    '}${p(h)}${p(mi)}${p(s)}`;
}

/** Parse a SIP2 18-character date; undefined when it is not one. Local time unless zone is `   Z`. */
export function parseSipDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(.{4})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i]);
  const utc = (m[4] ?? '').trim() === 'Z';
  const date = utc
    ? new Date(Date.UTC(n(1), n(2) - 1, n(3), n(5), n(6), n(7)))
    : new Date(n(1), n(2) - 1, n(3), n(5), n(6), n(7));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

// ───────────────────────────── encoding ─────────────────────────────

export interface EncodeOptions {
  /** Byte encoding on the wire; default cp850. */
  encoding?: Sip2Encoding;
  /**
   * Sequence number 0–9 for `AY`; when set (or when `errorDetection` is true) the message gets
   * `AY<n>AZ<checksum>`. 96/97 get only `AZ<checksum>`.
   */
  sequence?: number;
  /** Append a checksum even without a sequence number (used for 96/97). Default: sequence !== undefined. */
  errorDetection?: boolean;
  /** Terminator to append; default none (the caller frames). */
  terminator?: Sip2Terminator | '';
}

/** The message text without error detection and terminator (for logs: pass it to redactSip2). */
export function messageText(message: Sip2Message): string {
  const code = MESSAGE_CODES[message.type];
  const fixed = encodeFixed(message);
  const fields = encodeFields(message);
  return code + fixed + fields.map((f) => `${f.code}${checkValue(f.code, f.value)}|`).join('');
}

/** Encode a message to bytes: text, optional `AY<seq>AZ<checksum>`, optional terminator. */
export function encodeMessage(message: Sip2Message, options: EncodeOptions = {}): Buffer {
  const encoding = options.encoding ?? 'cp850';
  const resend = message.type === 'requestScResend' || message.type === 'requestAcsResend';
  const errorDetection = options.errorDetection ?? options.sequence !== undefined;
  let text = messageText(message);
  if (errorDetection) {
    if (!resend) {
      const seq = options.sequence ?? 0;
      if (!Number.isInteger(seq) || seq < 0 || seq > 9) {
        throw new Sip2EncodeError('invalid-fixed-field', 'AY', 'sequence number must be 0–9');
      }
      text += `AY${seq}`;
    }
    text += 'AZ';
  }
  const body = iconv.encode(text, encoding);
  const parts: Buffer[] = [body];
  if (errorDetection) parts.push(Buffer.from(computeChecksum(body), 'ascii'));
  if (options.terminator) parts.push(Buffer.from(options.terminator, 'ascii'));
  return Buffer.concat(parts);
}

function checkValue(field: string, value: string): string {
  if (/[|\r\n]/.test(value)) {
    throw new Sip2EncodeError('invalid-field-value', field, 'value contains "|", CR or LF');
  }
  return value;
}

function fixed(field: string, value: string, length: number): string {
  if (value.length !== length) {
    throw new Sip2EncodeError('invalid-fixed-field', field, `must be ${length} characters, got ${value.length}`);
  }
  if (/[|\r\n]/.test(value)) throw new Sip2EncodeError('invalid-fixed-field', field, 'contains "|", CR or LF');
  return value;
}

function num(field: string, value: number | null, width: number): string {
  if (value === null) return ' '.repeat(width);
  if (!Number.isInteger(value) || value < 0 || value >= 10 ** width) {
    throw new Sip2EncodeError('invalid-fixed-field', field, `must be an integer 0–${10 ** width - 1}`);
  }
  return String(value).padStart(width, '0');
}

const yn = (b: boolean) => (b ? 'Y' : 'N');

function flagsText(flags: PatronStatusFlags): string {
  return PATRON_STATUS_FLAGS.map((f) => (flags[f] ? 'Y' : ' ')).join('');
}

function encodeFixed(m: Sip2Message): string {
  switch (m.type) {
    case 'login':
      return fixed('uidAlgorithm', m.uidAlgorithm, 1) + fixed('pwdAlgorithm', m.pwdAlgorithm, 1);
    case 'loginResponse':
      return m.ok ? '1' : '0';
    case 'scStatus':
      return (
        fixed('statusCode', m.statusCode, 1) +
        num('maxPrintWidth', m.maxPrintWidth, 3) +
        fixed('protocolVersion', m.protocolVersion, 4)
      );
    case 'acsStatus':
      return (
        yn(m.onlineStatus) +
        yn(m.checkinOk) +
        yn(m.checkoutOk) +
        yn(m.acsRenewalPolicy) +
        yn(m.statusUpdateOk) +
        yn(m.offlineOk) +
        num('timeoutPeriod', m.timeoutPeriod, 3) +
        num('retriesAllowed', m.retriesAllowed, 3) +
        fixed('dateTimeSync', m.dateTimeSync, 18) +
        fixed('protocolVersion', m.protocolVersion, 4)
      );
    case 'patronInformation':
      return (
        fixed('language', m.language, 3) +
        fixed('transactionDate', m.transactionDate, 18) +
        fixed('summary', m.summary, 10)
      );
    case 'patronInformationResponse':
      return (
        flagsText(m.patronStatus) +
        fixed('language', m.language, 3) +
        fixed('transactionDate', m.transactionDate, 18) +
        num('holdItemsCount', m.holdItemsCount, 4) +
        num('overdueItemsCount', m.overdueItemsCount, 4) +
        num('chargedItemsCount', m.chargedItemsCount, 4) +
        num('fineItemsCount', m.fineItemsCount, 4) +
        num('recallItemsCount', m.recallItemsCount, 4) +
        num('unavailableHoldsCount', m.unavailableHoldsCount, 4)
      );
    case 'patronStatus':
      return fixed('language', m.language, 3) + fixed('transactionDate', m.transactionDate, 18);
    case 'patronStatusResponse':
      return (
        flagsText(m.patronStatus) + fixed('language', m.language, 3) + fixed('transactionDate', m.transactionDate, 18)
      );
    case 'endPatronSession':
      return fixed('transactionDate', m.transactionDate, 18);
    case 'endSessionResponse':
      return yn(m.endSession) + fixed('transactionDate', m.transactionDate, 18);
    case 'requestScResend':
    case 'requestAcsResend':
      return '';
  }
}

type FieldList = VariableField[];

function push(list: FieldList, code: string, value: string | number | boolean | undefined): void {
  if (value === undefined) return;
  list.push({ code, value: typeof value === 'boolean' ? yn(value) : String(value) });
}

function pushAll(list: FieldList, code: string, values: readonly string[]): void {
  for (const v of values) list.push({ code, value: v });
}

function encodeFields(m: Sip2Message): FieldList {
  const f: FieldList = [];
  switch (m.type) {
    case 'login':
      push(f, 'CN', m.loginUserId);
      push(f, 'CO', m.loginPassword);
      push(f, 'CP', m.locationCode);
      break;
    case 'loginResponse':
    case 'scStatus':
      break;
    case 'acsStatus':
      push(f, 'AO', m.institutionId);
      push(f, 'AM', m.libraryName);
      push(f, 'BX', SUPPORTED_MESSAGES.map((s) => yn(m.supportedMessages[s])).join(''));
      push(f, 'AN', m.terminalLocation);
      pushAll(f, 'AF', m.screenMessages);
      pushAll(f, 'AG', m.printLines);
      break;
    case 'patronInformation':
      push(f, 'AO', m.institutionId);
      push(f, 'AA', m.patronIdentifier);
      push(f, 'AC', m.terminalPassword);
      push(f, 'AD', m.patronPassword);
      push(f, 'BP', m.startItem === undefined ? undefined : num('BP', m.startItem, 5).trim());
      push(f, 'BQ', m.endItem === undefined ? undefined : num('BQ', m.endItem, 5).trim());
      break;
    case 'patronInformationResponse':
      push(f, 'AO', m.institutionId);
      push(f, 'AA', m.patronIdentifier);
      push(f, 'AE', m.personalName);
      push(f, 'BZ', m.holdItemsLimit === undefined ? undefined : num('BZ', m.holdItemsLimit, 4));
      push(f, 'CA', m.overdueItemsLimit === undefined ? undefined : num('CA', m.overdueItemsLimit, 4));
      push(f, 'CB', m.chargedItemsLimit === undefined ? undefined : num('CB', m.chargedItemsLimit, 4));
      push(f, 'BL', m.validPatron);
      push(f, 'CQ', m.validPatronPassword);
      push(f, 'BH', m.currencyType);
      push(f, 'BV', m.feeAmount);
      push(f, 'CC', m.feeLimit);
      pushAll(f, 'AS', m.holdItems);
      pushAll(f, 'AT', m.overdueItems);
      pushAll(f, 'AU', m.chargedItems);
      pushAll(f, 'AV', m.fineItems);
      pushAll(f, 'BU', m.recallItems);
      pushAll(f, 'CD', m.unavailableHoldItems);
      push(f, 'BD', m.homeAddress);
      push(f, 'BE', m.emailAddress);
      push(f, 'BF', m.homePhoneNumber);
      push(f, 'PA', m.expirationDate);
      pushAll(f, 'AF', m.screenMessages);
      pushAll(f, 'AG', m.printLines);
      break;
    case 'patronStatus':
      push(f, 'AO', m.institutionId);
      push(f, 'AA', m.patronIdentifier);
      push(f, 'AC', m.terminalPassword ?? '');
      push(f, 'AD', m.patronPassword ?? '');
      break;
    case 'patronStatusResponse':
      push(f, 'AO', m.institutionId);
      push(f, 'AA', m.patronIdentifier);
      push(f, 'AE', m.personalName);
      push(f, 'BL', m.validPatron);
      push(f, 'CQ', m.validPatronPassword);
      push(f, 'BH', m.currencyType);
      push(f, 'BV', m.feeAmount);
      push(f, 'PA', m.expirationDate);
      pushAll(f, 'AF', m.screenMessages);
      pushAll(f, 'AG', m.printLines);
      break;
    case 'endPatronSession':
      push(f, 'AO', m.institutionId);
      push(f, 'AA', m.patronIdentifier);
      push(f, 'AC', m.terminalPassword);
      push(f, 'AD', m.patronPassword);
      break;
    case 'endSessionResponse':
      push(f, 'AO', m.institutionId);
      push(f, 'AA', m.patronIdentifier);
      pushAll(f, 'AF', m.screenMessages);
      pushAll(f, 'AG', m.printLines);
      break;
    case 'requestScResend':
    case 'requestAcsResend':
      return f;
  }
  for (const extra of m.extraFields ?? []) {
    if (!/^[A-Z0-9]{2}$/i.test(extra.code)) {
      throw new Sip2EncodeError('invalid-field-value', extra.code, 'field code must be two letters or digits');
    }
    f.push(extra);
  }
  return f;
}

// ───────────────────────────── decoding ─────────────────────────────

export interface DecodeOptions {
  /** Byte encoding on the wire; default cp850. */
  encoding?: Sip2Encoding;
  /** Reject a frame whose AZ checksum is wrong (default true). */
  verifyChecksum?: boolean;
}

export interface DecodedMessage<M extends Sip2Message = Sip2Message> {
  message: M;
  /** AY sequence number, when the message carried one. */
  sequence: number | undefined;
  /** valid; absent when the message carried no AZ field; invalid only when verification was turned off. */
  checksum: ChecksumStatus;
  /** The decoded text without trailer, with secrets redacted (safe to log). */
  redacted: string;
}

export type DecodeResult<M extends Sip2Message = Sip2Message> =
  { ok: true; value: DecodedMessage<M> } | { ok: false; error: Sip2ParseError };

/** The code of a frame (first two bytes), or undefined for a short frame. */
export function peekCode(frame: Uint8Array): string | undefined {
  if (frame.length < 2) return undefined;
  return String.fromCharCode(frame[0] ?? 0, frame[1] ?? 0);
}

/** Decode one frame (bytes without terminator). Never throws. */
export function decodeMessage(frame: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  try {
    return { ok: true, value: decodeOrThrow(frame, options) };
  } catch (error) {
    if (error instanceof Sip2ParseError) return { ok: false, error };
    throw error;
  }
}

const TRAILER = /(?:AY(\d))?AZ[0-9A-Fa-f]{4}$/;

function decodeOrThrow(frame: Uint8Array, options: DecodeOptions): DecodedMessage {
  const encoding = options.encoding ?? 'cp850';
  if (frame.length === 0) throw new Sip2ParseError('empty', 'empty frame');
  const code = peekCode(frame);
  const checksum = verifyChecksum(frame);
  const fullText = iconv.decode(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength), encoding);
  if (checksum === 'invalid' && options.verifyChecksum !== false) {
    throw new Sip2ParseError('bad-checksum', 'AZ checksum does not match the message bytes', {
      messageCode: code,
      text: redactSip2(fullText),
    });
  }
  let text = fullText;
  let sequence: number | undefined;
  if (checksum !== 'absent') {
    const m = TRAILER.exec(text);
    if (m) {
      text = text.slice(0, m.index);
      sequence = m[1] === undefined ? undefined : Number(m[1]);
    }
  }
  const redacted = redactSip2(text);
  if (code === undefined || !/^\d\d$/.test(code)) {
    throw new Sip2ParseError('unknown-message', 'frame does not start with a two-digit message code', {
      text: redacted,
    });
  }
  const type = TYPE_BY_CODE.get(code);
  if (type === undefined) {
    throw new Sip2ParseError('unknown-message', `message ${code} is not supported`, {
      messageCode: code,
      text: redacted,
    });
  }
  const fixedLength = FIXED_LENGTHS[type];
  if (text.length < 2 + fixedLength) {
    throw new Sip2ParseError('truncated-fixed-part', `message ${code} needs ${fixedLength} fixed characters`, {
      messageCode: code,
      text: redacted,
    });
  }
  const fixedPart = text.slice(2, 2 + fixedLength);
  const fields = splitFields(text.slice(2 + fixedLength), code, redacted);
  const ctx: Ctx = { code, text: redacted };
  const message = decodeBody(type, fixedPart, new FieldReader(fields, ctx), ctx);
  return { message, sequence, checksum, redacted };
}

interface Ctx {
  code: string;
  text: string;
}

function splitFields(rest: string, code: string, redacted: string): VariableField[] {
  const out: VariableField[] = [];
  for (const segment of rest.split('|')) {
    if (segment === '') continue;
    if (segment.length < 2) {
      throw new Sip2ParseError('invalid-field-value', `variable field "${segment}" has no two-letter code`, {
        messageCode: code,
        text: redacted,
      });
    }
    out.push({ code: segment.slice(0, 2), value: segment.slice(2) });
  }
  return out;
}

class FieldReader {
  private readonly fields: VariableField[];
  private readonly used = new Set<number>();
  private readonly ctx: Ctx;

  constructor(fields: VariableField[], ctx: Ctx) {
    this.fields = fields;
    this.ctx = ctx;
  }

  one(code: string): string | undefined {
    const i = this.fields.findIndex((f, idx) => f.code === code && !this.used.has(idx));
    if (i < 0) return undefined;
    this.used.add(i);
    return this.fields[i]?.value;
  }

  required(code: string): string {
    const v = this.one(code);
    if (v === undefined) {
      throw new Sip2ParseError('missing-required-field', `message ${this.ctx.code} has no ${code} field`, {
        messageCode: this.ctx.code,
        field: code,
        text: this.ctx.text,
      });
    }
    return v;
  }

  all(code: string): string[] {
    const out: string[] = [];
    this.fields.forEach((f, i) => {
      if (f.code === code && !this.used.has(i)) {
        this.used.add(i);
        out.push(f.value);
      }
    });
    return out;
  }

  bool(code: string): boolean | undefined {
    const v = this.one(code);
    if (v === undefined) return undefined;
    const u = v.trim().toUpperCase();
    if (u === 'Y') return true;
    if (u === 'N') return false;
    throw new Sip2ParseError('invalid-field-value', `${code} must be Y or N`, {
      messageCode: this.ctx.code,
      field: code,
      text: this.ctx.text,
    });
  }

  int(code: string): number | undefined {
    const v = this.one(code);
    if (v === undefined) return undefined;
    if (!/^\s*\d+\s*$/.test(v)) {
      throw new Sip2ParseError('invalid-field-value', `${code} must be a number`, {
        messageCode: this.ctx.code,
        field: code,
        text: this.ctx.text,
      });
    }
    return Number(v.trim());
  }

  /** Fields not consumed by the typed decoder, in message order. */
  extras(): VariableField[] | undefined {
    const rest = this.fields.filter((_, i) => !this.used.has(i));
    return rest.length > 0 ? rest : undefined;
  }
}

class FixedReader {
  private pos = 0;
  private readonly text: string;
  private readonly ctx: Ctx;

  constructor(text: string, ctx: Ctx) {
    this.text = text;
    this.ctx = ctx;
  }

  take(n: number): string {
    const s = this.text.slice(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  fail(field: string, detail: string): never {
    throw new Sip2ParseError('invalid-fixed-field', `${field} ${detail}`, {
      messageCode: this.ctx.code,
      field,
      text: this.ctx.text,
    });
  }

  yn(field: string): boolean {
    const c = this.take(1).toUpperCase();
    if (c === 'Y') return true;
    if (c === 'N') return false;
    return this.fail(field, 'must be Y or N');
  }

  digits(field: string, n: number): number {
    const s = this.take(n);
    if (!/^\d+$/.test(s)) return this.fail(field, `must be ${n} digits`);
    return Number(s);
  }

  /** A count that an ACS may leave blank (spaces) → null. */
  count(field: string, n: number): number | null {
    const s = this.take(n);
    if (s.trim() === '') return null;
    if (!/^\s*\d+\s*$/.test(s)) return this.fail(field, `must be ${n} digits or blank`);
    return Number(s.trim());
  }

  date(field: string): string {
    const s = this.take(18);
    if (!/^\d{8}.{4}\d{6}$/.test(s)) return this.fail(field, 'must be YYYYMMDDZZZZHHMMSS');
    return s;
  }

  language(field: string): string {
    const s = this.take(3);
    if (!/^\d{3}$/.test(s)) return this.fail(field, 'must be 3 digits');
    return s;
  }

  flags(field: string): PatronStatusFlags {
    const s = this.take(14);
    const flags = {} as PatronStatusFlags;
    PATRON_STATUS_FLAGS.forEach((name, i) => {
      const c = (s[i] ?? ' ').toUpperCase();
      if (c === 'Y') flags[name] = true;
      else if (c === ' ' || c === 'N') flags[name] = false;
      else this.fail(field, `position ${i} must be Y, N or space`);
    });
    return flags;
  }
}

function withExtras<M extends Sip2Message>(message: M, reader: FieldReader): M {
  const extras = reader.extras();
  if (extras && message.type !== 'requestScResend' && message.type !== 'requestAcsResend') {
    (message as WithExtras).extraFields = extras;
  }
  return message;
}

function optionalSet<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value as T[K];
}

function decodeBody(type: Sip2MessageType, fixedPart: string, r: FieldReader, ctx: Ctx): Sip2Message {
  const x = new FixedReader(fixedPart, ctx);
  switch (type) {
    case 'login': {
      const m: LoginRequest = {
        type,
        uidAlgorithm: x.take(1),
        pwdAlgorithm: x.take(1),
        loginUserId: r.required('CN'),
        loginPassword: r.required('CO'),
      };
      optionalSet(m, 'locationCode', r.one('CP'));
      return withExtras(m, r);
    }
    case 'loginResponse': {
      const c = x.take(1);
      if (c !== '0' && c !== '1') x.fail('ok', 'must be 0 or 1');
      return withExtras<LoginResponse>({ type, ok: c === '1' }, r);
    }
    case 'scStatus': {
      const statusCode = x.take(1);
      const m: ScStatusRequest = {
        type,
        statusCode: isStatusCode(statusCode) ? statusCode : x.fail('statusCode', 'must be 0, 1 or 2'),
        maxPrintWidth: x.digits('maxPrintWidth', 3),
        protocolVersion: x.take(4),
      };
      return withExtras(m, r);
    }
    case 'acsStatus': {
      const m: AcsStatusResponse = {
        type,
        onlineStatus: x.yn('onlineStatus'),
        checkinOk: x.yn('checkinOk'),
        checkoutOk: x.yn('checkoutOk'),
        acsRenewalPolicy: x.yn('acsRenewalPolicy'),
        statusUpdateOk: x.yn('statusUpdateOk'),
        offlineOk: x.yn('offlineOk'),
        timeoutPeriod: x.digits('timeoutPeriod', 3),
        retriesAllowed: x.digits('retriesAllowed', 3),
        dateTimeSync: x.date('dateTimeSync'),
        protocolVersion: x.take(4),
        institutionId: r.required('AO'),
        supportedMessages: parseSupported(r.required('BX')),
        screenMessages: [],
        printLines: [],
      };
      optionalSet(m, 'libraryName', r.one('AM'));
      optionalSet(m, 'terminalLocation', r.one('AN'));
      m.screenMessages = r.all('AF');
      m.printLines = r.all('AG');
      return withExtras(m, r);
    }
    case 'patronInformation': {
      const m: PatronInformationRequest = {
        type,
        language: x.language('language'),
        transactionDate: x.date('transactionDate'),
        summary: x.take(10),
        institutionId: r.required('AO'),
        patronIdentifier: r.required('AA'),
      };
      optionalSet(m, 'terminalPassword', r.one('AC'));
      optionalSet(m, 'patronPassword', r.one('AD'));
      optionalSet(m, 'startItem', r.int('BP'));
      optionalSet(m, 'endItem', r.int('BQ'));
      return withExtras(m, r);
    }
    case 'patronInformationResponse': {
      const m: PatronInformationResponse = {
        type,
        patronStatus: x.flags('patronStatus'),
        language: x.language('language'),
        transactionDate: x.date('transactionDate'),
        holdItemsCount: x.count('holdItemsCount', 4),
        overdueItemsCount: x.count('overdueItemsCount', 4),
        chargedItemsCount: x.count('chargedItemsCount', 4),
        fineItemsCount: x.count('fineItemsCount', 4),
        recallItemsCount: x.count('recallItemsCount', 4),
        unavailableHoldsCount: x.count('unavailableHoldsCount', 4),
        institutionId: r.required('AO'),
        patronIdentifier: r.required('AA'),
        personalName: r.one('AE') ?? '',
        holdItems: [],
        overdueItems: [],
        chargedItems: [],
        fineItems: [],
        recallItems: [],
        unavailableHoldItems: [],
        screenMessages: [],
        printLines: [],
      };
      optionalSet(m, 'holdItemsLimit', r.int('BZ'));
      optionalSet(m, 'overdueItemsLimit', r.int('CA'));
      optionalSet(m, 'chargedItemsLimit', r.int('CB'));
      optionalSet(m, 'validPatron', r.bool('BL'));
      optionalSet(m, 'validPatronPassword', r.bool('CQ'));
      optionalSet(m, 'currencyType', r.one('BH'));
      optionalSet(m, 'feeAmount', r.one('BV'));
      optionalSet(m, 'feeLimit', r.one('CC'));
      m.holdItems = r.all('AS');
      m.overdueItems = r.all('AT');
      m.chargedItems = r.all('AU');
      m.fineItems = r.all('AV');
      m.recallItems = r.all('BU');
      m.unavailableHoldItems = r.all('CD');
      optionalSet(m, 'homeAddress', r.one('BD'));
      optionalSet(m, 'emailAddress', r.one('BE'));
      optionalSet(m, 'homePhoneNumber', r.one('BF'));
      optionalSet(m, 'expirationDate', r.one('PA'));
      m.screenMessages = r.all('AF');
      m.printLines = r.all('AG');
      return withExtras(m, r);
    }
    case 'patronStatus': {
      const m: PatronStatusRequest = {
        type,
        language: x.language('language'),
        transactionDate: x.date('transactionDate'),
        institutionId: r.required('AO'),
        patronIdentifier: r.required('AA'),
      };
      const ac = r.one('AC');
      const ad = r.one('AD');
      if (ac) m.terminalPassword = ac;
      if (ad) m.patronPassword = ad;
      return withExtras(m, r);
    }
    case 'patronStatusResponse': {
      const m: PatronStatusResponse = {
        type,
        patronStatus: x.flags('patronStatus'),
        language: x.language('language'),
        transactionDate: x.date('transactionDate'),
        institutionId: r.required('AO'),
        patronIdentifier: r.required('AA'),
        personalName: r.one('AE') ?? '',
        screenMessages: [],
        printLines: [],
      };
      optionalSet(m, 'validPatron', r.bool('BL'));
      optionalSet(m, 'validPatronPassword', r.bool('CQ'));
      optionalSet(m, 'currencyType', r.one('BH'));
      optionalSet(m, 'feeAmount', r.one('BV'));
      optionalSet(m, 'expirationDate', r.one('PA'));
      m.screenMessages = r.all('AF');
      m.printLines = r.all('AG');
      return withExtras(m, r);
    }
    case 'endPatronSession': {
      const m: EndPatronSessionRequest = {
        type,
        transactionDate: x.date('transactionDate'),
        institutionId: r.required('AO'),
        patronIdentifier: r.required('AA'),
      };
      optionalSet(m, 'terminalPassword', r.one('AC'));
      optionalSet(m, 'patronPassword', r.one('AD'));
      return withExtras(m, r);
    }
    case 'endSessionResponse': {
      const m: EndSessionResponse = {
        type,
        endSession: x.yn('endSession'),
        transactionDate: x.date('transactionDate'),
        institutionId: r.required('AO'),
        patronIdentifier: r.required('AA'),
        screenMessages: [],
        printLines: [],
      };
      m.screenMessages = r.all('AF');
      m.printLines = r.all('AG');
      return withExtras(m, r);
    }
    case 'requestScResend':
      return { type };
    case 'requestAcsResend':
      return { type };
  }
}

function isStatusCode(c: string): c is ScStatusRequest['statusCode'] {
  return c === '0' || c === '1' || c === '2';
}

function parseSupported(bx: string): Record<SupportedMessage, boolean> {
  const out = {} as Record<SupportedMessage, boolean>;
  SUPPORTED_MESSAGES.forEach((name, i) => {
    out[name] = (bx[i] ?? 'N').toUpperCase() === 'Y';
  });
  return out;
}

export function supportedMessages(set: Partial<Record<SupportedMessage, boolean>>): Record<SupportedMessage, boolean> {
  const out = {} as Record<SupportedMessage, boolean>;
  for (const name of SUPPORTED_MESSAGES) out[name] = set[name] ?? false;
  return out;
}

// ───────────────────────────── redaction ─────────────────────────────

/** Fields whose values are secrets: login password, terminal password, patron PIN. */
const SECRET_FIELDS = new Set(['CO', 'AC', 'AD']);
/** Fields that identify a patron: masked to the last 4 characters. */
const IDENTIFYING_FIELDS = new Set(['AA']);

/**
 * Redact a SIP2 message text for logs: CO/AC/AD values become `***` and patron identifiers (AA)
 * keep only their last four characters. Works on the text with or without trailer.
 */
export function redactSip2(text: string): string {
  return text.replace(/(^|\|)([A-Z]{2})([^|]*)/g, (whole, sep: string, code: string, value: string) => {
    if (SECRET_FIELDS.has(code)) return `${sep}${code}${value === '' ? '' : '***'}`;
    if (IDENTIFYING_FIELDS.has(code)) return `${sep}${code}${maskIdentifier(value)}`;
    return whole;
  });
}

export function maskIdentifier(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}

// ───────────────────────────── framing ─────────────────────────────

/** One message taken off a byte stream: its bytes (without terminator) and how it ended. */
export interface Sip2Frame {
  bytes: Buffer;
  /** '\r\n' when an LF followed the CR (also when it arrived in the next chunk). */
  terminator: Sip2Terminator;
}

export interface FramerOptions {
  /** Longest frame accepted, in bytes (default 64 KiB); longer input is an error, not memory growth. */
  maxFrameBytes?: number;
}

/**
 * Splits a TCP byte stream into SIP2 frames on CR or CRLF. Never assumes one `data` event is one
 * message: bytes are buffered until a terminator arrives, and one chunk may hold several frames.
 *
 * A CR at the end of one chunk followed by an LF at the start of the next is one CRLF terminator:
 * the frame is emitted at the CR (a CR-only peer must not wait) and the LF is swallowed;
 * `lastTerminator` then reports '\r\n'. Empty frames (e.g. a stray CRLF) are skipped.
 */
export class Sip2Framer {
  private buffer: Buffer = Buffer.alloc(0);
  private pendingLf = false;
  private readonly maxFrameBytes: number;
  /** The terminator style of the most recent frame, corrected when a split CRLF completes. */
  lastTerminator: Sip2Terminator | undefined;

  constructor(options: FramerOptions = {}) {
    this.maxFrameBytes = options.maxFrameBytes ?? 64 * 1024;
  }

  /** Feed a chunk; returns the complete frames it finished, in order. Throws Sip2ParseError('frame-too-long'). */
  push(chunk: Uint8Array): Sip2Frame[] {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pendingLf && data.length > 0) {
      this.pendingLf = false;
      if (data[0] === 0x0a) {
        data = data.subarray(1);
        this.lastTerminator = '\r\n';
      }
    }
    this.buffer = this.buffer.length === 0 ? Buffer.from(data) : Buffer.concat([this.buffer, data]);
    const frames: Sip2Frame[] = [];
    let start = 0;
    for (;;) {
      const cr = this.buffer.indexOf(0x0d, start);
      if (cr < 0) break;
      let end = cr + 1;
      let terminator: Sip2Terminator = '\r';
      if (end < this.buffer.length) {
        if (this.buffer[end] === 0x0a) {
          terminator = '\r\n';
          end += 1;
        }
      } else {
        this.pendingLf = true;
      }
      const bytes = stripLeadingLf(this.buffer.subarray(start, cr));
      if (bytes.length > 0) {
        frames.push({ bytes: Buffer.from(bytes), terminator });
        this.lastTerminator = terminator;
      }
      start = end;
    }
    this.buffer = this.buffer.subarray(start);
    if (this.buffer.length > this.maxFrameBytes) {
      this.buffer = Buffer.alloc(0);
      throw new Sip2ParseError('frame-too-long', `no terminator within ${this.maxFrameBytes} bytes`);
    }
    return frames;
  }

  /** Bytes received after the last terminator. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
    this.pendingLf = false;
  }
}

function stripLeadingLf(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0x0a) i += 1;
  return bytes.subarray(i);
}
