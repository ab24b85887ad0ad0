export { CheckWaiver } from './CheckWaiver';
