/**
 * Everything erh prints to a terminal goes through here: configuration and vendor text (service
 * names, page titles, error messages, reasons) may carry control characters — ANSI escapes that
 * recolour, move the cursor, retitle the window or hide text, carriage returns that overwrite a
 * line, bidirectional overrides that reorder it. They are shown as visible escapes (`\x1b`,
 * `\u202e`); newlines and tabs between lines are kept.
 */
import type { ConfigError } from '../core/errors.ts';

// C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, marks, and line/paragraph
// separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character shown as an escape (newlines and tabs kept). */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Cuts a text to `max` characters (after escaping), marking the cut. */
export function capped(text: string, max: number): string {
  const safe = terminalText(text);
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}…`;
}

/** Caps for the parts of an error line: the file and field stay readable, the problem is cut. */
const ERROR_CAPS = { file: 200, field: 160, problem: 400 } as const;

function problemLine(e: Pick<ConfigError, 'file' | 'field' | 'problem'>): string {
  const field = e.field ? `: ${capped(e.field, ERROR_CAPS.field)}` : '';
  return (
    `erh: ${capped(e.file, ERROR_CAPS.file)}${field}: ` +
    `${capped(e.problem.replace(/\s*\n\s*/g, ' '), ERROR_CAPS.problem)}`
  );
}

/**
 * The lines for a configuration error: `erh: <file>: <field>: <problem>`, each part escaped and capped,
 * one line per problem when the error carries several (validate reports every problem in one pass).
 */
export function configErrorLine(
  e: Pick<ConfigError, 'file' | 'field' | 'problem'> & Partial<Pick<ConfigError, 'problems'>>,
): string {
  const all = e.problems && e.problems.length > 0 ? e.problems : [e];
  return all.map(problemLine).join('\n');
}
