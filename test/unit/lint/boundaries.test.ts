/**
 * The import boundaries `npm run lint` checks (dependency-cruiser.config.mjs): the real tree holds
 * them with no import cycle, and a forbidden import in a pure folder — a Node built-in, a browser
 * driver, a dynamic import(), an impure folder — or a cycle fails the same check, run the same way
 * on a small tree written for the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/cli.ts';

const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const CONFIG = join(ROOT, 'dependency-cruiser.config.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Runs the lint's dependency check in `cwd` on `paths`; returns its violations. */
function cruise(cwd: string, paths: string[]): Violation[] {
  let out: string;
  try {
    const args = [CLI, ...paths, '--config', CONFIG, '--output-type', 'json'];
    out = execFileSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // Violations make the check exit non-zero; its report is still on stdout.
    out = (e as { stdout?: string }).stdout ?? '';
    if (!out) throw e;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'erh-boundaries-'));
  // Stand-ins for two npm packages, so that their imports resolve as they would in src/.
  for (const pkg of ['zod', 'playwright-core']) {
    mkdirSync(join(dir, 'node_modules', pkg), { recursive: true });
    const manifest = { name: pkg, version: '1.0.0', main: 'index.js' };
    writeFileSync(join(dir, 'node_modules', pkg, 'package.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'node_modules', pkg, 'index.js'), 'module.exports = {};\n');
  }
  const compilerOptions = { module: 'NodeNext', allowImportingTsExtensions: true, noEmit: true };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('import boundaries (npm run lint)', () => {
  it('hold in src/ and suites/, with no import cycle', () => {
    expect(cruise(ROOT, ['src', 'suites']).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);

  it('refuse a forbidden import in a pure folder, and a cycle', () => {
    const dir = tree({
      'src/core/ids.ts': 'export const ID = 1;\n',
      'src/gather/kit.ts': 'export const KIT = 1;\n',
      'src/checks/fine.ts': "import { ID } from '../core/ids.ts';\nexport const FINE = ID;\n",
      'src/checks/reads-files.ts': "import { readFileSync } from 'node:fs';\nexport const READ = readFileSync;\n",
      'src/checks/gathers.ts': "import { KIT } from '../gather/kit.ts';\nexport const G = KIT;\n",
      'src/scorecard/drives.ts': "import { chromium } from 'playwright-core';\nexport const C = chromium;\n",
      'src/core/validates.ts': "import { z } from 'zod';\nexport const S = z.string();\n",
      'src/render/dynamic.ts': "export const later = () => import('../core/ids.ts');\n",
      'src/scoring/a.ts': "import { B } from './b.ts';\nexport const A = B;\n",
      'src/scoring/b.ts': "import { A } from './a.ts';\nexport const B = () => A;\n",
    });
    const found = cruise(dir, ['src']).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual([
      'no-circular: src/scoring/a.ts → src/scoring/b.ts',
      'not-in-allowed: src/checks/gathers.ts → src/gather/kit.ts',
      'not-in-allowed: src/checks/reads-files.ts → fs',
      'not-in-allowed: src/scorecard/drives.ts → node_modules/playwright-core/index.js',
      'pure-no-browser: src/scorecard/drives.ts → node_modules/playwright-core/index.js',
      'pure-no-dynamic-import: src/render/dynamic.ts → src/core/ids.ts',
      'pure-no-node: src/checks/reads-files.ts → fs',
    ]);
  }, 60_000);
});
