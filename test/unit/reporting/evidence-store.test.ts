/**
 * Evidence files (src/reporting/evidence-store.ts): redacted as they are written, but never in the
 * cell's identity. A secret that shares a piece with a service id (a password ending in "Holvi" for the
 * service "holvi-basic": the Redactor removes pieces of a secret, case-insensitively) once turned every
 * file into evidence of no target, and the run scored every cell as missing, with exit 0.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/core/redactor.ts';
import { readEvidence, writeEvidence } from '../../../src/reporting/evidence-store.ts';
import { targetEvidence } from '../scorecard/helpers.ts';

describe('writeEvidence', () => {
  it("keeps the cell's identity when a secret shares a piece of it, and redacts the rest", () => {
    const dir = mkdtempSync(join(tmpdir(), 'erh-evidence-'));
    const secret = 'holvi-tarkastaja-7Q';
    const [e] = targetEvidence('holvi-basic', 'desktop-chromium').filter((x) => x.suite === 'accessibility');
    const written = writeEvidence(dir, { ...e!, reason: `page said ${secret}` }, new Redactor([secret, 'S4lasana-9x!Holvi']));
    const text = readFileSync(written, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('holvi-tark');
    const read = readEvidence(dir);
    expect(read.problems).toEqual([]);
    expect(read.evidence.map((x) => [x.service, x.device, x.suite])).toEqual([['holvi-basic', 'desktop-chromium', 'accessibility']]);
  });
});
