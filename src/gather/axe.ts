/**
 * axe-core through any BrowserSession: the axe source is defined and run in one probe call, in the
 * session's isolated world where it has one (src/session/types.ts `evaluate`), never trusting a
 * `window.axe` the page may have defined;
 * results are compacted in the page so that only what the evidence keeps crosses the wire.
 * Violations and needs-review (incomplete) results are kept with their nodes; passes and
 * inapplicable rules as ids.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AccessibilityState, AxeRuleResult } from '../core/evidence.ts';
import type { BrowserSession, Probe } from '../session/types.ts';

const require = createRequire(import.meta.url);

/** WCAG 2.0/2.1/2.2 A and AA, EN 301 549, plus best practices (reported, not scored). */
export const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'EN-301-549',
  'best-practice',
] as const;

let cached: { source: string; version: string } | undefined;
export function axeSource(): { source: string; version: string } {
  if (!cached) {
    const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const version = (JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string })
      .version;
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

/** In-page: runs the given axe (never a global the page could define) and compacts its results. Self-contained. */
async function runAxeProbe(arg: { tags: string[] }, axe: unknown): Promise<AxeProbeResult> {
  type AxeNode = { target: unknown[]; html: string; failureSummary?: string; impact?: string | null };
  type AxeRule = {
    id: string;
    impact?: string | null;
    tags: string[];
    description: string;
    help: string;
    helpUrl: string;
    nodes: AxeNode[];
  };
  type AxeResults = { violations: AxeRule[]; incomplete: AxeRule[]; passes: AxeRule[]; inapplicable: AxeRule[] };
  const r = await (axe as { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> }).run(document, {
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

/**
 * The in-page function that defines axe-core and runs it in one call: axe's source is wrapped so that
 * its UMD export lands in a local `module`, and the probe is handed that object. Nothing is looked up
 * on `window`, so a page that defines its own `window.axe` (or a setter for it) changes nothing, in an
 * isolated world or not. (A probe is serialised by its source text; this one is built from axe's.)
 */
let cachedProbe: Probe<{ tags: string[] }, AxeProbeResult> | undefined;
function axeProbe(): Probe<{ tags: string[] }, AxeProbeResult> {
  if (!cachedProbe) {
    const source = `async function (arg) {
var module = { exports: {} }, define = undefined;
${axeSource().source}
;return (${runAxeProbe.toString()})(arg, module.exports);
}`;
    const probe = (() => {
      throw new Error('axe probe runs in the page only');
    }) as Probe<{ tags: string[] }, AxeProbeResult>;
    cachedProbe = Object.assign(probe, { toString: () => source });
  }
  return cachedProbe;
}

export async function runAxe(session: BrowserSession, step: string, url: string): Promise<AccessibilityState> {
  const result = await session.evaluate(axeProbe(), { tags: [...AXE_TAGS] });
  return { step, url, ...result };
}
