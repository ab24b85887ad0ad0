import { Entity } from '@backstage/catalog-model';
import { ScorecardDefinition } from '../types';
import { catalogFacts } from '../facts';
import { evaluateScorecard } from './evaluateScorecard';

const scorecard: ScorecardDefinition = {
  id: 'basics',
  title: 'Basics',
  description: 'Test scorecard',
  appliesTo: { kind: 'component' },
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
  ],
  categories: [
    { id: 'ownership', title: 'Ownership' },
    { id: 'docs', title: 'Docs' },
    { id: 'ops', title: 'Operations' },
  ],
  checks: [
    {
      id: 'owner',
      title: 'Owner',
      category: 'ownership',
      level: 'bronze',
      weight: 3,
      condition: { fact: 'catalog.owner', exists: true },
      remediation: { text: 'Set an owner' },
    },
    {
      id: 'description',
      title: 'Description',
      category: 'docs',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.description', exists: true },
      remediation: { text: 'Describe it' },
    },
    {
      id: 'on-call',
      title: 'On call',
      category: 'ownership',
      level: 'silver',
      weight: 2,
      condition: { fact: 'pagerduty.oncall', exists: true },
      remediation: { text: 'Set up on-call' },
    },
  ],
};

const now = new Date('2026-11-25T10:00:00Z');

function entity(metadata: Partial<Entity['metadata']>, spec = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', ...metadata },
    spec: { type: 'service', ...spec },
  };
}

describe('evaluateScorecard', () => {
  it('scores the weighted share of passing checks and counts unknown as not passed', () => {
    const e = entity({ description: 'A service' }, { owner: 'team-a' });
    const result = evaluateScorecard(scorecard, e, catalogFacts(e, now), now);

    expect(result.checks.map(c => [c.id, c.status])).toEqual([
      ['owner', 'pass'],
      ['description', 'pass'],
      ['on-call', 'unknown'],
    ]);
    expect(result.checks[2].reason).toBe(
      'fact pagerduty.oncall was not collected',
    );
    expect(result.score).toBe(66.7);
    expect(result.counts).toEqual({
      pass: 2,
      fail: 0,
      unknown: 1,
      'not-applicable': 0,
      waived: 0,
    });
    expect(result.level).toBe('bronze');
    expect(result.nextLevel).toBe('silver');
    expect(result.entityRef).toBe('component:default/svc');
    expect(result.evaluatedAt).toBe('2026-11-25T10:00:00.000Z');
  });

  it('reaches no level when a check of the first level fails', () => {
    const e = entity({}, { owner: 'team-a' });
    const result = evaluateScorecard(scorecard, e, catalogFacts(e, now), now);
    expect(result.level).toBeNull();
    expect(result.nextLevel).toBe('bronze');
    expect(result.score).toBe(50);
  });

  it('reaches the top level when every check passes', () => {
    const e = entity({ description: 'x' }, { owner: 'team-a' });
    const facts = {
      ...catalogFacts(e, now),
      'pagerduty.oncall': {
        value: 'alice',
        source: 'pagerduty',
        observedAt: now.toISOString(),
      },
    };
    const result = evaluateScorecard(scorecard, e, facts, now);
    expect(result.score).toBe(100);
    expect(result.level).toBe('silver');
    expect(result.nextLevel).toBeNull();
  });

  it('scores each category, and none for a category without checks', () => {
    const e = entity({}, { owner: 'team-a' });
    const result = evaluateScorecard(scorecard, e, catalogFacts(e, now), now);
    expect(result.categories).toEqual([
      { id: 'ownership', title: 'Ownership', score: 60 },
      { id: 'docs', title: 'Docs', score: 0 },
      { id: 'ops', title: 'Operations', score: null },
    ]);
  });

  it('is deterministic', () => {
    const e = entity({ description: 'x' });
    const facts = catalogFacts(e, now);
    expect(evaluateScorecard(scorecard, e, facts, now)).toEqual(
      evaluateScorecard(scorecard, e, facts, now),
    );
  });
});

describe('evaluateScorecard on costly patterns', () => {
  it('bounds the matching work of one evaluation, however many conditions match', () => {
    const costly: ScorecardDefinition = {
      id: 'costly',
      title: 'Costly',
      description: '',
      appliesTo: { kind: 'component' },
      levels: [{ id: 'bronze', title: 'Bronze' }],
      categories: [{ id: 'c', title: 'C' }],
      // Distinct patterns, so that no state cache is shared between them.
      checks: Array.from({ length: 40 }, (_, i) => ({
        id: `c${i}`,
        title: `Check ${i}`,
        category: 'c',
        level: 'bronze',
        weight: 1,
        condition: {
          fact: 'catalog.description',
          matches: `[^x]{0,${900 + i}}y`,
        },
        remediation: { text: '' },
      })),
    };
    const target = entity({ description: 'a'.repeat(65_000) });
    const started = Date.now();
    const result = evaluateScorecard(
      costly,
      target,
      catalogFacts(target, now),
      now,
    );
    // Each test alone may take tens of milliseconds; forty of them took
    // forty times a second before the budgets.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.checks.every(c => c.status === 'unknown')).toBe(true);
  });
});
