/**
 * A fingerprint of everything in the configuration that affects scores: services (minus free-text
 * notes), devices, the profile and the harness version. Two runs with the same fingerprint were
 * measured the same way; the scorecard flags comparisons across different fingerprints.
 */
import { createHash } from 'node:crypto';
import type { ResolvedConfig } from './load.ts';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => k !== '$schema' && k !== 'notes')
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function fingerprint(
  config: Pick<ResolvedConfig, 'services' | 'devices' | 'profile'>,
  harnessVersion: string,
): string {
  const body = JSON.stringify(
    canonical({
      harnessVersion,
      services: [...config.services].sort((a, b) => a.id.localeCompare(b.id)),
      devices: [...config.devices].sort((a, b) => a.id.localeCompare(b.id)),
      profile: config.profile,
    }),
  );
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}
