import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/core/redactor.ts';
import { redactArtifacts, redactText, redactTraceZip } from '../../../src/reporting/redact-artifacts.ts';

const CARD = '3141592653';
const PIN = '27182818';
const redactor = new Redactor([CARD, PIN]);

const EVENTS = [
  { type: 'before', callId: 'call@1', method: 'fill', params: { selector: 'internal:label="PIN"', value: PIN } },
  { type: 'screencast-frame', pageId: 'page@1', sha1: 'frame-1.jpeg', width: 800, height: 600 },
  { type: 'frame-snapshot', snapshot: { html: ['INPUT', { __playwright_value_: CARD }] } },
].map((e) => JSON.stringify(e));

async function traceZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('trace.trace', EVENTS.join('\n'));
  zip.file('trace.network', JSON.stringify({ type: 'resource-snapshot', postData: `card=${CARD}&pin=${PIN}` }));
  zip.file('resources/frame-1.jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x10]));
  zip.file('resources/page.html', `<p>Kortti ${CARD.slice(0, 6)}…</p>`);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('redactTraceZip', () => {
  it('redacts every text entry, JSON lines value by value, and drops pictures and their frame events', async () => {
    const { zip, removed } = await redactTraceZip(await traceZip(), redactor);
    const out = await JSZip.loadAsync(zip);
    const names = Object.values(out.files).filter((f) => !f.dir).map((f) => f.name);
    expect(names.sort()).toEqual(['resources/page.html', 'trace.network', 'trace.trace']);
    expect(removed).toBe(1);
    const trace = (await out.file('trace.trace')!.async('string')).split('\n');
    // Still JSON lines the viewer can read, the fill still there with its value redacted; no frame event.
    expect(trace.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['before', 'frame-snapshot']);
    expect(trace[0]).toContain('"value":"[redacted]"');
    const all = await Promise.all(['trace.trace', 'trace.network', 'resources/page.html'].map((n) => out.file(n)!.async('string')));
    for (const text of all) {
      expect(text).not.toContain(CARD.slice(0, 6));
      expect(text).not.toContain(PIN);
    }
  });

  it('redacts a line that is not JSON as text', () => {
    expect(redactText(`{"a":1}\nnot json ${PIN}`, redactor, true)).toBe('{"a":1}\nnot json [redacted]');
  });
});

describe('redactArtifacts', () => {
  it("rewrites a test's trace and text files and removes its pictures; leaves a clean file and a missing directory alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'erh-redact-'));
    const test = join(dir, 'login-valid');
    mkdirSync(test);
    writeFileSync(join(test, 'trace.zip'), await traceZip());
    writeFileSync(join(test, 'error-context.md'), `- textbox "Kirjastokortin numero": ${CARD}\n`);
    writeFileSync(join(test, 'test-finished-1.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(test, 'clean.txt'), 'nothing secret\n');
    const tally = await redactArtifacts([test, join(dir, 'missing')], redactor);
    expect(tally).toEqual({ rewritten: 2, removed: 2 });
    expect(readFileSync(join(test, 'error-context.md'), 'utf8')).toBe('- textbox "Kirjastokortin numero": [redacted]\n');
    expect(existsSync(join(test, 'test-finished-1.png'))).toBe(false);
    expect(readFileSync(join(test, 'clean.txt'), 'utf8')).toBe('nothing secret\n');
    const zip = await JSZip.loadAsync(readFileSync(join(test, 'trace.zip')));
    expect(await zip.file('trace.trace')!.async('string')).not.toContain(PIN);
  });
});
