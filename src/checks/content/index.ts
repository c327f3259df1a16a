/**
 * The content suite's checks (issue 18; docs/content.md): the publications a service delivers
 * (EPUBCheck, Ace by DAISY, their accessibility metadata, navigation, language and images), its
 * accessibility statement and its ACR.
 */
import type { Check } from '../types.ts';
import { a11yMetadata } from './a11y-metadata.ts';
import { aceWcag } from './ace-wcag.ts';
import { acrReadable } from './acr-readable.ts';
import { conformanceClaim } from './conformance-claim.ts';
import { epubValid } from './epub-valid.ts';
import { imageAlternatives } from './image-alternatives.ts';
import { language } from './language.ts';
import { metadataConsistent } from './metadata-consistent.ts';
import { navigation } from './navigation.ts';
import { publicationsReachable } from './publications-reachable.ts';
import { statementComplete } from './statement-complete.ts';
import { statementCurrent } from './statement-current.ts';
import { statementPresent } from './statement-present.ts';

export const CONTENT_SUITE_CHECKS: readonly Check<'content'>[] = [
  publicationsReachable,
  epubValid,
  a11yMetadata,
  metadataConsistent,
  navigation,
  language,
  imageAlternatives,
  aceWcag,
  conformanceClaim,
  statementPresent,
  statementComplete,
  statementCurrent,
  acrReadable,
];

export { compareClaims, CLAIM_VERDICTS } from './acr-contradictions.ts';
export type { ClaimComparison, ClaimEvidence, ClaimVerdict } from './acr-contradictions.ts';
export { PART_NAMES } from './statement-complete.ts';
