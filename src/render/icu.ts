/**
 * ICU MessageFormat for the scorecard's sentences built from facts (plurals, selects, numbers) through
 * a maintained library (FormatJS intl-messageformat), with the scorecard's locales. Compiled messages
 * are cached: a scorecard formats thousands of them.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../core/index.ts';

/** The locale of each scorecard language: Finnish and Swedish as written in Finland. */
export const LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' } as const satisfies Record<Language, string>;

/** One message in the three languages. */
export type IcuMessage = Readonly<Record<Language, string>>;

const compiled = new Map<string, IntlMessageFormat>();

/** The message in `lang` with its arguments (strings are inserted as they are; `html` escapes them later). */
export function icu(
  lang: Language,
  message: IcuMessage,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const source = message[lang];
  const cacheKey = `${lang}\u0000${source}`;
  let format = compiled.get(cacheKey);
  if (format === undefined) {
    format = new IntlMessageFormat(source, LOCALES[lang], undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return String(format.format(values as Record<string, string | number>));
}

const lists = new Map<string, Intl.ListFormat>();

/** "A, B and C" / "A, B ja C" / "A, B och C". */
export function listOf(
  lang: Language,
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  const cacheKey = `${lang}:${type}`;
  let format = lists.get(cacheKey);
  if (format === undefined) {
    format = new Intl.ListFormat(LOCALES[lang], { style: 'long', type });
    lists.set(cacheKey, format);
  }
  return format.format(items);
}
