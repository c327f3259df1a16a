/**
 * erh record in a real headed Chromium on a virtual display (Xvfb started here): Playwright's recorder
 * sees a search, a title, a login, and erh's translation gives the journey and login block with the
 * patron's environment references — the typed card and PIN nowhere in the output, though the site's
 * GET form puts them in the address of the page after the login. Skipped where Xvfb is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSession, translateRecording, translationYaml } from '../../src/cli/record.ts';

const XVFB = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find((p) => existsSync(p));
const CARD = '21234000012345';
const PIN = '975318';
const login = '<a href="/login">Kirjaudu</a>';
const PAGES: Record<string, string> = {
  '/': `<main><h1>Kirjaston e-kirjat</h1><label>Hae kokoelmasta <input type="search" name="q"></label><button onclick="location.href='/haku'">Hae</button>${login}</main>`,
  '/haku': `<main><h1>Hakutulokset</h1><a href="/kirja">Seitsemän veljestä</a>${login}</main>`,
  '/kirja': `<main><h1>Seitsemän veljestä</h1>${login}</main>`,
  '/login':
    '<main><h1>Kirjaudu</h1><form action="/tili"><label>Kirjastokortin numero <input name="c"></label><label>Tunnusluku <input type="password" name="p"></label><button>Kirjaudu sisään</button></form></main>',
  '/tili': '<main><h1>Oma tili</h1><button>Kirjaudu ulos</button></main>',
};

let server: Server;
let xvfb: ChildProcess | undefined;
let display = '';
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = PAGES[(req.url ?? '/').split('?')[0] ?? '/'];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ? `<!doctype html><html lang="fi"><title>E</title>${page}</html>` : 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  if (!XVFB) return;
  // -displayfd: Xvfb picks a free display and writes its number on fd 3 once it accepts clients.
  xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  display = await new Promise<string>((done, fail) => {
    let text = '';
    xvfb?.stdio[3]?.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('\n')) done(`:${text.trim()}`);
    });
    xvfb?.on('exit', (code) => fail(new Error(`Xvfb exited (${code})`)));
  });
});
afterAll(async () => {
  xvfb?.kill();
  await new Promise<void>((done) => server.close(() => done()));
});

describe('erh record', () => {
  it.skipIf(!XVFB)('turns a recorded search and login into journey YAML without the typed secrets', async () => {
    const { entries } = await recordSession({
      url: base,
      display,
      drive: async (page) => {
        // A patron's pace: the recorder holds a click back up to 500 ms, erh reads each page's heading once settled.
        const settle = () => page.waitForTimeout(1500);
        await settle();
        await page.getByLabel('Hae kokoelmasta').fill('Kivi');
        await page.getByRole('button', { name: 'Hae' }).click();
        await page.waitForURL('**/haku');
        await settle();
        await page.getByRole('link', { name: 'Seitsemän veljestä' }).click();
        await page.waitForURL('**/kirja');
        await settle();
        await page.getByRole('link', { name: 'Kirjaudu' }).click();
        await page.waitForURL('**/login');
        await settle();
        await page.getByLabel('Kirjastokortin numero').fill(CARD);
        await page.getByLabel('Tunnusluku').fill(PIN);
        await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
        await page.waitForURL('**/tili**');
        await settle();
      },
    });
    const t = translateRecording({ entries, baseUrl: base, serviceId: 'demo' });
    expect(t.journey.map((s) => s.id)).toEqual(['landing', 'haku', 'kirja', 'login', 'tili']);
    expect(t.journey[1]?.actions).toEqual([
      { fill: { target: { role: 'searchbox', name: 'Hae kokoelmasta' }, value: 'Kivi' } },
      { click: { role: 'button', name: 'Hae' } },
      { expect: { role: 'heading', name: 'Hakutulokset' } },
    ]);
    expect(t.login).toMatchObject({
      start: [{ goto: '/login' }],
      card: { role: 'textbox', name: 'Kirjastokortin numero' },
      pin: { role: 'textbox', name: 'Tunnusluku' },
      submit: { role: 'button', name: 'Kirjaudu sisään' },
    });
    expect(t.journey[4]?.actions[0]).toEqual({ login: 'valid' });
    const yaml = translationYaml(t, base);
    expect(yaml).toContain('env: DEMO_VALID_PIN');
    for (const secret of [CARD, PIN]) {
      expect(yaml).not.toContain(secret);
      // What erh keeps of the recording carries the typed values only in the fills' text, in memory.
      expect(JSON.stringify(entries.map((e) => ({ ...e, text: undefined })))).not.toContain(secret);
    }
  }, 40_000);
});
