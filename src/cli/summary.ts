/** The terminal picture of a run: ranking, gates and suite scores as bars. */
import type { RunResult } from '../core/result.ts';
import { SUITES } from '../core/ids.ts';

function bar(score: number | null, width = 20): string {
  if (score === null) return '·'.repeat(width);
  const full = Math.round((score / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

function fmt(score: number | null): string {
  return score === null ? '  – ' : String(Math.round(score)).padStart(4);
}

export function summarize(result: RunResult): string {
  const names = new Map(result.services.map((s) => [s.id, s.name]));
  const lines: string[] = [];
  const width = Math.max(8, ...result.scorecard.map((e) => e.service.length));
  lines.push('');
  lines.push(
    `${'service'.padEnd(width)}  rank  overall                        ` +
      `${SUITES.map((s) => s.slice(0, 6).padStart(6)).join(' ')}  gates`,
  );
  const ordered = [...result.scorecard].sort(
    (a, b) => (a.rank ?? 999) - (b.rank ?? 999) || (b.overall ?? -1) - (a.overall ?? -1),
  );
  for (const e of ordered) {
    const gates =
      e.gates.length === 0
        ? 'none'
        : e.gates
            .map((g) => (g.passed === true ? '✓' : g.passed === false ? '✗' : g.notApplicable === true ? '–' : '?'))
            .join('');
    lines.push(
      `${e.service.padEnd(width)}  ${(e.rank === null ? '–' : `#${e.rank}`).padStart(4)}  ${bar(e.overall)} ` +
        `${fmt(e.overall)}  ${SUITES.map((s) => fmt(e.suites[s]).padStart(6)).join(' ')}  ${gates}`,
    );
  }
  lines.push('');
  for (const e of ordered) {
    for (const g of e.gates.filter((g) => g.passed !== true && g.notApplicable !== true)) {
      lines.push(
        `  ${g.passed === false ? '✗' : '?'} ${names.get(e.service) ?? e.service}: ` +
          `${g.title}${g.failedOn.length ? ` (not on ${g.failedOn.join(', ')})` : ''}`,
      );
    }
  }
  return lines.join('\n');
}
