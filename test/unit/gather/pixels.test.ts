/**
 * The focus-visible probe's PNG decoder and pixel comparison (src/gather/a11y/pixels.ts), on PNGs
 * encoded here with every row filter PNG has, so the decoder's unfiltering is checked against a
 * known image.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { changedPixels, decodePng, PIXEL_DELTA } from '../../../src/gather/a11y/pixels.ts';

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
const TABLE = crcTable();
function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(body).copy(out, 8);
  out.writeUInt32BE(crc(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}
const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** An RGB (3 channels) or RGBA PNG whose row y uses filter y % 5. */
function encode(width: number, height: number, pixel: (x: number, y: number) => number[], channels: 3 | 4): Buffer {
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const cur = new Uint8Array(stride);
    for (let x = 0; x < width; x++) cur.set(pixel(x, y).slice(0, channels), x * channels);
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (cur[i - channels] as number) : 0;
      const b = prev[i] as number;
      const c = i >= channels ? (prev[i - channels] as number) : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] as number;
      raw[y * (stride + 1) + 1 + i] = ((cur[i] as number) - pred) & 0xff;
    }
    prev = cur;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

const gradient = (x: number, y: number) => [(x * 37 + y * 11) & 0xff, (x * 5 + y * 53) & 0xff, (x * y * 7) & 0xff, 200];

describe('pixels', () => {
  it('decodes RGB and RGBA PNGs with every row filter', () => {
    for (const channels of [3, 4] as const) {
      const img = decodePng(encode(13, 11, gradient, channels));
      expect([img.width, img.height]).toEqual([13, 11]);
      for (const [x, y] of [[0, 0], [12, 10], [5, 3], [7, 9], [1, 4]] as const) {
        const o = (y * 13 + x) * 4;
        expect(Array.from(img.rgba.subarray(o, o + 4))).toEqual([...gradient(x, y).slice(0, 3), channels === 4 ? 200 : 255]);
      }
    }
  });

  it('counts visibly changed pixels: a ring changes them, a level or two of colour does not', () => {
    const plain = decodePng(encode(20, 10, () => [255, 255, 255], 3));
    const ring = decodePng(
      encode(20, 10, (x, y) => (x === 0 || y === 0 || x === 19 || y === 9 ? [26, 76, 139] : [255, 255, 255]), 3),
    );
    const faint = decodePng(encode(20, 10, () => [255 - (PIXEL_DELTA - 1), 255, 255], 3));
    expect(changedPixels(plain, ring)).toEqual({ changed: 56, measured: 200 });
    expect(changedPixels(plain, faint).changed).toBe(0);
    expect(changedPixels(plain, plain).changed).toBe(0);
  });

  it('refuses what it does not read', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/not a PNG/);
  });
});
