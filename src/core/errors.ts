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

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  readonly field: string | undefined;
  readonly problem: string;
  constructor(file: string, field: string | undefined, problem: string) {
    super(`${file}${field ? `: ${field}` : ''}: ${problem}`);
    this.file = file;
    this.field = field;
    this.problem = problem;
  }
}

/** A harness failure with a message meant for the user. */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
}
