/**
 * Interaction metrics per step on the scorecard (issue 19.2): the timings report carries each step's
 * INP / TBT / CLS medians from the evidence, and the timings table shows them under the step's time
 * in the reader's language, with a dash (and why) where the browser cannot measure one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Evidence, RunResult, TimingPhase, TimingsEvidence } from '../../../src/core/index.ts';
import { loadConfig } from '../../../src/config/load.ts';
import { timingsSection } from '../../../src/render/timings.ts';
import { timingsReport } from '../../../src/scorecard/timings.ts';
import { performanceEvidence } from '../checks/helpers.ts';

const config = loadConfig({ root: join(import.meta.dirname, '../../..') });
const page = (interaction: number | null, observable = true) => ({
  navigated: false,
  ttfb: null,
  domContentLoaded: null,
  load: null,
  lcp: null,
  cls: null,
  requests: 0,
  transferBytes: 0,
  origins: [],
  responsiveness: {
    blockingMs: observable ? 40 : null,
    interactionsObservable: observable,
    slowestInteractionMs: interaction,
    layoutShift: observable ? 0.02 : null,
  },
});

function evidence(service: string, interaction: number | null, observable = true): Evidence {
  const phases: TimingPhase[] = [{ id: 'search', kind: 'step', ok: true, durationMs: 400, page: page(interaction, observable) }];
  const timings: TimingsEvidence = {
    runsRequested: 3,
    network: { id: 'cable', latencyMs: 40, downloadKbps: 10240, uploadKbps: 10240, applied: true },
    runs: [{ phases }, { phases }, { phases }],
    origins: [],
    trackerList: 'third-party-web 0.30.0',
  };
  return performanceEvidence({ runsPerPage: 1, pages: [], lighthouseSkipped: 'not audited here', timings }, { service });
}

function report(observable: boolean) {
  const ev = new Map<string, Evidence>([
    ['kirjava@desktop-chromium', evidence('kirjava', 620)],
    ['lehtisali@desktop-chromium', evidence('lehtisali', null, observable)],
  ]);
  const services = config.services.filter((s) => s.id === 'kirjava' || s.id === 'lehtisali');
  const devices = config.devices.filter((d) => d.id === 'desktop-chromium');
  return timingsReport(ev, (s, d) => `${s}@${d}`, services, devices, config.profile);
}

const names = { service: (id: string) => id, device: (id: string) => id, step: (id: string) => id };

describe('INP, TBT and CLS per journey step', () => {
  it('the report carries each step\'s medians; a step with no slow interaction reads 0 ms, an unmeasurable one null', () => {
    const cells = report(true)?.rows.find((r) => r.phase === 'search')?.cells ?? [];
    expect(cells.find((c) => c.service === 'kirjava')?.responsiveness).toEqual({ interactionMs: 620, blockingMs: 40, layoutShift: 0.02 });
    expect(cells.find((c) => c.service === 'lehtisali')?.responsiveness?.interactionMs).toBe(0);
    const blind = report(false)?.rows.find((r) => r.phase === 'search')?.cells.find((c) => c.service === 'lehtisali');
    expect(blind?.responsiveness).toEqual({ interactionMs: null, blockingMs: null, layoutShift: null });
  });

  it('the scorecard shows them under the step\'s time, in the reader\'s language, and says what a dash means', () => {
    const timings = report(false);
    const result = { timings, profile: config.profile } as Pick<RunResult, 'timings' | 'profile'> as RunResult;
    const fi = String(timingsSection(result, 'fi', names));
    expect(fi).toContain('INP 620 ms · TBT 40 ms · CLS 0,02');
    expect(fi).toContain('hitain vuorovaikutus');
    expect(fi).toContain('title="ei mitattavissa tässä selaimessa">–</span>');
    expect(String(timingsSection(result, 'en', names))).toContain('INP 620 ms · TBT 40 ms · CLS 0.02');
  });
});
