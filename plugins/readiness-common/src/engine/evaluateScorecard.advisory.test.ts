import {
  check,
  entity,
  factsOf,
  now,
  scorecard,
  set,
} from './__fixtures__/featureScorecard';
import { evaluateScorecard } from './evaluateScorecard';

const svc = entity('svc', 'service');

describe('evaluateScorecard advisory checks', () => {
  const card = scorecard([
    check('owner', set('t.owner'), { weight: 3 }),
    check('slos', set('t.slos'), { enforcement: 'advisory', weight: 5 }),
    check('alerting', set('t.alerting'), {
      level: 'silver',
      enforcedFrom: '2026-12-01',
    }),
  ]);

  it('keeps the status of a failing advisory check without scoring, counting or blocking it', () => {
    const result = evaluateScorecard(
      card,
      svc,
      factsOf({ 't.owner': 'a', 't.slos': null, 't.alerting': 'x' }),
      now,
    );
    expect(result.checks[1]).toMatchObject({
      id: 'slos',
      status: 'fail',
      advisory: {},
    });
    expect(result.score).toBe(100);
    expect(result.level).toBe('silver');
    expect(result.categories[0].score).toBe(100);
    expect(result.counts).toEqual({
      pass: 1,
      fail: 0,
      unknown: 0,
      'not-applicable': 0,
      waived: 0,
    });
    expect(result.advisoryFailing).toBe(1);
  });

  it('counts advisory checks that fail or are unknown, not those that pass', () => {
    const failing = evaluateScorecard(
      card,
      svc,
      factsOf({ 't.owner': 'a' }),
      now,
    );
    expect(failing.checks.map(c => [c.id, c.status, c.advisory])).toEqual([
      ['owner', 'pass', undefined],
      ['slos', 'unknown', {}],
      ['alerting', 'unknown', { enforcedFrom: '2026-12-01' }],
    ]);
    expect(failing.advisoryFailing).toBe(2);
    expect(failing.level).toBe('silver');

    const passing = evaluateScorecard(
      card,
      svc,
      factsOf({ 't.owner': 'a', 't.slos': 's', 't.alerting': 'x' }),
      now,
    );
    expect(passing.advisoryFailing).toBe(0);
    expect(passing.checks[1].advisory).toEqual({});
  });

  it('enforces a check from the first moment of its enforcedFrom day (UTC)', () => {
    const facts = factsOf({ 't.owner': 'a', 't.slos': 's' });
    const before = evaluateScorecard(
      card,
      svc,
      facts,
      new Date('2026-11-30T23:59:59.999Z'),
    );
    expect(before.checks[2].advisory).toEqual({ enforcedFrom: '2026-12-01' });
    expect(before.level).toBe('silver');
    expect(before.score).toBe(100);

    const on = evaluateScorecard(
      card,
      svc,
      facts,
      new Date('2026-12-01T00:00:00.000Z'),
    );
    expect(on.checks[2]).not.toHaveProperty('advisory');
    expect(on.checks[2].status).toBe('unknown');
    expect(on.level).toBe('bronze');
    expect(on.score).toBe(75);
    expect(on.counts.unknown).toBe(1);
    expect(on.advisoryFailing).toBe(0);
  });

  it('reports advisoryFailing as 0 for a scorecard without advisory checks', () => {
    const plain = scorecard([check('owner', set('t.owner'))]);
    expect(
      evaluateScorecard(plain, svc, factsOf({ 't.owner': 'a' }), now)
        .advisoryFailing,
    ).toBe(0);
  });

  it("copies a check's severity into its result", () => {
    const card2 = scorecard([
      check('owner', set('t.owner'), { severity: 'high', weight: 5 }),
      check('docs', set('t.docs')),
    ]);
    const result = evaluateScorecard(card2, svc, factsOf({}), now);
    expect(result.checks[0].severity).toBe('high');
    expect(result.checks[1]).not.toHaveProperty('severity');
  });

  it('lets a check refer to an advisory check by its actual outcome', () => {
    const card2 = scorecard([
      check('slos', set('t.slos'), { enforcement: 'advisory' }),
      check('slos-too', { check: 'slos' }),
    ]);
    const result = evaluateScorecard(
      card2,
      svc,
      factsOf({ 't.slos': null }),
      now,
    );
    expect(result.checks.map(c => c.status)).toEqual(['fail', 'fail']);
    expect(result.level).toBeNull();
  });
});
