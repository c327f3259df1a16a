/**
 * Issue 16.5: the accessibility corpus (test/fixtures/a11y-corpus) through the real gatherer and
 * checks in Chromium. Prints recall and false alarms per source (axe-core, each erh probe check,
 * any further rule engine the gatherer runs) and combined; fails unless the combined recall is at
 * least 90 %, no clean twin has a finding, and the harness had no error on any page.
 * Launches a browser: run it through the lock (`flock /tmp/erh-browser.lock npx vitest run <this file>`).
 * ERH_CORPUS=id,id runs only those pairs (recall is then not asserted).
 */
import { describe, expect, it } from 'vitest';
import { formatScore, loadCorpus } from '../../fixtures/a11y-corpus/corpus.ts';
import { runCorpus } from '../../fixtures/a11y-corpus/run.ts';

const only = process.env.ERH_CORPUS?.split(',').filter(Boolean);

describe('accessibility corpus', () => {
  it('has at least 60 pairs, each with a barrier page and a clean twin', () => {
    expect(loadCorpus().pairs.length).toBeGreaterThanOrEqual(60);
  });

  it('finds ≥ 90 % of the barriers, with no finding on any clean twin', { timeout: 900_000 }, async () => {
    const { score } = await runCorpus({ ...(only ? { only } : {}) });
    console.log(['accessibility corpus: recall and false alarms per source', ...formatScore(score)].join('\n'));
    expect(score.harnessErrors).toEqual([]);
    expect(score.falseAlarms.map((f) => `${f.id}: ${f.check} ${f.selector ?? ''}`)).toEqual([]);
    if (!only) expect(score.combined.found / score.barriers).toBeGreaterThanOrEqual(0.9);
  });
});
