export { CheckItem } from './CheckItem';
