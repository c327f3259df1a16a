/**
 * Playwright's global teardown (playwright.config.ts): at the end of a run the erh CLI is not driving
 * (`npx playwright test`), evaluates the evidence into results.json, scorecards and JUnit, whichever
 * reporters the command line chose — `--reporter=html` replaces erh's reporter, not the scorecard. It
 * runs after the last worker ended (their traces redacted) and before the reporters' end. It never
 * throws into Playwright: a problem is printed, and the evidence stays on disk for `erh report`.
 */
import { relative } from 'node:path';
import { terminalText } from './terminal.ts';

export default async function finalizeAfterTests(): Promise<void> {
  const runDir = process.env.ERH_RUN_DIR;
  // The erh CLI finalizes its own runs (after both phases); `--list` ran nothing.
  if (!runDir || process.env.ERH_FINALIZE === '0' || process.argv.includes('--list')) return;
  const out = (line: string): void => void process.stdout.write(`${terminalText(line)}\n`);
  try {
    // Loaded only when needed, so a broken evaluation stage never stops gathering.
    const { finalizeRun } = await import('./finalize.ts');
    const { files, problems, result } = finalizeRun(runDir);
    for (const p of problems) out(`erh: evidence not used: ${p}`);
    out(`erh: ranking ${result.ranking.join(' > ') || '(no eligible service)'}`);
    out(`erh: scorecard ${relative(process.cwd(), files.scorecard)}`);
  } catch (e) {
    out(`erh: could not evaluate the run (${(e as Error).message}); the evidence is kept: erh report ${runDir}`);
  }
}
