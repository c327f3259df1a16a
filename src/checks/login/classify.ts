/**
 * What a login error message says, from small fi/sv/en dictionaries: the library system is
 * unavailable, the card has expired, the card is blocked, or the card number / PIN is wrong. Pure;
 * null when none matches. Order matters: "your details are not wrong – try again later" is an
 * outage message, so unavailability is tested before wrong credentials.
 */
export const MESSAGE_KINDS = ['unavailable', 'expired', 'blocked', 'credentials'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A kind's words in Finnish, Swedish and English, as regular-expression alternatives (matched case-insensitively). */
const words = (...alternatives: string[]): RegExp => new RegExp(alternatives.join('|'), 'i');

const PATTERNS: Record<MessageKind, RegExp> = {
  unavailable: words(
    'ei juuri nyt',
    'ei saada yhteyttä',
    'ei vastaa',
    'tilapäi',
    'häiriö',
    'ei ole käytettävissä',
    'yritä (hetken kuluttua|myöhemmin)',
    'ingen kontakt',
    'svarar inte',
    'tillfällig',
    'inte tillgänglig',
    'försök igen (om en stund|senare)',
    'unavailable',
    'cannot reach',
    "can't reach",
    'temporar',
    'try again (later|in a moment)',
    'not responding',
  ),
  expired: words(
    'vanhentun',
    'vanhentui',
    'voimassaolo',
    'ei ole enää voimassa',
    'umpeutu',
    'gått ut',
    'utgånget',
    'utgången',
    'inte längre giltig',
    'expired',
    'no longer valid',
    'has run out',
  ),
  blocked: words(
    'estetty',
    'estetyt',
    'lukittu',
    'käyttökiell',
    'spärra',
    'blockerat',
    'blocked',
    'suspended',
    'barred',
    'locked',
  ),
  credentials: words(
    'väärä',
    'virheellinen',
    'ei tunnistettu',
    'ei tunneta',
    'tuntematon',
    'epäonnistui',
    'fel\\b',
    'felaktig',
    'kändes inte igen',
    'okänt',
    'misslyckades',
    'wrong',
    'invalid',
    'incorrect',
    'not recognised',
    'not recognized',
    'unknown',
    'failed',
  ),
};

export function classifyMessage(text: string | undefined): MessageKind | null {
  if (!text?.trim()) return null;
  for (const kind of MESSAGE_KINDS) if (PATTERNS[kind].test(text)) return kind;
  return null;
}

/** The message kind each negative role deserves. */
export const EXPECTED_KIND = {
  wrongPin: 'credentials',
  unknownCard: 'credentials',
  blocked: 'blocked',
  expired: 'expired',
} as const;
