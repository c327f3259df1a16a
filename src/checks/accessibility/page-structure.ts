/**
 * Language and structure checks over the beyond-axe probes (src/gather/a11y):
 *
 * - `accessibility/page-language` (3.1.1, serious): `<html lang>` is present, well-formed (BCP 47
 *   shape) and, when the page's words identify a language (any language, src/gather/a11y/language.ts:
 *   a short text or a single function word never decides), matches them.
 * - `accessibility/language-of-parts` (3.1.2, moderate): every element with its own `lang` whose
 *   words decide a language says that language, and no passage of a dozen words or more is in
 *   another language than the page without a lang of its own (judged only where the page's words
 *   confirm its declared language).
 * - `accessibility/bypass-blocks` (2.4.1, moderate): each state with a repeated block (at least
 *   three tab stops before the first heading) has a working skip link among its first three tab
 *   stops, or a main landmark. A page with nothing before its content has nothing to bypass.
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
    const how =
      'Reproduce: view the page source and read the lang attribute of <html>; a screen reader reads the ' +
      'page with the wrong voice.';
    if (!declared)
      findings.push(
        findingAt(
          state,
          'html',
          `<html> has no lang ` + `attribute${l.detected ? `; the page is in ${l.detected}` : ''}. ${how}`,
        ),
      );
    else if (!LANG_SHAPE.test(declared))
      findings.push(findingAt(state, 'html', `<html lang="${declared}"> is not a ` + `valid language tag. ${how}`));
    else if (l.detected && primarySubtag(declared) !== l.detected)
      findings.push(
        findingAt(state, 'html', `<html ` + `lang="${declared}">, but the page's words are ${l.detected}. ${how}`),
      );
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
      const how =
        `Reproduce: inspect the element's lang attribute; a screen reader reads "${p.name}" with a ` +
        `${primarySubtag(p.declared) || 'wrong'} voice.`;
      if (!LANG_SHAPE.test(p.declared.trim()))
        findings.push(findingAt(state, p.selector, `lang="${p.declared}" is ` + `not a valid language tag. ${how}`));
      else if (p.detected && primarySubtag(p.declared) !== p.detected)
        findings.push(
          findingAt(
            state,
            p.selector,
            `The element says lang="${p.declared}", but its words are ${p.detected}. ${how}`,
          ),
        );
    }
    // A passage in another language with no lang of its own, on a page whose own words confirm its declared language.
    const page = primarySubtag(l.declared ?? '');
    if (page && l.detected === page) {
      for (const u of l.unmarked ?? []) {
        if (u.detected === page) continue;
        findings.push(
          findingAt(
            state,
            u.selector,
            `The passage "${u.name}…" is in ${u.detected} but has no lang ` +
              `attribute, so it is read as ${page}. Reproduce: listen to it with a screen reader.`,
          ),
        );
      }
    }
    return { findings, tested: l.parts.length > 0 || (l.unmarked ?? []).length > 0 };
  },
  passDetail: () => 'Every part with its own lang attribute was in that language.',
});

/** Tab stops before the content (the first heading) that make a block worth bypassing. */
export const REPEATED_BLOCK_STOPS = 3;

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
    // Nothing repeated to bypass: fewer than REPEATED_BLOCK_STOPS tab stops come before the content.
    if (b.blockStops !== undefined && b.blockStops < REPEATED_BLOCK_STOPS) return { tested: true };
    const how =
      'Reproduce: press Tab once; no "skip to content" link appears, and a screen reader\'s landmark list ' +
      'has no main.';
    return {
      tested: true,
      findings: [
        findingAt(
          state,
          'body',
          `No skip link among the first tab stops and no main ` +
            `landmark: keyboard and screen-reader users must go through every repeated block. ${how}`,
        ),
      ],
    };
  },
  passDetail: () => 'Every state had a skip link or a main landmark, or no repeated block to bypass.',
});

export const STRUCTURE_CHECKS = [pageLanguage, languageOfParts, bypassBlocks] as const;
