import { ownerScorecard } from './ownerScorecard';

/**
 * The `kind: Scorecard` document of {@link ownerScorecard}: components, one
 * level `bronze` and one check `owner` on `fact`.
 */
export function scorecardDocument(name: string, fact = 'catalog.owner') {
  const { id, title, description, ...spec } = ownerScorecard(name, { fact });
  return {
    apiVersion: 'readiness/v1',
    kind: 'Scorecard',
    metadata: { name: id, title, description },
    spec,
  };
}

/**
 * A `kind: Campaign` document asking the check `owner` of `scorecard` in
 * the first quarter of 2027; `spec` replaces fields of its spec.
 */
export function campaignDocument(
  name: string,
  scorecard: string,
  spec: object = {},
) {
  return {
    apiVersion: 'readiness/v1',
    kind: 'Campaign',
    metadata: { name, title: `Campaign ${name}` },
    spec: {
      scorecard,
      goal: { checks: ['owner'] },
      startsAt: '2027-01-01',
      dueAt: '2027-03-31',
      ...spec,
    },
  };
}

/** The text of a file of several documents (JSON is YAML). */
export function documentsText(...documents: object[]): string {
  return documents.map(d => JSON.stringify(d)).join('\n---\n');
}
