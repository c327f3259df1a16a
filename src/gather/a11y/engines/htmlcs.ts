/**
 * HTML_CodeSniffer (npm `html_codesniffer`, its build run in the page) with its WCAG2AA standard.
 * Per message, type ERROR → violation, WARNING → review (needs review, never a failure); NOTICE
 * messages are dropped: they are reminders of manual checks it prints for every page whatever it
 * holds (e.g. "check that the title describes the document"), not findings about it. A rule is the
 * message code without its standard and principle/guideline part, e.g. `1_1_1.H37`.
 */
import type { BrowserSession, Probe } from '../../../session/types.ts';
import type { PageTools } from './page-tools.ts';
import { engineProbe, NODES_PER_RULE, packaged, type EngineProbeArg, type EngineProbeResult } from './probe.ts';

export const HTMLCS_STANDARD = 'WCAG2AA';

interface HtmlcsArg extends EngineProbeArg {
  standard: string;
}

/** In-page: runs the given HTML_CodeSniffer over the document and compacts its messages. Self-contained. */
async function runHtmlcsProbe(arg: HtmlcsArg, htmlcs: never, tools: PageTools): Promise<EngineProbeResult> {
  type Message = { type: number; code: string; msg: string; element: unknown };
  type Sniffer = {
    process(standard: string, content: unknown, done: () => void, failed: () => void, language: string): void;
    getMessages(): Message[];
  };
  const sniffer = htmlcs as Sniffer;
  const messages = await new Promise<Message[]>((resolve, reject) => {
    const failed = () => reject(new Error('HTML_CodeSniffer could not process the page'));
    sniffer.process(arg.standard, document, () => resolve(sniffer.getMessages()), failed, 'en');
  });
  for (const m of messages) {
    if (m.type !== 1 && m.type !== 2) continue;
    // WCAG2AA.Principle1.Guideline1_1.1_1_1.H37 → 1_1_1.H37
    const rule = m.code.replace(/^[^.]+\.Principle\d\.Guideline\d_\d+\./, '');
    tools.add(rule, m.type === 1 ? 'violation' : 'review', m.element, String(m.msg));
  }
  return { results: tools.results(), passes: [] };
}

let cached: { probe: Probe<HtmlcsArg, EngineProbeResult>; version: string } | undefined;
function htmlcs(): { probe: Probe<HtmlcsArg, EngineProbeResult>; version: string } {
  if (!cached) {
    const { source, version } = packaged('html_codesniffer', 'build/HTMLCS.js');
    // Its UMD wrapper copies its exports onto `this` (a hoisted `var exports` hides the CommonJS path):
    // run with `this` a holder object, not the window. Its sniffs call HTMLCS, HTMLCS_WCAG2AAA… as
    // globals: they are declared as locals of the probe and set from the holder, so that they resolve
    // to this copy and never to the page's.
    const names = [...new Set([...source.matchAll(/_global\.(HTMLCS\w*)\s*=/g)].map((m) => m[1] as string))];
    const assign = names.map((g) => `${g} = erhHolder.${g};`).join(' ');
    const wrapped = `erhHolder = {};\n(function () {\n${source}\n}).call(erhHolder);\n${assign}`;
    const probe = engineProbe<HtmlcsArg>(wrapped, ['erhHolder', ...names], 'erhHolder.HTMLCS', runHtmlcsProbe);
    cached = { probe, version };
  }
  return cached;
}

export const htmlcsEngine = {
  id: 'htmlcs' as const,
  version: (): string => htmlcs().version,
  run: (session: BrowserSession, axeTargets: string[]): Promise<EngineProbeResult> =>
    session.evaluate(htmlcs().probe, { axeTargets, standard: HTMLCS_STANDARD, perRule: NODES_PER_RULE }),
};
