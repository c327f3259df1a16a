/**
 * Evidence → results.json, scorecards (fi, sv, en) and junit.xml. Used at the end of a run and by
 * `erh report <run-dir>`, which re-scores saved evidence without visiting any vendor. The scorecards
 * show the trend over the earlier runs in the same reports folder (history.ts). PDFs are written on
 * request by pdf.ts, which needs a browser.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { RunResultSchema, type RunResult } from '../core/result.ts';
import { LANGUAGES, type Language } from '../core/ids.ts';
import { HarnessError } from '../core/errors.ts';
import { evaluateRun } from '../scorecard/evaluate.ts';
import { renderScorecardHtml, scorecardFile } from '../render/html.ts';
import { renderJUnit } from '../render/junit.ts';
import { readEvidence } from './evidence-store.ts';
import { readHistory } from './history.ts';
import { openRun, writeFileAtomic } from './run-context.ts';

export interface FinalizeOutput {
  result: RunResult;
  files: { results: string; scorecard: string; scorecards: Record<Language, string>; junit: string };
  /** Evidence files that could not be used. */
  problems: string[];
  /** Earlier runs' results that could not be read for the trend (named, with the reason). */
  historyProblems: string[];
}

export function finalizeRun(runDir: string): FinalizeOutput {
  const run = openRun(runDir);
  const { evidence, problems } = readEvidence(run.runDir);
  const result = evaluateRun({
    runId: run.meta.runId,
    startedAt: run.meta.startedAt,
    evaluatedAt: new Date().toISOString(),
    fingerprint: run.meta.fingerprint,
    profile: run.config.profile,
    environment: {
      harnessVersion: run.meta.harnessVersion,
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpus: cpus().length,
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      ci: !!process.env.CI,
    },
    // What the run recorded when it was created; evaluateRun adds what the evidence recorded.
    tools: run.meta.tools ?? {},
    services: run.config.services,
    devices: run.config.devices,
    evidence,
    // A shard's run holds only its own cells: the others are missing there, lost only if the merge lacks them too.
    ...(run.meta.shard ? { shard: run.meta.shard } : {}),
  });
  const checked = RunResultSchema.safeParse(result);
  if (!checked.success) {
    throw new HarnessError(
      `results.json would not match its schema: ${checked.error.issues[0]?.path.join('.')}: ` +
        `${checked.error.issues[0]?.message}`,
    );
  }
  const files = {
    results: join(run.runDir, 'results.json'),
    scorecard: join(run.runDir, 'scorecard.html'),
    scorecards: {} as Record<Language, string>,
    junit: join(run.runDir, 'junit.xml'),
  };
  writeFileAtomic(files.results, `${JSON.stringify(result, null, 2)}\n`);
  const history = readHistory(run.runDir, result);
  for (const lang of LANGUAGES) {
    const file = join(run.runDir, scorecardFile(lang));
    const html = renderScorecardHtml(result, { lang, history: history.points });
    writeFileAtomic(file, html);
    files.scorecards[lang] = file;
    // The default scorecard is Finnish: the consortium's working language.
    if (lang === 'fi') writeFileAtomic(files.scorecard, html);
  }
  writeFileAtomic(files.junit, renderJUnit(result));
  return { result, files, problems, historyProblems: history.problems };
}
