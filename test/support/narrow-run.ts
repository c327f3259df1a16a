/**
 * A narrow `erh run` on an ephemeral demo world (for a developer checking one part by hand):
 *   npx node test/support/narrow-run.ts --services kirjava,lehtisali --devices desktop-chromium
 * Arguments after the script are passed to `erh run`; prints the run directory.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoWorld } from '../../fixtures/world.ts';
import { erh } from './cli.ts';
import { ephemeralConfig } from './ephemeral-config.ts';

const world = await startDemoWorld({ ports: 'ephemeral' });
try {
  const root = ephemeralConfig(world, readFileSync(join(import.meta.dirname, '../../profiles/default.yaml'), 'utf8').replace(/^id: default$/m, 'id: e2e'));
  const reports = mkdtempSync(join(tmpdir(), 'erh-narrow-'));
  const t = performance.now();
  const r = await erh(['run', '--config', root, '--reports', reports, '--profile', 'e2e', ...process.argv.slice(2)], { env: world.env, timeoutMs: 15 * 60_000 });
  process.stdout.write(r.stdout.split('\n').slice(-40).join('\n'));
  process.stderr.write(r.stderr.slice(-4000));
  console.log(`\nexit ${r.code} in ${((performance.now() - t) / 1000).toFixed(1)} s; reports in ${reports}/latest`);
} finally {
  await world.stop();
}
