/**
 * In-page helpers every rule engine's probe shares (issue 16): which CSS selector names an element,
 * so that findings of several engines about one element merge. An element axe-core reported at the
 * same state is named by axe's own selector; any other by a path built here (`#id` when the id is
 * unique, else `tag:nth-child(n)` steps from <html>), the same for every engine.
 *
 * Self-contained: serialised into the page by its source text with each engine's probe.
 */
/** What one rule said with one outcome at this state: the first elements and how many in all. */
export interface EngineResultGroup {
  rule: string;
  outcome: 'violation' | 'review';
  nodes: Array<{ selector: string; html: string; message: string }>;
  total: number;
}

export interface PageTools {
  /** The selector of an element (a Document names its <html>). */
  key(node: unknown): string;
  /** Outer HTML of the element, at most 300 characters. */
  html(node: unknown): string;
  /** Records that `rule` reported `node` with this outcome and message (keeps `perRule` nodes per rule and outcome). */
  add(rule: string, outcome: 'violation' | 'review', node: unknown, message: string): void;
  /** What was added, grouped by rule and outcome. */
  results(): EngineResultGroup[];
}

export function pageTools(axeTargets: readonly string[], perRule: number): PageTools {
  const named = new Map<Element, string>();
  for (const target of axeTargets) {
    try {
      const el = document.querySelector(target);
      if (el && !named.has(el)) named.set(el, target);
    } catch {
      // A selector this document cannot parse names nothing here.
    }
  }
  const element = (node: unknown): Element | null =>
    node instanceof Document ? node.documentElement : node instanceof Element ? node : null;
  const path = (el: Element): string => {
    const steps: string[] = [];
    for (let at: Element | null = el; at; at = at.parentElement) {
      if (at.id && document.querySelectorAll(`#${CSS.escape(at.id)}`).length === 1) {
        steps.unshift(`#${CSS.escape(at.id)}`);
        break;
      }
      const tag = at.localName;
      const parent: Element | null = at.parentElement;
      if (!parent) {
        steps.unshift(tag);
        break;
      }
      steps.unshift(`${tag}:nth-child(${[...parent.children].indexOf(at) + 1})`);
    }
    return steps.join(' > ');
  };
  const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 3)}...` : text);
  const key = (node: unknown): string => {
    const el = element(node);
    if (!el) return 'html';
    return named.get(el) ?? (el === document.documentElement ? 'html' : el === document.body ? 'body' : path(el));
  };
  const html = (node: unknown): string => {
    const el = element(node);
    if (!el) return '';
    // The opening tag for the whole document or its body, not every element in it.
    const whole = el === document.documentElement || el === document.body;
    return cut(whole ? `${el.outerHTML.split('>')[0] ?? ''}>` : el.outerHTML, 300);
  };
  const groups = new Map<string, EngineResultGroup>();
  return {
    key,
    html,
    add(rule, outcome, node, message) {
      const id = `${rule}\n${outcome}`;
      let group = groups.get(id);
      if (!group) {
        group = { rule, outcome, nodes: [], total: 0 };
        groups.set(id, group);
      }
      group.total++;
      if (group.nodes.length >= perRule) return;
      group.nodes.push({ selector: key(node), html: html(node), message: cut(message, 500) });
    },
    results: () => [...groups.values()],
  };
}
