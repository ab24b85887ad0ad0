export { LeaderboardRanking } from './LeaderboardRanking';
export type { RankingQuery } from './LeaderboardRanking';
