/**
 * A scorecard document for hostile-input benchmarks: one Bronze level, one
 * ownership category, and the given checks (YAML list items, indented four).
 */
export function hostileScorecard(options: {
  name: string;
  title: string;
  description: string;
  checks: string;
}): string {
  return `apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: ${options.name}
  title: ${options.title}
  description: ${options.description}
spec:
  appliesTo: { kind: component }
  levels:
    - { id: bronze, title: Bronze }
  categories:
    - { id: ownership, title: Ownership }
  checks:
${options.checks}
`;
}
