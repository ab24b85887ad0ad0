export { EntityScorecard } from './EntityScorecard';
