export { OwnerInputLink } from './OwnerInputLink';
