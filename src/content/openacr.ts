/**
 * Reads an Accessibility Conformance Report in OpenACR form (GSA's YAML schema, after the ITI VPAT®):
 * `chapters.<chapter>.criteria[].num` with `components[].name` (web, electronic-docs, software,
 * authoring-tool) and `components[].adherence.level` (supports, partially-supports, does-not-support,
 * not-applicable, not-evaluated). Everything in it is the vendor's text.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { ACR_LEVELS, type AcrClaim } from '../core/evidence.ts';

const OpenAcrSchema = z.object({
  title: z.string().optional(),
  product: z.object({ name: z.string().optional(), version: z.union([z.string(), z.number()]).optional() }).optional(),
  report_date: z.union([z.string(), z.date()]).optional(),
  chapters: z.record(
    z.string(),
    z
      .object({
        criteria: z
          .array(
            z.object({
              num: z.union([z.string(), z.number()]),
              components: z
                .array(
                  z.object({
                    name: z.string(),
                    adherence: z.object({ level: z.string().optional(), notes: z.string().nullish() }).optional(),
                  }),
                )
                .nullish(),
            }),
          )
          .nullish(),
      })
      .nullish(),
  ),
});

export class AcrReadError extends Error {
  override readonly name = 'AcrReadError';
}

export interface ParsedAcr {
  title?: string;
  product?: string;
  reportDate?: string;
  claims: AcrClaim[];
}

export function parseOpenAcr(text: string): ParsedAcr {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new AcrReadError(`not YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = OpenAcrSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AcrReadError(`not an OpenACR document (at ${issue?.path.join('.') || 'the top'}: ${issue?.message})`);
  }
  const acr = parsed.data;
  const claims: AcrClaim[] = [];
  for (const chapter of Object.values(acr.chapters)) {
    for (const c of chapter?.criteria ?? []) {
      for (const comp of c.components ?? []) {
        const level = comp.adherence?.level;
        if (!level || !(ACR_LEVELS as readonly string[]).includes(level)) continue;
        const notes = comp.adherence?.notes?.trim();
        claims.push({
          criterion: String(c.num),
          component: comp.name,
          level: level as AcrClaim['level'],
          ...(notes ? { notes: notes.slice(0, 300) } : {}),
        });
      }
    }
  }
  const date = acr.report_date instanceof Date ? acr.report_date.toISOString().slice(0, 10) : acr.report_date;
  return {
    ...(acr.title ? { title: acr.title } : {}),
    ...(acr.product?.name ? { product: acr.product.name } : {}),
    ...(date ? { reportDate: date } : {}),
    claims,
  };
}
