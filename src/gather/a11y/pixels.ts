/**
 * Pixels for the focus-visible probe: a small PNG decoder (8-bit greyscale, RGB, RGBA, grey+alpha;
 * not interlaced — what the browsers' screenshots are) and the comparison of two captures of the
 * same box, focused and unfocused. The captures live only in memory: nothing is written, so no
 * secret on screen can end up in a file.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  readonly rgba: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a PNG; throws on a kind it does not read (palette, 16-bit, interlaced). */
export function decodePng(png: Uint8Array): Image {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (signature.some((b, i) => png[i] !== b)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let colourType = 0;
  const data: Uint8Array[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const depth = body[8];
      colourType = body[9] ?? 0;
      if (depth !== 8 || CHANNELS[colourType] === undefined || body[12] !== 0)
        throw new Error(`unsupported PNG (bit depth ${depth}, colour type ${colourType}, interlace ${body[12]})`);
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colourType] as number;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (cur[x - channels] as number) : 0;
      const b = prev[x] as number;
      const c = x >= channels ? (prev[x - channels] as number) : 0;
      const v = line[x] as number;
      cur[x] =
        (filter === 0
          ? v
          : filter === 1
            ? v + a
            : filter === 2
              ? v + b
              : filter === 3
                ? v + ((a + b) >> 1)
                : v + paeth(a, b, c)) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const i = x * channels;
      if (channels >= 3) {
        out[o] = cur[i] as number;
        out[o + 1] = cur[i + 1] as number;
        out[o + 2] = cur[i + 2] as number;
        out[o + 3] = channels === 4 ? (cur[i + 3] as number) : 255;
      } else {
        out[o] = out[o + 1] = out[o + 2] = cur[i] as number;
        out[o + 3] = channels === 2 ? (cur[i + 1] as number) : 255;
      }
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

/** A pixel counts as changed when one of its channels moved by at least this much (0–255). */
export const PIXEL_DELTA = 24;

/**
 * Pixels that differ between two captures of the same region by at least PIXEL_DELTA in some channel
 * (a change of a level or two — "#333 to #343434" — is no visible change). Captures of different
 * sizes compare over the region both cover.
 */
export function changedPixels(a: Image, b: Image): { changed: number; measured: number } {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  let changed = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      for (let k = 0; k < 3; k++) {
        if (Math.abs((a.rgba[i + k] as number) - (b.rgba[j + k] as number)) >= PIXEL_DELTA) {
          changed++;
          break;
        }
      }
    }
  }
  return { changed, measured: width * height };
}
