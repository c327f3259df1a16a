import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';

/**
 * The end-to-end files whose claims include timing comparisons (the demo's seeded slow journeys
 * must be called significantly slower): they run last, alone on the machine, as measurements must.
 */
const ALONE = ['test/e2e/demo.test.ts'];

export default defineConfig({
  test: {
    // One temporary directory for the whole run, removed at its end (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // The longest end-to-end files start first (see the sequencer).
    sequence: { sequencer: LongestFirst },
    // Three groups, one after the other (sequence.groupOrder). Every end-to-end file but the demo
    // starts its worlds on ephemeral ports and its browsers and drivers on free ports, and waits on
    // pages, drivers and timeouts far more than it computes (a narrowed run uses about a third of
    // the 2 cores), so those files share the machine three at a time; none of them asserts a timing.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
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
