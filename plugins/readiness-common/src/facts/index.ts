export { catalogFacts } from './catalogFacts';
