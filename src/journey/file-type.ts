/**
 * What a downloaded file is, from its first bytes (magic numbers), for the content suite: a
 * browser's own download does not show the response's Content-Type to Playwright on every engine
 * (Chromium's downloads bypass the page's network events), and a served type can be wrong anyway.
 * Pure; null when the bytes match none of the formats e-resource services hand out.
 */
export function sniffFileType(head: Uint8Array): string | null {
  const text = (from: number, length: number): string =>
    String.fromCharCode(...head.subarray(from, Math.min(head.length, from + length)));
  if (text(0, 5) === '%PDF-') return 'application/pdf';
  if (text(0, 4) === 'PK\u0003\u0004') {
    // An EPUB (and other OCF containers) starts with an uncompressed "mimetype" entry holding its type.
    const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
    const extraLength = (head[28] ?? 0) | ((head[29] ?? 0) << 8);
    if (text(30, nameLength) === 'mimetype') {
      const type = text(30 + nameLength + extraLength, 60).match(/^[a-z0-9.+-]+\/[a-z0-9.+-]+/)?.[0];
      if (type) return type;
    }
    return 'application/zip';
  }
  if (text(0, 3) === 'ID3' || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  if (text(4, 4) === 'ftyp') {
    const brand = text(8, 4);
    return brand === 'M4A ' || brand === 'M4B ' ? 'audio/mp4' : 'video/mp4';
  }
  if (text(0, 4) === 'OggS') return 'audio/ogg';
  if (text(0, 4) === 'RIFF' && text(8, 4) === 'WAVE') return 'audio/wav';
  if (text(0, 4) === 'fLaC') return 'audio/flac';
  const start = text(0, 100)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'text/html';
  if (start.startsWith('<?xml')) return 'application/xml';
  return null;
}
