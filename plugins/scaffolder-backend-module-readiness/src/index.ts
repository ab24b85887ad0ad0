/**
 * Scaffolder actions for Readiness: `readiness:evaluate` and
 * `readiness:gate`.
 *
 * @packageDocumentation
 */
export { readinessScaffolderModule as default } from './module';
export { createReadinessEvaluateAction } from './actions/evaluate';
export { createReadinessGateAction } from './actions/gate';
export { ReadinessDraftClient } from './client/ReadinessDraftClient';
export type {
  DraftEvaluationRequest,
  ReadinessDraftClientOptions,
} from './client/ReadinessDraftClient';
