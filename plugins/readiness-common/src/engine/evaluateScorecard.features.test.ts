import {
  now,
  entity,
  factsOf,
  check,
  scorecard,
  set,
  statuses,
} from './__fixtures__/featureScorecard';
import { evaluateScorecard } from './evaluateScorecard';

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
