import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary directory for the whole run, removed at its end (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // End-to-end tests start the demo world on fixed ports and drive browsers: one file at a time
    // keeps them from competing with each other on a 2-core machine.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
