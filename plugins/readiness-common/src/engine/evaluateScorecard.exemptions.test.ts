import { AppliedExemption, OwnerInput } from '../ownerInput';
import { WaiverDefinition } from '../types';
import {
  now,
  entity,
  factsOf,
  check,
  scorecard,
  set,
} from './__fixtures__/featureScorecard';
import { evaluateScorecard } from './evaluateScorecard';
import { RESULT_LIMITS } from './resultLimits';

describe('evaluateScorecard exemptions', () => {
  const checks = [
    check('owner', set('t.owner')),
    check('oncall', set('t.oncall'), { level: 'silver', weight: 3 }),
  ];
  const facts = factsOf({ 't.owner': 'a', 't.oncall': null });
  const exemption: AppliedExemption = {
    id: 'ex-1',
    checks: ['oncall'],
    reason: 'Pager rota starts in January',
    expiresAt: '2026-12-31',
    requestedBy: 'user:default/ada',
    approvedBy: 'user:default/bo',
    link: 'https://tickets.example.com/OPS-1',
  };
  const input = (...exemptions: AppliedExemption[]): OwnerInput => ({
    exemptions,
    attestations: [],
  });
  const evaluate = (
    ownerInput: OwnerInput,
    at = now,
    card = scorecard(checks),
  ) => evaluateScorecard(card, entity('svc', 'service'), facts, at, ownerInput);

  it('waives a listed check with who asked, who approved, why and until when', () => {
    const result = evaluate(input(exemption));
    expect(result.checks[1]).toEqual({
      id: 'oncall',
      title: 'oncall',
      category: 'core',
      level: 'silver',
      weight: 3,
      status: 'waived',
      reason:
        'exempted until 2026-12-31 (requested by user:default/ada, approved by user:default/bo): Pager rota starts in January',
      evidence: [],
      remediation: { text: 'Fix oncall' },
      waiver: {
        source: 'exemption',
        exemptionId: 'ex-1',
        reason: 'Pager rota starts in January',
        expiresAt: '2026-12-31',
        requestedBy: 'user:default/ada',
        approvedBy: 'user:default/bo',
        link: 'https://tickets.example.com/OPS-1',
      },
    });
    expect(result.score).toBe(100);
    expect(result.level).toBe('silver');
    expect(result.counts.waived).toBe(1);
    expect(result.checks[0].status).toBe('pass');
  });

  it('applies through the last millisecond of its end date (UTC), and then says it expired', () => {
    const lastMoment = new Date('2026-12-31T23:59:59.999Z');
    const nextDay = new Date('2027-01-01T00:00:00.000Z');
    expect(evaluate(input(exemption), lastMoment).checks[1].status).toBe(
      'waived',
    );
    const after = evaluate(input(exemption), nextDay).checks[1];
    expect(after).toMatchObject({
      status: 'fail',
      reason:
        't.oncall is not set; exemption ex-1 expired on 2026-12-31: Pager rota starts in January',
    });
    expect(after.waiver).toBeUndefined();
  });

  it('uses the active exemption that ends last, and names the latest expired one', () => {
    const older = { ...exemption, id: 'ex-0', expiresAt: '2026-01-31' };
    const later = { ...exemption, id: 'ex-2', expiresAt: '2027-03-31' };
    expect(
      evaluate(input(older, exemption, later)).checks[1].waiver,
    ).toMatchObject({ exemptionId: 'ex-2', expiresAt: '2027-03-31' });
    const expiredLater = { ...older, id: 'ex-3', expiresAt: '2026-06-30' };
    expect(evaluate(input(older, expiredLater)).checks[1].reason).toBe(
      't.oncall is not set; exemption ex-3 expired on 2026-06-30: Pager rota starts in January',
    );
  });

  it('leaves checks it does not list, and passing checks keep no reason when it expired', () => {
    const onOwner = {
      ...exemption,
      checks: ['owner'],
      expiresAt: '2026-01-01',
    };
    const result = evaluate(input(onOwner));
    expect(result.checks[0]).toMatchObject({ status: 'pass' });
    expect(result.checks[0].reason).toBeUndefined();
    expect(result.checks[1].status).toBe('fail');
  });

  it('does not apply to a check the scorecard makes not exemptible, and says so', () => {
    const strict = scorecard([checks[0], { ...checks[1], exemptible: false }]);
    expect(evaluate(input(exemption), now, strict).checks[1]).toMatchObject({
      status: 'fail',
      reason:
        't.oncall is not set; exemption ex-1 does not apply: the scorecard does not allow exemptions from this check',
    });
  });

  it('never applies an end date that is not a date', () => {
    const broken = { ...exemption, expiresAt: 'next week' };
    expect(evaluate(input(broken)).checks[1].reason).toBe(
      't.oncall is not set; exemption ex-1 does not apply: its end date "next week" is not a date',
    );
  });

  it('comes after not-applicable and the scorecard waivers', () => {
    const waiver: WaiverDefinition = {
      check: 'oncall',
      entities: { 'metadata.name': 'svc' },
      reason: 'Legacy',
    };
    const waived = evaluate(input(exemption), now, scorecard(checks, [waiver]))
      .checks[1];
    expect(waived.waiver).toEqual({ source: 'scorecard', reason: 'Legacy' });
    const elsewhere = scorecard([
      checks[0],
      { ...checks[1], appliesTo: { 'spec.type': 'website' } },
    ]);
    expect(evaluate(input(exemption), now, elsewhere).checks[1].status).toBe(
      'not-applicable',
    );
  });

  it('names both an expired scorecard waiver and an expired exemption', () => {
    const waiver: WaiverDefinition = {
      check: 'oncall',
      entities: { 'metadata.name': 'svc' },
      reason: 'Legacy',
      expires: '2026-01-01',
    };
    const expired = { ...exemption, expiresAt: '2026-02-01' };
    expect(
      evaluate(input(expired), now, scorecard(checks, [waiver])).checks[1]
        .reason,
    ).toBe(
      't.oncall is not set; waiver expired on 2026-01-01: Legacy; exemption ex-1 expired on 2026-02-01: Pager rota starts in January',
    );
  });

  it('bounds the reason as waivers are', () => {
    const long = { ...exemption, reason: 'x'.repeat(2000) };
    const { reason, waiver } = evaluate(input(long)).checks[1];
    expect(reason).toHaveLength(RESULT_LIMITS.reasonLength);
    expect(reason!.endsWith('…')).toBe(true);
    // The waiver's copy of the reason is bounded too: every stored result
    // of the entity holds it.
    expect(waiver?.reason).toHaveLength(RESULT_LIMITS.reasonLength);
  });

  it('gives the same result without owner input as with none', () => {
    const card = scorecard(checks);
    const e = entity('svc', 'service');
    expect(evaluateScorecard(card, e, facts, now)).toEqual(
      evaluateScorecard(card, e, facts, now, input()),
    );
  });
});
