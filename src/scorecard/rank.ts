/**
 * Ranking. Only eligible services (every gate passed) with an overall score are ranked. Services are
 * ordered by overall score, best first; scores that are equal once rounded to whole points (as the
 * scorecard shows them) share a rank, and the next rank skips ("1, 1, 3": standard competition
 * ranking). Tied services are listed by service id, so the order never depends on input order or on
 * decimals the committee cannot see.
 */
import { roundTo } from '../scoring/statistics.ts';

export interface RankInput {
  readonly service: string;
  readonly overall: number | null;
  readonly eligible: boolean;
}

/** Decimals of the score that decides ties (whole points). */
export const RANK_DIGITS = 0;

export interface Ranked {
  /** Ranked service ids, best first. */
  readonly ranking: string[];
  /** Rank of each service id; null when not ranked. */
  readonly ranks: ReadonlyMap<string, number | null>;
}

export function rankServices(entries: readonly RankInput[]): Ranked {
  const rankable = entries
    .filter((e): e is RankInput & { overall: number } => e.eligible && e.overall !== null)
    .map((e) => ({ service: e.service, key: roundTo(e.overall, RANK_DIGITS) }))
    .sort((a, b) => b.key - a.key || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
  const ranks = new Map<string, number | null>(entries.map((e) => [e.service, null]));
  rankable.forEach((entry, index) => {
    const previous = rankable[index - 1];
    const rank =
      previous !== undefined && previous.key === entry.key ? (ranks.get(previous.service) as number) : index + 1;
    ranks.set(entry.service, rank);
  });
  return { ranking: rankable.map((e) => e.service), ranks };
}
