import { WaiverDefinition } from '../types';
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
      reason:
        'waived by the scorecard: Decommissioned in Q1 (until 2026-12-31)',
      evidence: [],
      waiver: {
        source: 'scorecard',
        reason: 'Decommissioned in Q1',
        expires: '2026-12-31',
      },
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
    ).toEqual(['oncall', 'waived', 'waived by the scorecard: Never paged']);
    expect(
      evaluateScorecard(scorecard(checks, [expired, forever]), e, facts, now)
        .checks[1].waiver,
    ).toEqual({ source: 'scorecard', reason: 'Never paged' });
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
