/**
 * erh — the command line. Exit codes: 0 done (gates passed, when asked to gate; no regression, for
 * compare); 1 gates or budgets failed (with --gate) or a vendor regressed (compare); 2 configuration
 * or usage error; 3 harness failure. A user mistake is one line naming the file and field, never a
 * stack trace.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, EXIT, HarnessError } from '../core/errors.ts';
import { loadConfig } from '../config/load.ts';
import { configWarnings } from '../config/warnings.ts';
import { loadDotEnv } from '../config/secrets.ts';
import { generateSchemas } from '../config/json-schema.ts';
import { HARNESS_VERSION } from '../reporting/version.ts';
import type { RunOutcome } from './orchestrate.ts';
import { summarize } from './summary.ts';
import { capped, configErrorLine, terminalText } from '../reporting/terminal.ts';
import { harnessErrorLines, runExitCode } from './exit.ts';
import { LANGUAGES, SERVICE_KINDS, type Language, type ServiceKind } from '../core/ids.ts';

// Commands import what they need when they run: `erh validate` should not load Playwright.
const PACKAGE_ROOT = resolve(import.meta.dirname, '../..');
const orchestrate = () => import('./orchestrate.ts');
const finalize = () => import('../reporting/finalize.ts');
const pdf = () => import('../reporting/pdf.ts');

async function writePdfs(runDir: string): Promise<void> {
  const files = await (await pdf()).writeScorecardPdfs(runDir);
  out(
    `erh: pdf        ${Object.values(files)
      .map((f) => relative(process.cwd(), f))
      .join(', ')}`,
  );
}

// A reader that stops reading (`erh validate | head`) ends erh quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/** Every line erh prints: control characters from configuration or vendor text are shown escaped. */
const out = (line = ''): void => {
  process.stdout.write(`${terminalText(line)}\n`);
};

function csv(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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
  for (const p of final.historyProblems ?? []) out(`erh: earlier run left out of the trend: ${p}`);
  out(`erh: results    ${relative(process.cwd(), final.files.results)}`);
  out(
    `erh: scorecard  ${relative(process.cwd(), final.files.scorecard)}  (also ${Object.values(final.files.scorecards)
      .map((f) => f.split('/').pop())
      .join(', ')})`,
  );
  out(`erh: junit      ${relative(process.cwd(), final.files.junit)}`);
  out(
    `erh: done in ${outcome.seconds.total.toFixed(0)}s (gathering ${outcome.seconds.gather.toFixed(0)}s, ` +
      `performance ${outcome.seconds.performance.toFixed(0)}s)`,
  );
  if (outcome.harnessFailed)
    out('erh: some gathering failed in the harness itself (see ✗ lines above); those cells are marked harness-error');
  for (const line of harnessErrorLines(final.result)) out(line);
  return runExitCode(final.result, { gate, gatheringFailed: outcome.harnessFailed });
}

const program = new Command()
  .name('erh')
  .description(
    'E-resource harness: test candidate library e-resource services across browsers and devices, and score them ' +
      'side by side.',
  )
  .version(HARNESS_VERSION)
  .exitOverride()
  .showHelpAfterError();

program
  .command('demo')
  .description(
    'start the built-in demo world (a library system and candidate vendors), run the full matrix on it, and ' +
      'write reports/latest',
  )
  .option('--devices <ids>', 'only these devices (comma-separated)', csv)
  .option('--workers <n>', 'parallel gathering workers', positiveInt, 2)
  .option('--no-pdf', 'do not print the scorecards to PDF')
  .option('-c, --config <dir>', 'another configuration on the same demo world, e.g. demo-auth (every login route)')
  .action(async (opts: { devices?: string[]; workers: number; pdf: boolean; config?: string }) => {
    const { startDemoWorld } = await import('../../fixtures/world.ts');
    const selection = { root: opts.config ?? PACKAGE_ROOT, ...(opts.devices ? { devices: opts.devices } : {}) };
    // Validate the demo's configuration before starting any server; patrons are checked once they exist.
    loadConfig(selection);
    out('erh: starting the demo world (library system over SIP2 and REST; candidate vendors)…');
    const world = await startDemoWorld();
    try {
      // The demo's test patrons live only in this process's environment and its children's: never on a command line.
      Object.assign(process.env, world.env);
      const { prepare, runEvaluation } = await orchestrate();
      const config = prepare(selection);
      const outcome = await runEvaluation(config, { workers: opts.workers });
      process.exitCode = report(outcome, false);
      if (opts.pdf) await writePdfs(outcome.runDir);
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
  .option('--gate', 'exit 1 when a service fails a must-pass gate or exceeds a budget')
  .option('--pdf', 'also print the scorecards to PDF (scorecard.<lang>.pdf)')
  .option(
    '--resume <run-dir>',
    'finish an interrupted run: gather only what it is missing (same configuration required)',
  )
  .action(
    async (opts: {
      config: string;
      services?: string[];
      devices?: string[];
      profile: string;
      reports?: string;
      workers: number;
      shard?: { index: number; total: number };
      gate?: boolean;
      pdf?: boolean;
      resume?: string;
    }) => {
      const { prepare, runEvaluation } = await orchestrate();
      const config = prepare({
        root: opts.config,
        services: opts.services,
        devices: opts.devices,
        profile: opts.profile,
      });
      const outcome = await runEvaluation(config, {
        workers: opts.workers,
        ...(opts.resume ? { resume: opts.resume } : {}),
        ...(opts.reports ? { reportsDir: opts.reports } : {}),
        ...(opts.shard ? { shard: opts.shard } : {}),
      });
      process.exitCode = report(outcome, !!opts.gate);
      if (opts.pdf) await writePdfs(outcome.runDir);
    },
  );

program
  .command('record')
  .description(
    "record a journey: opens the page in a browser window with Playwright's recorder and writes what you do " +
      "there as journey YAML (a typed card and PIN become the login and the patron's environment references)",
  )
  .argument('<url>', "where to start: an address, or a path of the service's baseUrl with --service")
  .option('-c, --config <dir>', 'directory with services/ (with --service)', '.')
  .option('--service <id>', 'write the recorded journey (and login) into services/<id>.yaml of the config folder')
  .option('--out <file>', 'write the YAML to this new file instead of printing it')
  .action(async (start: string, opts: { config: string; service?: string; out?: string }) => {
    const rec = await import('./record.ts');
    const { idFromUrl } = await import('./init.ts');
    const { urlProblem } = await import('../core/config.ts');
    const noDisplay = rec.displayProblem();
    if (noDisplay) throw new ConfigError('DISPLAY', undefined, noDisplay);
    const service = opts.service ? loadConfig({ root: opts.config, services: [opts.service] }).services[0] : undefined;
    const problem = urlProblem(start);
    if (problem) throw new ConfigError('<url>', undefined, problem);
    let url: URL;
    try {
      url = new URL(start, service?.baseUrl);
    } catch {
      throw new ConfigError('<url>', undefined, `"${start}" is not an address (e.g. https://vendor.example/)`);
    }
    if (opts.out !== undefined && existsSync(opts.out))
      throw new ConfigError(opts.out, undefined, 'already exists: erh record does not overwrite it (--out)');
    const file = service ? join(resolve(opts.config), 'services', `${service.id}.yaml`) : undefined;
    if (file && !existsSync(file))
      throw new ConfigError(`services/${service?.id}.yaml`, undefined, 'not found: --service writes into that file');
    const { entries } = await rec.recordSession({ url: url.href, log: out });
    const valid = service?.patrons.valid;
    const t = rec.translateRecording({
      entries,
      baseUrl: service?.baseUrl ?? `${url.origin}/`,
      serviceId: service?.id ?? idFromUrl(url),
      ...(valid ? { patrons: { card: valid.card.env, pin: valid.pin.env } } : {}),
    });
    if (file) {
      const shown = relative(process.cwd(), file) || file;
      writeFileSync(file, rec.applyToService(readFileSync(file, 'utf8'), t, shown));
      out(
        `erh: ${shown}: journey of ${t.journey.length} steps ` +
          `recorded${t.login ? ', login locators and patron references' : ''}`,
      );
    } else if (opts.out !== undefined) {
      writeFileSync(opts.out, rec.translationYaml(t, url.href), { flag: 'wx' });
      out(`erh: wrote ${opts.out} (${t.journey.length} steps): paste it into services/<id>.yaml`);
    } else {
      for (const line of rec.translationYaml(t, url.href).trimEnd().split('\n')) out(line);
    }
    for (const n of t.notes) out(`check: ${n}`);
  });

program
  .command('audit')
  .description(
    'run the accessibility and compatibility suites on public pages without a journey (a first look at a vendor, ' +
      "or a library's own pages): same checks, results.json and scorecard as erh run",
  )
  .argument('[urls...]', 'addresses of the pages (absolute http:// or https:// URLs)')
  .option('--sitemap <url>', 'also the pages an XML sitemap (or sitemap index) lists')
  .option('--urls <file>', 'also the addresses in this file, one per line (# comments)')
  .option('--max-pages <n>', 'audit at most this many pages (the first ones given)', positiveInt, 50)
  .option('-c, --config <dir>', "take devices/ and profiles/ from this folder (default: the erh package's)")
  .option('--devices <ids>', 'only these devices (comma-separated)', csv)
  .option('--profile <id|file>', 'weighting profile', 'default')
  .addOption(new Option('--kind <kind>', 'what the site offers (shown in the scorecard)').choices(SERVICE_KINDS))
  .option('--reports <dir>', 'where runs are written (default ./reports, or <config>/reports with -c)')
  .option('--workers <n>', 'parallel gathering workers', positiveInt, 2)
  .option('--gate', 'exit 1 when a site fails a must-pass gate or exceeds a budget')
  .option('--pdf', 'also print the scorecards to PDF (scorecard.<lang>.pdf)')
  .action(
    async (
      urls: string[],
      opts: {
        sitemap?: string;
        urls?: string;
        maxPages: number;
        config?: string;
        devices?: string[];
        profile: string;
        kind?: ServiceKind;
        reports?: string;
        workers: number;
        gate?: boolean;
        pdf?: boolean;
      },
    ) => {
      const audit = await import('./audit.ts');
      const pages = urls.map((u, i) => audit.pageUrl(u, `address ${i + 1}`));
      if (opts.urls !== undefined) {
        const file = resolve(opts.urls);
        if (!existsSync(file)) throw new ConfigError(opts.urls, undefined, 'file not found (--urls)');
        pages.push(...audit.urlsFromText(readFileSync(file, 'utf8'), opts.urls));
      }
      if (opts.sitemap !== undefined)
        pages.push(...(await audit.sitemapPages(audit.pageUrl(opts.sitemap, '--sitemap'))));
      const unique = [...new Set(pages)];
      if (unique.length === 0)
        throw new ConfigError(
          'erh audit',
          undefined,
          'no pages to audit: give their addresses, --sitemap <url> or --urls <file>',
        );
      const chosen = unique.slice(0, opts.maxPages);
      if (chosen.length < unique.length)
        out(`erh: auditing the first ${chosen.length} of ${unique.length} pages (--max-pages ${opts.maxPages})`);
      const { prepare, runEvaluation } = await orchestrate();
      const config = prepare({
        root: opts.config ?? PACKAGE_ROOT,
        devices: opts.devices,
        profile: opts.profile,
        inMemoryServices: {
          services: audit.auditServices(chosen, opts.kind ? { kind: opts.kind } : {}),
          source: audit.AUDIT_SOURCE,
        },
      });
      const outcome = await runEvaluation(config, {
        workers: opts.workers,
        reportsDir: opts.reports ?? (opts.config ? join(opts.config, 'reports') : resolve('reports')),
      });
      process.exitCode = report(outcome, !!opts.gate);
      if (opts.pdf) await writePdfs(outcome.runDir);
    },
  );

program
  .command('merge')
  .description(
    'merge the run directories of shards (erh run --shard i/n on several machines) into one run, and score it as ' +
      'a single run',
  )
  .argument('<run-dirs...>', 'run directories to merge (same configuration fingerprint)')
  .requiredOption('--into <dir>', 'new run directory for the merged run')
  .option('--gate', 'exit 1 when a service fails a must-pass gate or exceeds a budget')
  .action(async (runDirs: string[], opts: { into: string; gate?: boolean }) => {
    const { mergeRuns } = await import('./merge.ts');
    const merged = mergeRuns(
      runDirs.map((d) => resolve(d)),
      opts.into,
    );
    for (const c of merged.contributed)
      out(`erh: ${relative(process.cwd(), c.runDir) || c.runDir}: ${c.evidence} evidence records`);
    if (merged.missingShards.length)
      out(
        `erh: shards ${merged.missingShards.join(', ')} of ${merged.shards.length + merged.missingShards.length} ` +
          `were not given: their targets are missing`,
      );
    out(summarize(merged.final.result));
    for (const p of merged.final.problems) out(`erh: evidence not used: ${p}`);
    out(`erh: merged run ${relative(process.cwd(), merged.runDir) || merged.runDir}`);
    out(`erh: scorecard  ${relative(process.cwd(), merged.final.files.scorecard)}`);
    for (const line of harnessErrorLines(merged.final.result)) out(line);
    process.exitCode = runExitCode(merged.final.result, { gate: !!opts.gate });
  });

program
  .command('report')
  .description("re-score a run's saved evidence (no vendor is visited) and rewrite its results and scorecards")
  .argument('<run-dir>', 'a run directory, e.g. reports/latest')
  .option('--gate', 'exit 1 when a service fails a must-pass gate or exceeds a budget')
  .option('--pdf', 'also print the scorecards to PDF (scorecard.<lang>.pdf) with Chromium')
  .action(async (runDir: string, opts: { gate?: boolean; pdf?: boolean }) => {
    if (!existsSync(join(runDir, 'run.json')))
      throw new ConfigError(runDir, undefined, 'not a run directory (no run.json)');
    const final = (await finalize()).finalizeRun(resolve(runDir));
    out(summarize(final.result));
    for (const p of final.problems) out(`erh: evidence not used: ${p}`);
    for (const p of final.historyProblems) out(`erh: earlier run left out of the trend: ${p}`);
    out(`erh: scorecard ${relative(process.cwd(), final.files.scorecard)}`);
    if (opts.pdf) await writePdfs(resolve(runDir));
    for (const line of harnessErrorLines(final.result)) out(line);
    process.exitCode = runExitCode(final.result, { gate: !!opts.gate });
  });

program
  .command('compare')
  .description(
    'compare two runs: write compare.json and compare.html (fi/sv/en), exit 1 when a vendor regressed beyond the ' +
      "profile's thresholds",
  )
  .argument('<old-run>', 'the earlier run directory')
  .argument('<new-run>', 'the later run directory (compare files are written here unless --out)')
  .option('--out <dir>', 'where to write compare.json and compare*.html')
  .option('--profile <file>', "take the regression thresholds from this profile instead of the new run's")
  .action(async (oldRun: string, newRun: string, opts: { out?: string; profile?: string }) => {
    const { compareRunDirs } = await import('../reporting/compare.ts');
    let thresholds;
    if (opts.profile !== undefined) {
      const { parseFile } = await import('../config/load.ts');
      const { ProfileSchema, DEFAULT_REGRESSION_THRESHOLDS } = await import('../core/config.ts');
      thresholds =
        parseFile(process.cwd(), resolve(opts.profile), ProfileSchema).regressions ?? DEFAULT_REGRESSION_THRESHOLDS;
    }
    const { result, files, problems } = compareRunDirs(oldRun, newRun, {
      ...(opts.out ? { outDir: opts.out } : {}),
      ...(thresholds ? { thresholds } : {}),
    });
    for (const p of problems) out(`erh: evidence not used: ${p}`);
    if (!result.sameConfiguration) out('erh: the runs used different configurations (fingerprints differ)');
    for (const s of result.services) {
      const release = s.releaseChanged
        ? `${s.oldRelease ?? '?'} → ${s.newRelease ?? '?'}`
        : (s.newRelease ?? 'release not read');
      out(
        `${s.regressed ? '✗' : s.status === 'not-compared' ? '?' : '✓'} ${s.service.padEnd(16)} ` +
          `${s.status.padEnd(13)} ${release}`,
      );
      for (const c of s.changes.filter((x) => x.regression)) out(`    regression: ${c.detail}`);
    }
    out(`erh: compare    ${relative(process.cwd(), files.html)}  (also compare.fi/sv/en.html, compare.json)`);
    process.exitCode = result.regressed.length > 0 ? EXIT.gatesFailed : EXIT.ok;
  });

program
  .command('init')
  .description(
    'write a configuration folder for a vendor: services/<id>.yaml, devices/, profiles/, schema/, .env.example, README',
  )
  .argument('[dir]', 'the folder to write (created when missing; existing files are never overwritten)', '.')
  .requiredOption('--url <vendor-url>', "the vendor's address: the page a patron starts from")
  .option('--name <name>', 'name of the service as the committee knows it (default: the host name)')
  .option('--id <id>', 'service id, the file name services/<id>.yaml (default: from --name or the host name)')
  .addOption(new Option('--kind <kind>', 'what the service offers').choices(SERVICE_KINDS).default('ebook'))
  .addOption(
    new Option('--login <strategy>', 'how patrons log in (none: open access, no test patrons)')
      .choices(['none', 'card-pin-form', 'saml', 'oidc', 'proxy', 'ip-access'])
      .default('card-pin-form'),
  )
  .option('--languages <list>', `user-interface languages (comma-separated: ${LANGUAGES.join(', ')})`, csv)
  .action(
    async (
      dir: string,
      opts: { url: string; name?: string; id?: string; kind: ServiceKind; login: string; languages?: string[] },
    ) => {
      const { initConfigFolder, INIT_LOGINS } = await import('./init.ts');
      const bad = opts.languages?.find((l) => !(LANGUAGES as readonly string[]).includes(l));
      if (bad) throw new ConfigError('--languages', undefined, `"${bad}" is not one of ${LANGUAGES.join(', ')}`);
      const login = INIT_LOGINS.find((l) => l === opts.login) ?? 'card-pin-form';
      const r = initConfigFolder(
        {
          dir,
          url: opts.url,
          login,
          kind: opts.kind,
          ...(opts.name ? { name: opts.name } : {}),
          ...(opts.id ? { id: opts.id } : {}),
          ...(opts.languages ? { languages: opts.languages as Language[] } : {}),
        },
        PACKAGE_ROOT,
      );
      const shown = relative(process.cwd(), r.dir) || '.';
      // Proof that the folder works as written: the same loader erh run uses.
      const config = loadConfig({ root: r.dir });
      out(
        `erh: wrote ${shown}/: services/${r.serviceId}.yaml, ${config.devices.length} default devices of ` +
          `${r.files.filter((f) => f.startsWith('devices/')).length} in devices/, profiles/default.yaml, schema/, ` +
          `.env.example, README.md`,
      );
      out('next:');
      if (r.env.length) out(`  cp ${shown}/.env.example ${shown}/.env   # then fill in ${r.env.join(', ')}`);
      out(`  edit the lines marked EDIT in ${shown}/services/${r.serviceId}.yaml, or record the journey:`);
      out(`  erh record ${opts.url} -c ${shown} --service ${r.serviceId}`);
      out(`  erh validate -c ${shown} && erh run -c ${shown}`);
    },
  );

program
  .command('validate')
  .description('check the configuration (services, devices, profile) without running anything')
  .option('-c, --config <dir>', 'directory with services/, devices/, profiles/', '.')
  .option('--profile <id|file>', 'weighting profile', 'default')
  .option('--no-env', 'check the files only: do not require the environment variables a run needs')
  .action(async (opts: { config: string; profile: string; env: boolean }) => {
    loadDotEnv(resolve(opts.config));
    const config = loadConfig({ root: opts.config, profile: opts.profile });
    // A run reads the secrets when it starts: an unset one is a mistake now, named by file and field,
    // unless this is a place where they are never present (--no-env, e.g. a pull request's CI job).
    if (opts.env) {
      const { envReferences } = await import('./init.ts');
      const dotEnv = join(opts.config, '.env');
      const unset = config.services.flatMap((service) =>
        envReferences(service)
          .filter((r) => !process.env[r.name])
          .map((r) => ({
            file: config.sources.services[service.id] ?? service.id,
            field: `${r.field}.env`,
            problem:
              `environment variable ${r.name} is not set (erh run needs it: put it in ${dotEnv} ` +
              'or the environment; --no-env checks the files only)',
          })),
      );
      if (unset.length > 0) throw ConfigError.of(unset);
    }
    for (const w of configWarnings(config)) out(`warning: ${w.file}: ${w.field}: ${w.message}`);
    out(
      `ok: ${config.services.length} services (${config.services.map((s) => s.id).join(', ')}), ` +
        `${config.devices.length} devices (${config.devices.map((d) => d.id).join(', ')}), profile ` +
        `${config.profile.id}`,
    );
  });

program
  .command('doctor')
  .description('show which browser engines and drivers are available, and how to add missing ones')
  .action(async () => {
    const { doctor } = await import('./doctor.ts');
    for (const l of doctor()) out(`${l.ok ? '✓' : '✗'} ${l.name.padEnd(11)} ${l.detail}`);
  });

program
  .command('sarif')
  .description("write a run's failed checks as SARIF 2.1.0 for code-scanning views (upload-sarif)")
  .argument('<run-dir>', 'a scored run directory, e.g. reports/latest')
  .option('--out <file>', 'where to write it (default <run-dir>/results.sarif)')
  .action(async (runDir: string, opts: { out?: string }) => {
    const file = resolve(opts.out ?? join(runDir, 'results.sarif'));
    const count = await (await import('../reporting/sarif.ts')).writeSarif(runDir, file);
    out(`erh: sarif      ${relative(process.cwd(), file)}  (${count} results)`);
  });

program
  .command('prune')
  .description('remove the oldest run folders beyond the N newest (never the one `latest` points to)')
  .requiredOption('--keep <n>', 'how many of the newest runs to keep (a whole number ≥ 1)')
  .option('--reports <dir>', 'the reports folder (default ./reports)', 'reports')
  .option('--dry-run', 'list what would be removed, remove nothing')
  .action(async (opts: { keep: string; reports: string; dryRun?: boolean }) => {
    const { parseKeep, prune } = await import('./prune.ts');
    const plan = prune(opts.reports, parseKeep(opts.keep), { dryRun: !!opts.dryRun });
    for (const d of plan.removed) out(`erh: ${opts.dryRun ? 'would remove' : 'removed'} ${relative(process.cwd(), d)}`);
    out(`erh: prune      ${plan.removed.length} ${opts.dryRun ? 'to remove' : 'removed'}, ${plan.kept.length} kept`);
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
      const stale = Object.entries(schemas).filter(
        ([f, text]) => !existsSync(join(dir, f)) || readFileSync(join(dir, f), 'utf8') !== text,
      );
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
    process.stderr.write(`${configErrorLine(e)}\n`);
    process.exitCode = EXIT.config;
  } else if (e instanceof HarnessError) {
    process.stderr.write(`erh: ${capped(e.message, 2000)}\n`);
    process.exitCode = EXIT.harness;
  } else {
    process.stderr.write(`erh: internal error: ${terminalText((e as Error).stack ?? String(e))}\n`);
    process.exitCode = EXIT.harness;
  }
}
