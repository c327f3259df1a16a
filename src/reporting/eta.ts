/**
 * Progress that tells time (issue 20.7): how long a phase has run, how long it has left, and the one
 * way erh writes a duration. Pure: the reporter (reporter.ts) passes the clock in.
 */

/** The longest remaining time shown as a figure; beyond it the estimate says only that it is long. */
export const MAX_ESTIMATE_MS = 24 * 60 * 60 * 1000;

/** A duration for a person: `0.4s`, `12s`, `3m 05s`, `1h 02m`. Never negative (a clock step back is 0). */
export function formatDuration(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (safe < 10_000) return `${(safe / 1000).toFixed(1)}s`;
  const secs = Math.round(safe / 1000);
  if (secs < 60) return `${secs}s`;
  const mins = Math.floor(secs / 60);
  if (mins < 60) return `${mins}m ${String(secs % 60).padStart(2, '0')}s`;
  return `${Math.floor(mins / 60)}h ${String(mins % 60).padStart(2, '0')}m`;
}

export interface PhaseProgress {
  /** Tasks finished (passed, failed or skipped; a retried attempt is not finished). */
  done: number;
  total: number;
  /** Time since the phase began. */
  elapsedMs: number;
  /** How long each finished task took (its own duration, whatever ran beside it). */
  durations: readonly number[];
  /** How many tasks run at once (Playwright's workers); 1 when not known. */
  workers?: number;
}

/**
 * The time the phase has left, in ms, or undefined while nothing has finished (no basis for a
 * figure). The tasks left × their mean duration ÷ the workers; when the wall clock so far says the
 * phase goes slower than that (workers waiting, browsers starting), the wall-clock rate is used.
 * Never negative; 0 when every task is done; capped at MAX_ESTIMATE_MS.
 */
export function remainingMs(p: PhaseProgress): number | undefined {
  const total = Math.max(0, p.total);
  const done = Math.min(Math.max(0, p.done), total);
  if (done >= total) return 0;
  const durations = p.durations.filter((d) => Number.isFinite(d) && d >= 0);
  if (done === 0 || durations.length === 0) return undefined;
  const left = total - done;
  const workers = Math.max(1, Math.floor(p.workers ?? 1));
  const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
  const byTasks = (left * mean) / Math.min(workers, left);
  const elapsed = Number.isFinite(p.elapsedMs) && p.elapsedMs > 0 ? p.elapsedMs : 0;
  const byClock = (elapsed / done) * left;
  return Math.min(Math.max(byTasks, byClock, 0), MAX_ESTIMATE_MS);
}

/** The estimate as words: `~3m 05s left`, `estimating…` before the first task finishes, `none left` at the end. */
export function remainingText(p: PhaseProgress): string {
  if (p.done >= p.total) return 'none left';
  const ms = remainingMs(p);
  if (ms === undefined) return 'estimating…';
  if (ms >= MAX_ESTIMATE_MS) return `over ${formatDuration(MAX_ESTIMATE_MS)} left`;
  return `~${formatDuration(ms)} left`;
}

/** A text bar of `width` cells: `[#####.....]`. */
export function progressBar(done: number, total: number, width = 20): string {
  const share = total > 0 ? Math.min(Math.max(done / total, 0), 1) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/**
 * One progress line: `gathering [####......] 3/10 · 42s elapsed · ~1m 10s left`, and what is
 * running now when `running` is given (`· running: a, b`, at most `maxNamed` names, then `+N more`).
 * The caller escapes the line for the terminal (terminalText): test titles carry configuration text.
 */
export function progressLine(phase: string, p: PhaseProgress, running?: readonly string[], maxNamed = 3): string {
  const head =
    `${phase} ${progressBar(p.done, p.total)} ${p.done}/${p.total} · ` +
    `${formatDuration(p.elapsedMs)} elapsed · ${remainingText(p)}`;
  if (running === undefined) return head;
  if (running.length === 0) return `${head} · running: nothing (starting or finishing)`;
  const named = running.slice(0, maxNamed).join(', ');
  const more = running.length > maxNamed ? ` +${running.length - maxNamed} more` : '';
  return `${head} · running: ${named}${more}`;
}
