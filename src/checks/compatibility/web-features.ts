/**
 * compatibility/web-features: the web platform features the service says it needs (service
 * `compatibility.requires`: eme for protected content, service-worker for offline reading,
 * media-source, web-audio, indexeddb) exist on this device. Fails with one finding per missing
 * feature; critical, because the feature's part of the service cannot work at all on the device.
 * When the service declares none, the detected features are reported and the check is not
 * applicable.
 */
import type { Check } from '../types.ts';
import { IMPACT_WEIGHTS } from '../types.ts';

function summary(available: Record<string, boolean>, keySystems: readonly string[], swActive: boolean): string {
  const have = Object.entries(available)
    .filter(([, v]) => v)
    .map(([k]) => (k === 'eme' ? `eme (${keySystems.join(', ')})` : k));
  const lacks = Object.entries(available)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  return (
    `Available: ${have.join(', ') || 'none'}` +
    (lacks.length ? `; missing: ${lacks.join(', ')}` : '') +
    (swActive ? '; a service worker was active' : '') +
    '.'
  );
}

export const webFeatures: Check<'compatibility'> = {
  meta: {
    id: 'compatibility/web-features',
    suite: 'compatibility',
    title: 'Web features the service needs are available (EME, service worker…)',
    impact: 'critical',
    weight: IMPACT_WEIGHTS.critical,
    criteria: [],
    references: ['W3C Encrypted Media Extensions', 'W3C Service Workers'],
    reads: ['compatibility.features', 'compatibility.declared.requires'],
  },
  evaluate({ data }) {
    const f = data.features;
    if (!f) {
      const requires = data.declared?.requires;
      if (requires !== undefined && requires.length === 0)
        return {
          status: 'not-applicable',
          detail: 'The service declares no required web features (compatibility.requires).',
        };
      return {
        status: 'inconclusive',
        detail:
          `Web features were not probed: the journey reached no page ` +
          `state${requires ? `, so ${requires.join(', ')} could not be looked for` : ''}.`,
      };
    }
    const detected = summary(f.available, f.keySystems, f.serviceWorkerActive);
    if (f.required.length === 0)
      return { status: 'not-applicable', detail: `The service declares no required features. ${detected}` };
    const missing = f.required.filter((r) => f.available[r] !== true);
    if (missing.length === 0)
      return { score: 1, detail: `All required features are available: ${f.required.join(', ')}. ${detected}` };
    return {
      score: 0,
      detail: `Missing on this device: ${missing.join(', ')}. ${detected}`,
      findings: missing.map((m) => ({
        message:
          `The service needs ${m}, which this device does not ` +
          `offer${m === 'eme' ? ' (no EME key system answered requestMediaKeySystemAccess)' : ''}.`,
      })),
    };
  },
};
