/**
 * The "why" paragraph above the scorecard's tables, worded from typed facts (src/scorecard/why.ts) in
 * the reader's language with ICU plurals: who ranks first and what made the lead, who is excluded by
 * which must-pass gate on which devices, which budgets were missed — a maximum exceeded, a minimum
 * not reached. Names come from the caller (service and device names, gate and check titles), so this
 * file holds words only.
 */
import type { Language, Suite } from '../core/index.ts';
import type { BudgetMissFact, ExclusionReason, WhyFacts } from '../scorecard/why.ts';
import type { Html } from './escape.ts';
import { html } from './escape.ts';
import { icu, listOf, type IcuMessage } from './icu.ts';
import { formatNumber, formatValue } from './format.ts';

/** What the paragraph needs named, in the page's language. */
export interface WhyNames {
  service(id: string): string;
  device(id: string): string;
  suite(suite: Suite): string;
  /** A gate's title; `translated` false when only an English title exists (marked lang="en"). */
  gate(id: string, check: string): { text: string; translated: boolean };
  check(id: string): { text: string; translated: boolean };
  budget(id: string): string;
  /** `lang="en"` (or nothing on an English page). */
  en: Html;
}

const M = {
  leader: {
    en:
      '{service} ranks first with {score} points, {margin, plural, one {# point} other {# points}} ahead of {next} ' +
      '({nextScore} points).',
    fi:
      '{service} on ensimmäisenä {score} pisteellä, {margin, plural, one {# piste} other {# pistettä}} edellä ' +
      'palvelua {next} ({nextScore} pistettä).',
    sv: '{service} kommer först med {score} poäng, {margin} poäng före {next} ({nextScore} poäng).',
  },
  alone: {
    en: '{service} is the only ranked service ({score} points).',
    fi: '{service} on ainoa järjestykseen asetettu palvelu ({score} pistettä).',
    sv: '{service} är den enda rangordnade tjänsten ({score} poäng).',
  },
  tie: {
    en: '{services} share first place with {score} points.',
    fi: '{services} jakavat ensimmäisen sijan {score} pisteellä.',
    sv: '{services} delar första platsen med {score} poäng.',
  },
  parts: {
    en: 'The lead comes mainly from {parts}.',
    fi: 'Ero syntyy pääosin näistä osa-alueista: {parts}.',
    sv: 'Skillnaden kommer främst från {parts}.',
  },
  part: {
    en: '{suite} ({leader} against {other} points)',
    fi: '{suite} ({leader} ja {other} pistettä)',
    sv: '{suite} ({leader} mot {other} poäng)',
  },
  close: {
    en:
      'The lead is smaller than the spread of the repeated performance measurements, so the two are not clearly ' +
      'different.',
    fi:
      'Ero on pienempi kuin toistettujen suorituskykymittausten vaihtelu, joten palvelut eivät eroa selvästi ' +
      'toisistaan.',
    sv:
      'Skillnaden är mindre än spridningen i de upprepade prestandamätningarna, så tjänsterna skiljer sig inte ' +
      'tydligt åt.',
  },
  none: {
    en: 'No service could be ranked.',
    fi: 'Yhtäkään palvelua ei voitu asettaa järjestykseen.',
    sv: 'Ingen tjänst kunde rangordnas.',
  },
  excluded: {
    en: '{service} is excluded from the ranking: {reasons}.',
    fi: '{service} on suljettu pois järjestyksestä: {reasons}.',
    sv: '{service} är utesluten ur rangordningen: {reasons}.',
  },
  onDevices: {
    en: 'on {devices}',
    fi: '{count, plural, one {laitteella} other {laitteilla}} {devices}',
    sv: 'på {devices}',
  },
  gateFailed: {
    en: 'the must-pass requirement “{gate}” was not met {where}',
    fi: 'ehdoton vaatimus ”{gate}” ei täyttynyt {where}',
    sv: 'skallkravet ”{gate}” uppfylldes inte {where}',
  },
  gateUndecided: {
    en: 'the must-pass requirement “{gate}” could not be decided {where}',
    fi: 'ehdotonta vaatimusta ”{gate}” ei voitu ratkaista {where}',
    sv: 'skallkravet ”{gate}” kunde inte avgöras {where}',
  },
  gateUndecidedNowhere: {
    en: 'the must-pass requirement “{gate}” could not be decided',
    fi: 'ehdotonta vaatimusta ”{gate}” ei voitu ratkaista',
    sv: 'skallkravet ”{gate}” kunde inte avgöras',
  },
  failing: {
    en: '{count, plural, one {failing check} other {failing checks}}: {checks}',
    fi: '{count, plural, one {hylätty tarkistus} other {hylätyt tarkistukset}}: {checks}',
    sv: '{count, plural, one {underkänd kontroll} other {underkända kontroller}}: {checks}',
  },
  notScored: {
    en: 'no score could be computed',
    fi: 'sille ei voitu laskea pisteitä',
    sv: 'inga poäng kunde beräknas',
  },
  harness: {
    en: 'part of its score ({suites}) could not be computed because the test harness failed {where}',
    fi: 'osaa pisteistä ({suites}) ei voitu laskea, koska testiympäristö epäonnistui {where}',
    sv: 'en del av poängen ({suites}) kunde inte beräknas eftersom testverktyget fallerade {where}',
  },
  budgets: {
    en: 'Budgets do not change the ranking: {items}.',
    fi: 'Raja-arvot eivät vaikuta järjestykseen: {items}.',
    sv: 'Gränsvärdena påverkar inte rangordningen: {items}.',
  },
  maxExceeded: {
    en: '{service}: {budget} exceeded the maximum {where} ({actual}; at most {limit})',
    fi: '{service}: {budget} ylitti enimmäisarvon {where} ({actual}; enintään {limit})',
    sv: '{service}: {budget} överskred maxvärdet {where} ({actual}; högst {limit})',
  },
  minNotReached: {
    en: '{service}: {budget} is below the minimum ({actual}; at least {limit} required)',
    fi: '{service}: {budget} jäi alle vähimmäistason ({actual}; vähintään {limit})',
    sv: '{service}: {budget} ligger under miniminivån ({actual}; minst {limit} krävs)',
  },
} as const satisfies Record<string, IcuMessage>;

/** The word for a missed budget beside its figures: a maximum is exceeded, a minimum is not reached. */
export const BUDGET_MISSED = {
  'max-exceeded': { en: 'exceeded', fi: 'ylittyi', sv: 'överskridet' },
  'min-not-reached': { en: 'below the minimum', fi: 'alle vähimmäistason', sv: 'under miniminivån' },
} as const satisfies Record<BudgetMissFact['direction'], IcuMessage>;

/** Placeholder-safe: names go in as opaque tokens and come out as escaped (and language-marked) Html. */
function sentence(lang: Language, message: IcuMessage, values: Record<string, string | number | Html>): Html {
  const tokens = new Map<string, Html | string>();
  const plain: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'number') plain[k] = v;
    else {
      const token = `\u0001${tokens.size}\u0002`;
      tokens.set(token, v);
      plain[k] = token;
    }
  }
  const text = icu(lang, message, plain);
  const parts = text.split(/(\u0001\d+\u0002)/);
  return html`${parts.map((p) => (tokens.has(p) ? html`${tokens.get(p) as Html | string}` : p))}`;
}

function marked(names: WhyNames, title: { text: string; translated: boolean }): Html {
  return title.translated ? html`${title.text}` : html`<span${names.en}>${title.text}</span>`;
}

function joinHtml(lang: Language, items: readonly Html[]): Html {
  // Intl.ListFormat over opaque tokens, then the tokens put back.
  const tokens = items.map((_, i) => `\u0001${i}\u0002`);
  const text = listOf(lang, tokens);
  return html`${text.split(/(\u0001\d+\u0002)/).map((p) => {
    const i = tokens.indexOf(p);
    return i >= 0 ? (items[i] as Html) : p;
  })}`;
}

function where(lang: Language, names: WhyNames, devices: readonly string[]): Html {
  return sentence(lang, M.onDevices, {
    count: devices.length,
    devices: joinHtml(
      lang,
      devices.map((d) => html`${names.device(d)}`),
    ),
  });
}

function reason(lang: Language, names: WhyNames, r: ExclusionReason): Html {
  switch (r.kind) {
    case 'gate-failed':
    case 'gate-undecided': {
      const gate = marked(names, names.gate(r.gate, r.check));
      const main =
        r.kind === 'gate-failed'
          ? sentence(lang, M.gateFailed, { gate, where: where(lang, names, r.devices) })
          : r.devices.length > 0
            ? sentence(lang, M.gateUndecided, { gate, where: where(lang, names, r.devices) })
            : sentence(lang, M.gateUndecidedNowhere, { gate });
      if (r.failures.length === 0) return main;
      const checks = joinHtml(
        lang,
        r.failures.map((f) => marked(names, names.check(f.check))),
      );
      return html`${main} (${sentence(lang, M.failing, { count: r.failures.length, checks })})`;
    }
    case 'not-scored':
      return sentence(lang, M.notScored, {});
    case 'harness-error':
      return sentence(lang, M.harness, {
        suites: listOf(
          lang,
          r.suites.map((s) => names.suite(s)),
        ),
        where: where(lang, names, r.devices),
      });
  }
}

function budgetItem(lang: Language, names: WhyNames, b: BudgetMissFact): Html {
  const service = names.service(b.service);
  const budget = names.budget(b.budget);
  if (b.direction === 'max-exceeded') {
    return sentence(lang, M.maxExceeded, {
      service,
      budget,
      where: where(lang, names, b.devices),
      actual: formatValue(lang, b.actual, b.unit),
      limit: formatValue(lang, b.limit, b.unit),
    });
  }
  return sentence(lang, M.minNotReached, {
    service,
    budget,
    actual: formatNumber(lang, b.actual),
    limit: formatNumber(lang, b.limit),
  });
}

/** The paragraph: leader, exclusions, missed budgets — every sentence in `lang`. */
export function whyParagraph(lang: Language, facts: WhyFacts, names: WhyNames): Html {
  const sentences: Html[] = [];
  const leader = facts.leader;
  if (leader === null) sentences.push(sentence(lang, M.none, {}));
  else {
    const score = formatNumber(lang, leader.score);
    const [first] = leader.services;
    if (leader.services.length > 1) {
      sentences.push(
        sentence(lang, M.tie, {
          services: joinHtml(
            lang,
            leader.services.map((s) => html`${names.service(s)}`),
          ),
          score,
        }),
      );
    } else if (leader.next === undefined || leader.margin === undefined) {
      sentences.push(sentence(lang, M.alone, { service: names.service(first as string), score }));
    } else {
      sentences.push(
        sentence(lang, M.leader, {
          service: names.service(first as string),
          score,
          margin: leader.margin,
          next: names.service(leader.next.service),
          nextScore: formatNumber(lang, leader.next.score),
        }),
      );
    }
    if (leader.leadParts.length > 0) {
      const parts = leader.leadParts.map((p) =>
        sentence(lang, M.part, {
          suite: names.suite(p.suite),
          leader: formatNumber(lang, Math.round(p.leader)),
          other: formatNumber(lang, Math.round(p.other)),
        }),
      );
      sentences.push(sentence(lang, M.parts, { parts: joinHtml(lang, parts) }));
    }
    if (leader.close) sentences.push(sentence(lang, M.close, {}));
  }
  for (const x of facts.excluded) {
    sentences.push(
      sentence(lang, M.excluded, {
        service: names.service(x.service),
        reasons: joinHtml(
          lang,
          x.reasons.map((r) => reason(lang, names, r)),
        ),
      }),
    );
  }
  if (facts.budgetMisses.length > 0) {
    sentences.push(
      sentence(lang, M.budgets, {
        items: joinHtml(
          lang,
          facts.budgetMisses.map((b) => budgetItem(lang, names, b)),
        ),
      }),
    );
  }
  return html`<p class="why">${sentences.map((s, i) => (i === 0 ? s : html` ${s}`))}</p>`;
}
