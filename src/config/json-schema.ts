/** JSON Schemas generated from the zod schemas, for editor completion in YAML and for CI consumers. */
import { z } from 'zod';
import { DeviceSchema, ProfileSchema, ServiceSchema } from '../core/config.ts';
import { EvidenceSchema } from '../core/evidence.ts';
import { RunResultSchema } from '../core/result.ts';
import { CompareResultSchema } from '../core/compare.ts';

export const GENERATED_SCHEMAS = {
  'service.schema.json': { schema: ServiceSchema, io: 'input' },
  'device.schema.json': { schema: DeviceSchema, io: 'input' },
  'profile.schema.json': { schema: ProfileSchema, io: 'input' },
  'evidence.schema.json': { schema: EvidenceSchema, io: 'output' },
  'results.schema.json': { schema: RunResultSchema, io: 'output' },
  'compare.schema.json': { schema: CompareResultSchema, io: 'output' },
} as const;

export function generateSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, io }] of Object.entries(GENERATED_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
    out[file] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
