export { evaluateScorecard } from './evaluateScorecard';
export { appliesToEntity } from './appliesToEntity';
