import { Entity } from '@backstage/catalog-model';
import {
  CheckDefinition,
  Condition,
  FactSet,
  FactValue,
  ScorecardDefinition,
} from '../types';
import { evaluateCondition } from '../testUtils/evaluateCondition';
import { evaluateScorecard } from './evaluateScorecard';
import { RESULT_LIMITS } from './resultLimits';

const now = new Date('2026-11-25T10:00:00Z');

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x' },
  spec: { type: 'service' },
};

function factsOf(values: Record<string, FactValue>): FactSet {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      { value, source: 'test', observedAt: now.toISOString() },
    ]),
  );
}

function scorecard(checks: Array<[string, Condition]>): ScorecardDefinition {
  return {
    id: 'limits',
    title: 'Limits',
    description: 'Test scorecard',
    appliesTo: { kind: 'component' },
    levels: [{ id: 'bronze', title: 'Bronze' }],
    categories: [{ id: 'core', title: 'Core' }],
    checks: checks.map(
      ([id, condition]): CheckDefinition => ({
        id,
        title: id,
        category: 'core',
        level: 'bronze',
        weight: 1,
        condition,
        remediation: { text: `Fix ${id}` },
      }),
    ),
  };
}

/** `depth` checks, each an `all` of ten references to the one before. */
function referenceChain(depth: number): ScorecardDefinition {
  const checks: Array<[string, Condition]> = [
    ['c0', { fact: 't.missing', exists: true }],
  ];
  for (let i = 1; i < depth; i++) {
    checks.push([
      `c${i}`,
      { all: Array.from({ length: 10 }, () => ({ check: `c${i - 1}` })) },
    ]);
  }
  return scorecard(checks);
}

describe('bounds of check results', () => {
  it.each([4, 6, 16, 64])(
    'keeps the result of a chain of %i ten-fold references small',
    depth => {
      // Each reference used to copy every reason of the check it named: a
      // chain of 8 gave a 95 MB result.
      const result = evaluateScorecard(
        referenceChain(depth),
        entity,
        factsOf({}),
        now,
      );
      expect(result.checks[depth - 1]).toMatchObject({
        status: 'unknown',
        reason: `check c${depth - 2} is unknown`,
      });
      expect(JSON.stringify(result).length).toBeLessThan(300 * depth + 1000);
    },
  );

  it('keeps the first distinct reasons and counts the rest', () => {
    const leaves = Array.from({ length: 30 }, (_, i) => ({
      fact: `t.f${i % 15}`,
      exists: true,
    }));
    const { reasons } = evaluateCondition({ all: leaves }, {}, now);
    expect(reasons).toEqual([
      ...Array.from(
        { length: RESULT_LIMITS.reasonsPerCheck },
        (_, i) => `fact t.f${i} was not collected`,
      ),
      // Repeats of kept reasons are dropped; left-out ones are counted, not
      // compared: f10 to f14, twice.
      '… and 10 more',
    ]);
  });

  it('cuts long reasons', () => {
    const facts: FactSet = {
      't.down': { reason: 'x'.repeat(100_000), source: 'test' },
    };
    const { reasons } = evaluateCondition(
      { fact: 't.down', exists: true },
      facts,
      now,
    );
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toHaveLength(RESULT_LIMITS.reasonLength);
    expect(reasons[0]).toMatch(/^fact t\.down is unavailable: x+…$/);
  });

  it('shows a huge fact value without serialising all of it', () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => `tag-${i}`);
    const facts = factsOf({ 't.tags': huge });
    const started = Date.now();
    for (let i = 0; i < 500; i++) {
      evaluateCondition({ fact: 't.tags', exists: false }, facts, now);
    }
    // Serialising the list for every reason took seconds.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(
      evaluateCondition({ fact: 't.tags', exists: false }, facts, now).reasons,
    ).toEqual([`t.tags is set to ${JSON.stringify(huge).slice(0, 99)}…`]);
  });

  it('keeps one evidence item per fact and key, up to the limit', () => {
    const facts = factsOf({
      't.name': 'x',
      't.map': Object.fromEntries(
        Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v']),
      ),
    });
    const repeated = evaluateCondition(
      {
        all: [
          { fact: 't.name', exists: true },
          { fact: 't.name', equals: 'x' },
          { fact: 't.map', key: 'k1', exists: true },
          { fact: 't.map', key: 'k1', equals: 'v' },
          { fact: 't.map', key: 'k2', exists: true },
        ],
      },
      facts,
      now,
    );
    expect(repeated.evidence.map(e => [e.fact, e.key])).toEqual([
      ['t.name', undefined],
      ['t.map', 'k1'],
      ['t.map', 'k2'],
    ]);
    const many = evaluateCondition(
      {
        all: Array.from({ length: 100 }, (_, i) => ({
          fact: 't.map',
          key: `k${i}`,
          exists: true,
        })),
      },
      facts,
      now,
    );
    expect(many.evidence).toHaveLength(RESULT_LIMITS.evidencePerCheck);
  });
});
