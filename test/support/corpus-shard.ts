/**
 * The accessibility corpus (issue 16.5) in shards: test/unit/gather/a11y-corpus-<k>.test.ts each run
 * one share of the pairs (every `count`-th pair of the id-sorted corpus, starting at `index`), so the
 * shards run beside the end-to-end files on separate workers and each has a timeout sized by its own
 * pages. Each shard fails unless it had no harness error, no clean twin has a finding, and its
 * recall is at least 90 % — so the whole corpus's recall is too. Prints recall and false alarms per
 * source (axe-core, each erh probe check, each further rule engine) for its share.
 * Launches a browser: run through the lock (`flock /tmp/erh-browser.lock npx vitest run <file>`).
 * ERH_CORPUS=id,id runs only those pairs, in the shard that holds them (recall is then not asserted).
 */
import { describe, expect, it } from 'vitest';
import { formatScore, loadCorpus } from '../fixtures/a11y-corpus/corpus.ts';
import { runCorpus } from '../fixtures/a11y-corpus/run.ts';

/** The number of shard files (test/unit/gather/a11y-corpus-<k>.test.ts, k = 1 … SHARDS). */
export const SHARDS = 2;
/** A page takes about 3 s on a quiet 2-core machine: the timeout allows five times that, under load. */
const PER_PAGE_MS = 15_000;

export function shardIds(index: number, count = SHARDS): string[] {
  const ids = loadCorpus()
    .pairs.map((p) => p.id)
    .sort();
  return ids.filter((_, i) => i % count === index - 1);
}

export function defineCorpusShard(index: number): void {
  const only = process.env.ERH_CORPUS?.split(',').filter(Boolean);
  const ids = shardIds(index).filter((id) => !only || only.includes(id));
  const pages = ids.length * 2;
  describe(`accessibility corpus, shard ${index} of ${SHARDS} (${ids.length} pairs)`, () => {
    it(
      'finds ≥ 90 % of its barriers, with no finding on any clean twin',
      { timeout: Math.max(120_000, pages * PER_PAGE_MS) },
      async () => {
        if (ids.length === 0) return;
        const { score } = await runCorpus({ only: ids });
        console.log(
          [
            `accessibility corpus shard ${index}/${SHARDS}: recall and false alarms per source`,
            ...formatScore(score),
          ].join('\n'),
        );
        expect(score.harnessErrors).toEqual([]);
        expect(score.falseAlarms.map((f) => `${f.id}: ${f.check} ${f.selector ?? ''}`)).toEqual([]);
        if (!only) expect(score.combined.found / score.barriers).toBeGreaterThanOrEqual(0.9);
      },
    );
  });
}
