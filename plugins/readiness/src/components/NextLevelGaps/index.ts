export { NextLevelGaps } from './NextLevelGaps';
