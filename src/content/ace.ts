/**
 * Ace by DAISY (@daisy/ace-core 1.4, the reference EPUB accessibility checker) run through its API with
 * its Puppeteer axe runner on the machine's Chromium (Puppeteer's own browser download is not used:
 * PUPPETEER_EXECUTABLE_PATH points it at the Chromium the harness found). Ace writes its report to a
 * temporary folder; only report.json is kept, next to the evidence — Ace's HTML report (which runs
 * scripts) and its copies of the publication's images are not kept, so the scorecard never serves them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AceResult, AceViolation } from '../core/evidence.ts';
import { IMPACTS, type Impact } from '../core/ids.ts';

const require = createRequire(import.meta.url);

type AceFn = (epub: string, options: Record<string, unknown>, runner: unknown) => Promise<[unknown, unknown]>;

let loaded: { ace: AceFn; runner: unknown } | undefined;

/** Ace's version (its package), or null when it is not installed. */
export function aceVersion(): string | null {
  try {
    return (require('@daisy/ace-core/package.json') as { version: string }).version;
  } catch {
    return null;
  }
}

function load(chromium: string): { ace: AceFn; runner: unknown } {
  // Puppeteer reads its configuration when first loaded: the executable must be set before.
  process.env.PUPPETEER_EXECUTABLE_PATH ??= chromium;
  process.env.PUPPETEER_SKIP_DOWNLOAD ??= '1';
  loaded ??= {
    ace: require('@daisy/ace-core') as AceFn,
    runner: require('@daisy/ace-axe-runner-puppeteer') as unknown,
  };
  return loaded;
}

/** WCAG success criteria from axe tags (wcag111 → 1.1.1). */
export function criteriaOfTags(tags: readonly string[]): string[] {
  return [
    ...new Set(
      tags.flatMap((t) => {
        const m = /^wcag(\d)(\d)(\d+)$/.exec(t);
        return m ? [`${m[1]}.${m[2]}.${m[3]}`] : [];
      }),
    ),
  ];
}

interface AceAssertion {
  'earl:result'?: { 'earl:outcome'?: string; 'dct:description'?: string };
  'earl:test'?: { 'earl:impact'?: string; 'dct:title'?: string; 'dct:description'?: string; rulesetTags?: string[] };
  'earl:testSubject'?: { url?: string };
  assertions?: AceAssertion[];
}

/** The failing rules of an Ace report (report.json), grouped by rule. */
export function summariseAceReport(report: unknown): Pick<AceResult, 'outcome' | 'violations' | 'metadataMissing'> {
  const r = report as {
    'earl:result'?: { 'earl:outcome'?: string };
    assertions?: AceAssertion[];
    'a11y-metadata'?: { missing?: string[] };
  };
  const byRule = new Map<string, AceViolation>();
  for (const doc of r.assertions ?? []) {
    const where = doc['earl:testSubject']?.url ?? '';
    for (const a of doc.assertions ?? []) {
      if (a['earl:result']?.['earl:outcome'] !== 'fail') continue;
      const test = a['earl:test'] ?? {};
      const rule = test['dct:title'] ?? 'unknown';
      const impact: Impact = (IMPACTS as readonly string[]).includes(test['earl:impact'] ?? '')
        ? (test['earl:impact'] as Impact)
        : 'moderate';
      const tags = test.rulesetTags ?? [];
      const seen = byRule.get(rule);
      if (seen) {
        const documents =
          seen.documents.includes(where) || seen.documents.length >= 10 ? seen.documents : [...seen.documents, where];
        byRule.set(rule, { ...seen, count: seen.count + 1, documents });
      } else {
        byRule.set(rule, {
          rule,
          impact,
          count: 1,
          criteria: criteriaOfTags(tags),
          description: (test['dct:description'] ?? a['earl:result']?.['dct:description'] ?? '').slice(0, 300),
          documents: where ? [where.replace(/^\//, '')] : [],
          tags,
        });
      }
    }
  }
  const outcome = (report as { 'earl:result'?: { 'earl:outcome'?: string } })['earl:result']?.['earl:outcome'];
  return {
    ...(outcome ? { outcome } : {}),
    violations: [...byRule.values()].slice(0, 100),
    metadataMissing: r['a11y-metadata']?.missing ?? [],
  };
}

/**
 * Runs Ace on one EPUB file; the report is copied to `reportFile`. A failure of Ace on this file is
 * recorded (`ran: false`, why), never thrown: it is the publication's or Ace's, and the checks that
 * need Ace are then inconclusive.
 */
export async function runAce(
  epub: string,
  reportFile: { absolute: string; relative: string },
  chromium: string,
): Promise<AceResult> {
  const out = mkdtempSync(join(tmpdir(), 'erh-ace-'));
  try {
    const { ace, runner } = load(chromium);
    const [, report] = await ace(
      epub,
      {
        cwd: process.cwd(),
        outdir: out,
        tmpdir: join(out, 'tmp'),
        verbose: false,
        silent: true,
        initLogger: true,
        lang: 'en',
        timeout: 120_000,
      },
      runner,
    );
    const json = report ?? JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    cpSync(join(out, 'report.json'), reportFile.absolute);
    return { ran: true, ...summariseAceReport(json), report: reportFile.relative };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e || 'Ace stopped without saying why');
    return { ran: false, error: `Ace failed: ${why}`, violations: [], metadataMissing: [] };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
