/**
 * HTML_CodeSniffer's rules, as this harness scores them. HTML_CodeSniffer files every message under the
 * success criterion of the sniff that raised it (its code `1_4_3.G18.Fail` begins with `1_4_3`), and
 * declares no impact; the declared impact here is one fixed policy by the criterion's level — level A
 * → serious, level AA → moderate (AAA: minor, not scored) — never what a vendor's page produced.
 */
import type { Impact } from '../../core/ids.ts';
import { criterion, isWcagSc, type WcagLevel, type WcagSc } from '../../core/criteria.ts';

export const HTMLCS_LEVEL_IMPACTS = { A: 'serious', AA: 'moderate', AAA: 'minor' } as const satisfies Record<
  WcagLevel,
  Impact
>;

/** The criterion of an HTML_CodeSniffer rule (`1_4_3.G18.Fail` → 1.4.3), or undefined. */
export function htmlcsCriterion(rule: string): WcagSc | undefined {
  const m = /^(\d)_(\d)_(\d{1,2})\./.exec(rule);
  const sc = m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
  return sc !== undefined && isWcagSc(sc) ? sc : undefined;
}

/** Declared impact of an HTML_CodeSniffer rule: by its criterion's level; moderate when it names none. */
export function htmlcsImpact(rule: string): Impact {
  const sc = htmlcsCriterion(rule);
  return sc ? HTMLCS_LEVEL_IMPACTS[criterion(sc).level] : 'moderate';
}
