/** The IBM rule table must match the installed engine (regenerate it when accessibility-checker-engine changes). */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { IBM_RULES, IBM_RULES_VERSION } from '../../../src/checks/accessibility/ibm-rules.ts';
import { htmlcsCriterion, htmlcsImpact } from '../../../src/checks/accessibility/htmlcs-rules.ts';

interface Guideline {
  id: string;
  checkpoints: Array<{ num: string; rules?: Array<{ id: string; level: string; toolkitLevel: string }> }>;
}
const require = createRequire(import.meta.url);
const ace = require('accessibility-checker-engine/ace-node') as {
  Checker: new () => { getGuidelines(): Guideline[] };
};

describe('IBM_RULES', () => {
  it("was generated from the installed engine's WCAG_2_2 rule set (its VIOLATION rules)", () => {
    expect(IBM_RULES_VERSION).toBe(
      (require('accessibility-checker-engine/package.json') as { version: string }).version,
    );
    const set = new ace.Checker().getGuidelines().find((g) => g.id === 'WCAG_2_2')!;
    const installed: Record<string, { criteria: string[]; toolkitLevel: number }> = {};
    for (const cp of set.checkpoints) {
      for (const r of cp.rules ?? []) {
        if (r.level !== 'VIOLATION') continue;
        const e = (installed[r.id] ??= { criteria: [], toolkitLevel: Number(r.toolkitLevel) });
        if (!e.criteria.includes(cp.num)) e.criteria.push(cp.num);
        e.toolkitLevel = Math.min(e.toolkitLevel, Number(r.toolkitLevel));
      }
    }
    expect(IBM_RULES).toEqual(installed);
  });
});

describe('HTML_CodeSniffer rules', () => {
  it('take their criterion from the code and their impact from its level', () => {
    expect(htmlcsCriterion('1_4_3.G18.Fail')).toBe('1.4.3');
    expect(htmlcsCriterion('1_4_10.C32')).toBe('1.4.10');
    expect(htmlcsCriterion('Principle1')).toBeUndefined();
    expect(htmlcsImpact('1_1_1.H37')).toBe('serious');
    expect(htmlcsImpact('1_4_3.G18.Fail')).toBe('moderate');
  });
});
