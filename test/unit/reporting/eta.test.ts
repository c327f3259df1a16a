/**
 * Issue 20.7: progress that tells time. The remaining-time estimate and the one duration format
 * (src/reporting/eta.ts) are pure; the reporter's lines are checked by feeding it Playwright's
 * callbacks with fake tests (no browser, no timed assertions: figures are matched by shape).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FullConfig, FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import {
  formatDuration,
  MAX_ESTIMATE_MS,
  progressBar,
  progressLine,
  remainingMs,
  remainingText,
} from '../../../src/reporting/eta.ts';
import ErhReporter, { HEARTBEAT_MS, PERFORMANCE_PROJECT } from '../../../src/reporting/reporter.ts';

describe('formatDuration', () => {
  it('writes tenths under ten seconds, then seconds, minutes and hours', () => {
    expect(formatDuration(400)).toBe('0.4s');
    expect(formatDuration(9_940)).toBe('9.9s');
    expect(formatDuration(12_400)).toBe('12s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });

  it('never writes a negative or non-finite figure', () => {
    expect(formatDuration(-5_000)).toBe('0.0s');
    expect(formatDuration(Number.NaN)).toBe('0.0s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('0.0s');
  });
});

describe('remainingMs', () => {
  it('has no figure until a task has finished', () => {
    expect(remainingMs({ done: 0, total: 10, elapsedMs: 30_000, durations: [] })).toBeUndefined();
    expect(remainingText({ done: 0, total: 10, elapsedMs: 30_000, durations: [] })).toBe('estimating…');
  });

  it('is the tasks left times their mean duration, shared by the workers', () => {
    // 2 of 10 done, 10 s each, 2 workers: 8 left × 10 s ÷ 2 = 40 s (the clock, 20 s for 2, says the same).
    expect(remainingMs({ done: 2, total: 10, elapsedMs: 10_000, durations: [10_000, 10_000], workers: 2 })).toBe(
      40_000,
    );
    // One worker: 8 × 10 s.
    expect(remainingMs({ done: 2, total: 10, elapsedMs: 20_000, durations: [10_000, 10_000] })).toBe(80_000);
  });

  it('does not count more workers than tasks left', () => {
    // 1 left, 4 workers: the last task takes its own time, not a quarter of it.
    expect(remainingMs({ done: 3, total: 4, elapsedMs: 0, durations: [8_000, 8_000, 8_000], workers: 4 })).toBe(8_000);
  });

  it('follows the wall clock when the phase runs slower than its tasks (startup, waiting)', () => {
    // 1 s tasks but 30 s for 2 of them: 8 left at 15 s each.
    expect(remainingMs({ done: 2, total: 10, elapsedMs: 30_000, durations: [1_000, 1_000] })).toBe(120_000);
  });

  it('is 0 when done, never negative, and capped', () => {
    expect(remainingMs({ done: 10, total: 10, elapsedMs: 5_000, durations: [1] })).toBe(0);
    expect(remainingMs({ done: 12, total: 10, elapsedMs: 5_000, durations: [1] })).toBe(0);
    expect(remainingText({ done: 10, total: 10, elapsedMs: 5_000, durations: [1] })).toBe('none left');
    expect(remainingMs({ done: 1, total: 3, elapsedMs: -50_000, durations: [-7, 2_000] })).toBe(4_000);
    const huge = { done: 1, total: 1_000_000, elapsedMs: 3_600_000, durations: [3_600_000] };
    expect(remainingMs(huge)).toBe(MAX_ESTIMATE_MS);
    expect(remainingText(huge)).toBe('over 24h 00m left');
    expect(remainingText({ done: 2, total: 10, elapsedMs: 20_000, durations: [10_000, 10_000] })).toBe('~1m 20s left');
  });
});

describe('progressLine', () => {
  const p = { done: 3, total: 10, elapsedMs: 42_000, durations: [10_000, 10_000, 10_000], workers: 2 };

  it('shows the phase, a bar, the count, elapsed and remaining time, and what is running', () => {
    expect(progressBar(3, 10, 10)).toBe('[###.......]');
    expect(progressBar(0, 0, 4)).toBe('[####]');
    expect(progressLine('gathering', p)).toBe('gathering [######..............] 3/10 · 42s elapsed · ~1m 38s left');
    expect(progressLine('performance', p, ['a (3.0s)', 'b', 'c', 'd', 'e'])).toMatch(
      /^performance .* · running: a \(3\.0s\), b, c \+2 more$/,
    );
    expect(progressLine('gathering', p, [])).toMatch(/running: nothing/);
  });
});

describe('ErhReporter progress lines', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const fakeTest = (id: string, title: string, project = 'kirjava@desktop-chromium'): TestCase =>
    ({
      id,
      title,
      retries: 0,
      parent: { project: () => ({ name: project }) },
    }) as unknown as TestCase;
  const passed = { status: 'passed', retry: 0, duration: 2_000, attachments: [] } as unknown as TestResult;

  it('gives each finished task the phase time, and a heartbeat names the running task when silent', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const a = fakeTest('a', 'landing');
    const b = fakeTest('b', 'login \u001b[31mred');
    const reporter = new ErhReporter();
    reporter.onBegin({ workers: 1 } as FullConfig, { allTests: () => [a, b] } as unknown as Suite);
    reporter.onTestBegin(a);
    vi.advanceTimersByTime(HEARTBEAT_MS - 2_000);
    expect(lines.join('')).not.toMatch(/running:/);
    vi.advanceTimersByTime(3_000);
    expect(lines.at(-1)).toMatch(
      /^erh: gathering \[\.+\] 0\/2 · \d+s elapsed · estimating… · running: kirjava@desktop-chromium › landing \(\d+s\)\n$/,
    );
    reporter.onTestEnd(a, passed);
    expect(lines.at(-1)).toMatch(/^\[1\/2\] ✓ kirjava@desktop-chromium › landing 2\.0s · gathering \d+s, ~\S+ left\n$/);
    reporter.onTestBegin(b);
    vi.advanceTimersByTime(HEARTBEAT_MS + 1_000);
    // Titles are configuration text: escaped in the heartbeat too.
    expect(lines.at(-1)).toContain('login \\x1b[31mred');
    reporter.onTestEnd(b, passed);
    reporter.onEnd({ status: 'passed' } as FullResult);
    expect(lines.at(-1)).toMatch(/^erh: gathering passed in \d+s\n$/);
    const count = lines.length;
    vi.advanceTimersByTime(HEARTBEAT_MS * 3);
    expect(lines.length).toBe(count);
  });

  it('names the phase from the tests it runs: gathering, performance, or both in a person\'s whole run', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const gather = fakeTest('g', 'login');
    const measure = fakeTest('p', 'kirjava@desktop-chromium', PERFORMANCE_PROJECT);
    const begin = (tests: TestCase[]) => {
      const reporter = new ErhReporter();
      reporter.onBegin({ workers: 1 } as FullConfig, { allTests: () => tests } as unknown as Suite);
      reporter.onEnd({ status: 'passed' } as FullResult);
      return lines.splice(0).join('');
    };
    expect(begin([gather])).toMatch(/^erh: 1 gathering task\n/);
    expect(begin([measure])).toMatch(/^erh: 1 performance task\n/);
    expect(begin([gather, measure])).toMatch(/^erh: 2 gathering and performance tasks\n[^]*erh: gathering and performance passed/);
  });
});
