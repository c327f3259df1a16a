/**
 * The content gatherer (src/gather/content.ts) end to end on a small site of its own: EPUBCheck and
 * Ace by DAISY actually run on EPUBs generated like the demo world's (fixtures/vendors/shared/content.ts),
 * reached the three ways a service declares — a sample file, an OPDS 2.0 feed (one link broken), and
 * a journey step's download link that needs the journey's session cookie — plus the statement found
 * from its footer link and an OpenACR. Then the content checks on that evidence.
 * Runs a browser and two tools: run it through `flock /tmp/erh-browser.lock`.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { ServiceSchema, type Device, type EvidenceOf } from '../../../src/core/index.ts';
import { loadConfig } from '../../../src/config/load.ts';
import { Redactor } from '../../../src/config/secrets.ts';
import { gatherContent } from '../../../src/gather/content.ts';
import { artifactsFor } from '../../../src/journey/artifacts.ts';
import { PlaywrightSession, launchBrowser } from '../../../src/session/playwright.ts';
import { buildPublication, openAcr, statementBody } from '../../../fixtures/vendors/shared/content.ts';
import { check } from '../checks/helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
let server: Server;
let base: string;
let browser: Browser;
let device: Device;
let dir: string;
let evidence: EvidenceOf<'content'>;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main>` +
  `<footer><a href="/seloste">Saavutettavuusseloste</a></footer></body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'erh-content-'));
  const good = await buildPublication('good');
  const noMeta = await buildPublication('no-metadata');
  writeFileSync(join(dir, 'sample.epub'), await buildPublication('no-alt-no-lang'));
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      res.writeHead(200, { 'content-type': type, ...headers }).end(body);
    if (url === '/') return send('text/html', page('Etusivu', '<h1>Etusivu</h1>'), { 'set-cookie': 'session=abc; Path=/' });
    if (url === '/item') return send('text/html', page('Kirja', '<h1>Kirja</h1><a download href="/private/book.epub">Lataa</a>'));
    if (url === '/private/book.epub')
      return /session=abc/.test(req.headers.cookie ?? '') ? send('application/epub+zip', good) : res.writeHead(403).end();
    if (url === '/seloste') return send('text/html', page('Seloste', statementBody('complete', 'Testi').toString()));
    if (url === '/opds.json')
      return send('application/opds+json', JSON.stringify({
        metadata: { title: 'Näytteet' },
        publications: [
          { metadata: { title: 'Kalevala' }, links: [{ rel: 'http://opds-spec.org/acquisition', type: 'application/epub+zip', href: '/kalevala.epub' }] },
          { metadata: { title: 'Poissa' }, links: [{ rel: 'http://opds-spec.org/acquisition', type: 'application/epub+zip', href: '/missing.epub' }] },
        ],
      }));
    if (url === '/kalevala.epub') return send('application/epub+zip', noMeta);
    if (url === '/acr.yaml') return send('application/yaml', openAcr());
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const found = loadConfig({ root: ROOT }).devices.find((d) => d.id === 'desktop-chromium');
  if (!found) throw new Error('no desktop-chromium device in devices/');
  device = found;
  browser = await launchBrowser(device);
  const service = ServiceSchema.parse({
    id: 'testi', name: 'Testi', vendor: 'Testi', kind: 'ebook', baseUrl: base, languages: ['fi'], login: { strategy: 'none' },
    journey: [
      { id: 'landing', name: 'Etusivu', actions: [{ goto: '/' }] },
      { id: 'item', name: 'Kirja', actions: [{ goto: '/item' }] },
    ],
    content: {
      samples: [{ file: 'sample.epub' }],
      opds: { url: `${base}opds.json` },
      download: { step: 'item', link: 'a[download]' },
      acr: { url: `${base}acr.yaml` },
    },
  });
  const e = await gatherContent({
    target: { id: `testi@${device.id}`, service, device, capabilities: { lighthouse: true, contentDevice: device.id } },
    redactor: new Redactor([]),
    artifacts: artifactsFor(dir, `testi@${device.id}`),
    patron: () => undefined,
    openSession: () => PlaywrightSession.open(browser, device),
    chromePath: () => '/usr/bin/chromium',
    lighthouseRuns: 1,
    configRoot: dir,
  });
  evidence = e as EvidenceOf<'content'>;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('content gatherer', () => {
  it('runs EPUBCheck and Ace on every publication reached, and keeps their reports', () => {
    expect(evidence.status, evidence.reason).toBe('complete');
    const c = evidence.content!;
    expect(c.tools.epubcheck.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(c.tools.ace.version).toMatch(/^1\.\d+\.\d+$/);
    expect(c.publications.map((p) => [p.origin, p.status])).toEqual([
      ['sample', 'checked'],
      ['opds', 'checked'],
      ['opds', 'unreachable'],
      ['download', 'checked'],
    ]);
    expect(c.publications[2]?.error).toBe('HTTP 404');
    for (const p of c.publications.filter((x) => x.status === 'checked')) {
      expect(p.epubcheck?.ran, p.epubcheck?.error).toBe(true);
      expect(p.ace?.ran, p.ace?.error).toBe(true);
      const report = JSON.parse(readFileSync(join(dir, p.ace!.report!), 'utf8')) as { 'earl:assertedBy'?: { 'doap:name'?: string } };
      expect(report['earl:assertedBy']?.['doap:name']).toBe('DAISY Ace');
      expect(existsSync(join(dir, p.epubcheck!.report!))).toBe(true);
    }
    // Ace's HTML report (scripts) is not kept next to the evidence.
    expect(existsSync(join(dir, `evidence/testi@${device.id}/report.html`))).toBe(false);
    expect(c.publications[3]?.package?.title).toBe('Seitsemän veljestä (näyte)');
    expect(c.statement).toMatchObject({ foundBy: 'link', status: 'fetched', conformance: 'partial' });
    expect(c.acr?.status).toBe('parsed');
  });

  it('the checks find the seeded defects and pass the good book and the complete statement', () => {
    expect(check(evidence, 'content/publications-reachable').status).toBe('fail');
    expect(check(evidence, 'content/epub-valid').status).toBe('pass');
    const metadata = check(evidence, 'content/a11y-metadata');
    expect(metadata.status).toBe('fail');
    expect(metadata.findings.map((f) => f.message).join(' ')).toContain('Kalevala');
    const images = check(evidence, 'content/image-alternatives');
    expect(images.findings.map((f) => f.message).join(' ')).toContain('Kuukausilehti');
    expect(images.findings.map((f) => f.message).join(' ')).not.toContain('Seitsemän');
    expect(check(evidence, 'content/language').status).toBe('fail');
    const ace = check(evidence, 'content/ace-wcag');
    expect(ace.findings.map((f) => f.message).join(' ')).toMatch(/image-alt.*html-has-lang|html-has-lang.*image-alt/s);
    expect(check(evidence, 'content/conformance-claim').status).toBe('fail');
    for (const id of ['content/statement-present', 'content/statement-complete', 'content/statement-current', 'content/acr-readable'])
      expect(check(evidence, id).status, id).toBe('pass');
  });
});
