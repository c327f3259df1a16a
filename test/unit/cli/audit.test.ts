import { describe, expect, it } from 'vitest';
import { auditServices, pageUrl, parseSitemap, sitemapPages, urlsFromText } from '../../../src/cli/audit.ts';
import { ServiceSchema } from '../../../src/core/config.ts';

const URLSET = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://kirjasto.example/ </loc><lastmod>2026-01-01</lastmod></url>
  <url><loc>https://kirjasto.example/e-aineistot?kieli=fi</loc></url>
</urlset>`;

describe('sitemaps', () => {
  it('reads the <loc> of a urlset, trimmed, in order', () => {
    expect(parseSitemap(URLSET, 's.xml')).toEqual({
      pages: ['https://kirjasto.example/', 'https://kirjasto.example/e-aineistot?kieli=fi'],
      sitemaps: [],
    });
  });

  it('follows a sitemap index one level', async () => {
    const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://kirjasto.example/a.xml</loc></sitemap></sitemapindex>`;
    const served: Record<string, string> = { 'https://kirjasto.example/index.xml': index, 'https://kirjasto.example/a.xml': URLSET };
    const fetcher = (async (url: string) => new Response(served[url] ?? '', { status: served[url] ? 200 : 404 })) as typeof fetch;
    expect(await sitemapPages('https://kirjasto.example/index.xml', fetcher)).toEqual([
      'https://kirjasto.example/',
      'https://kirjasto.example/e-aineistot?kieli=fi',
    ]);
    await expect(sitemapPages('https://kirjasto.example/missing.xml', fetcher)).rejects.toThrow(/answered HTTP 404/);
  });

  it('refuses what is not a sitemap, naming it', () => {
    expect(() => parseSitemap('<html><body>hi</body></html>', 'https://x.example/s.xml')).toThrow(/root element is <html>/);
    expect(() => parseSitemap('<urlset><url><loc>x</url>', 'https://x.example/s.xml')).toThrow(/not a readable XML sitemap/);
  });
});

describe('addresses', () => {
  it('a --urls file: one per line, comments and blank lines skipped', () => {
    expect(urlsFromText('# pages\n\nhttps://a.example/x#top\r\n  https://a.example/y  \n', 'pages.txt')).toEqual([
      'https://a.example/x',
      'https://a.example/y',
    ]);
  });

  it('refuses relative, script and credential-carrying addresses without repeating the secret', () => {
    expect(() => pageUrl('/relative', 'a')).toThrow(/not an absolute URL/);
    expect(() => pageUrl('javascript:alert(1)', 'a')).toThrow(/script URL/);
    expect(() => pageUrl('ftp://a.example/', 'a')).toThrow(/http:\/\/ or https:\/\//);
    let message = '';
    try {
      pageUrl('https://me:hunter2@a.example/', 'pages.txt (address 3)');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^pages\.txt \(address 3\): a URL must not carry credentials/);
    expect(message).not.toContain('hunter2');
  });
});

describe('the services of an audit', () => {
  it('one open-access service per site, one goto step per page, accessibility and compatibility only', () => {
    const services = auditServices([
      'https://kirjasto.example/',
      'http://127.0.0.1:4711/kirja/1',
      'https://kirjasto.example/e-aineistot?kieli=fi',
      'https://kirjasto.example/',
      'https://kirjasto.example/E-aineistot',
    ]).map((s) => ServiceSchema.parse(s));
    expect(services.map((s) => [s.id, s.baseUrl])).toEqual([
      ['kirjasto-example', 'https://kirjasto.example/'],
      ['127-0-0-1-4711', 'http://127.0.0.1:4711/'],
    ]);
    const [site] = services;
    expect(site?.login).toEqual({ strategy: 'none' });
    expect(site?.patrons).toEqual({});
    expect(site?.suites).toEqual(['accessibility', 'compatibility']);
    expect(site?.journey.map((s) => [s.id, s.actions])).toEqual([
      ['home', [{ goto: 'https://kirjasto.example/' }]],
      ['e-aineistot-kieli-fi', [{ goto: 'https://kirjasto.example/e-aineistot?kieli=fi' }]],
      ['e-aineistot', [{ goto: 'https://kirjasto.example/E-aineistot' }]],
    ]);
  });
});
