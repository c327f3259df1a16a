/**
 * Reads an accessibility statement for the parts Act 306/2019 §16 and the model statement of
 * Implementing Decision (EU) 2018/1523 require, in Finnish, Swedish or English: the conformance status
 * (fully / partially / not compliant), the content that is not accessible, the dates of preparation
 * and review, a feedback channel and the enforcement procedure. Phrases follow the model statement's
 * wording in the three languages and saavutettavuusvaatimukset.fi's template. Pure text analysis;
 * the statement's text comes from the page as a patron reads it (its visible text, by lines).
 */
import { STATEMENT_PARTS, type StatementEvidence, type StatementPart } from '../core/evidence.ts';

/** Link names that lead to a statement (footer links), lower-case. */
export const STATEMENT_LINK_NAMES = [
  'saavutettavuusseloste',
  'tillgänglighetsutlåtande',
  'accessibility statement',
] as const;

/** One case-insensitive pattern that matches where any of the alternatives matches. */
function anyOf(...alternatives: readonly RegExp[]): RegExp {
  return new RegExp(alternatives.map((a) => a.source).join('|'), 'i');
}

const PATTERNS: Record<StatementPart, RegExp> = {
  conformance: anyOf(
    /(täyttää|täyttävät)\s+(kaikki|osittain|suurimmaksi osaksi)|ei\s+täytä/,
    /(osittain|täysin)\s+(\S+\s+)?(vaatimusten|saavutettavuusvaatimusten|direktiivin)\s+mukainen/,
    /(helt|delvis|inte)\s+förenlig|uppfyller\s+(delvis|inte|alla|helt)/,
    /(fully|partially|not)\s+(compliant|conformant)|(partially\s+)?conforms\s+(to|with)/,
  ),
  'non-accessible': anyOf(
    /ei\s+ole\s+saavutettav|ei-saavutettav|saavutettavuuspuuttee/,
    /icke\s+tillgänglig|inte\s+tillgänglig|otillgänglig/,
    /non-accessible|not\s+accessible|inaccessible/,
  ),
  prepared: /laadittu|laatimispäivä|upprättad|upprättades|upprättats|was\s+prepared|prepared\s+on|first\s+published/i,
  reviewed: anyOf(
    /päivitetty|tarkistettu|arvioitu\s+uudelleen/,
    /uppdaterad|uppdaterades|granskad|granskades/,
    /(last\s+)?reviewed|last\s+updated|updated\s+on/,
  ),
  feedback: /palaute|anna\s+palautetta|respons|återkoppling|feedback/i,
  enforcement: anyOf(
    /valvontaviranomai|aluehallintoviras|saavutettavuusvaatimukset\.fi/,
    /tillsynsmyndighet|regionförvaltningsverk/,
    /enforcement\s+procedure|supervisory\s+authority|enforcement\s+body|traficom/,
  ),
};

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  januari: 1,
  februari: 2,
  mars: 3,
  maj: 5,
  juni: 6,
  juli: 7,
  augusti: 8,
  oktober: 10,
  tammikuuta: 1,
  helmikuuta: 2,
  maaliskuuta: 3,
  huhtikuuta: 4,
  toukokuuta: 5,
  kesäkuuta: 6,
  heinäkuuta: 7,
  elokuuta: 8,
  syyskuuta: 9,
  lokakuuta: 10,
  marraskuuta: 11,
  joulukuuta: 12,
};

const iso = (y: number, m: number, d: number): string | undefined => {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCDate() === d ? t.toISOString().slice(0, 10) : undefined;
};

/** The first date in a line: 12.3.2025, 2025-03-12, 12 March 2025, 12 mars 2025, 12. maaliskuuta 2025. */
export function findDate(line: string): string | undefined {
  const isoMatch = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line);
  const dotted = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(line);
  const named = /\b(\d{1,2})\.?\s+([a-zäöå]+)\s+(\d{4})\b/i.exec(line);
  const named2 = /\b([A-Z][a-z]+)\s+(\d{1,2}),\s+(\d{4})\b/.exec(line);
  const found: Array<{ at: number; date: string | undefined }> = [];
  if (isoMatch) found.push({ at: isoMatch.index, date: iso(+isoMatch[1]!, +isoMatch[2]!, +isoMatch[3]!) });
  if (dotted) found.push({ at: dotted.index, date: iso(+dotted[3]!, +dotted[2]!, +dotted[1]!) });
  if (named && MONTHS[named[2]!.toLowerCase()])
    found.push({ at: named.index, date: iso(+named[3]!, MONTHS[named[2]!.toLowerCase()]!, +named[1]!) });
  if (named2 && MONTHS[named2[1]!.toLowerCase()])
    found.push({ at: named2.index, date: iso(+named2[3]!, MONTHS[named2[1]!.toLowerCase()]!, +named2[2]!) });
  return found.filter((f) => f.date !== undefined).sort((a, b) => a.at - b.at)[0]?.date;
}

const CONTACT = /[\w.+-]+@[\w-]+\.[\w.-]+|https?:\/\/\S+|\+?\d[\d\s-]{6,}\d|lomake|formulär|form\b/i;

/** A heading of the page and the list items under it, as the page shows them. */
export interface StatementSection {
  heading: string;
  items: string[];
}

export type StatementReading = Required<Pick<StatementEvidence, 'parts' | 'conformance' | 'nonAccessible'>>;

/** Reads the required parts from the statement's visible text (by lines) and its sections. */
export function readStatement(text: string, sections: readonly StatementSection[] = []): StatementReading {
  const lines = text
    .split(/\n+/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const parts = Object.fromEntries(
    STATEMENT_PARTS.map((part) => {
      const at = lines.findIndex(
        (l) =>
          PATTERNS[part].test(l) && (part !== 'prepared' && part !== 'reviewed' ? true : findDate(l) !== undefined),
      );
      if (at === -1) return [part, { found: false }];
      const line = lines[at]!;
      if (part === 'feedback') {
        // A channel, not only the word: an address, a form or a number on the line or the two after it.
        const near = lines.slice(at, at + 3).join(' ');
        if (!CONTACT.test(near)) return [part, { found: false, quote: line.slice(0, 300) }];
      }
      const date = part === 'prepared' || part === 'reviewed' ? findDate(line) : undefined;
      return [part, { found: true, quote: line.slice(0, 300), ...(date ? { date } : {}) }];
    }),
  ) as StatementReading['parts'];
  const conformanceLine = parts.conformance.quote?.toLowerCase() ?? '';
  const conformance = !parts.conformance.found
    ? null
    : /osittain|delvis|partially|suurimmaksi/.test(conformanceLine)
      ? 'partial'
      : /ei\s+täytä|inte|not\s+(compliant|conformant)/.test(conformanceLine)
        ? 'none'
        : 'full';
  const section = sections.find((s) => PATTERNS['non-accessible'].test(s.heading));
  const nonAccessible = (section?.items ?? [])
    .map((i) => i.replace(/\s+/g, ' ').trim().slice(0, 300))
    .filter(Boolean)
    .slice(0, 30);
  return { parts, conformance, nonAccessible };
}
