/**
 * erh — the command line. Exit codes: 0 done (gates passed, when asked to gate); 1 gates failed;
 * 2 configuration or usage error; 3 harness failure. A user mistake is one line naming the file and
 * field, never a stack trace.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ConfigError, EXIT, HarnessError } from '../core/errors.ts';
import { loadConfig } from '../config/load.ts';
import { loadDotEnv } from '../config/secrets.ts';
import { generateSchemas } from '../config/json-schema.ts';
import { HARNESS_VERSION } from '../reporting/version.ts';
import type { RunOutcome } from './orchestrate.ts';
import { summarize } from './summary.ts';

// Commands import what they need when they run: `erh validate` should not load Playwright.
const PACKAGE_ROOT = resolve(import.meta.dirname, '../..');
const orchestrate = () => import('./orchestrate.ts');
const finalize = () => import('../reporting/finalize.ts');

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function csv(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function shard(value: string): { index: number; total: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || index < 1 || total < 1 || index > total) throw new InvalidArgumentError('expected i/n, e.g. 1/2');
  return { index, total };
}

function report(outcome: RunOutcome, gate: boolean): number {
  const { final } = outcome;
  out(summarize(final.result));
  for (const p of final.problems) out(`erh: evidence not used: ${p}`);
  out(`erh: results    ${relative(process.cwd(), final.files.results)}`);
  out(`erh: scorecard  ${relative(process.cwd(), final.files.scorecard)}  (also ${Object.values(final.files.scorecards).map((f) => f.split('/').pop()).join(', ')})`);
  out(`erh: junit      ${relative(process.cwd(), final.files.junit)}`);
  out(`erh: done in ${outcome.seconds.total.toFixed(0)}s (gathering ${outcome.seconds.gather.toFixed(0)}s, performance ${outcome.seconds.performance.toFixed(0)}s)`);
  if (outcome.harnessFailed) {
    out('erh: some gathering failed in the harness itself (see ✗ lines above); those cells are marked harness-error');
    return EXIT.harness;
  }
  if (gate && final.result.scorecard.some((e) => !e.eligible)) return EXIT.gatesFailed;
  return EXIT.ok;
}

const program = new Command()
  .name('erh')
  .description('E-resource harness: test candidate library e-resource services across browsers and devices, and score them side by side.')
  .version(HARNESS_VERSION)
  .exitOverride()
  .showHelpAfterError();

program
  .command('demo')
  .description('start the built-in demo world (a library system and candidate vendors), run the full matrix on it, and write reports/latest')
  .option('--devices <ids>', 'only these devices (comma-separated)', csv)
  .option('--workers <n>', 'parallel gathering workers', positiveInt, 2)
  .action(async (opts: { devices?: string[]; workers: number }) => {
    const { startDemoWorld } = await import('../../fixtures/world.ts');
    const selection = { root: PACKAGE_ROOT, ...(opts.devices ? { devices: opts.devices } : {}) };
    // Validate the demo's configuration before starting any server; patrons are checked once they exist.
    loadConfig(selection);
    out('erh: starting the demo world (library system over SIP2 and REST; candidate vendors)…');
    const world = await startDemoWorld();
    try {
      // The demo's test patrons live only in this process's environment and its children's: never on a command line.
      Object.assign(process.env, world.env);
      const { prepare, runEvaluation } = await orchestrate();
      const config = prepare(selection);
      process.exitCode = report(await runEvaluation(config, { workers: opts.workers }), false);
    } finally {
      await world.stop();
    }
  });

program
  .command('run')
  .description('run the configured services × devices and write reports/<run-id>')
  .option('-c, --config <dir>', 'directory with services/, devices/, profiles/', '.')
  .option('--services <ids>', 'only these services (comma-separated)', csv)
  .option('--devices <ids>', 'only these devices (comma-separated)', csv)
  .option('--profile <id|file>', 'weighting profile', 'default')
  .option('--reports <dir>', 'where runs are written (default <config>/reports)')
  .option('--workers <n>', 'parallel gathering workers', positiveInt, 2)
  .option('--shard <i/n>', 'run only shard i of n (for several machines)', shard)
  .option('--gate', 'exit 1 when a service fails a must-pass gate')
  .action(async (opts: { config: string; services?: string[]; devices?: string[]; profile: string; reports?: string; workers: number; shard?: { index: number; total: number }; gate?: boolean }) => {
    const { prepare, runEvaluation } = await orchestrate();
    const config = prepare({ root: opts.config, services: opts.services, devices: opts.devices, profile: opts.profile });
    const outcome = await runEvaluation(config, {
      workers: opts.workers,
      ...(opts.reports ? { reportsDir: opts.reports } : {}),
      ...(opts.shard ? { shard: opts.shard } : {}),
    });
    process.exitCode = report(outcome, !!opts.gate);
  });

program
  .command('report')
  .description('re-score a run\'s saved evidence (no vendor is visited) and rewrite its results and scorecards')
  .argument('<run-dir>', 'a run directory, e.g. reports/latest')
  .option('--gate', 'exit 1 when a service fails a must-pass gate')
  .action(async (runDir: string, opts: { gate?: boolean }) => {
    if (!existsSync(join(runDir, 'run.json'))) throw new ConfigError(runDir, undefined, 'not a run directory (no run.json)');
    const final = (await finalize()).finalizeRun(resolve(runDir));
    out(summarize(final.result));
    for (const p of final.problems) out(`erh: evidence not used: ${p}`);
    out(`erh: scorecard ${relative(process.cwd(), final.files.scorecard)}`);
    process.exitCode = opts.gate && final.result.scorecard.some((e) => !e.eligible) ? EXIT.gatesFailed : EXIT.ok;
  });

program
  .command('validate')
  .description('check the configuration (services, devices, profile) without running anything')
  .option('-c, --config <dir>', 'directory with services/, devices/, profiles/', '.')
  .option('--profile <id|file>', 'weighting profile', 'default')
  .action((opts: { config: string; profile: string }) => {
    loadDotEnv(resolve(opts.config));
    const config = loadConfig({ root: opts.config, profile: opts.profile });
    out(`ok: ${config.services.length} services (${config.services.map((s) => s.id).join(', ')}), ${config.devices.length} devices (${config.devices.map((d) => d.id).join(', ')}), profile ${config.profile.id}`);
  });

program
  .command('doctor')
  .description('show which browser engines and drivers are available, and how to add missing ones')
  .action(async () => {
    const { doctor } = await import('./doctor.ts');
    for (const l of doctor()) out(`${l.ok ? '✓' : '✗'} ${l.name.padEnd(11)} ${l.detail}`);
  });

program
  .command('schema')
  .description('print or write the JSON Schemas generated from the zod schemas')
  .option('--write [dir]', 'write them into a directory (default: schema/)')
  .option('--check', 'exit 1 when the files in schema/ differ from the generated ones')
  .action((opts: { write?: string | boolean; check?: boolean }) => {
    const schemas = generateSchemas();
    const dir = resolve(typeof opts.write === 'string' ? opts.write : join(PACKAGE_ROOT, 'schema'));
    if (opts.check) {
      const stale = Object.entries(schemas).filter(([f, text]) => !existsSync(join(dir, f)) || readFileSync(join(dir, f), 'utf8') !== text);
      for (const [f] of stale) out(`stale: ${join(dir, f)}`);
      process.exitCode = stale.length ? EXIT.gatesFailed : EXIT.ok;
      return;
    }
    if (opts.write) {
      mkdirSync(dir, { recursive: true });
      for (const [f, text] of Object.entries(schemas)) writeFileSync(join(dir, f), text);
      out(`wrote ${Object.keys(schemas).length} schemas to ${relative(process.cwd(), dir) || dir}`);
      return;
    }
    out(JSON.stringify(Object.fromEntries(Object.entries(schemas).map(([f, t]) => [f, JSON.parse(t)])), null, 2));
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.config;
  } else if (e instanceof ConfigError) {
    process.stderr.write(`erh: ${e.message}\n`);
    process.exitCode = EXIT.config;
  } else if (e instanceof HarnessError) {
    process.stderr.write(`erh: ${e.message}\n`);
    process.exitCode = EXIT.harness;
  } else {
    process.stderr.write(`erh: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = EXIT.harness;
  }
}
