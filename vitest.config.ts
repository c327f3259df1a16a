import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';

/**
 * The end-to-end files whose claims include timing comparisons (the demo's seeded slow journeys
 * must be called significantly slower): they run last, alone on the machine, as measurements must.
 */
const ALONE = ['test/e2e/demo.test.ts'];
/**
 * Unit files that drive a browser for minutes (the accessibility corpus in two shards: its barrier/clean pairs
 * through the real gatherer; the login retries, which mostly wait out a login's deadlines): they run beside the
 * end-to-end files instead of holding up the unit group.
 */
const LONG_BROWSER = ['test/unit/gather/a11y-corpus-*.test.ts', 'test/unit/gather/login-tries.test.ts'];

export default defineConfig({
  test: {
    // One temporary directory for the whole run, removed at its end (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // Each file's failed-login ledger in that directory (test/support/state-dir.ts).
    setupFiles: ['test/support/state-dir.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // The longest end-to-end files start first (see the sequencer).
    sequence: { sequencer: LongestFirst },
    // Three groups, one after the other (sequence.groupOrder): the unit files, two at a time; every
    // end-to-end file but the demo, with the long browser-driven unit files, three at a time — each
    // starts its worlds on ephemeral ports and its browsers and drivers on free ports, waits on pages,
    // drivers and timeouts as much as it computes, and none of them asserts a timing; last the demo, alone.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: LONG_BROWSER,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', ...LONG_BROWSER],
          exclude: ALONE,
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: 'e2e-alone', include: ALONE, fileParallelism: false, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
