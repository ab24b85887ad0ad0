export { ResultFreshness } from './ResultFreshness';
