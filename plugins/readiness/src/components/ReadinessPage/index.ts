export { ReadinessPage } from './ReadinessPage';
export { ReadinessPageWithHeader } from './ReadinessPageWithHeader';
