/**
 * Language and structure checks over the beyond-axe probes (src/gather/a11y):
 *
 * - `accessibility/page-language` (3.1.1, serious): `<html lang>` is present, well-formed (BCP 47
 *   shape) and, when the page's words decide it (fi/sv/en, src/gather/language.ts), matches them.
 * - `accessibility/language-of-parts` (3.1.2, moderate): every element with its own `lang` whose
 *   words decide a language says that language.
 * - `accessibility/bypass-blocks` (2.4.1, moderate): each state has a working skip link among its
 *   first three tab stops, or a main landmark.
 */
import type { FindingInput } from '../types.ts';
import { findingAt, probeCheck, type StateVerdict } from './probe-check.ts';

const LANG_SHAPE = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** The primary subtag of a lang value, lower case. */
export function primarySubtag(lang: string): string {
  return lang.trim().toLowerCase().split('-')[0] ?? '';
}

export const pageLanguage = probeCheck({
  id: 'accessibility/page-language',
  title: 'The page declares the language it is written in',
  impact: 'serious',
  criteria: ['3.1.1'],
  reads: ['accessibility.states[].probes.language'],
  notApplicable: 'No page state was examined.',
  probe: 'language',
  atState({ state }, l): StateVerdict {
    const findings: FindingInput[] = [];
    const declared = l.declared?.trim() ?? '';
    const how = 'Reproduce: view the page source and read the lang attribute of <html>; a screen reader reads the page with the wrong voice.';
    if (!declared) findings.push(findingAt(state, 'html', `<html> has no lang attribute${l.detected ? `; the page is in ${l.detected}` : ''}. ${how}`));
    else if (!LANG_SHAPE.test(declared)) findings.push(findingAt(state, 'html', `<html lang="${declared}"> is not a valid language tag. ${how}`));
    else if (l.detected && primarySubtag(declared) !== l.detected) findings.push(findingAt(state, 'html', `<html lang="${declared}">, but the page's words are ${l.detected}. ${how}`));
    return { findings, tested: true };
  },
  passDetail: () => 'Every state declared a valid page language matching its words.',
});

export const languageOfParts = probeCheck({
  id: 'accessibility/language-of-parts',
  title: 'Passages in another language are marked with their language',
  impact: 'moderate',
  criteria: ['3.1.2'],
  reads: ['accessibility.states[].probes.language.parts'],
  notApplicable: 'No element declared its own language.',
  probe: 'language',
  atState({ state }, l): StateVerdict {
    const findings: FindingInput[] = [];
    for (const p of l.parts) {
      const how = `Reproduce: inspect the element's lang attribute; a screen reader reads "${p.name}" with a ${primarySubtag(p.declared) || 'wrong'} voice.`;
      if (!LANG_SHAPE.test(p.declared.trim())) findings.push(findingAt(state, p.selector, `lang="${p.declared}" is not a valid language tag. ${how}`));
      else if (p.detected && primarySubtag(p.declared) !== p.detected) findings.push(findingAt(state, p.selector, `The element says lang="${p.declared}", but its words are ${p.detected}. ${how}`));
    }
    return { findings, tested: l.parts.length > 0 };
  },
  passDetail: () => 'Every part with its own lang attribute was in that language.',
});

export const bypassBlocks = probeCheck({
  id: 'accessibility/bypass-blocks',
  title: 'Repeated blocks can be skipped (skip link or main landmark)',
  impact: 'moderate',
  criteria: ['2.4.1'],
  reads: ['accessibility.states[].probes.bypass'],
  notApplicable: 'No page state was examined.',
  probe: 'bypass',
  atState({ state }, b): StateVerdict {
    if (b.skipLink !== null || b.main > 0) return { tested: true };
    const how = 'Reproduce: press Tab once; no "skip to content" link appears, and a screen reader\'s landmark list has no main.';
    return { tested: true, findings: [findingAt(state, 'body', `No skip link among the first tab stops and no main landmark: keyboard and screen-reader users must go through every repeated block. ${how}`)] };
  },
  passDetail: () => 'Every state had a skip link or a main landmark.',
});

export const STRUCTURE_CHECKS = [pageLanguage, languageOfParts, bypassBlocks] as const;
