/** The accessibility corpus, second shard (test/support/corpus-shard.ts says how the corpus is split). */
import { defineCorpusShard } from '../../support/corpus-shard.ts';

defineCorpusShard(2);
