/**
 * A copy of demo-auth/ (the authentication demo's services, devices and profile) pointing at a demo
 * world on ephemeral ports: every default port in the YAMLs is rewritten to the world's.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORTS, type DemoWorld } from '../../fixtures/world.ts';
import { ROOT } from './cli.ts';

export function authConfig(world: DemoWorld, options: { services?: (file: string, text: string) => string } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'erh-auth-config-'));
  for (const dir of ['services', 'devices', 'profiles']) cpSync(join(ROOT, 'demo-auth', dir), join(root, dir), { recursive: true });
  const actual: Record<string, string> = { ...world.urls, ...world.auth.urls };
  for (const file of readdirSync(join(root, 'services'))) {
    let text = readFileSync(join(root, 'services', file), 'utf8');
    for (const [name, url] of Object.entries(actual)) {
      const port = DEFAULT_PORTS[name as keyof typeof DEFAULT_PORTS];
      if (port) text = text.replaceAll(`http://127.0.0.1:${port}`, url);
    }
    writeFileSync(join(root, 'services', file), options.services ? options.services(file, text) : text);
  }
  return root;
}
