/**
 * A copy of the project's configuration pointing at a demo world on ephemeral ports, so that an
 * end-to-end test never competes for the demo world's fixed ports with another run on the machine.
 * A test may also narrow the copied services (test-only settings: fewer suites, a shorter journey,
 * fewer patron roles) to the smallest matrix that proves its claim — see `narrowService`.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import type { DemoWorld } from '../../fixtures/world.ts';
import { DEFAULT_PORTS } from '../../fixtures/world.ts';
import type { Suite } from '../../src/core/ids.ts';
import { ROOT } from './cli.ts';

/** How a test narrows one copied service (each field optional; absent = as the demo ships it). */
export interface ServiceNarrowing {
  /** Service YAML `suites:` — the others are recorded as not applicable. */
  suites?: Suite[];
  /** Journey steps kept from the start. */
  steps?: number;
  /** Patron roles kept (each role is one more login in the login suite). */
  roles?: string[];
}

/** The service YAML text with a narrowing applied (parsed and written back with the yaml library). */
export function narrowService(text: string, n: ServiceNarrowing): string {
  const doc = YAML.parse(text) as Record<string, unknown> & { journey: unknown[]; patrons: Record<string, unknown> };
  if (n.suites) doc.suites = n.suites;
  if (n.steps !== undefined) {
    doc.journey = doc.journey.slice(0, n.steps);
    // Compatibility extras (reader, media) name a step: keep them only if their step is kept.
    const kept = new Set(doc.journey.map((s) => (s as { id: string }).id));
    const compat = doc.compatibility as Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(compat ?? {})) {
      const step = v && typeof v === 'object' && 'step' in v ? v.step : undefined;
      if (typeof step === 'string' && !kept.has(step)) delete compat?.[k];
    }
    // Likewise the content suite's download step; a content section left with nothing is dropped.
    const content = doc.content as Record<string, unknown> | undefined;
    const download = content?.download as { step?: unknown } | undefined;
    if (content && typeof download?.step === 'string' && !kept.has(download.step)) {
      delete content.download;
      if (Object.keys(content).length === 0) delete doc.content;
    }
  }
  if (n.roles) doc.patrons = Object.fromEntries(n.roles.map((r) => [r, doc.patrons[r]]));
  return YAML.stringify(doc);
}

/**
 * Copies services/, devices/ and profiles/ into a temporary root, rewriting the vendors' base URLs;
 * `narrow` maps a service id to the narrowing applied to its copy.
 */
export function ephemeralConfig(world: DemoWorld, profile: string, narrow: Record<string, ServiceNarrowing> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'erh-config-'));
  for (const dir of ['services', 'devices', 'profiles']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
  for (const file of readdirSync(join(root, 'services'))) {
    let text = readFileSync(join(root, 'services', file), 'utf8');
    for (const [id, url] of Object.entries(world.urls)) {
      const port = DEFAULT_PORTS[id as keyof typeof DEFAULT_PORTS];
      text = text.replaceAll(`http://127.0.0.1:${port}`, url);
    }
    const n = narrow[file.replace(/\.yaml$/, '')];
    writeFileSync(join(root, 'services', file), n ? narrowService(text, n) : text);
  }
  writeFileSync(join(root, 'profiles', 'e2e.yaml'), profile);
  return root;
}
