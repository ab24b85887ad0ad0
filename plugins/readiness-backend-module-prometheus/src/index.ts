/**
 * Readiness fact collector for Prometheus: whether an entity's targets are
 * scraped and up, its alerting and SLO rules, its error rate and latency.
 *
 * @packageDocumentation
 */

export { readinessModulePrometheus as default } from './module';
