export * from './types.ts';
export * from './normalise.ts';
export * from './registry.ts';
export { journeyCompleted, journeyCompletedId, JOURNEY_COMPLETED_WEIGHTS } from './journey-completed.ts';
export { AXE_CHECK_PREFIX, FRAME_SEPARATOR } from './accessibility/axe.ts';
export { AXE_RULES, AXE_RULES_VERSION } from './accessibility/axe-rules.ts';
export {
  criteriaFromTags,
  referencesFromTags,
  isScoredRule,
  ruleWeight,
  SCORED_LEVEL_TAGS,
} from './accessibility/references.ts';
export { METRICS } from './performance/metrics.ts';
export { TIME_TO_LOGIN_POINTS } from './login/time-to-login.ts';
export { isIgnoredRequest } from './compatibility/failed-requests.ts';
export { OVERFLOW_TOLERANCE_PX } from './compatibility/horizontal-overflow.ts';
export { LEVEL_FACTORS, criterionWeight } from './accessibility/criteria.ts';
export { successCriterion } from './accessibility/references.ts';
