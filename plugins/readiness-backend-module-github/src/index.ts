/**
 * The github backend module for the readiness plugin.
 *
 * @packageDocumentation
 */

export { readinessModuleGithub as default } from './module';
