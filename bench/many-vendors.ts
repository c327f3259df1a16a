/**
 * Memory over many vendors (issue 8, resource bounds): the same evaluation over 5 and over 20
 * candidate services (copies of the demo's three vendors under other ids, on one device, Lighthouse
 * off so that only the gathering and evaluation stages are measured), with the peak resident memory
 * of the whole process tree (erh, Playwright, workers, browsers) for each. Flat memory means the
 * 20-vendor peak stays close to the 5-vendor one: it is bounded by the number of workers, not of
 * vendors. Called by bench/run.ts; `node bench/many-vendors.ts` runs it alone.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { startDemoWorld, VENDOR_IDS, type DemoWorld } from '../fixtures/world.ts';
import { samplePeak, type TreeMemory } from './proctree.ts';

const ROOT = join(import.meta.dirname, '..');

/** A configuration root with `count` services cycling over the demo vendors. */
export function manyVendorConfig(world: DemoWorld, count: number): string {
  const root = mkdtempSync(join(tmpdir(), `erh-bench-${count}-`));
  for (const d of ['services', 'devices', 'profiles']) mkdirSync(join(root, d));
  cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'devices', 'desktop-chromium.yaml'), join(root, 'devices', 'desktop-chromium.yaml'));
  for (let i = 0; i < count; i++) {
    const vendor = VENDOR_IDS[i % VENDOR_IDS.length]!;
    const doc = YAML.parse(readFileSync(join(ROOT, 'services', `${vendor}.yaml`), 'utf8')) as Record<string, unknown> & { journey: Array<Record<string, unknown>> };
    const id = `v${String(i + 1).padStart(2, '0')}-${vendor}`;
    doc.id = id;
    doc.baseUrl = `${world.urls[vendor]}/`;
    doc.journey = doc.journey.map((s) => ({ ...s, lighthouse: false }));
    writeFileSync(join(root, 'services', `${id}.yaml`), YAML.stringify(doc));
  }
  writeFileSync(join(root, 'profiles', 'bench.yaml'), 'id: bench\nname: Memory bench\nweights: { login: 30, accessibility: 35, performance: 15, compatibility: 20 }\nruns: { lighthouse: 1, timings: 1 }\n');
  return root;
}

function runMeasured(root: string, env: Record<string, string>): Promise<{ seconds: number; peak: TreeMemory; code: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/erh.js'), 'run', '--config', root, '--profile', 'bench', '--devices', 'desktop-chromium', '--reports', join(root, 'reports')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const sampler = samplePeak(child.pid!);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ seconds: (performance.now() - t) / 1000, peak: sampler.stop(), code: code ?? 1 }));
  });
}

/** Runs the 5- and 20-vendor evaluations on `world` and prints their peak memory. */
export async function manyVendorsBench(world: DemoWorld): Promise<Array<[string, string, string]>> {
  const rows: Array<[string, string, string]> = [];
  const peaks: number[] = [];
  for (const count of [5, 20]) {
    console.log(`bench: ${count} vendors × 1 device × gathering suites (memory)…`);
    const r = await runMeasured(manyVendorConfig(world, count), world.env);
    const judged = r.peak.pss ?? r.peak.rss;
    peaks.push(judged);
    rows.push([
      `peak memory, ${count} vendors (${r.peak.pss === null ? 'RSS' : 'PSS'})`,
      `${(judged / 2 ** 30).toFixed(2)} GiB`,
      `RSS summed over processes ${(r.peak.rss / 2 ** 30).toFixed(2)} GiB; ${r.seconds.toFixed(0)} s${r.code !== 0 ? `, exit ${r.code}` : ''}`,
    ]);
  }
  const ratio = (peaks[1] ?? 0) / (peaks[0] || 1);
  rows.push(['memory 20 / 5 vendors', `${ratio.toFixed(2)}×`, `target ≤ 1.25× (flat) ${ratio <= 1.25 ? '✓' : '✗'}`]);
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(36)} ${value.padStart(10)}   ${note}`);
  return rows;
}

if (import.meta.main) {
  const { runTmpDir } = await import('../test/support/tmp-dir.ts');
  const tmp = runTmpDir('erh-bench-run-', 'ERH_KEEP_BENCH_TMP');
  const world = await startDemoWorld({ ports: 'ephemeral', kuunteliHeroDelayMs: 50 });
  try {
    await manyVendorsBench(world);
  } finally {
    await world.stop();
    tmp.remove();
  }
}
