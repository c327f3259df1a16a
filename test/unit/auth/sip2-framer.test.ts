import { describe, expect, it } from 'vitest';
import { Sip2Framer, Sip2ParseError, decodeMessage } from '../../../src/auth/sip2/codec.ts';

const b = (s: string) => Buffer.from(s, 'latin1');
const texts = (frames: { bytes: Buffer }[]) => frames.map((f) => f.bytes.toString('latin1'));

describe('Sip2Framer', () => {
  it('splits one chunk holding several CR-terminated messages', () => {
    const f = new Sip2Framer();
    const frames = f.push(b('941AY0AZFDFD\r940AY1AZFDFD\r'));
    expect(texts(frames)).toEqual(['941AY0AZFDFD', '940AY1AZFDFD']);
    expect(frames.map((x) => x.terminator)).toEqual(['\r', '\r']);
  });

  it('handles CRLF and reports it', () => {
    const f = new Sip2Framer();
    const frames = f.push(b('941AY0AZFDFD\r\n9900802.00AY1AZFCA0\r\n'));
    expect(texts(frames)).toEqual(['941AY0AZFDFD', '9900802.00AY1AZFCA0']);
    expect(frames.map((x) => x.terminator)).toEqual(['\r\n', '\r\n']);
    expect(f.lastTerminator).toBe('\r\n');
  });

  it('buffers a message split over many chunks (one byte at a time)', () => {
    const f = new Sip2Framer();
    const message = '64              00720261125    10150000000000000000000000000AODEMO|AA42|AEVirtanen|BLY|CQY|AY1AZ';
    const out: string[] = [];
    for (const ch of `${message}\r`) out.push(...texts(f.push(b(ch))));
    expect(out).toEqual([message]);
    expect(f.pendingBytes).toBe(0);
  });

  it('never assumes one data event is one message', () => {
    const f = new Sip2Framer();
    expect(f.push(b('941AY0'))).toEqual([]);
    expect(texts(f.push(b('AZFDFD\r940')))).toEqual(['941AY0AZFDFD']);
    expect(f.pendingBytes).toBe(3);
    expect(texts(f.push(b('AY1AZFDFD\r')))).toEqual(['940AY1AZFDFD']);
  });

  it('treats a CR at the end of one chunk and an LF at the start of the next as one CRLF', () => {
    const f = new Sip2Framer();
    const first = f.push(b('941AY0AZFDFD\r'));
    expect(texts(first)).toEqual(['941AY0AZFDFD']);
    expect(first[0]?.terminator).toBe('\r');
    const second = f.push(b('\n940AY1AZFDFD\r\n'));
    expect(texts(second)).toEqual(['940AY1AZFDFD']); // the LF is not part of the next message
    expect(f.lastTerminator).toBe('\r\n');
  });

  it('skips empty frames (stray terminators)', () => {
    const f = new Sip2Framer();
    expect(texts(f.push(b('\r\n\r941AY0AZFDFD\r\r')))).toEqual(['941AY0AZFDFD']);
  });

  it('keeps multi-byte UTF-8 characters intact across chunk boundaries', () => {
    const f = new Sip2Framer();
    const bytes = Buffer.from('24              00020261125    101500AODEMO|AA42|AEÄijälä, Åsa|BLY|\r', 'utf8');
    const split = bytes.indexOf(0xc3) + 1; // inside the two-byte Ä
    expect(f.push(bytes.subarray(0, split))).toEqual([]);
    const frames = f.push(bytes.subarray(split));
    expect(frames).toHaveLength(1);
    const r = decodeMessage(frames[0]!.bytes, { encoding: 'utf-8' });
    expect(r.ok && r.value.message.type === 'patronStatusResponse' && r.value.message.personalName).toBe('Äijälä, Åsa');
  });

  it('refuses to buffer without bound', () => {
    const f = new Sip2Framer({ maxFrameBytes: 100 });
    expect(() => f.push(Buffer.alloc(101, 0x41))).toThrow(Sip2ParseError);
    try {
      f.push(Buffer.alloc(200, 0x41));
    } catch (e) {
      expect((e as Sip2ParseError).code).toBe('frame-too-long');
    }
    // Usable again afterwards.
    expect(texts(f.push(b('941AY0AZFDFD\r')))).toEqual(['941AY0AZFDFD']);
  });
});
