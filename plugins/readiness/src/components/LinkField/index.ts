export { LinkField, useLinkError } from './LinkField';
