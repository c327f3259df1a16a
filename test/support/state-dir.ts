/**
 * Vitest setup file (each test file): the failed-login ledger (src/auth/failed-logins.ts) of this
 * file's gatherers and of the erh processes it starts is a directory of its own in the run's
 * temporary folder, never the machine's (~/.local/state/erh), so that no test spends a budget another
 * test or an evaluator's own runs count on. test/support/cli.ts gives each erh invocation a fresh one
 * unless the test names one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.ERH_STATE_DIR = mkdtempSync(join(tmpdir(), 'erh-state-'));
