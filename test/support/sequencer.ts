/**
 * The order in which the end-to-end files start: vitest's own order (test/support is not consulted
 * for that) runs files with a recorded duration longest first, and on a clean checkout — CI, where no
 * durations are recorded — the largest files first, which is not the same. The files below are the
 * longest ones, longest first (docs/ci.md has their times): started first, they overlap the shorter
 * ones instead of running last on their own. A file not listed keeps vitest's order after them.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FIRST = [
  'test/e2e/devices.test.ts',
  'test/unit/gather/a11y-corpus-1.test.ts',
  'test/unit/gather/a11y-corpus-2.test.ts',
  'test/e2e/auth.test.ts',
  'test/e2e/faults.test.ts',
  'test/e2e/release.test.ts',
  'test/e2e/overlays.test.ts',
  'test/e2e/hostile-secrets.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((p) => f.moduleId.endsWith(p));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    const group = (f: TestSpecification) => f.project.config.sequence.groupOrder;
    // Array.prototype.sort is stable: vitest's order stays among files of the same rank.
    return [...sorted].sort((a, b) => group(a) - group(b) || rank(a) - rank(b));
  }
}
