import { FactDefinition } from '../../types';
import { parseScorecardFile } from '../parseScorecardFile';
import { formatScorecardProblem } from '../problems';

/** One fact of each type, as collectors would declare them. */
export const knownFacts: FactDefinition[] = [
  { name: 'catalog.owner', type: 'string', description: 'spec.owner' },
  { name: 'catalog.lifecycle', type: 'string', description: 'spec.lifecycle' },
  { name: 'catalog.tags', type: 'string-list', description: 'tags' },
  {
    name: 'catalog.annotations',
    type: 'string-map',
    description: 'annotations',
  },
  { name: 'catalog.linkTypes', type: 'string-list', description: 'link types' },
  { name: 'github.openIssues', type: 'number', description: 'open issues' },
  { name: 'github.archived', type: 'boolean', description: 'archived' },
];

/** The formatted problems of a file named `x.yaml`. */
export function problemsOf(text: string): string[] {
  return parseScorecardFile(text, {
    source: 'x.yaml',
    knownFacts,
  }).problems.map(formatScorecardProblem);
}

/** Lines 1–15 of a valid scorecard; checks follow from line 16. */
const HEADER = `apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: demo
  title: Demo
  description: A demo scorecard
spec:
  appliesTo: { kind: component }
  levels:
    - { id: bronze, title: Bronze }
    - { id: silver, title: Silver }
  categories:
    - { id: ownership, title: Ownership }
    - { id: docs, title: Documentation }
  checks:
`;

/** A valid check `owner-set`: lines 16–22 of a scorecard of {@link withChecks}. */
export const OWNER_CHECK = `    - id: owner-set
      title: Has an owner
      category: ownership
      level: bronze
      weight: 1
      condition: { fact: catalog.owner, exists: true }
      remediation: { text: Set spec.owner. }
`;

/** A valid scorecard with `checks` (indented by 4) from line 16 and `rest` after. */
export function withChecks(checks: string, rest = ''): string {
  return `${HEADER}${checks}${rest}`;
}

/**
 * A scorecard whose only check `owner-set` has `condition` at line 22, after
 * the given text on that line (`      condition: `, 17 characters).
 */
export function withCondition(condition: string, more = ''): string {
  return withChecks(
    `    - id: owner-set
      title: Has an owner
      category: ownership
      level: bronze
      weight: 1
      remediation: { text: Set spec.owner. }
      condition: ${condition}
${more}`,
  );
}
