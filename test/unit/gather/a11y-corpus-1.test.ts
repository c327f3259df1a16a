/** The accessibility corpus, first shard (test/support/corpus-shard.ts says how the corpus is split). */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../fixtures/a11y-corpus/corpus.ts';
import { SHARDS, shardIds, defineCorpusShard } from '../../support/corpus-shard.ts';

describe('accessibility corpus', () => {
  it('has at least 60 pairs, each with a barrier page and a clean twin, every pair in exactly one shard', () => {
    const ids = loadCorpus().pairs.map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    const sharded = Array.from({ length: SHARDS }, (_, k) => shardIds(k + 1)).flat();
    expect(sharded.sort()).toEqual([...ids].sort());
  });
});

defineCorpusShard(1);
