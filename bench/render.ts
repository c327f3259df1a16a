/**
 * npm run bench:render (also part of npm run bench) — the scorecard renderer at committee scale:
 * 20 services × 6 devices, evidence shaped like real runs (test/support/sample-run.ts, evaluated by
 * the real pipeline) with a history of 10 earlier runs. Prints, per language, the median render time
 * over 7 renders (after one warm-up) and the HTML size. Targets (issue 7): under 1 s and under 3 MB.
 */
import { renderScorecardHtml } from '../src/render/index.ts';
import { LANGUAGES } from '../src/core/index.ts';
import { sampleRun } from '../test/support/sample-run.ts';

const SERVICES = 20;
const DEVICES = 6;
const RENDERS = 7;

const t0 = performance.now();
const sample = sampleRun({ services: SERVICES, devices: DEVICES, historyRuns: 10 });
const buildSeconds = (performance.now() - t0) / 1000;
const findings = sample.result.targets.reduce((n, t) => n + Object.values(t.suites).reduce((m, s) => m + s.checks.reduce((k, c) => k + c.findings.length, 0), 0), 0);
console.log(`render: ${SERVICES} services × ${DEVICES} devices, ${findings} findings, history of 10 runs (sample built and scored in ${buildSeconds.toFixed(2)} s)`);

let worst = { ms: 0, bytes: 0 };
for (const lang of LANGUAGES) {
  renderScorecardHtml(sample.result, { lang, history: sample.history }); // warm-up (JIT, Intl)
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RENDERS; i++) {
    const t = performance.now();
    const page = renderScorecardHtml(sample.result, { lang, history: sample.history });
    times.push(performance.now() - t);
    bytes = Buffer.byteLength(page);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  worst = { ms: Math.max(worst.ms, median), bytes: Math.max(worst.bytes, bytes) };
  console.log(`  ${lang}: ${median.toFixed(0).padStart(5)} ms median (min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms), ${(bytes / 1024 / 1024).toFixed(2)} MB`);
}
const ok = (pass: boolean) => (pass ? 'within target' : 'OVER TARGET');
console.log(`  slowest language: ${worst.ms.toFixed(0)} ms (target < 1000 ms: ${ok(worst.ms < 1000)}); largest page: ${(worst.bytes / 1024 / 1024).toFixed(2)} MB (target < 3 MB: ${ok(worst.bytes < 3 * 1024 * 1024)})`);
