/**
 * The accessibility corpus in the bench (issue 16.5): the same figures as
 * test/unit/gather/a11y-corpus-*.test.ts — recall and false alarms per finding source (axe-core, each
 * erh probe check, every other rule engine the gatherer runs) and combined — with the accessibility
 * time per page state (axe, other engines and probes; median and slowest). Called by bench/run.ts;
 * `node bench/a11y-corpus.ts` runs it alone (through the browser lock on a shared machine).
 */
import { formatScore } from '../test/fixtures/a11y-corpus/corpus.ts';
import { runCorpus } from '../test/fixtures/a11y-corpus/run.ts';

export async function corpusBench(): Promise<void> {
  console.log('bench: the accessibility corpus (every barrier page and its clean twin)…');
  const started = performance.now();
  const { score, outcomes } = await runCorpus();
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const median = ms[Math.floor((ms.length - 1) / 2)] ?? NaN;
  console.log(`\nbench: accessibility corpus, ${score.barriers} pairs ` +
    `(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const line of formatScore(score)) console.log(line);
  console.log(`  accessibility time per page state: median ${(median / 1000).toFixed(2)} s, slowest ` +
    `${((ms.at(-1) ?? NaN) / 1000).toFixed(2)} s`);
}

if (import.meta.main) await corpusBench();
