/**
 * The tags of a target's tests (suites/harness.ts eachTarget), which the projects select them by
 * (playwright.config.ts): a person's `--project=<service>@<device>` runs one target's tests; erh's
 * gathering phase runs one project per device, so that a worker (its Node process, its imports, its
 * browser) serves every target of its device instead of starting anew for each target.
 */
export const targetTag = (id: string): string => `@target:${id}`;
export const deviceTag = (id: string): string => `@device:${id}`;

/** A project `grep` that selects the tests carrying `tag` (Playwright matches it against the titles and tags). */
export function taggedWith(tag: string): RegExp {
  return new RegExp(`(?:^| )${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`);
}
