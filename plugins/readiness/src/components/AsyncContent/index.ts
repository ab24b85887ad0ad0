export { AsyncContent } from './AsyncContent';
export type { AsyncState } from './AsyncContent';
