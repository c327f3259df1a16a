/** The static rule table must match the installed axe-core (regenerate it when axe-core changes). */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AXE_RULES, AXE_RULES_VERSION } from '../../../src/checks/index.ts';

interface AxeAudit {
  rules: { id: string; impact: string; tags: string[] }[];
  data: { rules: Record<string, { help: string }> };
}
const axe = createRequire(import.meta.url)('axe-core') as { version: string; _audit: AxeAudit };
const keep = (t: string) => /^(wcag|EN-9|best-practice$|experimental$|deprecated$)/.test(t);

describe('AXE_RULES', () => {
  it('was generated from the installed axe-core', () => {
    expect(AXE_RULES_VERSION).toBe(axe.version);
    const installed = Object.fromEntries(
      axe._audit.rules.map((r) => [r.id, { impact: r.impact, tags: r.tags.filter(keep), help: axe._audit.data.rules[r.id]?.help }]),
    );
    expect(AXE_RULES).toEqual(installed);
  });
});
