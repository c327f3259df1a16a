/**
 * Turns zod issues into one line naming the field: `journey[1].actions[0].click.role: expected a string`.
 * For unions (locators, actions) it reports the branch that got furthest instead of "Invalid input".
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Depth-first: the most specific issue of a union is the one with the longest path in its best branch. */
function deepest(issue: Issue, prefix: PropertyKey[]): { path: PropertyKey[]; issue: Issue } {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Pick the branch with the fewest issues, then the deepest path: the branch the user most likely meant.
    const branches = issue.errors
      .map((branch) => branch.map((i) => deepest(i, path)))
      .filter((b) => b.length > 0)
      .sort((a, b) => {
        const unknownA = a.filter((x) => x.issue.code === 'unrecognized_keys').length;
        const unknownB = b.filter((x) => x.issue.code === 'unrecognized_keys').length;
        if (unknownA !== unknownB) return unknownA - unknownB;
        if (a.length !== b.length) return a.length - b.length;
        return Math.max(...b.map((x) => x.path.length)) - Math.max(...a.map((x) => x.path.length));
      });
    const best = branches[0];
    if (best && best.length > 0) {
      return best.reduce((x, y) => (y.path.length > x.path.length ? y : x));
    }
  }
  return { path, issue };
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `required (expected ${issue.expected})` : `expected ${issue.expected}`;
    case 'invalid_value':
      // A missing enum field is "required", not an invalid option.
      return issue.input === undefined
        ? `required (one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`
        : issue.message;
    case 'invalid_union':
      return 'does not match any allowed form';
    default:
      return issue.message;
  }
}

export function formatIssues(error: z.ZodError): { field: string | undefined; problem: string } {
  const first = error.issues[0];
  if (!first) return { field: undefined, problem: 'invalid' };
  const { path, issue } = deepest(first, []);
  let field = formatPath(path);
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) {
    field = formatPath([...path, issue.keys[0] as string]);
    return { field, problem: 'unknown key (check its spelling and indentation)' };
  }
  return { field: field || undefined, problem: describe(issue) };
}
