import { describe, expect, it } from 'vitest';
import { Redactor, REDACTED } from '../../../src/config/secrets.ts';

describe('Redactor', () => {
  const r = new Redactor(['12345678', '9876543210', '12']);
  it('removes secrets and their URL-encoded form from text and nested values', () => {
    expect(r.text('card 9876543210 pin 12345678')).toBe(`card ${REDACTED} pin ${REDACTED}`);
    expect(r.deep({ a: ['x12345678y'], b: { c: 'ok' }, n: 3 })).toEqual({ a: [`x${REDACTED}y`], b: { c: 'ok' }, n: 3 });
  });
  it('ignores values too short to redact safely', () => {
    expect(r.text('page 12 of 40')).toBe('page 12 of 40');
  });
});
