/**
 * Readiness' object graph without the plugin system: for tools that drive
 * the backend's parts directly, such as the benchmarks.
 *
 * @packageDocumentation
 */
export { buildReadinessContext } from './buildReadinessContext';
export type {
  ReadinessContext,
  ReadinessContextOptions,
} from './buildReadinessContext';
