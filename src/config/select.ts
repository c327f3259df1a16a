/**
 * Which devices a run uses. Without a selection: every device whose `default` is true (devices that
 * need hardware, emulators or remote services ship with `default: false`, so the default run stays
 * fast and local). A selection is a list of device ids, named sets (`@local`: every device listing
 * `local` in its `sets`) and `all` (every device file), in that order, without duplicates.
 */
import type { Device } from '../core/config.ts';
import { ConfigError } from '../core/errors.ts';

export interface Sourced<T> {
  item: T;
  file: string;
}

export function selectDevices(
  all: ReadonlyMap<string, Sourced<Device>>,
  wanted: readonly string[] | undefined,
): Sourced<Device>[] {
  const every = [...all.values()];
  if (!wanted || wanted.length === 0) return every.filter((d) => d.item.default);
  const out: Sourced<Device>[] = [];
  const add = (d: Sourced<Device>): void => {
    if (!out.includes(d)) out.push(d);
  };
  for (const token of wanted) {
    if (token === 'all') {
      every.forEach(add);
    } else if (token === 'default') {
      every.filter((d) => d.item.default).forEach(add);
    } else if (token.startsWith('@')) {
      const set = token.slice(1);
      const members = every.filter((d) => d.item.sets.includes(set));
      if (members.length === 0) {
        const known = [...new Set(every.flatMap((d) => d.item.sets))].map((s) => `@${s}`).join(', ') || 'none';
        throw new ConfigError('--devices', undefined, `no device is in the set "${set}" (sets: ${known})`);
      }
      members.forEach(add);
    } else {
      const hit = all.get(token);
      if (!hit) {
        const known = [...all.keys()].join(', ') || 'none';
        throw new ConfigError(
          '--devices',
          undefined,
          `unknown device "${token}" (known: ${known}; or all, default, @<set>)`,
        );
      }
      add(hit);
    }
  }
  return out;
}
