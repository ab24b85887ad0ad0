export { ReadinessIcon } from './ReadinessIcon';
