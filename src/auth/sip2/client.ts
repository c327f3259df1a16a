/**
 * SIP2 client (self-check "SC" side) over TCP or TLS.
 *
 * One connection, one request at a time (SIP2 has no request ids: requests are queued). Each
 * request gets the next AY sequence number (0–9) and an AZ checksum when error detection is on.
 * A 96 (request SC resend) answer makes the client resend the same bytes; a reply whose checksum
 * is wrong makes it send 97 (request ACS resend); both up to `maxResends` times.
 *
 * Plaintext SIP2 exposes card numbers and PINs on the network, so a non-TLS connection to anything
 * but a loopback address is refused unless `allowPlaintext: true` is given (e.g. inside a VPN).
 * PINs and passwords never reach the trace callback or error messages (see `redactSip2`).
 */
import net from 'node:net';
import tls from 'node:tls';
import iconv from 'iconv-lite';
import {
  type AcsStatusResponse,
  type EndSessionResponse,
  type LoginResponse,
  type PatronInformationResponse,
  type PatronStatusFlags,
  type PatronStatusResponse,
  type Sip2Encoding,
  type Sip2Frame,
  type Sip2Message,
  type Sip2MessageOf,
  type Sip2MessageType,
  type Sip2Terminator,
  MESSAGE_CODES,
  Sip2EncodeError,
  Sip2Framer,
  Sip2ParseError,
  decodeMessage,
  encodeMessage,
  isBlocked,
  peekCode,
  redactSip2,
  sipDate,
  verifyChecksum,
} from './codec.ts';

export const SIP2_CLIENT_ERROR_CODES = [
  'plaintext-refused',
  'invalid-options',
  'connect-failed',
  'connect-timeout',
  'request-timeout',
  'connection-closed',
  'not-connected',
  'login-rejected',
  'resend-limit',
  'unexpected-response',
  'sequence-mismatch',
  'parse-error',
  'encode-error',
] as const;
export type Sip2ClientErrorCode = (typeof SIP2_CLIENT_ERROR_CODES)[number];

/** Anything that went wrong talking to the ACS. `code` is stable; the message never holds a PIN. */
export class Sip2ClientError extends Error {
  readonly code: Sip2ClientErrorCode;

  constructor(code: Sip2ClientErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Sip2ClientError';
    this.code = code;
  }
}

export interface Sip2TraceEvent {
  direction: 'send' | 'receive';
  /** Message text with CO/AC/AD redacted and AA masked; never a PIN. */
  text: string;
  /** Two-digit code. */
  code: string | undefined;
}

export interface Sip2LoginCredentials {
  /** CN */
  userId: string;
  /** CO */
  password: string;
  /** CP */
  locationCode?: string;
}

export interface Sip2ClientOptions {
  host: string;
  port: number;
  /** true, or node:tls options (ca, cert, key, rejectUnauthorized…): connect over TLS. */
  tls?: boolean | tls.ConnectionOptions;
  /** Allow plaintext TCP to a non-loopback host. Off by default: SIP2 carries PINs in clear. */
  allowPlaintext?: boolean;
  /** Default cp850. */
  encoding?: Sip2Encoding;
  /** Default '\r'. */
  terminator?: Sip2Terminator;
  /** Send AY/AZ (default true). */
  errorDetection?: boolean;
  /** Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Per request, including resends; default 5000 ms. */
  requestTimeoutMs?: number;
  /** Resends after a 96 or a bad reply checksum; default 3. */
  maxResends?: number;
  /** AO sent with patron requests; default ''. */
  institutionId?: string;
  /** AC sent with patron requests, if the ACS wants one. */
  terminalPassword?: string;
  /** 3-digit SIP2 language code; default 000 (unknown). 007 is Finnish, 006 Swedish, 001 English. */
  language?: string;
  /** SC login (93) done by `Sip2Client.connect`. */
  login?: Sip2LoginCredentials;
  /** Called with every message sent and received, redacted. */
  onTrace?: (event: Sip2TraceEvent) => void;
  /** Clock for transaction dates (tests). */
  now?: () => Date;
}

export interface PatronResult {
  /** BL = Y. BL = N (or missing) means the ACS does not know the card. */
  validPatron: boolean;
  /** CQ: true Y, false N, undefined when the ACS did not say (no PIN on file, or none sent). */
  validPassword: boolean | undefined;
  /** AE */
  name: string;
  statusFlags: PatronStatusFlags;
  /** Any flag that denies borrowing (charge denied, card lost, excessive fines…). */
  blocked: boolean;
  /** PA extension: card expiry date YYYYMMDD, when the ACS sends it. */
  expiry: string | undefined;
  /** AF */
  screenMessages: string[];
  /** BV / CC when present. */
  feeAmount: string | undefined;
  feeLimit: string | undefined;
}

export interface PatronInformationResult extends PatronResult {
  response: PatronInformationResponse;
}

export interface PatronStatusResult extends PatronResult {
  response: PatronStatusResponse;
}

/** True for 127.0.0.0/8, ::1, IPv4-mapped loopback and the name `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h) || h === '0:0:0:0:0:0:0:1';
  return false;
}

type Socket = net.Socket | tls.TLSSocket;

interface Waiter {
  resolve: (frame: Sip2Frame) => void;
  reject: (error: Error) => void;
}

export class Sip2Client {
  private readonly options: Required<
    Pick<
      Sip2ClientOptions,
      | 'encoding'
      | 'terminator'
      | 'errorDetection'
      | 'connectTimeoutMs'
      | 'requestTimeoutMs'
      | 'maxResends'
      | 'institutionId'
      | 'language'
    >
  > &
    Sip2ClientOptions;
  private socket: Socket | undefined;
  private readonly framer = new Sip2Framer();
  private readonly inbox: Sip2Frame[] = [];
  private waiter: Waiter | undefined;
  private closedError: Sip2ClientError | undefined;
  private sequence = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: Sip2ClientOptions) {
    if (!options.host) throw new Sip2ClientError('invalid-options', 'host is required');
    if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) {
      throw new Sip2ClientError('invalid-options', `port must be 1–65535, got ${String(options.port)}`);
    }
    if (!options.tls && !options.allowPlaintext && !isLoopbackHost(options.host)) {
      throw new Sip2ClientError(
        'plaintext-refused',
        `refusing plaintext SIP2 to ${options.host}: card numbers and PINs would cross the network unencrypted. ` +
          'Use tls: true (e.g. through stunnel), or set allowPlaintext: true if the link is otherwise protected (VPN).',
      );
    }
    this.options = {
      encoding: 'cp850',
      terminator: '\r',
      errorDetection: true,
      connectTimeoutMs: 5000,
      requestTimeoutMs: 5000,
      maxResends: 3,
      institutionId: '',
      language: '000',
      ...options,
    };
    if (!/^\d{3}$/.test(this.options.language)) {
      throw new Sip2ClientError('invalid-options', 'language must be a 3-digit SIP2 language code');
    }
  }

  /** Connect and, when `options.login` is set, log in (93). Rejected logins throw `login-rejected`. */
  static async connect(options: Sip2ClientOptions): Promise<Sip2Client> {
    const client = new Sip2Client(options);
    await client.open();
    if (options.login) {
      try {
        const ok = await client.login(options.login);
        if (!ok) throw new Sip2ClientError('login-rejected', 'the ACS rejected the SC login (94 ok=0)');
      } catch (error) {
        client.destroy();
        throw error;
      }
    }
    return client;
  }

  get connected(): boolean {
    return this.socket !== undefined && this.closedError === undefined && !this.socket.destroyed;
  }

  /** Open the TCP/TLS connection. */
  open(): Promise<void> {
    if (this.socket) return Promise.reject(new Sip2ClientError('invalid-options', 'already connected'));
    const { host, port, connectTimeoutMs } = this.options;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const useTls = Boolean(this.options.tls);
      const tlsOptions: tls.ConnectionOptions = typeof this.options.tls === 'object' ? this.options.tls : {};
      const socket: Socket = useTls
        ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...tlsOptions })
        : net.connect({ host, port });
      this.socket = socket;
      const timer = setTimeout(() => {
        fail(new Sip2ClientError('connect-timeout', `no connection to ${host}:${port} within ${connectTimeoutMs} ms`));
        socket.destroy();
      }, connectTimeoutMs);
      const fail = (error: Sip2ClientError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.closedError = error;
        reject(error);
      };
      socket.once(useTls ? 'secureConnect' : 'connect', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.setNoDelay(true);
        resolve();
      });
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', (error: Error) => {
        if (!settled) {
          fail(
            new Sip2ClientError('connect-failed', `cannot connect to ${host}:${port}: ${error.message}`, {
              cause: error,
            }),
          );
        } else {
          this.onClosed(
            new Sip2ClientError('connection-closed', `connection to ${host}:${port} failed: ${error.message}`, {
              cause: error,
            }),
          );
        }
      });
      socket.on('close', () => {
        if (!settled)
          fail(new Sip2ClientError('connect-failed', `connection to ${host}:${port} closed before it opened`));
        this.onClosed(new Sip2ClientError('connection-closed', `the ACS at ${host}:${port} closed the connection`));
      });
    });
  }

  /** 93 → 94. Returns the ok flag. */
  async login(credentials: Sip2LoginCredentials): Promise<boolean> {
    const reply = await this.request(
      {
        type: 'login',
        uidAlgorithm: '0',
        pwdAlgorithm: '0',
        loginUserId: credentials.userId,
        loginPassword: credentials.password,
        ...(credentials.locationCode === undefined ? {} : { locationCode: credentials.locationCode }),
      },
      'loginResponse',
    );
    return (reply as LoginResponse).ok;
  }

  /** 99 → 98: is the ACS online, and which messages does it support. */
  async scStatus(statusCode: '0' | '1' | '2' = '0'): Promise<AcsStatusResponse> {
    return this.request({ type: 'scStatus', statusCode, maxPrintWidth: 80, protocolVersion: '2.00' }, 'acsStatus');
  }

  /** 63 → 64: the main authentication call (BL valid patron, CQ valid PIN, status flags, expiry). */
  async patronInformation(
    patronId: string,
    pin?: string,
    options: { summary?: string } = {},
  ): Promise<PatronInformationResult> {
    const response = await this.request(
      {
        type: 'patronInformation',
        language: this.options.language,
        transactionDate: this.date(),
        summary: (options.summary ?? '').padEnd(10, ' ').slice(0, 10),
        institutionId: this.options.institutionId,
        patronIdentifier: patronId,
        ...(this.options.terminalPassword === undefined ? {} : { terminalPassword: this.options.terminalPassword }),
        ...(pin === undefined ? {} : { patronPassword: pin }),
      },
      'patronInformationResponse',
    );
    return { ...patronResult(response), response };
  }

  /** 23 → 24: lighter check with the same BL/CQ semantics. */
  async patronStatus(patronId: string, pin?: string): Promise<PatronStatusResult> {
    const response = await this.request(
      {
        type: 'patronStatus',
        language: this.options.language,
        transactionDate: this.date(),
        institutionId: this.options.institutionId,
        patronIdentifier: patronId,
        ...(this.options.terminalPassword === undefined ? {} : { terminalPassword: this.options.terminalPassword }),
        ...(pin === undefined ? {} : { patronPassword: pin }),
      },
      'patronStatusResponse',
    );
    return { ...patronResult(response), response };
  }

  /** 35 → 36. Returns the end-session flag. */
  async endSession(patronId: string, pin?: string): Promise<boolean> {
    const reply = await this.request(
      {
        type: 'endPatronSession',
        transactionDate: this.date(),
        institutionId: this.options.institutionId,
        patronIdentifier: patronId,
        ...(this.options.terminalPassword === undefined ? {} : { terminalPassword: this.options.terminalPassword }),
        ...(pin === undefined ? {} : { patronPassword: pin }),
      },
      'endSessionResponse',
    );
    return (reply as EndSessionResponse).endSession;
  }

  /**
   * Send a request and wait for the reply of the expected type. Requests are serialised.
   * Exposed for messages without a convenience method.
   */
  request<T extends Sip2MessageType>(message: Sip2Message, expect: T): Promise<Sip2MessageOf<T>> {
    const run = this.queue.then(
      () => this.exchange(message, expect),
      () => this.exchange(message, expect),
    );
    this.queue = run.catch(() => undefined);
    return run as Promise<Sip2MessageOf<T>>;
  }

  /** Close gracefully (FIN) and wait for the socket to close. */
  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        socket.destroy();
        resolve();
      }, 1000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end();
    });
  }

  /** Close at once. */
  destroy(): void {
    this.socket?.destroy();
    this.onClosed(new Sip2ClientError('connection-closed', 'the client closed the connection'));
  }

  // ───────────── internals ─────────────

  private date(): string {
    return sipDate(this.options.now ? this.options.now() : new Date());
  }

  private nextSequence(): number {
    const seq = this.sequence;
    this.sequence = (this.sequence + 1) % 10;
    return seq;
  }

  private encode(message: Sip2Message, sequence: number | undefined): Buffer {
    try {
      return encodeMessage(message, {
        encoding: this.options.encoding,
        terminator: this.options.terminator,
        errorDetection: this.options.errorDetection,
        ...(sequence === undefined ? {} : { sequence }),
      });
    } catch (error) {
      if (error instanceof Sip2EncodeError) {
        throw new Sip2ClientError('encode-error', error.message, { cause: error });
      }
      throw error;
    }
  }

  private async exchange(message: Sip2Message, expect: Sip2MessageType): Promise<Sip2Message> {
    if (!this.socket) throw new Sip2ClientError('not-connected', 'call open() or Sip2Client.connect() first');
    if (this.closedError) throw this.closedError;
    const sequence = this.options.errorDetection ? this.nextSequence() : undefined;
    const bytes = this.encode(message, sequence);
    const deadline = Date.now() + this.options.requestTimeoutMs;
    let resends = 0;
    this.inbox.length = 0;
    this.write(bytes);
    for (;;) {
      const frame = await this.nextFrame(deadline, MESSAGE_CODES[expect]);
      const code = peekCode(frame.bytes);
      if (verifyChecksum(frame.bytes) === 'invalid') {
        this.trace('receive', frame.bytes);
        if (resends >= this.options.maxResends) {
          throw new Sip2ClientError(
            'resend-limit',
            `reply ${code ?? '??'} still had a bad checksum after ${resends} resend requests`,
          );
        }
        resends += 1;
        this.write(this.encode({ type: 'requestAcsResend' }, undefined));
        continue;
      }
      const decoded = decodeMessage(frame.bytes, { encoding: this.options.encoding });
      if (!decoded.ok) {
        this.emitTrace('receive', decoded.error.text ?? '(undecodable)', code);
        throw new Sip2ClientError('parse-error', decoded.error.message, { cause: decoded.error });
      }
      this.emitTrace('receive', decoded.value.redacted, code);
      const reply = decoded.value.message;
      if (reply.type === 'requestScResend') {
        if (resends >= this.options.maxResends) {
          throw new Sip2ClientError('resend-limit', `the ACS asked for a resend (96) ${resends + 1} times`);
        }
        resends += 1;
        this.write(bytes);
        continue;
      }
      if (reply.type !== expect) {
        throw new Sip2ClientError(
          'unexpected-response',
          `expected ${MESSAGE_CODES[expect]} in reply to ${MESSAGE_CODES[message.type]}, got ${code ?? '??'}`,
        );
      }
      if (sequence !== undefined && decoded.value.sequence !== undefined && decoded.value.sequence !== sequence) {
        throw new Sip2ClientError(
          'sequence-mismatch',
          `reply carries sequence ${decoded.value.sequence}, request had ${sequence}`,
        );
      }
      return reply;
    }
  }

  private write(bytes: Buffer): void {
    this.trace('send', bytes);
    this.socket?.write(bytes);
  }

  private trace(direction: Sip2TraceEvent['direction'], bytes: Buffer): void {
    if (!this.options.onTrace) return;
    const raw = iconv.decode(bytes, this.options.encoding).replace(/[\r\n]+$/, '');
    this.emitTrace(direction, redactSip2(raw), peekCode(bytes));
  }

  private emitTrace(direction: Sip2TraceEvent['direction'], text: string, code: string | undefined): void {
    this.options.onTrace?.({ direction, text, code });
  }

  private nextFrame(deadline: number, expectedCode: string): Promise<Sip2Frame> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise<Sip2Frame>((resolve, reject) => {
      const ms = Math.max(0, deadline - Date.now());
      const timer = setTimeout(() => {
        this.waiter = undefined;
        const error = new Sip2ClientError(
          'request-timeout',
          `no ${expectedCode} reply within ${this.options.requestTimeoutMs} ms`,
        );
        // A late reply would be taken for the answer to the next request: drop the connection.
        this.socket?.destroy();
        this.closedError = error;
        reject(error);
      }, ms);
      this.waiter = {
        resolve: (frame) => {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve(frame);
        },
        reject: (error) => {
          clearTimeout(timer);
          this.waiter = undefined;
          reject(error);
        },
      };
    });
  }

  private onData(chunk: Buffer): void {
    let frames: Sip2Frame[];
    try {
      frames = this.framer.push(chunk);
    } catch (error) {
      const wrapped =
        error instanceof Sip2ParseError
          ? new Sip2ClientError('parse-error', error.message, { cause: error })
          : new Sip2ClientError('connection-closed', 'framing failed', { cause: error });
      this.socket?.destroy();
      this.onClosed(wrapped);
      return;
    }
    for (const frame of frames) {
      if (this.waiter) this.waiter.resolve(frame);
      else this.inbox.push(frame);
    }
  }

  private onClosed(error: Sip2ClientError): void {
    if (!this.closedError) this.closedError = error;
    this.waiter?.reject(this.closedError);
  }
}

function patronResult(r: PatronInformationResponse | PatronStatusResponse): PatronResult {
  return {
    validPatron: r.validPatron === true,
    validPassword: r.validPatronPassword,
    name: r.personalName,
    statusFlags: r.patronStatus,
    blocked: isBlocked(r.patronStatus),
    expiry: r.expirationDate !== undefined && /^\d{8}$/.test(r.expirationDate) ? r.expirationDate : undefined,
    screenMessages: r.screenMessages,
    feeAmount: r.feeAmount,
    feeLimit: 'feeLimit' in r ? r.feeLimit : undefined,
  };
}
