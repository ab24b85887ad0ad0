export { DrillDownSection } from './DrillDownSection';
