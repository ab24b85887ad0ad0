export { EntityOwnerInput } from './EntityOwnerInput';
