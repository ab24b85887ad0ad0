export { evaluateScorecard } from './evaluateScorecard';
export { appliesToEntity } from './appliesToEntity';
export { RESULT_LIMITS } from './resultLimits';
