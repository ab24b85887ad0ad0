/***/
/**
 * The pagerduty backend module for the readiness plugin.
 *
 * @packageDocumentation
 */

export { readinessModulePagerduty as default } from './module';
