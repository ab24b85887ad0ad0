/**
 * A `kind: Scorecard` document of components with `count` checks that all
 * fail (the description is never "never"), each with a remediation of
 * `remediationChars` characters, on two levels: the first half bronze.
 */
export function manyChecksScorecard(
  id: string,
  count: number,
  remediationChars = 100,
) {
  return {
    apiVersion: 'readiness/v1',
    kind: 'Scorecard',
    metadata: { name: id, title: `Scorecard ${id}`, description: 'Many' },
    spec: {
      appliesTo: { kind: 'component' },
      levels: [
        { id: 'bronze', title: 'Bronze' },
        { id: 'silver', title: 'Silver' },
      ],
      categories: [{ id: 'docs', title: 'Docs' }],
      checks: Array.from({ length: count }, (_, i) => ({
        id: `check-${i}`,
        title: `Check ${i}`,
        category: 'docs',
        level: i < count / 2 ? 'bronze' : 'silver',
        weight: 1,
        condition: { fact: 'catalog.description', equals: 'never' },
        remediation: { text: 'r'.repeat(remediationChars) },
      })),
    },
  };
}

/** Config for a scorecard file larger than the default 256 KiB. */
export const LARGE_SCORECARD_LIMITS = {
  maxBytes: 4 * 1024 * 1024,
  maxAliasedBytes: 4 * 1024 * 1024,
};
