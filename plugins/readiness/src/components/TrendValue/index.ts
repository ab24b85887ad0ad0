export { TrendValue } from './TrendValue';
