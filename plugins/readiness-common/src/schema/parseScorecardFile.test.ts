import { ScorecardDefinition } from '../types';
import { knownFacts, problemsOf } from './__fixtures__/scorecards';
import { parseScorecardFile } from './parseScorecardFile';
import { formatScorecardProblem } from './problems';

const FULL = `apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: ai-readiness
  title: AI Readiness
  description: Is this AI service safe to run?
  owner: group:default/platform-team
spec:
  appliesTo:
    $all:
      - { kind: component, spec.type: { $in: [service, website] } }
      - metadata.tags: { $contains: ai }
  levels:
    - { id: bronze, title: Bronze, description: The basics }
    - { id: silver, title: Silver }
  categories:
    - id: ownership
      title: Ownership
    - id: ml
      title: Machine learning
      description: Model cards and evaluations
      appliesTo: { metadata.annotations.readiness.dev/ai-ml: 'true' }
  checks:
    - id: owner-set
      title: Has an owner
      description: Someone answers for it
      category: ownership
      level: bronze
      severity: high
      condition: { fact: catalog.owner, exists: true }
      remediation:
        text: Set \`spec.owner\`.
        docsUrl: https://backstage.io/docs/features/software-catalog/descriptor-format
        template: template:default/add-owner
    - id: production-ready
      title: Owned, in production and maintained
      category: ownership
      level: silver
      weight: 2.5
      appliesTo: { spec.lifecycle: production }
      condition:
        all:
          - { check: owner-set }
          - { fact: catalog.lifecycle, in: [production, experimental] }
          - not: { fact: github.archived, equals: true }
          - any:
              - { fact: github.openIssues, lt: 50, maxAge: 7d }
              - { fact: catalog.annotations, key: readiness.dev/tier, prefix: tier- }
              - { fact: catalog.linkTypes, matches: '^run(book)?$' }
              - { fact: catalog.tags, contains: ai }
              - { fact: catalog.owner, notEquals: nobody }
              - { fact: github.openIssues, maxAge: P1D }
      remediation: { text: Fix the parts that fail. }
  waivers:
    - check: production-ready
      entities: { metadata.name: legacy-billing }
      reason: Being retired
      expires: 2027-03-31
    - { check: owner-set, entities: { kind: component }, reason: Demo }
`;

const EXPECTED: ScorecardDefinition = {
  id: 'ai-readiness',
  title: 'AI Readiness',
  description: 'Is this AI service safe to run?',
  owner: 'group:default/platform-team',
  appliesTo: {
    $all: [
      { kind: 'component', 'spec.type': { $in: ['service', 'website'] } },
      { 'metadata.tags': { $contains: 'ai' } },
    ],
  },
  levels: [
    { id: 'bronze', title: 'Bronze', description: 'The basics' },
    { id: 'silver', title: 'Silver' },
  ],
  categories: [
    { id: 'ownership', title: 'Ownership' },
    {
      id: 'ml',
      title: 'Machine learning',
      description: 'Model cards and evaluations',
      appliesTo: { 'metadata.annotations.readiness.dev/ai-ml': 'true' },
    },
  ],
  checks: [
    {
      id: 'owner-set',
      title: 'Has an owner',
      description: 'Someone answers for it',
      category: 'ownership',
      level: 'bronze',
      weight: 5,
      severity: 'high',
      condition: { fact: 'catalog.owner', exists: true },
      remediation: {
        text: 'Set `spec.owner`.',
        docsUrl:
          'https://backstage.io/docs/features/software-catalog/descriptor-format',
        template: 'template:default/add-owner',
      },
    },
    {
      id: 'production-ready',
      title: 'Owned, in production and maintained',
      category: 'ownership',
      level: 'silver',
      weight: 2.5,
      appliesTo: { 'spec.lifecycle': 'production' },
      condition: {
        all: [
          { check: 'owner-set' },
          { fact: 'catalog.lifecycle', in: ['production', 'experimental'] },
          { not: { fact: 'github.archived', equals: true } },
          {
            any: [
              { fact: 'github.openIssues', lt: 50, maxAge: '7d' },
              {
                fact: 'catalog.annotations',
                key: 'readiness.dev/tier',
                prefix: 'tier-',
              },
              { fact: 'catalog.linkTypes', matches: '^run(book)?$' },
              { fact: 'catalog.tags', contains: 'ai' },
              { fact: 'catalog.owner', notEquals: 'nobody' },
              { fact: 'github.openIssues', maxAge: 'P1D' },
            ],
          },
        ],
      },
      remediation: { text: 'Fix the parts that fail.' },
    },
  ],
  waivers: [
    {
      check: 'production-ready',
      entities: { 'metadata.name': 'legacy-billing' },
      reason: 'Being retired',
      expires: '2027-03-31',
    },
    {
      check: 'owner-set',
      entities: { kind: 'component' },
      reason: 'Demo',
    },
  ],
};

/** The same scorecard as a JSON document, as written by hand or generated. */
function asJson(): string {
  const { id, title, description, owner, ...spec } = EXPECTED;
  const checks = spec.checks.map(({ weight, severity, ...check }) =>
    severity ? { ...check, severity } : { ...check, weight },
  );
  return JSON.stringify(
    {
      apiVersion: 'readiness/v1',
      kind: 'Scorecard',
      metadata: { name: id, title, description, owner },
      spec: { ...spec, checks },
    },
    null,
    2,
  );
}

function parse(text: string, source = 'x.yaml') {
  return parseScorecardFile(text, { source, knownFacts });
}

describe('parseScorecardFile', () => {
  it('reads a full YAML document, resolving severity to weight', () => {
    expect(parse(FULL)).toEqual({
      scorecards: [EXPECTED],
      campaigns: [],
      problems: [],
    });
  });

  it('reads the same document written as JSON', () => {
    expect(parse(asJson(), 'x.json')).toEqual({
      scorecards: [EXPECTED],
      campaigns: [],
      problems: [],
    });
  });

  it('points at the line and column of a JSON document too', () => {
    const json = asJson().replace('"weight": 2.5', '"weigth": 2.5');
    expect(parse(json, 'x.json').problems.map(formatScorecardProblem)).toEqual([
      'x.json:72:7 spec.checks[1]: a check needs a "weight" (up to 100) or a "severity" (critical, high, medium or low)',
      'x.json:133:9 spec.checks[1].weigth: unknown key "weigth" (did you mean "weight"?)',
    ]);
  });

  it('reads several documents, and ignores empty ones', () => {
    const second = FULL.replace('name: ai-readiness', 'name: other');
    const { scorecards, problems } = parse(`---\n${FULL}---\n${second}---\n`);
    expect(problems).toEqual([]);
    expect(scorecards.map(s => s.id)).toEqual(['ai-readiness', 'other']);
  });

  it('returns nothing from a file with any problem, and problems in order', () => {
    const broken = FULL.replace('severity: high', 'severity: hihg');
    const { scorecards, problems } = parse(`${FULL}---\n${broken}`);
    expect(scorecards).toEqual([]);
    expect(problems).toEqual([
      {
        source: 'x.yaml',
        line: 64,
        column: 9,
        path: 'metadata.name',
        message:
          'duplicate scorecard name "ai-readiness", first defined at line 4',
      },
      {
        source: 'x.yaml',
        line: 89,
        column: 17,
        path: 'spec.checks[0].severity',
        message: 'unknown severity "hihg" (did you mean "high"?)',
      },
    ]);
  });

  it('follows anchors and aliases', () => {
    const text = FULL.replace(
      'remediation: { text: Fix the parts that fail. }',
      'remediation: *fix',
    ).replace(
      '      remediation:\n        text:',
      '      remediation: &fix\n        text:',
    );
    const [scorecard] = parse(text).scorecards;
    expect(scorecard.checks[1].remediation).toEqual(
      EXPECTED.checks[0].remediation,
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(
      problemsOf(
        'apiVersion: readiness/v1\nkind: Scorecard\nmetadata: [a, b\n',
      ),
    ).toEqual([
      'x.yaml:4:1 Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports duplicate keys, in predicates too', () => {
    const text = FULL.replace(
      'title: AI Readiness',
      'title: AI Readiness\n  title: Again',
    ).replace(
      '{ metadata.name: legacy-billing }',
      '{ metadata.name: legacy-billing, metadata.name: x }',
    );
    expect(problemsOf(text)).toEqual([
      'x.yaml:6:3 metadata.title: duplicate key "title", first defined at line 5',
      'x.yaml:57:50 spec.waivers[0].entities.metadata.name: duplicate key "metadata.name", first defined at line 57',
    ]);
  });

  it('reports unresolved tags', () => {
    expect(
      problemsOf(FULL.replace('title: AI Readiness', 'title: !x AI')),
    ).toEqual(['x.yaml:5:10 Unresolved tag: !x']);
  });

  it('reports a file without documents', () => {
    expect(problemsOf('# nothing here\n')).toEqual([
      'x.yaml:1:1 the file holds no scorecard or campaign',
    ]);
  });
});

describe('formatScorecardProblem', () => {
  it('formats a problem as source:line:column path: message', () => {
    expect(
      formatScorecardProblem({
        source: 'scorecards/a.yaml',
        line: 3,
        column: 7,
        path: 'spec.checks[0].weight',
        message: 'must be a number',
      }),
    ).toBe('scorecards/a.yaml:3:7 spec.checks[0].weight: must be a number');
  });

  it('leaves the path out for problems of the document itself', () => {
    expect(
      formatScorecardProblem({
        source: 'a.yaml',
        line: 1,
        column: 1,
        path: '',
        message: 'the file holds no scorecard',
      }),
    ).toBe('a.yaml:1:1 the file holds no scorecard');
  });
});
