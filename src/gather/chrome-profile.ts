/**
 * Removing a Lighthouse Chrome's profile and what Chrome keeps outside it: the process-singleton
 * directory `org.chromium.Chromium.*` that Chrome makes in TMPDIR and links from the profile's
 * `SingletonSocket`. Chrome removes it on a clean exit; after a kill nobody would. (Pointing Chrome's
 * TMPDIR into the profile instead breaks it: the socket path outgrows the 108-byte limit of a Unix
 * socket name in deep temporary folders.) Used by `release` in lighthouse.ts and by the watchdog.
 */
import { readlinkSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function removeChromeProfile(profile: string): void {
  let singleton: string | undefined;
  try {
    singleton = dirname(readlinkSync(join(profile, 'SingletonSocket')));
  } catch {
    singleton = undefined; // no link: Chrome never got that far, or exited cleanly and removed it
  }
  if (singleton !== undefined && /^org\.chromium\.Chromium\./.test(basename(singleton)))
    rmSync(singleton, { recursive: true, force: true, maxRetries: 5 });
  rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
}
