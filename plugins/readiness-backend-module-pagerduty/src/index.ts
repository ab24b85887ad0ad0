/**
 * A readiness backend module that observes PagerDuty: whether the service is
 * active, its escalation levels, who is on call, and its incidents and mean
 * time to resolve over the last 30 days.
 *
 * @packageDocumentation
 */

export { readinessModulePagerduty as default } from './module';
