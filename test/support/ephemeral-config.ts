/**
 * A copy of the project's configuration pointing at a demo world on ephemeral ports, so that an
 * end-to-end test never competes for the demo world's fixed ports with another run on the machine.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoWorld } from '../../fixtures/world.ts';
import { DEFAULT_PORTS } from '../../fixtures/world.ts';
import { ROOT } from './cli.ts';

/** Copies services/, devices/ and profiles/ into a temporary root, rewriting the vendors' base URLs. */
export function ephemeralConfig(world: DemoWorld, profile: string): string {
  const root = mkdtempSync(join(tmpdir(), 'erh-config-'));
  for (const dir of ['services', 'devices', 'profiles']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
  for (const file of readdirSync(join(root, 'services'))) {
    let text = readFileSync(join(root, 'services', file), 'utf8');
    for (const [id, url] of Object.entries(world.urls)) {
      const port = DEFAULT_PORTS[id as keyof typeof DEFAULT_PORTS];
      text = text.replaceAll(`http://127.0.0.1:${port}`, url);
    }
    writeFileSync(join(root, 'services', file), text);
  }
  writeFileSync(join(root, 'profiles', 'e2e.yaml'), profile);
  return root;
}
