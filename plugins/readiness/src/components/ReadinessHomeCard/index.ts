export { ReadinessHomeCard } from './ReadinessHomeCard';
