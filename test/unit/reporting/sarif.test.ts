/**
 * SARIF 2.1.0 from a scored sample run: valid against the official SARIF 2.1.0 JSON Schema (as Microsoft's SARIF
 * tooling ships it, @microsoft/jest-sarif), and structure checked against the parts GitHub reads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// A CommonJS module: its constructor is also its `default` property, which is what the types describe.
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { locationPath, toSarif } from '../../../src/reporting/sarif.ts';
import { sampleRun } from '../../support/sample-run.ts';

const Sarif = z.object({
  $schema: z.string().url(),
  version: z.literal('2.1.0'),
  runs: z.array(z.object({
    tool: z.object({ driver: z.object({ name: z.string(), rules: z.array(z.object({ id: z.string(), shortDescription: z.object({ text: z.string() }), properties: z.object({ tags: z.array(z.string()), wcag: z.array(z.string()) }) })) }) }),
    results: z.array(z.object({
      ruleId: z.string(),
      level: z.enum(['error', 'warning', 'note', 'none']),
      message: z.object({ text: z.string().min(1) }),
      locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string().min(1) }) }) })).min(1),
    })),
  })).length(1),
});

const require = createRequire(import.meta.url);
/** The OASIS SARIF 2.1.0 schema (its last draft, rtm.5, which code scanning validates against). */
const OFFICIAL_SCHEMA = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;

describe('toSarif', () => {
  it('writes a log the official SARIF 2.1.0 schema accepts (and the validation can fail)', () => {
    const validate = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }).compile(OFFICIAL_SCHEMA);
    for (const seed of [1, 3, 7]) {
      const log = toSarif(sampleRun({ services: 3, devices: 2, seed }).result);
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
      const broken = JSON.parse(JSON.stringify(log)) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
      expect(broken.runs[0]!.results.length).toBeGreaterThan(0);
      broken.runs[0]!.results[0]!['level'] = 'fatal';
      expect(validate(broken)).toBe(false);
    }
  });

  it('locates a page as a repository-relative path (code scanning rejects URL schemes)', () => {
    expect(locationPath('http://127.0.0.1:4100/login?x=1')).toBe('127.0.0.1_4100/login');
    expect(locationPath('https://v.example/')).toBe('v.example');
  });

  it('gives every failed check a rule and each finding a result on its page, levels from impact', () => {
    const { result } = sampleRun({ services: 2, devices: 1, seed: 3 });
    const log = Sarif.parse(toSarif(result));
    const run = log.runs[0]!;
    const failed = result.targets.flatMap((t) => Object.values(t.suites).flatMap((s) => s.checks)).filter((c) => c.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const c of failed) expect(run.tool.driver.rules.some((r) => r.id === c.id)).toBe(true);
    for (const r of run.results) expect(run.tool.driver.rules.some((rule) => rule.id === r.ruleId)).toBe(true);
    const withSc = run.tool.driver.rules.find((r) => r.properties.wcag.length > 0);
    if (withSc) expect(withSc.properties.tags).toContain(`wcag${withSc.properties.wcag[0]!.replaceAll('.', '')}`);
  });

  it('keeps vendor text as data: JSON round-trip preserves it', () => {
    const { result } = sampleRun({ services: 1, devices: 1, seed: 3 });
    const check = result.targets[0]!.suites.accessibility.checks[0]!;
    const hostile = '"</script><img onerror=x>\u0007';
    const t = { ...result, targets: [{ ...result.targets[0]!, suites: { ...result.targets[0]!.suites, accessibility: { ...result.targets[0]!.suites.accessibility, checks: [{ ...check, status: 'fail' as const, findings: [{ message: hostile, impact: 'serious' as const, url: 'https://v.example/p' }] }] } } }] };
    const log = toSarif(t);
    const back = JSON.parse(JSON.stringify(log)) as typeof log;
    const r = back.runs[0]!.results.find((x) => x.ruleId === check.id)!;
    expect(r.message.text).toBe(hostile);
    expect(r.level).toBe('error');
    expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe('v.example/p');
    expect(r.properties['pageUrl']).toBe('https://v.example/p');
  });
});
