import { startActionsBackend } from '../__testUtils__/startActionsBackend';
import { MAX_OUTPUT_CHARS } from './outputBounds';

/** A check of 200 conditions, an advisory one, and one reading others. */
const wide = {
  apiVersion: 'readiness/v1',
  kind: 'Scorecard',
  metadata: { name: 'wide', title: 'Wide', description: 'Wide checks' },
  spec: {
    appliesTo: { kind: 'component' },
    levels: [{ id: 'bronze', title: 'Bronze' }],
    categories: [{ id: 'docs', title: 'Docs' }],
    checks: [
      {
        id: 'many-tags',
        title: 'Has one of many tags',
        category: 'docs',
        level: 'bronze',
        weight: 1,
        condition: {
          any: Array.from({ length: 200 }, (_, i) => ({
            fact: 'catalog.tags',
            contains: `tag-${i}-${'t'.repeat(200)}`,
          })),
        },
        remediation: { text: 'r'.repeat(3000) },
      },
      {
        id: 'later',
        title: 'Described, from 2999',
        category: 'docs',
        level: 'bronze',
        weight: 2,
        enforcedFrom: '2999-01-01',
        exemptible: false,
        condition: {
          all: [
            { check: 'many-tags' },
            { not: { fact: 'catalog.description', matches: '^TODO' } },
            { attestation: 'reviewed', maxAge: '30d' },
          ],
        },
        remediation: { text: 'Describe it.', docsUrl: 'https://docs.example' },
      },
      {
        id: 'attested',
        title: 'Attested 35 ways',
        category: 'docs',
        level: 'bronze',
        weight: 1,
        appliesTo: {
          kind: 'component',
          'metadata.name': `long-${'n'.repeat(400)}`,
        },
        condition: {
          all: Array.from({ length: 35 }, (_, i) => ({
            attestation: `reviewed-${i}`,
          })),
        },
        remediation: { text: 'Attest.' },
      },
      {
        id: 'covered',
        title: 'Tests cover the code',
        category: 'docs',
        level: 'bronze',
        weight: 1,
        condition: { fact: 'pushed.testCoverage', gte: 80 },
        remediation: { text: 'Write tests.' },
      },
    ],
  },
};

/** The config of the backends with {@link wide}, and the fact it pushes. */
const WIDE_CONFIG = {
  readiness: {
    scorecards: [{ inline: wide }],
    pushedFacts: [
      { name: 'testCoverage', type: 'number', description: 'Line coverage' },
    ],
  },
};

describe('action explain-check', () => {
  it('explains a check: what it asks, how it decides and the facts it reads', async () => {
    const { invoke } = await startActionsBackend({
      config: { readiness: { collectors: { repository: { enabled: false } } } },
    });

    const output = await invoke('explain-check', {
      scorecard: 'production-readiness',
      check: 'ci-pipeline',
    });

    expect(output.scorecard).toEqual({
      id: 'production-readiness',
      title: 'Production Readiness',
    });
    expect(output.check).toEqual({
      id: 'ci-pipeline',
      title: 'Has a CI pipeline',
      description: expect.stringContaining('A CI definition'),
      category: { id: 'delivery', title: 'Deployment & CI/CD' },
      level: { id: 'bronze', title: 'Bronze' },
      weight: 5,
      severity: 'high',
      enforcement: 'enforced',
      exemptible: true,
    });
    expect(output.decidedBy.slice(0, 5)).toEqual([
      'the first of these that is known (not unknown) decides:',
      '  github.workflows is set',
      '  any of:',
      '    repository.ciWorkflows is set',
      '    catalog.annotations[github.com/project-slug] is set',
    ]);
    expect(output.omittedConditionLines).toBe(0);
    expect(output.remediation.text).toContain('pipeline');
    expect(output.facts).toEqual([
      {
        name: 'github.workflows',
        type: expect.any(String),
        description: expect.any(String),
        collector: 'github',
        collectorStatus: 'not-installed',
      },
      expect.objectContaining({
        name: 'repository.ciWorkflows',
        collector: 'repository',
        collectorStatus: 'turned-off',
      }),
      expect.objectContaining({
        name: 'catalog.annotations',
        type: 'string-map',
        collector: 'catalog',
        collectorStatus: 'built-in',
      }),
    ]);
    expect(output.attestations).toEqual([]);
    expect(output.referencedChecks).toEqual([]);
  });

  it('renders advisory checks, negations, attestations and check references', async () => {
    const { invoke } = await startActionsBackend({
      config: WIDE_CONFIG,
    });
    const output = await invoke('explain-check', {
      scorecard: 'wide',
      check: 'later',
    });
    expect(output.check).toMatchObject({
      enforcement: 'advisory',
      enforcedFrom: '2999-01-01',
      exemptible: false,
    });
    expect(output.decidedBy).toEqual([
      'all of:',
      '  check many-tags passes',
      '  not:',
      '    catalog.description matches the regular expression "^TODO"',
      '  the owners attested "reviewed" within 30d',
    ]);
    expect(output.attestations).toEqual(['reviewed']);
    expect(output.referencedChecks).toEqual([
      { id: 'many-tags', title: 'Has one of many tags' },
    ]);
    expect(output.remediation).toEqual({
      text: 'Describe it.',
      docsUrl: 'https://docs.example',
    });

    const pushed = await invoke('explain-check', {
      scorecard: 'wide',
      check: 'covered',
    });
    expect(pushed.decidedBy).toEqual(['pushed.testCoverage is at least 80']);
    expect(pushed.facts).toEqual([
      {
        name: 'pushed.testCoverage',
        type: 'number',
        description: 'Line coverage',
        collector: 'pushed',
        collectorStatus: 'pushed',
      },
    ]);
  });

  it('bounds a condition of 200 leaves and a long remediation', async () => {
    const { invoke } = await startActionsBackend({
      config: WIDE_CONFIG,
    });
    const output = await invoke('explain-check', {
      scorecard: 'wide',
      check: 'many-tags',
    });
    expect(JSON.stringify(output).length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    expect(output.decidedBy.length).toBeLessThanOrEqual(60);
    expect(output.decidedBy.length + output.omittedConditionLines).toBe(201);
    expect(output.decidedBy[1]).toMatch(
      /^ {2}catalog\.tags contains "tag-0-t+…$/,
    );
    expect(output.remediation.text).toHaveLength(2000);
    expect(output.facts).toHaveLength(1);
    expect(output.omittedFacts).toBe(0);
  });

  it('lists 30 attestations and counts the others, and cuts a long appliesTo', async () => {
    const { invoke } = await startActionsBackend({ config: WIDE_CONFIG });
    const output = await invoke('explain-check', {
      scorecard: 'wide',
      check: 'attested',
    });
    expect(output.attestations).toHaveLength(30);
    expect(output.omittedAttestations).toBe(5);
    expect(output.omittedReferencedChecks).toBe(0);
    expect(output.check.appliesTo).toHaveLength(300);
    expect(output.check.appliesTo).toMatch(/^\{"kind":"component".*…$/);
  });

  it('refuses an unknown scorecard or check, saying what was meant', async () => {
    const { invoke } = await startActionsBackend();
    await expect(
      invoke('explain-check', {
        scorecard: 'production-readiness',
        check: 'ci-pipline',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'Unknown check "ci-pipline" of scorecard production-readiness (did you mean "ci-pipeline"?)',
    });
    await expect(
      invoke('explain-check', {
        scorecard: 'production-readiness',
        check: 'zzzzzzzzzzzz',
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /^Unknown check "zzzzzzzzzzzz" of scorecard production-readiness \(checks: .+ and \d+ more\)$/,
      ),
    });
    await expect(
      invoke('explain-check', { scorecard: 'api-qualty', check: 'x' }),
    ).rejects.toMatchObject({
      message: 'Unknown scorecard "api-qualty" (did you mean "api-quality"?)',
    });
  });
});
