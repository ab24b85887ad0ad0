export { ScoreMeter } from './ScoreMeter';
