// Lint: TypeScript rules plus the pipeline's import boundaries (docs/architecture.md):
// core imports only zod; checks, scoring, scorecard and render are pure and never touch browsers,
// the network or the file system.
import tseslint from 'typescript-eslint';

const IMPURE = [
  'node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'tls',
  'playwright', 'playwright/*', '@playwright/*', 'webdriverio', 'lighthouse', 'lighthouse/*', 'chrome-launcher', 'axe-core', 'yaml', 'fastify',
];
const pure = (extra) => ({
  'no-restricted-imports': ['error', {
    patterns: [
      { group: IMPURE, message: 'This stage is pure: it may not touch browsers, the network or the file system.' },
      ...extra,
    ],
  }],
});
const UPSTREAM = (dirs) => dirs.map((d) => ({ group: [`**/${d}/*`], message: `Import boundaries: this stage may not import src/${d}.` }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**', 'schema/**', 'test-results/**', '**/*.min.js', '.erh-tmp/**', 'bench/peers/node_modules/**', 'playwright-report/**', 'blob-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: pure(UPSTREAM(['config', 'matrix', 'session', 'gather', 'auth', 'checks', 'scoring', 'scorecard', 'render', 'reporting', 'cli'])),
  },
  // Checks use scoring's curves and statistics (as Lighthouse audits do); neither reaches downstream.
  { files: ['src/checks/**/*.ts'], rules: pure(UPSTREAM(['config', 'matrix', 'session', 'gather', 'auth', 'scorecard', 'render', 'reporting', 'cli'])) },
  { files: ['src/scoring/**/*.ts'], rules: pure(UPSTREAM(['config', 'matrix', 'session', 'gather', 'auth', 'scorecard', 'render', 'reporting', 'cli'])) },
  { files: ['src/scorecard/**/*.ts'], rules: pure(UPSTREAM(['config', 'matrix', 'session', 'gather', 'auth', 'render', 'reporting', 'cli'])) },
  { files: ['src/render/**/*.ts'], rules: pure(UPSTREAM(['config', 'matrix', 'session', 'gather', 'auth', 'reporting', 'cli'])) },
  {
    // In-page probes and test fixtures use empty patterns deliberately in a few places.
    files: ['suites/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
