export { OwnerInputTable } from './OwnerInputTable';
