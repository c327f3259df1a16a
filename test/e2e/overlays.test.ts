/**
 * `erh run` on the Ikkuna fixture vendor (fixtures/vendors/ikkuna) on the default desktop devices:
 * two open-access services over the same vendor — one whose journey opens the correct modal login
 * dialog, one whose journey opens the trapping newsletter dialog (and meets a late reflow and an
 * error the page shows in its own dialog). The trap fails no-keyboard-trap on every device, the
 * modal passes it and dialog-focus, reflow passes, and the hidden error is a page error.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIkkuna, type Ikkuna } from '../../fixtures/vendors/ikkuna/app.ts';
import { RunResultSchema, type CheckResult, type RunResult } from '../../src/core/index.ts';
import { ROOT, erh, type CliResult } from '../support/cli.ts';

const DEVICES = ['desktop-chromium', 'desktop-firefox'];

function serviceYaml(id: string, url: string, steps: string): string {
  return `id: ${id}
name: Ikkuna (${id})
vendor: Ikkuna Oy (test)
kind: ebook
baseUrl: ${url}/
languages: [fi]
login: { strategy: none }
suites: [accessibility, compatibility]
journey:
${steps}
timeouts: { navigationMs: 8000, actionMs: 4000 }
`;
}

const MODAL = `  - id: login-dialog
    name: Kirjautumisikkuna
    actions:
      - goto: /modal
      - click: { role: button, name: Kirjaudu sisään }
      - expect: { role: dialog, name: Kirjaudu sisään }
`;

const TRAP = `  - id: shelf
    name: Kirjahylly
    actions:
      - goto: /reflow-late
      - expect: { role: heading, name: Kirjahylly }
  - id: newsletter
    name: Uutiskirje
    actions:
      - goto: /trap
      - click: { role: button, name: Tilaa uutiskirje }
      - expect: { role: dialog, name: Tilaa uutiskirje }
  - id: borrow
    name: Lainaus
    actions:
      - goto: /error-dialog
      - click: { role: button, name: Lainaa }
      - expect: { text: Jokin meni vikaan }
`;

let ikkuna: Ikkuna;
let run: CliResult;
let result: RunResult;

beforeAll(async () => {
  ikkuna = await startIkkuna();
  const root = mkdtempSync(join(tmpdir(), 'erh-ikkuna-'));
  for (const d of ['services', 'devices', 'profiles']) mkdirSync(join(root, d));
  cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
  for (const d of DEVICES) cpSync(join(ROOT, 'devices', `${d}.yaml`), join(root, 'devices', `${d}.yaml`));
  writeFileSync(join(root, 'services', 'ikkuna-modal.yaml'), serviceYaml('ikkuna-modal', ikkuna.url, MODAL));
  writeFileSync(join(root, 'services', 'ikkuna-trap.yaml'), serviceYaml('ikkuna-trap', ikkuna.url, TRAP));
  writeFileSync(join(root, 'profiles', 'overlays.yaml'), 'id: overlays\nname: Overlays\nweights: { login: 0, accessibility: 60, performance: 0, compatibility: 40 }\n');
  const reports = join(root, 'reports');
  run = await erh(['run', '--config', root, '--profile', 'overlays', '--devices', DEVICES.join(','), '--reports', reports], { env: {}, timeoutMs: 8 * 60_000 });
  result = RunResultSchema.parse(JSON.parse(readFileSync(join(reports, 'latest', 'results.json'), 'utf8')));
}, 9 * 60_000);

afterAll(async () => {
  await ikkuna?.close();
});

function check(service: string, device: string, id: string): CheckResult | undefined {
  const t = result.targets.find((x) => x.service === service && x.device === device);
  const suite = id.split('/')[0] as 'accessibility' | 'compatibility';
  return t?.suites[suite].checks.find((c) => c.id === id);
}

describe.each(DEVICES)('Ikkuna overlays in erh run on %s', (device) => {
  it('the run completes', () => {
    expect(result.targets.filter((t) => t.device === device).map((t) => t.service).sort(), run.stdout.slice(-2000) + run.stderr.slice(-2000)).toEqual(['ikkuna-modal', 'ikkuna-trap']);
  });

  it('the trapping dialog fails no-keyboard-trap at its step', () => {
    const c = check('ikkuna-trap', device, 'accessibility/no-keyboard-trap');
    expect(c?.status).toBe('fail');
    expect(c?.findings.map((f) => f.step)).toEqual(['newsletter']);
  });

  it('the correct modal passes no-keyboard-trap, keyboard-reachable and dialog-focus', () => {
    for (const id of ['accessibility/no-keyboard-trap', 'accessibility/keyboard-reachable', 'accessibility/dialog-focus']) {
      expect(check('ikkuna-modal', device, id)?.status, id).toBe('pass');
    }
  });

  it('the late reflow passes; the error the page shows in its own dialog is a page error', () => {
    expect(check('ikkuna-trap', device, 'accessibility/reflow')?.status).toBe('pass');
    const errors = check('ikkuna-trap', device, 'compatibility/page-errors');
    expect(errors?.status).toBe('fail');
    expect(errors?.findings.map((f) => f.message).join(' ')).toContain('ikkuna: lainapalvelu ei vastannut');
  });
});
