/**
 * axe-core through any BrowserSession: the axe source is injected as a script and run in the page;
 * results are compacted in the page so that only what the evidence keeps crosses the wire.
 * Violations and needs-review (incomplete) results are kept with their nodes; passes and
 * inapplicable rules as ids.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AccessibilityState, AxeRuleResult } from '../core/evidence.ts';
import type { BrowserSession } from '../session/types.ts';

const require = createRequire(import.meta.url);

/** WCAG 2.0/2.1/2.2 A and AA, EN 301 549, plus best practices (reported, not scored). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'EN-301-549', 'best-practice'] as const;

let cached: { source: string; version: string } | undefined;
export function axeSource(): { source: string; version: string } {
  if (!cached) {
    const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const version = (JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string }).version;
    cached = { source, version };
  }
  return cached;
}

interface AxeProbeResult {
  violations: AxeRuleResult[];
  incomplete: AxeRuleResult[];
  passes: string[];
  inapplicable: string[];
}

/** In-page: runs axe and compacts its results. Self-contained. */
async function runAxeProbe(arg: { tags: string[] }): Promise<AxeProbeResult> {
  type AxeNode = { target: unknown[]; html: string; failureSummary?: string; impact?: string | null };
  type AxeRule = { id: string; impact?: string | null; tags: string[]; description: string; help: string; helpUrl: string; nodes: AxeNode[] };
  type AxeResults = { violations: AxeRule[]; incomplete: AxeRule[]; passes: AxeRule[]; inapplicable: AxeRule[] };
  const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
  const r = await axe.run(document, {
    runOnly: { type: 'tag', values: arg.tags },
    resultTypes: ['violations', 'incomplete'],
    iframes: true,
  });
  const impact = (i: string | null | undefined): 'minor' | 'moderate' | 'serious' | 'critical' | null =>
    i === 'minor' || i === 'moderate' || i === 'serious' || i === 'critical' ? i : null;
  const compact = (rule: AxeRule) => ({
    id: rule.id,
    impact: impact(rule.impact),
    tags: rule.tags,
    description: rule.description,
    help: rule.help,
    helpUrl: rule.helpUrl,
    nodes: rule.nodes.slice(0, 25).map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' ') : String(t))),
      html: n.html.length > 300 ? `${n.html.slice(0, 297)}...` : n.html,
      ...(n.failureSummary ? { failureSummary: n.failureSummary.slice(0, 1000) } : {}),
      impact: impact(n.impact),
    })),
  });
  return {
    violations: r.violations.map(compact),
    incomplete: r.incomplete.map(compact),
    passes: r.passes.map((p) => p.id),
    inapplicable: r.inapplicable.map((p) => p.id),
  };
}

export async function runAxe(session: BrowserSession, step: string, url: string): Promise<AccessibilityState> {
  const { source } = axeSource();
  const loaded = await session.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined', null);
  if (!loaded) await session.runScript(source);
  const result = await session.evaluate(runAxeProbe, { tags: [...AXE_TAGS] });
  return { step, url, ...result };
}
