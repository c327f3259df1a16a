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

/** The time zone the scorecard's dates are given in: the committee's. */
export const TIME_ZONE = 'Europe/Helsinki';

const DATES = new Map<string, Intl.DateTimeFormat>();

/**
 * `2026-11-25T10:00:00.000Z` → `25.11.2026 klo 12.00` (fi), `25.11.2026 12:00` (sv), `25/11/2026, 12:00` (en):
 * the local time in Helsinki (EET/EEST), written as the language writes dates, with the zone's name.
 */
export function formatDateTime(iso: string, lang: Language = 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = DATES.get(lang);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(LOCALES[lang], {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    });
    DATES.set(lang, formatter);
  }
  const zone = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${formatter.format(date)}${zone ? ` (${zone})` : ''}`;
}

/** A p-value with three decimals as the language writes them; below 0.001 as "< 0,001". */
export function formatP(lang: Language, p: number): string {
  const three = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return p < 0.001 ? `< ${three.format(0.001)}` : three.format(p);
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
