/**
 * The language a text is written in, for WCAG 3.1.1 (language of page) and 3.1.2 (language of parts),
 * identified over every language the maintained detector knows (eld, the Efficient Language Detector:
 * n-gram models of 60 languages, ISO 639-1 codes), not from a list of characteristic words.
 *
 * A verdict needs evidence: text of at least MIN_WORDS words and MIN_LETTERS letters, and a result the
 * detector itself calls reliable. A short text — a button label, a single function word such as
 * English "on" (which is also Finnish) — identifies nothing (null): a check must never fail a page
 * on a guess.
 */

/** Fewest words a text must have before its language is identified. */
export const MIN_WORDS = 4;
/** Fewest letters (any script) a text must have before its language is identified. */
export const MIN_LETTERS = 20;

type Detector = (typeof import('eld/medium'))['eld'];
/**
 * eld's medium dictionary takes most of a second to load: loaded on the first page whose language is examined, so
 * that a worker that never examines one (login, performance) does not pay for it.
 */
let detector: Promise<Detector> | undefined;

/** The language identifier (loads the detector once): see `identify`. */
export async function languageIdentifier(): Promise<(text: string) => string | null> {
  const eld = await (detector ??= import('eld/medium').then((m) => m.eld));
  return (text) => identify(eld, text);
}

/** ISO 639-1 code of the text's language, or null when the text is too short or the detector unsure. */
function identify(eld: Detector, text: string): string | null {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (words.length < MIN_WORDS || letters < MIN_LETTERS) return null;
  const result = eld.detect(text.slice(0, 4000));
  return result.language && result.isReliable() ? result.language : null;
}
