/**
 * `erh audit --sitemap`: the public pages of a small site on 127.0.0.1 through the same pipeline as
 * `erh run` (accessibility + compatibility, one device). The site's second page has an image without a
 * text alternative; its first page has none: the finding must be reported at that page's step only.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, erh } from '../support/cli.ts';

const PAGES: Record<string, string> = {
  '/': '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kirjasto</title></head><body><main><h1>Kirjaston e-aineistot</h1><p><a href="/kirjat">Kirjat</a></p></main></body></html>',
  '/kirjat':
    '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kirjat</title></head><body><main><h1>Kirjat</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40"></main></body></html>',
};

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/</loc></url><url><loc>${base}/kirjat</loc></url></urlset>`,
      );
      return;
    }
    const page = PAGES[req.url ?? ''];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

interface Results {
  services: Array<{ id: string; login: unknown; journey: Array<{ id: string }> }>;
  targets: Array<{
    suites: Record<string, { status: string; checks?: Array<{ id: string; status: string; findings?: Array<{ step?: string }> }> }>;
  }>;
}

describe('erh audit', () => {
  it('audits the pages a sitemap lists with the same checks and scorecard as erh run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'erh-audit-'));
    // One timed walk and one Lighthouse run: this test is about which checks run where, not about timings.
    const profile = join(dir, 'quick.yaml');
    writeFileSync(
      profile,
      readFileSync(join(ROOT, 'profiles/default.yaml'), 'utf8')
        .replace(/^id: default$/m, 'id: quick')
        .replace(/^(\s*lighthouse:)\s*\d+/m, '$1 1')
        .replace(/^(\s*timings:)\s*\d+/m, '$1 1'),
    );
    const r = await erh(
      ['audit', '--sitemap', `${base}/sitemap.xml`, '--devices', 'desktop-chromium', '--reports', dir, '--profile', profile],
      // Under the load of the other end-to-end files (three at a time on two cores) it took 90 s once.
      { timeoutMs: 240_000 },
    );
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/erh: scorecard +.*scorecard\.html/);
    const results = JSON.parse(readFileSync(join(dir, 'latest', 'results.json'), 'utf8')) as Results;
    expect(results.services).toHaveLength(1);
    expect(results.services[0]?.journey.map((s) => s.id)).toEqual(['home', 'kirjat']);
    const suites = results.targets[0]!.suites;
    expect(suites.login?.status).toBe('not-applicable');
    const imageAlt = suites.accessibility?.checks?.find((c) => c.id === 'accessibility/axe/image-alt');
    expect(imageAlt?.status).toBe('fail');
    expect(imageAlt?.findings?.map((f) => f.step)).toEqual(['kirjat']);
    expect(readFileSync(join(dir, 'latest', 'scorecard.en.html'), 'utf8')).toContain(`127.0.0.1:${new URL(base).port}`);
  }, 250_000);

  it('without pages, or with an address carrying credentials, says so and exits 2', async () => {
    const none = await erh(['audit']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no pages to audit: give their addresses, --sitemap <url> or --urls <file>/);
    const file = join(mkdtempSync(join(tmpdir(), 'erh-audit-')), 'pages.txt');
    writeFileSync(file, `# the library's pages\n${base}/\nhttps://me:pw@vendor.example/\n`);
    const creds = await erh(['audit', '--urls', file]);
    expect(creds.code).toBe(2);
    expect(creds.stderr).toMatch(/pages\.txt \(address 2\): .*must not carry credentials/);
    expect(creds.stderr).not.toContain('pw@');
  });
});
