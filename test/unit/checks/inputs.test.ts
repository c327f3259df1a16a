/**
 * Issue 15.4: declared inputs are enforced at one boundary (src/checks/inputs.ts, from runCheck):
 * a check sees only the payload fields its `meta.reads` declares, a declaration naming a field the
 * evidence has not is an error, and a required field that is absent makes the check not applicable
 * without running it.
 */
import { describe, expect, it } from 'vitest';
import { fixedCheckMetas } from '../../../src/checks/index.ts';
import { declaredFields } from '../../../src/checks/inputs.ts';
import { runCheck } from '../../../src/checks/normalise.ts';
import type { Check, CheckMeta } from '../../../src/checks/types.ts';
import { check, compatibilityEvidence, loginEvidence, attempt, performanceEvidence } from './helpers.ts';

const meta: CheckMeta<'compatibility'> = {
  id: 'compatibility/test-inputs',
  suite: 'compatibility',
  title: 'Test',
  impact: 'minor',
  weight: 1,
  criteria: [],
  references: [],
  reads: ['compatibility.console[level=error]', 'steps'],
};
const compat = compatibilityEvidence({ console: [{ level: 'error', text: 'TypeError', step: 'landing' }] });
const input = { data: compat.compatibility as NonNullable<typeof compat.compatibility>, steps: compat.steps };

describe('declared inputs', () => {
  it('every registered check declares only fields its evidence has, and requires only what it reads', () => {
    for (const m of fixedCheckMetas()) {
      const declared = declaredFields(m);
      expect(declared, m.id).toHaveProperty('fields');
      const fields = 'fields' in declared ? declared.fields : new Set<string>();
      for (const field of Object.keys(m.requires ?? {})) {
        expect(fields.has(field), `${m.id} requires ${field}`).toBe(true);
      }
    }
  });

  it('a check sees its declared fields and reading another one is an error (undeclared-read), never a verdict', () => {
    const reader: Check<'compatibility'> = {
      meta,
      evaluate: ({ data }) => ({ score: data.console.length > 0 ? 0 : 1 }),
    };
    expect(runCheck(reader, input)).toMatchObject({ status: 'fail' });
    const sneaky: Check<'compatibility'> = {
      meta,
      evaluate: ({ data }) => ({ score: data.pageErrors.length > 0 ? 0 : 1 }),
    };
    const r = runCheck(sneaky, input);
    expect(r).toMatchObject({ status: 'error', score: null, error: { cause: 'undeclared-read' } });
    expect(r.error?.message).toContain('compatibility.pageErrors');
    // Enumerating the payload shows only the declared fields.
    const keys: Check<'compatibility'> = {
      meta,
      evaluate: ({ data }) => ({ status: 'needs-review', detail: Object.keys(data).join(',') }),
    };
    expect(runCheck(keys, input).detail).toBe('console');
  });

  it('a declaration naming a field the evidence has not is an error, and the check is not run', () => {
    let ran = false;
    const wrong: Check<'compatibility'> = {
      meta: { ...meta, reads: ['compatibility.consoel'] },
      evaluate: () => {
        ran = true;
        return { score: 1 };
      },
    };
    expect(runCheck(wrong, input)).toMatchObject({ status: 'error', error: { cause: 'undeclared-read' } });
    expect(ran).toBe(false);
  });

  it('absent required evidence is not applicable with the check’s reason, decided before the check runs', () => {
    let ran = false;
    const needs: Check<'compatibility'> = {
      meta: { ...meta, reads: ['compatibility.media'], requires: { media: 'No player was examined.' } },
      evaluate: () => {
        ran = true;
        return { score: 1 };
      },
    };
    expect(runCheck(needs, input)).toMatchObject({ status: 'not-applicable', detail: 'No player was examined.' });
    expect(ran).toBe(false);
    const undeclared: Check<'compatibility'> = {
      meta: { ...meta, requires: { media: 'No player.' } },
      evaluate: () => ({ score: 1 }),
    };
    expect(runCheck(undeclared, input)).toMatchObject({ status: 'error', error: { cause: 'undeclared-read' } });
  });

  it('the registered checks that require evidence: not applicable without it, with their reasons', () => {
    const noTimings = performanceEvidence({ runsPerPage: 1, pages: [] });
    for (const id of ['performance/journey-timings', 'performance/page-weight', 'performance/no-trackers']) {
      const expected = { status: 'not-applicable', detail: 'No journey timings in this evidence.' };
      expect(check(noTimings, id), id).toMatchObject(expected);
    }
    const bare = compatibilityEvidence({});
    expect(check(bare, 'compatibility/third-party-frames').detail).toBe('Frames were not recorded for this device.');
    const viewport = check(bare, 'compatibility/viewport-meta');
    expect(viewport.detail).toBe('The viewport meta was not recorded for this device.');
  });

  it('login checks declare the pre-flight, strategy and attempts they read (they run, no error)', () => {
    const refused = attempt('wrongPin', 'rejected', { message: 'Väärä PIN' });
    const e = loginEvidence([attempt('valid', 'logged-in'), refused]);
    for (const m of fixedCheckMetas().filter((x) => x.suite === 'login')) {
      expect(check(e, m.id).status, m.id).not.toBe('error');
    }
  });
});

describe('compatibility/page-errors where the driver reports no uncaught exceptions (WebKitGTK)', () => {
  const blind = { console: false, pageErrors: false, network: false, handledPageErrors: true };
  it('errors the page caught itself, seen by the in-page observer, fail the check (was: "not observable")', () => {
    const caught = { message: 'TypeError: x is undefined', step: 'landing', handledByPage: true };
    const e = compatibilityEvidence({ observed: blind, pageErrors: [caught] });
    const r = check(e, 'compatibility/page-errors');
    expect(r.status).toBe('fail');
    expect(r.findings[0]?.message).toContain('TypeError: x is undefined');
    expect(r.detail).toContain('not observable');
  });
  it('none recorded: not applicable (an empty list is not "none occurred")', () => {
    const r = check(compatibilityEvidence({ observed: blind }), 'compatibility/page-errors');
    expect(r.status).toBe('not-applicable');
  });
});
