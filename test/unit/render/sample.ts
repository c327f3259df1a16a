/** A RunResult built through evaluateRun from hand-made evidence, with hostile vendor text. */
import type { RunResult } from '../../../src/core/index.ts';
import { evaluateRun } from '../../../src/scorecard/index.ts';
import { accessibilityEvidence, attempt, axeRule, compatibilityEvidence, loginEvidence, performanceEvidence, step } from '../checks/helpers.ts';
import { device, runInput, service, noContent, targetEvidence } from '../scorecard/helpers.ts';

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  attribute: '"><img src=x onerror=alert(1)>',
  javascriptUrl: 'javascript:alert(1)',
};

/** The matrix's reason for a performance suite on a WebKit device (notApplicableReason). */
export const LIGHTHOUSE_NOT_APPLICABLE = 'Lighthouse needs Chromium with the DevTools protocol; phone-webkit runs webkit';

export function sampleResult(): RunResult {
  const evil = service('evil', `Evil ${HOSTILE.script} Books`);
  const kirjava = service('kirjava', 'Kirjava');
  const desktop = device('desktop-chromium');
  const phone = device('phone-webkit', 'webkit', 'mobile');
  const evidence = [
    ...targetEvidence('kirjava', 'desktop-chromium', { violations: 1, consoleErrors: 1 }),
    ...targetEvidence('kirjava', 'phone-webkit').filter((e) => e.suite !== 'performance'),
    // What the harness records when the matrix says a suite does not apply (src/matrix/targets.ts).
    performanceEvidence(undefined, { service: 'kirjava', device: 'phone-webkit', status: 'not-applicable', reason: LIGHTHOUSE_NOT_APPLICABLE }),
    ...targetEvidence('evil', 'desktop-chromium').filter((e) => e.suite === 'performance' || e.suite === 'content'),
    noContent('evil', 'phone-webkit'),
    loginEvidence([attempt('valid', 'logged-in'), attempt('wrongPin', 'rejected', { message: HOSTILE.attribute })], {
      service: 'evil',
      steps: [step('landing', false, { error: HOSTILE.script, url: HOSTILE.javascriptUrl, screenshot: HOSTILE.javascriptUrl })],
    }),
    accessibilityEvidence(
      {
        axeVersion: '4.14.1',
        tags: ['wcag2a'],
        states: [
          {
            step: 'landing',
            url: HOSTILE.javascriptUrl,
            violations: [
              axeRule('image-alt', {
                help: HOSTILE.script,
                helpUrl: HOSTILE.javascriptUrl,
                nodes: [{ target: [HOSTILE.attribute], html: `<img src="x" onerror="alert(1)">${HOSTILE.script}`, failureSummary: HOSTILE.attribute }],
              }),
            ],
            incomplete: [],
            passes: [],
            inapplicable: [],
            screenshot: 'evidence/evil@desktop-chromium/landing.png',
          },
        ],
      },
      { service: 'evil' },
    ),
    compatibilityEvidence(
      {
        console: [{ level: 'error', text: `${HOSTILE.script}\u0000\u0007 & done`, step: 'landing' }],
        failedRequests: [{ url: HOSTILE.javascriptUrl, method: 'GET', status: 500, failure: null, resourceType: 'script', step: 'landing' }],
      },
      { service: 'evil', device: 'phone-webkit' },
    ),
  ];
  return evaluateRun(runInput([kirjava, evil], [desktop, phone], evidence));
}
