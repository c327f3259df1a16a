/**
 * Evidence on disk: `<run>/evidence/<service>@<device>.<suite>.json`, validated with EvidenceSchema
 * on the way in and out, redacted before it is written, and written atomically.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceSchema, evidenceFileName, type Evidence } from '../core/evidence.ts';
import { HarnessError } from '../core/errors.ts';
import type { Redactor } from '../config/secrets.ts';
import { writeFileAtomic } from './run-context.ts';

export function evidencePath(runDir: string, e: Pick<Evidence, 'service' | 'device' | 'suite'>): string {
  return join(runDir, 'evidence', evidenceFileName(e.service, e.device, e.suite));
}

export function writeEvidence(runDir: string, evidence: Evidence, redactor: Redactor): string {
  // The cell's identity is the configuration's ids, never vendor text, and in clear in config.json and results.json:
  // kept as written, so that a secret sharing a piece with an id (a user name "holvi-…" for service "holvi") cannot
  // turn the file into evidence of no target (which the scorecard would count as a lost cell).
  const clean = {
    ...redactor.deep(evidence),
    service: evidence.service,
    device: evidence.device,
    suite: evidence.suite,
  };
  const parsed = EvidenceSchema.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HarnessError(
      `Evidence for ${evidence.service}@${evidence.device} ${evidence.suite} is invalid at ` +
        `${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  const file = evidencePath(runDir, evidence);
  writeFileAtomic(file, `${JSON.stringify(parsed.data, null, 1)}\n`);
  return file;
}

export interface EvidenceRead {
  evidence: Evidence[];
  /** Files that could not be read or did not validate (named, with the reason). */
  problems: string[];
}

export function readEvidence(runDir: string): EvidenceRead {
  const dir = join(runDir, 'evidence');
  const evidence: Evidence[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { evidence, problems };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    try {
      const parsed = EvidenceSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (parsed.success) evidence.push(parsed.data);
      else problems.push(`${name}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
    }
  }
  return { evidence, problems };
}
