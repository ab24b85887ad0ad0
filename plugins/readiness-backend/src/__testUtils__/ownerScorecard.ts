import { ScorecardDefinition } from '@readiness/plugin-readiness-common';

/**
 * A scorecard of components with one level `bronze` and one check `owner`,
 * passing when `fact` (the catalog owner by default) is set; fields
 * overridable.
 */
export function ownerScorecard(
  id: string,
  options: { fact?: string } & Partial<ScorecardDefinition> = {},
): ScorecardDefinition {
  const { fact = 'catalog.owner', ...overrides } = options;
  return {
    id,
    title: id,
    description: `The ${id} scorecard`,
    appliesTo: { kind: 'component' },
    levels: [{ id: 'bronze', title: 'Bronze' }],
    categories: [{ id: 'ownership', title: 'Ownership' }],
    checks: [
      {
        id: 'owner',
        title: 'Has an owner',
        category: 'ownership',
        level: 'bronze',
        weight: 1,
        condition: { fact, exists: true },
        remediation: { text: 'Set spec.owner in catalog-info.yaml.' },
      },
    ],
    ...overrides,
  };
}
