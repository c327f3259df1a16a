/** The GitHub Actions template parses as YAML and has the steps docs/ci.md describes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../../..');

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown> }
const wf = parse(readFileSync(join(ROOT, 'templates/github-actions/erh.yml'), 'utf8')) as {
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
};

describe('templates/github-actions/erh.yml', () => {
  const steps = wf.jobs.scorecard!.steps;
  const uses = steps.map((s) => s.uses ?? '');
  const runs = steps.map((s) => s.run ?? '').join('\n');
  it('publishes JUnit as a check, uploads SARIF, restores history from an artifact, prunes', () => {
    expect(uses.some((u) => u.startsWith('mikepenz/action-junit-report@'))).toBe(true);
    expect(uses.some((u) => u.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    expect(uses.some((u) => u.startsWith('dawidd6/action-download-artifact@'))).toBe(true);
    expect(runs).toContain('npx erh sarif');
    expect(runs).toContain('npx erh prune --keep');
    expect(runs).toContain('npx erh compare');
  });
  it('can run the gathering on a self-hosted runner', () => {
    expect(wf.jobs.run!['runs-on']).toContain('vars.ERH_RUNNER');
  });
  it('every action is pinned to a version', () => {
    for (const job of Object.values(wf.jobs)) for (const s of job.steps) if (s.uses) expect(s.uses).toMatch(/@v?\d|@[0-9a-f]{40}$/);
  });
});
