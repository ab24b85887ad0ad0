/**
 * The operators of a fact condition, in the order documentation and error
 * messages list them. Shared by the engine and the validator so that they
 * always agree.
 */
export const FACT_OPERATORS = [
  'exists',
  'equals',
  'notEquals',
  'in',
  'contains',
  'prefix',
  'matches',
  'lt',
  'lte',
  'gt',
  'gte',
] as const;

export type FactOperator = (typeof FACT_OPERATORS)[number];
