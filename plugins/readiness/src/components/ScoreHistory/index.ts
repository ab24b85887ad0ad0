export { ScoreHistory } from './ScoreHistory';
export type { ScoreHistoryState } from './ScoreHistory';
