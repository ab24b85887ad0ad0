import { Entity } from '@backstage/catalog-model';
import {
  CheckDefinition,
  Condition,
  FactSet,
  FactValue,
  ScorecardDefinition,
  WaiverDefinition,
} from '../types';
import { evaluateScorecard } from './evaluateScorecard';

const now = new Date('2026-11-25T10:00:00Z');

function entity(name: string, type: string, aiMl = false): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: aiMl ? { 'readiness.dev/ai-ml': 'true' } : {},
    },
    spec: { type },
  };
}

function factsOf(values: Record<string, FactValue>): FactSet {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      { value, source: 'test', observedAt: now.toISOString() },
    ]),
  );
}

function check(
  id: string,
  condition: Condition,
  more: Partial<CheckDefinition> = {},
): CheckDefinition {
  return {
    id,
    title: id,
    category: 'core',
    level: 'bronze',
    weight: 1,
    condition,
    remediation: { text: `Fix ${id}` },
    ...more,
  };
}

function scorecard(
  checks: CheckDefinition[],
  waivers?: WaiverDefinition[],
): ScorecardDefinition {
  return {
    id: 'features',
    title: 'Features',
    description: 'Test scorecard',
    appliesTo: { kind: 'component' },
    levels: [
      { id: 'bronze', title: 'Bronze' },
      { id: 'silver', title: 'Silver' },
    ],
    categories: [
      { id: 'core', title: 'Core' },
      {
        id: 'ai',
        title: 'AI',
        appliesTo: { 'metadata.annotations.readiness.dev/ai-ml': 'true' },
      },
    ],
    checks,
    waivers,
  };
}

const set = (fact: string): Condition => ({ fact, exists: true });

function statuses(
  card: ScorecardDefinition,
  e: Entity,
  facts: FactSet,
  at = now,
) {
  return evaluateScorecard(card, e, facts, at).checks.map(c => [
    c.id,
    c.status,
    c.reason,
  ]);
}

describe('evaluateScorecard applicability', () => {
  const card = scorecard([
    check('owner', set('t.owner'), { description: 'Who runs it' }),
    check('runbook', set('t.runbook'), {
      appliesTo: { 'spec.type': 'service' },
    }),
    check('model-card', set('t.modelCard'), {
      category: 'ai',
      level: 'silver',
      weight: 5,
    }),
  ]);

  it('is not applicable outside its category, without counting or blocking', () => {
    const result = evaluateScorecard(
      card,
      entity('svc', 'service'),
      factsOf({ 't.owner': 'a', 't.runbook': 'r', 't.modelCard': null }),
      now,
    );
    expect(result.checks[2]).toMatchObject({
      status: 'not-applicable',
      reason:
        'not applicable: category ai applies only to {"metadata.annotations.readiness.dev/ai-ml":"true"}',
      evidence: [],
    });
    expect(result.score).toBe(100);
    expect(result.level).toBe('silver');
    expect(result.categories[1].score).toBeNull();
    expect(result.counts['not-applicable']).toBe(1);
  });

  it('applies the category to the entities it names', () => {
    const result = evaluateScorecard(
      card,
      entity('model', 'service', true),
      factsOf({ 't.owner': 'a', 't.runbook': 'r', 't.modelCard': null }),
      now,
    );
    expect(result.checks[2].status).toBe('fail');
    expect(result.level).toBe('bronze');
    expect(result.score).toBe(28.6);
  });

  it('is not applicable outside its own predicate', () => {
    expect(
      statuses(card, entity('lib', 'library'), factsOf({ 't.owner': 'a' })),
    ).toEqual([
      ['owner', 'pass', undefined],
      [
        'runbook',
        'not-applicable',
        'not applicable: check runbook applies only to {"spec.type":"service"}',
      ],
      [
        'model-card',
        'not-applicable',
        'not applicable: category ai applies only to {"metadata.annotations.readiness.dev/ai-ml":"true"}',
      ],
    ]);
  });

  it('gives the description of checks that have one', () => {
    const { checks } = evaluateScorecard(
      card,
      entity('svc', 'service'),
      factsOf({}),
      now,
    );
    expect(checks[0].description).toBe('Who runs it');
    expect('description' in checks[1]).toBe(false);
  });
});

describe('evaluateScorecard check references', () => {
  it('evaluates references first, whatever the order, and names the referenced check', () => {
    const card = scorecard([
      check('top', { check: 'middle' }),
      check('middle', { all: [{ check: 'bottom' }, set('t.a')] }),
      check('bottom', set('t.b')),
    ]);
    expect(
      statuses(card, entity('x', 'service'), factsOf({ 't.a': 'a' })),
    ).toEqual([
      // The referenced check's own result says why.
      ['top', 'unknown', 'check middle is unknown'],
      ['middle', 'unknown', 'check bottom is unknown'],
      ['bottom', 'unknown', 'fact t.b was not collected'],
    ]);
    expect(
      statuses(
        card,
        entity('x', 'service'),
        factsOf({ 't.a': null, 't.b': 'b' }),
      ),
    ).toEqual([
      ['top', 'fail', 'check middle fails'],
      ['middle', 'fail', 't.a is not set'],
      ['bottom', 'pass', undefined],
    ]);
  });

  it('reads a not-applicable or waived check as true', () => {
    const card = scorecard(
      [
        check('needs-both', {
          all: [{ check: 'skipped' }, { check: 'waived' }],
        }),
        check('skipped', set('t.a'), { appliesTo: { 'spec.type': 'website' } }),
        check('waived', set('t.b')),
      ],
      [{ check: 'waived', entities: { kind: 'component' }, reason: 'Later' }],
    );
    expect(statuses(card, entity('x', 'service'), factsOf({}))[0]).toEqual([
      'needs-both',
      'pass',
      undefined,
    ]);
  });

  it('evaluates a referenced check once per entity', () => {
    const card = scorecard([
      check('one', { check: 'base' }),
      check('two', { not: { check: 'base' } }),
      check('base', set('t.counted')),
    ]);
    let reads = 0;
    const facts = new Proxy(factsOf({ 't.counted': 'x' }), {
      get(target, name) {
        reads += name === 't.counted' ? 1 : 0;
        return Reflect.get(target, name);
      },
    });
    expect(statuses(card, entity('x', 'service'), facts)).toEqual([
      ['one', 'pass', undefined],
      ['two', 'fail', 'the negated condition holds'],
      ['base', 'pass', undefined],
    ]);
    expect(reads).toBe(1);
  });

  it('throws on a cycle, naming it', () => {
    const cycle = scorecard([
      check('ok', set('t.a')),
      check('a', { any: [set('t.a'), { check: 'b' }] }),
      check('b', { not: { check: 'a' } }),
    ]);
    expect(() => evaluateScorecard(cycle, entity('x', 's'), {}, now)).toThrow(
      'Checks refer to each other in a cycle: a -> b -> a',
    );
    const self = scorecard([check('a', { check: 'a' })]);
    expect(() => evaluateScorecard(self, entity('x', 's'), {}, now)).toThrow(
      'Checks refer to each other in a cycle: a -> a',
    );
  });

  it('throws on a reference to an unknown check', () => {
    const card = scorecard([check('a', { check: 'missing' })]);
    expect(() => evaluateScorecard(card, entity('x', 's'), {}, now)).toThrow(
      'Check a refers to unknown check missing',
    );
  });
});

describe('evaluateScorecard waivers', () => {
  const checks = [
    check('owner', set('t.owner')),
    check('oncall', set('t.oncall'), { level: 'silver', weight: 3 }),
  ];
  const legacy: WaiverDefinition = {
    check: 'oncall',
    entities: { 'metadata.name': 'legacy' },
    reason: 'Decommissioned in Q1',
    expires: '2026-12-31',
  };
  const facts = factsOf({ 't.owner': 'a', 't.oncall': null });

  it('waives a matching check until it expires, without counting or blocking', () => {
    const result = evaluateScorecard(
      scorecard(checks, [legacy]),
      entity('legacy', 'service'),
      facts,
      now,
    );
    expect(result.checks[1]).toMatchObject({
      status: 'waived',
      reason: 'waived: Decommissioned in Q1 (until 2026-12-31)',
      evidence: [],
    });
    expect(result.score).toBe(100);
    expect(result.level).toBe('silver');
    expect(result.counts.waived).toBe(1);
  });

  it('does not waive other entities', () => {
    expect(
      statuses(scorecard(checks, [legacy]), entity('new', 'service'), facts)[1],
    ).toEqual(['oncall', 'fail', 't.oncall is not set']);
  });

  it('waives through the whole day of a date expiry, and not after', () => {
    const card = scorecard(checks, [legacy]);
    const e = entity('legacy', 'service');
    const lastMoment = new Date('2026-12-31T23:59:59.999Z');
    const nextDay = new Date('2027-01-01T00:00:00.000Z');
    expect(statuses(card, e, facts, lastMoment)[1][1]).toBe('waived');
    expect(statuses(card, e, facts, nextDay)[1]).toEqual([
      'oncall',
      'fail',
      't.oncall is not set; waiver expired on 2026-12-31: Decommissioned in Q1',
    ]);
  });

  it('ignores an expired waiver and mentions it, and uses the next active one', () => {
    const expired = { ...legacy, expires: '2026-11-25T09:59:59+00:00' };
    const e = entity('legacy', 'service');
    expect(statuses(scorecard(checks, [expired]), e, facts)[1]).toEqual([
      'oncall',
      'fail',
      't.oncall is not set; waiver expired on 2026-11-25T09:59:59+00:00: Decommissioned in Q1',
    ]);
    const forever = { ...legacy, expires: undefined, reason: 'Never paged' };
    expect(
      statuses(scorecard(checks, [expired, forever]), e, facts)[1],
    ).toEqual(['oncall', 'waived', 'waived: Never paged']);
  });

  it('leaves a passing check without a reason when its waiver expired', () => {
    const expired = { ...legacy, check: 'owner', expires: '2026-01-01' };
    expect(
      statuses(scorecard(checks, [expired]), entity('legacy', 's'), facts)[0],
    ).toEqual(['owner', 'pass', undefined]);
  });

  it.each(['2026-12-31T10:00', 'next week', '2026-13-45'])(
    'rejects the expiry %s',
    expires => {
      const card = scorecard(checks, [{ ...legacy, expires }]);
      expect(() =>
        evaluateScorecard(card, entity('x', 's'), facts, now),
      ).toThrow(`Waiver of check oncall has an invalid expiry "${expires}"`);
    },
  );

  it('rejects a waiver of an unknown check', () => {
    const card = scorecard(checks, [{ ...legacy, check: 'nope' }]);
    expect(() => evaluateScorecard(card, entity('x', 's'), facts, now)).toThrow(
      'Waiver refers to unknown check nope',
    );
  });
});

describe('evaluateScorecard determinism', () => {
  it('gives the same result for an equal scorecard, compiled or not', () => {
    const card = scorecard(
      [
        check('a', { any: [set('t.a'), { check: 'b' }] }),
        check('b', { fact: 't.list', matches: '^x' }),
        check('c', set('t.c'), { category: 'ai' }),
      ],
      [{ check: 'a', entities: { 'spec.type': 'website' }, reason: 'r' }],
    );
    const e = entity('x', 'service', true);
    const facts = factsOf({ 't.a': null, 't.list': ['y', 'xy'] });
    const first = evaluateScorecard(card, e, facts, now);
    const again = evaluateScorecard(card, e, facts, now);
    const copy = evaluateScorecard(structuredClone(card), e, facts, now);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(first));
    expect(first.checks.map(c => c.status)).toEqual([
      'pass',
      'pass',
      'unknown',
    ]);
  });
});

describe('the evidence a decided check rests on', () => {
  const observed = (source: string, value: FactValue) => ({
    value,
    source,
    observedAt: now.toISOString(),
  });
  const facts: FactSet = {
    'catalog.annotations': observed('catalog', {
      'pagerduty.com/service-id': 'P1',
    }),
    'repository.alertRules': observed('repository', []),
    'pagerduty.onCall': observed('pagerduty', ['ada']),
  };
  const declaredOnCall: Condition = {
    fact: 'catalog.annotations',
    key: 'pagerduty.com/service-id',
    exists: true,
  };
  const basisOf = (condition: Condition, given = facts) =>
    evaluateScorecard(
      scorecard([check('c', condition)]),
      entity('svc', 'service'),
      given,
      now,
    ).checks[0].basis;

  it('is verified when a collector observed it, declared when the catalog says so', () => {
    expect(basisOf({ fact: 'pagerduty.onCall', exists: true })).toBe(
      'verified',
    );
    expect(basisOf(declaredOnCall)).toBe('declared');
    expect(basisOf({ fact: 'repository.alertRules', exists: true })).toBe(
      'verified',
    );
  });

  it('rests on what decided: the part that held, or the verified part first', () => {
    // The repository has no rules, but the catalog declares some elsewhere.
    expect(
      basisOf({
        any: [{ fact: 'repository.alertRules', exists: true }, declaredOnCall],
      }),
    ).toBe('declared');
    expect(
      basisOf({
        all: [{ fact: 'pagerduty.onCall', exists: true }, declaredOnCall],
      }),
    ).toBe('declared');
    expect(
      basisOf({
        firstKnown: [
          { fact: 'pagerduty.onCall', exists: true },
          declaredOnCall,
        ],
      }),
    ).toBe('verified');
    const { 'pagerduty.onCall': _, ...withoutPagerDuty } = facts;
    expect(
      basisOf(
        {
          firstKnown: [
            { fact: 'pagerduty.onCall', exists: true },
            declaredOnCall,
          ],
        },
        withoutPagerDuty,
      ),
    ).toBe('declared');
  });

  it('has none when the check is unknown', () => {
    expect(basisOf({ fact: 'github.workflows', exists: true })).toBeUndefined();
  });
});
