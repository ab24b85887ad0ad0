export { LevelDistribution } from './LevelDistribution';
