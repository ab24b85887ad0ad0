/**
 * Scaffolder actions for Readiness: `readiness:evaluate` and
 * `readiness:gate`.
 *
 * @packageDocumentation
 */
export {};
