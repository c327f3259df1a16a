/**
 * The Playwright reporter: shows progress while evidence is gathered, and how long gathering took.
 * Progress tells time (issue 20.7): each finished task's line carries the phase's elapsed and
 * remaining time (eta.ts), and when nothing has been printed for HEARTBEAT_MS a heartbeat line names
 * what is running now. Plain lines, TTY or not (CI logs are not terminals).
 * The scorecard of a run the erh CLI is not driving is written by the global teardown
 * (playwright-teardown.ts), so that it is written whichever reporters the command line chose.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { capped, terminalText } from './terminal.ts';
import { formatDuration, progressLine, remainingText, type PhaseProgress } from './eta.ts';

/** The project of the measurements (playwright.config.ts), run after every gathering project. */
export const PERFORMANCE_PROJECT = 'performance';
/** The longest silence: after this long without a line, a heartbeat says what is running and for how long. */
export const HEARTBEAT_MS = 10_000;
/** How often the reporter looks at the clock for a heartbeat. */
const TICK_MS = 1_000;

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

/**
 * A task as the progress lines name it: `<target> › <suite>` for a gathering test (in its target's block,
 * suites/harness.ts eachTarget, whichever project runs it), else `<project> › <title>` (`performance › <target>`).
 */
function label(test: TestCase): string {
  return `${test.parent.type === 'describe' ? test.parent.title : (test.parent.project()?.name ?? '')} › ${test.title}`;
}

export default class ErhReporter implements Reporter {
  private total = 0;
  private done = 0;
  private workers = 1;
  private readonly started = Date.now();
  private readonly durations: number[] = [];
  /** The tasks running now, by test id: their label and when they began. */
  private readonly running = new Map<string, { label: string; since: number }>();
  private lastLine = Date.now();
  private ticker: ReturnType<typeof setInterval> | undefined;
  /**
   * What the run does, named from the tests it was given (onBegin): `gathering`, `performance` (erh runs the two as
   * separate phases), or both (a person's `npx playwright test` without --project).
   */
  private phase = 'gathering';
  // Test titles, reasons and harness errors carry configuration and vendor text: escaped for the terminal.
  private readonly out = (line: string): void => {
    this.lastLine = Date.now();
    process.stdout.write(`${terminalText(line)}\n`);
  };

  private progress(now = Date.now()): PhaseProgress {
    return {
      done: this.done,
      total: this.total,
      elapsedMs: now - this.started,
      durations: this.durations,
      workers: this.workers,
    };
  }

  private heartbeat(): void {
    const now = Date.now();
    if (now - this.lastLine < HEARTBEAT_MS) return;
    const running = [...this.running.values()].map((r) => `${capped(r.label, 80)} (${formatDuration(now - r.since)})`);
    this.out(`erh: ${progressLine(this.phase, this.progress(now), running)}`);
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    const tests = suite.allTests();
    this.total = tests.length;
    const measured = tests.filter((t) => t.parent.project()?.name === PERFORMANCE_PROJECT).length;
    this.phase = measured === 0 ? 'gathering' : measured === tests.length ? 'performance' : 'gathering and performance';
    this.workers = Math.max(1, config.workers);
    const runDir = process.env.ERH_RUN_DIR;
    const where = runDir ? ` → ${relative(process.cwd(), runDir) || runDir}` : '';
    this.out(`erh: ${this.total} ${this.phase} task${this.total === 1 ? '' : 's'}${where}`);
    // No tick for `--list` (no tests run) or an empty phase; unref: the timer never keeps Playwright alive.
    if (this.total > 0) {
      this.ticker = setInterval(() => this.heartbeat(), TICK_MS);
      this.ticker.unref();
    }
  }

  onTestBegin(test: TestCase): void {
    this.running.set(test.id, { label: label(test), since: Date.now() });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.running.delete(test.id);
    if (result.status !== 'passed' && result.retry < test.retries && result.status !== 'skipped') {
      this.out(
        `  ↻ ${label(test)}: harness error, retrying ` + `(${result.error?.message?.split('\n')[0] ?? result.status})`,
      );
      return;
    }
    this.done++;
    this.durations.push(result.duration);
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
    const p = this.progress();
    this.out(
      `[${String(this.done).padStart(width)}/${this.total}] ${mark} ${label(test)} ` +
        `${formatDuration(result.duration)}${note} · ${this.phase} ${formatDuration(p.elapsedMs)}, ${remainingText(p)}`,
    );
  }

  onStdOut(chunk: string | Buffer): void {
    process.stdout.write(terminalText(chunk.toString()));
  }

  onStdErr(chunk: string | Buffer): void {
    process.stderr.write(terminalText(chunk.toString()));
  }

  onEnd(result: FullResult): void {
    if (this.ticker) clearInterval(this.ticker);
    // The scorecard is written by the global teardown (playwright-teardown.ts), before this, with any reporter.
    this.out(`erh: ${this.phase} ${result.status} in ${formatDuration(Date.now() - this.started)}`);
  }
}
