/**
 * Coded errors: the user-facing message is data, chosen where the error is found, and each code maps
 * to one exit code. A user mistake (configuration) is never shown as a stack trace.
 */
export const EXIT = {
  ok: 0,
  /** Gates failed or a regression was found. */
  gatesFailed: 1,
  /** The configuration or a command-line argument is wrong. */
  config: 2,
  /** The harness itself failed (browser would not start, evidence could not be written…). */
  harness: 3,
} as const;

/** One configuration mistake: the file (relative to the config root), the field, what is wrong. */
export interface ConfigProblem {
  readonly file: string;
  readonly field: string | undefined;
  readonly problem: string;
}

const problemLine = (p: ConfigProblem): string => `${p.file}${p.field ? `: ${p.field}` : ''}: ${p.problem}`;

/**
 * A configuration mistake, or several found in one pass (`problems`, in file order; the first is also
 * `file`/`field`/`problem`). The CLI prints one line per problem and exits 2.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  readonly field: string | undefined;
  readonly problem: string;
  /** Every problem found, this one first. */
  readonly problems: readonly ConfigProblem[];
  constructor(file: string, field: string | undefined, problem: string, more: readonly ConfigProblem[] = []) {
    const problems = [{ file, field, problem }, ...more];
    super(problems.map(problemLine).join('\n'));
    this.file = file;
    this.field = field;
    this.problem = problem;
    this.problems = problems;
  }

  /** All the problems as one error (at least one is needed). */
  static of(problems: readonly ConfigProblem[]): ConfigError {
    const [first, ...more] = problems;
    if (!first) throw new TypeError('ConfigError.of needs at least one problem');
    return new ConfigError(first.file, first.field, first.problem, more);
  }
}

/** A harness failure with a message meant for the user. */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
}
