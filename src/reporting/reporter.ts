/**
 * The Playwright reporter: shows progress while evidence is gathered, and how long gathering took.
 * The scorecard of a run the erh CLI is not driving is written by the global teardown
 * (playwright-teardown.ts), so that it is written whichever reporters the command line chose.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { terminalText } from './terminal.ts';

/** The status of each evidence record the test attached (a test may gather several suites: suites/walk.spec.ts). */
function evidenceStatuses(result: TestResult): Array<{ suite: string; status: string; reason?: string }> {
  return result.attachments.flatMap((att) => {
    if (att.name !== 'erh-evidence' || !att.path) return [];
    try {
      const e = JSON.parse(readFileSync(att.path, 'utf8')) as { suite: string; status: string; reason?: string };
      return [{ suite: e.suite, status: e.status, ...(e.reason ? { reason: e.reason } : {}) }];
    } catch {
      return [];
    }
  });
}

export default class ErhReporter implements Reporter {
  private total = 0;
  private done = 0;
  private readonly started = Date.now();
  // Test titles, reasons and harness errors carry configuration and vendor text: escaped for the terminal.
  private readonly out = (line: string): void => {
    process.stdout.write(`${terminalText(line)}\n`);
  };

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
    const runDir = process.env.ERH_RUN_DIR;
    this.out(`erh: ${this.total} gathering tasks${runDir ? ` → ${relative(process.cwd(), runDir) || runDir}` : ''}`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'passed' && result.retry < test.retries && result.status !== 'skipped') {
      this.out(
        `  ↻ ${test.parent.project()?.name ?? ''} › ${test.title}: harness error, retrying ` +
          `(${result.error?.message?.split('\n')[0] ?? result.status})`,
      );
      return;
    }
    this.done++;
    const project = test.parent.project()?.name ?? '';
    const label = project === 'performance' ? `performance › ${test.title}` : `${project} › ${test.title}`;
    const all = evidenceStatuses(result);
    const incomplete = all.filter((e) => e.status !== 'complete');
    const mark =
      result.status === 'passed' ? (incomplete.length > 0 ? '!' : '✓') : result.status === 'skipped' ? '-' : '✗';
    // A test that gathered several suites names the suite of each status.
    const named = (e: (typeof all)[number]) =>
      `${all.length > 1 ? `${e.suite}: ` : ''}${e.status}${e.reason ? `: ${e.reason}` : ''}`;
    const note =
      result.status !== 'passed' && result.status !== 'skipped'
        ? ` harness error: ${result.error?.message?.split('\n')[0] ?? result.status}`
        : incomplete.length > 0
          ? ` ${incomplete.map(named).join('; ')}`
          : '';
    const width = String(this.total).length;
    this.out(
      `[${String(this.done).padStart(width)}/${this.total}] ${mark} ${label} ` +
        `${(result.duration / 1000).toFixed(1)}s${note}`,
    );
  }

  onStdOut(chunk: string | Buffer): void {
    process.stdout.write(terminalText(chunk.toString()));
  }

  onStdErr(chunk: string | Buffer): void {
    process.stderr.write(terminalText(chunk.toString()));
  }

  onEnd(result: FullResult): void {
    // The scorecard is written by the global teardown (playwright-teardown.ts), before this, with any reporter.
    const secs = ((Date.now() - this.started) / 1000).toFixed(0);
    this.out(`erh: gathering ${result.status} in ${secs}s`);
  }
}
