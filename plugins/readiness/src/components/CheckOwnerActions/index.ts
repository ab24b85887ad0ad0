export { CheckOwnerActions } from './CheckOwnerActions';
