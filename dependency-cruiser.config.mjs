// The pipeline's import boundaries as an allow-list (Playwright's DEPS.list idea), checked by
// dependency-cruiser in `npm run lint` (docs/architecture.md draws the same layers):
//   - each folder of src/ may import only the folders listed for it in LAYERS (and itself);
//   - the pure folders (core, scoring, checks, scorecard, render) import no Node built-in, no
//     browser driver and nothing dynamically, and only the npm packages listed in PURE_NPM;
//   - no import cycle, file or folder (a strict layering makes a folder cycle impossible).
// Type-only imports count: a layer that names another's types depends on it.

/** Folder → the src/ folders it may import. Lower layers come first. */
export const LAYERS = {
  // The pure half: evidence in, scores and documents out.
  core: [],
  scoring: ['core'],
  checks: ['core', 'scoring'],
  scorecard: ['core', 'scoring', 'checks'],
  render: ['core', 'scoring', 'checks', 'scorecard'],
  // The impure half: configuration, the matrix, drivers, the journey runner, logins, gatherers.
  config: ['core'],
  matrix: ['core', 'config'],
  session: ['core', 'config'],
  journey: ['core', 'config', 'session'],
  auth: ['core', 'config', 'session', 'journey'],
  // Reading publications, feeds, statements and ACRs (EPUB, OPDS, OpenACR) and running Ace and EPUBCheck (issue 18).
  content: ['core'],
  gather: ['core', 'config', 'matrix', 'session', 'journey', 'auth', 'content'],
  reporting: ['core', 'config', 'matrix', 'session', 'scoring', 'checks', 'scorecard', 'render'],
  cli: ['core', 'config', 'matrix', 'session', 'journey', 'auth', 'content', 'gather'].concat(
    ['scoring', 'checks', 'scorecard', 'render', 'reporting'],
  ),
};

/** The Playwright specs (suites/) gather through src/ below the CLI. */
export const SUITES_MAY_IMPORT = ['core', 'config', 'matrix', 'session', 'journey', 'auth', 'gather', 'reporting'];

export const PURE = ['core', 'scoring', 'checks', 'scorecard', 'render'];

/** npm packages a pure folder may import (core: zod only). */
export const PURE_NPM = {
  core: ['zod'],
  scoring: ['zod', 'simple-statistics'],
  checks: ['zod'],
  scorecard: ['zod'],
  render: ['zod', 'intl-messageformat'],
};

/** What drives or instruments a browser. */
const BROWSER_PACKAGES = [
  'playwright', 'playwright-core', '@playwright/[^/]+', 'webdriverio', 'lighthouse', 'chrome-launcher', 'axe-core',
];

const folders = (names) => names.map((n) => `^src/${n}/`);
const pure = `^src/(${PURE.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles hide which module owns a rule: break the cycle by moving the shared part down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-no-node',
      severity: 'error',
      comment: 'This stage is pure: it may not touch the file system, the network or processes (no node: built-ins).',
      from: { path: pure },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-no-dynamic-import',
      severity: 'error',
      comment: 'This stage is pure: no dynamic import().',
      from: { path: pure },
      to: { dependencyTypes: ['dynamic-import'] },
    },
    {
      name: 'pure-no-browser',
      severity: 'error',
      comment: 'This stage is pure: it may not drive a browser.',
      from: { path: pure },
      to: { path: `^node_modules/(${BROWSER_PACKAGES.join('|')})/` },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file.',
      from: { path: '^(src|suites)/' },
      to: { couldNotResolve: true },
    },
  ],
  allowed: [
    ...Object.entries(LAYERS).map(([folder, below]) => ({
      from: { path: `^src/${folder}/` },
      to: { path: folders([folder, ...below]) },
    })),
    ...Object.entries(PURE_NPM).map(([folder, npm]) => ({
      from: { path: `^src/${folder}/` },
      to: { path: `^node_modules/(${npm.join('|')})/` },
    })),
    // The impure folders use Node and any declared npm dependency.
    {
      from: { path: `^src/(${Object.keys(LAYERS).filter((f) => !PURE.includes(f)).join('|')})/` },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional'] },
    },
    // The demo world the CLI starts (`erh demo`).
    { from: { path: '^src/cli/' }, to: { path: '^fixtures/' } },
    { from: { path: '^suites/' }, to: { path: ['^suites/', ...folders(SUITES_MAY_IMPORT)] } },
    { from: { path: '^suites/' }, to: { dependencyTypes: ['core', 'npm', 'npm-dev'] } },
    // What the CLI and the specs reach outside src/ keeps its own imports (fixtures are tested, not linted here).
    { from: { path: '^fixtures/' }, to: {} },
  ],
  allowedSeverity: 'error',
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
