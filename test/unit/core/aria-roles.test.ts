import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARIA_ROLES, isAriaRole } from '../../../src/core/config.ts';

describe('ARIA_ROLES', () => {
  it("is exactly the list Playwright's getByRole accepts (its type declaration), so no drift either way", () => {
    const types = readFileSync(join(import.meta.dirname, '../../../node_modules/playwright-core/types/types.d.ts'), 'utf8');
    const union = /getByRole\(role: ("alert"[^,]*),/.exec(types)?.[1];
    expect(union).toBeDefined();
    expect([...ARIA_ROLES]).toEqual(union!.split('|').map((r) => r.replace(/"/g, '')));
  });

  it('tells a role from a misspelling', () => {
    expect(isAriaRole('searchbox')).toBe(true);
    expect(isAriaRole('buton')).toBe(false);
  });
});
