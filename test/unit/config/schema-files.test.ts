import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemas } from '../../../src/config/json-schema.ts';

describe('committed JSON Schemas', () => {
  it('match the schemas generated from zod (run `npm run schema` after changing src/core)', () => {
    for (const [file, text] of Object.entries(generateSchemas())) {
      expect(readFileSync(join(import.meta.dirname, '../../../schema', file), 'utf8'), file).toBe(text);
    }
  });
});
