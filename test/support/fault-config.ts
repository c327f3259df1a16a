/**
 * Test-only configurations for reliability tests (never part of the demo): service YAMLs derived
 * from the demo's own (services/<vendor>.yaml) but pointing at a given demo world, with their own
 * service id, patrons' environment variables prefixed per world (each world draws its own patrons),
 * a short journey and short time limits, on one device (desktop-chromium), with Lighthouse off.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import type { DemoWorld, VendorId } from '../../fixtures/world.ts';
import type { Suite } from '../../src/core/ids.ts';
import { ROOT } from './cli.ts';

export interface FaultService {
  /** Service id in the test configuration, e.g. "down". */
  id: string;
  world: DemoWorld;
  /** Prefix of this world's patron variables, e.g. "FA" → FA_VALID_CARD. */
  envPrefix: string;
  vendor: VendorId;
  /** Journey steps kept from the demo service (default 1: the landing page). */
  steps?: number;
  timeouts?: { navigationMs: number; actionMs: number };
  loginTimeoutMs?: number;
  /** Patron roles kept (default: only the valid patron — each role is one more login per suite). */
  roles?: string[];
  /** Only these suites (service YAML `suites:`); the others are recorded as not applicable. */
  suites?: Suite[];
}

export const FAULT_PROFILE = `id: faults
name: Reliability tests
weights: { login: 30, accessibility: 35, performance: 15, compatibility: 20 }
gates:
  - id: valid-patron-logs-in
    check: login/valid-patron
runs: { lighthouse: 1 }
`;

/** The service YAML of one fault scenario (as text). */
export function faultServiceYaml(s: FaultService): string {
  const doc = YAML.parse(readFileSync(join(ROOT, 'services', `${s.vendor}.yaml`), 'utf8')) as Record<string, unknown> & {
    journey: Array<Record<string, unknown>>;
    login: Record<string, unknown>;
    patrons: Record<string, unknown>;
  };
  doc.id = s.id;
  doc.name = `${String(doc.name)} (${s.id})`;
  doc.baseUrl = `${s.world.urls[s.vendor]}/`;
  doc.journey = doc.journey.slice(0, s.steps ?? 1).map((step) => ({ ...step, lighthouse: false }));
  delete doc.compatibility;
  // The content suite's publications and statement are the demo test's (a shortened journey may not reach its download step).
  delete doc.content;
  doc.login = { ...doc.login, timeoutMs: s.loginTimeoutMs ?? 6000 };
  const patrons = doc.patrons as Record<string, unknown>;
  doc.patrons = Object.fromEntries((s.roles ?? ['valid']).map((r) => [r, patrons[r]]));
  doc.timeouts = s.timeouts ?? { navigationMs: 8000, actionMs: 5000 };
  if (s.suites) doc.suites = s.suites;
  const text = YAML.stringify(doc);
  // Patrons and the library system's account (pre-flight) come from this world's variables.
  return text.replaceAll(/\bDEMO_([A-Z0-9_]+)\b/g, `${s.envPrefix}_$1`);
}

/** This world's variables (patrons, library system) under the scenario's prefix (DEMO_VALID_PIN → FA_VALID_PIN). */
export function prefixedEnv(world: DemoWorld, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(world.env)
      .filter(([k]) => k.startsWith('DEMO_'))
      .map(([k, v]) => [k.replace(/^DEMO_/, `${prefix}_`), v]),
  );
}

/** A configuration root with these services, the desktop-chromium device and the test profile. */
export function faultConfig(services: FaultService[], profile = FAULT_PROFILE): string {
  const root = mkdtempSync(join(tmpdir(), 'erh-faults-'));
  mkdirSync(join(root, 'services'));
  mkdirSync(join(root, 'devices'));
  mkdirSync(join(root, 'profiles'));
  cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'devices', 'desktop-chromium.yaml'), join(root, 'devices', 'desktop-chromium.yaml'));
  for (const s of services) writeFileSync(join(root, 'services', `${s.id}.yaml`), faultServiceYaml(s));
  writeFileSync(join(root, 'profiles', 'faults.yaml'), profile);
  return root;
}

/** Every patron card number and PIN (and library account secret) of these worlds. */
export function worldSecrets(worlds: DemoWorld[]): string[] {
  return [
    ...new Set(
      worlds.flatMap((w) => [
        ...Object.entries(w.env).filter(([k]) => /_(CARD|PIN|PASSWORD)$/.test(k)).map(([, v]) => v),
      ]),
    ),
  ];
}

/**
 * Processes still alive that belong to a run: every process the harness starts (Playwright, its
 * workers, browsers, drivers) inherits ERH_RUN_DIR, so /proc/<pid>/environ names the run.
 */
export async function processesOfRun(runDir: string): Promise<Array<{ pid: number; cmd: string }>> {
  const needle = `ERH_RUN_DIR=${runDir}\0`;
  const out: Array<{ pid: number; cmd: string }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = await readFile(`/proc/${name}/environ`, 'utf8');
      if (!env.includes(needle)) continue;
      const cmd = (await readFile(`/proc/${name}/cmdline`, 'utf8')).split('\0').join(' ').slice(0, 200);
      out.push({ pid: Number(name), cmd });
    } catch {
      continue;
    }
  }
  return out;
}

/** Command lines of all processes of a run (to check that no secret is on one). */
export async function commandLinesOfRun(runDir: string): Promise<string[]> {
  const needle = `ERH_RUN_DIR=${runDir}\0`;
  const out: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!(await readFile(`/proc/${name}/environ`, 'utf8')).includes(needle)) continue;
      out.push((await readFile(`/proc/${name}/cmdline`, 'utf8')).split('\0').join(' '));
    } catch {
      continue;
    }
  }
  return out;
}
