/** Locale-aware, deterministic formatting of scores, values and dates for the scorecard. */
import type { Language } from '../core/index.ts';

const LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' } as const satisfies Record<Language, string>;

const FORMATTERS = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Language, value: number, maximumFractionDigits = 0): string {
  // Building an Intl.NumberFormat is costly; a scorecard formats thousands of numbers.
  const key = `${lang}:${maximumFractionDigits}`;
  let formatter = FORMATTERS.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits, useGrouping: true });
    FORMATTERS.set(key, formatter);
  }
  return formatter.format(value);
}

/** Scores are shown in whole points (0–100), as ranks are decided on them. */
export function formatScore(lang: Language, score: number): string {
  return formatNumber(lang, Math.round(score));
}

/** A check's measured value with its unit: ms and px whole, Lighthouse points whole, others 3 decimals. */
export function formatValue(lang: Language, value: number, unit: string | undefined): string {
  if (unit === 'ms' || unit === 'px') return `${formatNumber(lang, Math.round(value))} ${unit}`;
  if (unit === 'points') return formatNumber(lang, Math.round(value));
  return unit ? `${formatNumber(lang, value, 3)} ${unit}` : formatNumber(lang, value, 3);
}

/** `2026-11-25T10:00:00.000Z` → `2026-11-25 10:00 UTC` (no time zone or locale dependence). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The first 12 hex digits of a fingerprint, without an algorithm prefix. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.replace(/^[a-z0-9]+:/i, '').slice(0, 12);
}

/** Colour band of a 0–100 score: good ≥ 90, mid ≥ 50, bad below, none when not scored. */
export function band(score: number | null): 'good' | 'mid' | 'bad' | 'none' {
  if (score === null) return 'none';
  const shown = Math.round(score);
  return shown >= 90 ? 'good' : shown >= 50 ? 'mid' : 'bad';
}
