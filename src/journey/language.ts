/**
 * Detects whether a short UI message is Finnish, Swedish or English from characteristic words. Pure;
 * returns null when the evidence is too thin or ambiguous rather than guessing.
 */
import type { Language } from '../core/ids.ts';

const WORDS: Record<Language, readonly string[]> = {
  fi: [
    'virhe',
    'väärä',
    'virheellinen',
    'kirjastokortti',
    'kirjastokortin',
    'tunnusluku',
    'salasana',
    'kirjaudu',
    'kirjautuminen',
    'epäonnistui',
    'tarkista',
    'yritä',
    'uudelleen',
    'numero',
    'tai',
    'ja',
    'ei',
    'on',
    'kortti',
    'kortin',
    'estetty',
    'vanhentunut',
    'tuntematon',
    'palvelu',
    'käytettävissä',
  ],
  sv: [
    'fel',
    'felaktig',
    'felaktigt',
    'lånekort',
    'lånekortet',
    'lösenord',
    'pinkod',
    'pin-kod',
    'inloggning',
    'logga',
    'misslyckades',
    'försök',
    'igen',
    'kontrollera',
    'eller',
    'och',
    'är',
    'inte',
    'kortet',
    'spärrat',
    'utgånget',
    'okänt',
    'tjänsten',
  ],
  en: [
    'wrong',
    'invalid',
    'incorrect',
    'card',
    'password',
    'login',
    'log',
    'failed',
    'try',
    'again',
    'please',
    'check',
    'number',
    'or',
    'and',
    'is',
    'not',
    'the',
    'your',
    'blocked',
    'expired',
    'unknown',
    'service',
    'unavailable',
  ],
};

export function detectLanguage(text: string): Language | null {
  const tokens = text
    .toLowerCase()
    .split(/[^a-zåäöé0-9-]+/u)
    .filter(Boolean);
  if (tokens.length === 0) return null;
  const scores = (Object.keys(WORDS) as Language[]).map((lang) => {
    const set = new Set(WORDS[lang]);
    return { lang, hits: tokens.filter((t) => set.has(t)).length };
  });
  // Letters are strong hints: å is Swedish, ä/ö are Finnish or Swedish, neither is English.
  if (/å/i.test(text)) scores.find((s) => s.lang === 'sv')!.hits += 1;
  if (/[äö]/i.test(text)) scores.find((s) => s.lang === 'en')!.hits -= 1;
  scores.sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  if (!best || best.hits <= 0 || (second && second.hits === best.hits)) return null;
  return best.lang;
}
