/***/
/**
 * The http backend module for the readiness plugin.
 *
 * @packageDocumentation
 */

export { readinessModuleHttp as default } from './module';
