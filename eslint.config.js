// Lint: TypeScript rules, type-aware where a rule needs types (no-floating-promises). The pipeline's
// import boundaries are an allow-list per folder in dependency-cruiser.config.mjs, checked by
// `npm run lint` after ESLint (with zero import cycles); docs/architecture.md draws the layers.
import tseslint from 'typescript-eslint';

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
    // Type-aware rules: a promise nobody awaits loses its error (and its ordering) silently.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // Prettier (printWidth 120, `npm run lint` checks src) formats the code; this holds what it cannot
    // break: no line of src over 120 characters, literals and comments included (Prettier never splits a
    // string, template or regular expression literal: a long one is written as pieces joined with +).
    files: ['src/**/*.ts'],
    rules: { 'max-len': ['error', { code: 120 }] },
  },
  {
    // In-page probes and test fixtures use empty patterns deliberately in a few places.
    files: ['suites/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
