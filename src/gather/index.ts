/**
 * The four gatherers, one file each; each opens a BrowserSession for its target, walks what it
 * needs, and returns one Evidence record (./kit.ts has what they share).
 */
import type { Evidence } from '../core/evidence.ts';
import type { Suite } from '../core/ids.ts';
import { gatherAccessibility } from './accessibility.ts';
import { gatherCompatibility } from './compatibility.ts';
import type { GatherKit } from './kit.ts';
import { gatherContent } from './content.ts';
import { gatherLogin } from './login.ts';
import { gatherPerformance } from './performance.ts';

export type { GatherKit } from './kit.ts';

export const GATHERERS: Record<Suite, (kit: GatherKit, attempt?: number) => Promise<Evidence>> = {
  login: gatherLogin,
  accessibility: gatherAccessibility,
  performance: gatherPerformance,
  compatibility: gatherCompatibility,
  content: gatherContent,
};
