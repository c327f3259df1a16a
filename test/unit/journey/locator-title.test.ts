import { describe, expect, it } from 'vitest';
import { LocatorSchema } from '../../../src/core/config.ts';
import { describeLocator } from '../../../src/session/types.ts';

describe('title locator', () => {
  it('parses { title } and describes it in words', () => {
    const l = LocatorSchema.parse({ title: 'Next page' });
    expect(l).toEqual({ title: 'Next page' });
    expect(describeLocator(l)).toBe('element titled "Next page"');
  });
  it('refuses an empty title and a title mixed with another locator kind', () => {
    expect(LocatorSchema.safeParse({ title: '' }).success).toBe(false);
    expect(LocatorSchema.safeParse({ title: 'x', css: 'a' }).success).toBe(false);
  });
});
