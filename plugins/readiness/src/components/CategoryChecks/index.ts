export { CategoryChecks } from './CategoryChecks';
