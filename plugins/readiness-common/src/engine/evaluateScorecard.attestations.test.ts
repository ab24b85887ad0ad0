import { AppliedAttestation } from '../ownerInput';
import { Condition, FactSet } from '../types';
import { evaluateCondition } from '../testUtils/evaluateCondition';
import {
  now,
  entity,
  factsOf,
  check,
  scorecard,
} from './__fixtures__/featureScorecard';
import { evaluateScorecard } from './evaluateScorecard';
import { RESULT_LIMITS } from './resultLimits';

describe('attestation conditions', () => {
  const rehearsal: AppliedAttestation = {
    id: 'att-1',
    attestation: 'dr-rehearsed',
    statement: 'Failed over to eu-west-2 on the game day; RTO 40 minutes.',
    requestedBy: 'user:default/ada',
    attestedAt: '2026-06-01T09:30:00.000Z',
    link: 'https://wiki.example.com/dr-2026',
  };
  const rehearsed: Condition = { attestation: 'dr-rehearsed', maxAge: '180d' };
  const evaluate = (
    condition: Condition,
    attestations: AppliedAttestation[],
    facts: FactSet = {},
  ) =>
    evaluateScorecard(
      scorecard([check('dr', condition)]),
      entity('svc', 'service'),
      facts,
      now,
      { exemptions: [], attestations },
    ).checks[0];

  it('passes on a recent attestation, attested, with the statement as evidence', () => {
    expect(evaluate(rehearsed, [rehearsal])).toMatchObject({
      status: 'pass',
      basis: 'attested',
      evidence: [
        {
          fact: 'attestation.dr-rehearsed',
          value: rehearsal.statement,
          source: 'attestation',
          observedAt: '2026-06-01T09:30:00.000Z',
        },
      ],
    });
    expect(evaluate(rehearsed, [rehearsal]).reason).toBeUndefined();
  });

  it('is unknown without one, saying the owners can attest it', () => {
    const other = { ...rehearsal, attestation: 'load-tested' };
    expect(evaluate(rehearsed, [other])).toMatchObject({
      status: 'unknown',
      reason:
        'no attestation "dr-rehearsed" yet: the owners can attest it on the Readiness tab',
      evidence: [],
    });
    expect(evaluate(rehearsed, []).basis).toBeUndefined();
  });

  it('is unknown once older than maxAge, naming its date', () => {
    const old = { ...rehearsal, attestedAt: '2026-05-28T10:00:00Z' };
    expect(evaluate(rehearsed, [old])).toMatchObject({
      status: 'unknown',
      reason: 'attestation "dr-rehearsed" of 2026-05-28 is older than 180d',
      evidence: [{ observedAt: '2026-05-28T10:00:00Z' }],
    });
    // 180 days exactly is not older than 180 days.
    const edge = { ...rehearsal, attestedAt: '2026-05-29T10:00:00Z' };
    expect(evaluate(rehearsed, [edge]).status).toBe('pass');
  });

  it('never ages without maxAge', () => {
    const ancient = { ...rehearsal, attestedAt: '2001-01-01T00:00:00Z' };
    expect(evaluate({ attestation: 'dr-rehearsed' }, [ancient]).status).toBe(
      'pass',
    );
  });

  it('is decided by the newest attestation of that id, whatever the order', () => {
    const old = {
      ...rehearsal,
      id: 'att-0',
      attestedAt: '2025-01-01T00:00:00Z',
    };
    const newer = {
      ...rehearsal,
      id: 'att-2',
      statement: 'Again in November.',
      attestedAt: '2026-11-01T00:00:00Z',
    };
    for (const order of [
      [old, newer, rehearsal],
      [rehearsal, newer, old],
    ]) {
      expect(evaluate(rehearsed, order).evidence[0].value).toBe(
        'Again in November.',
      );
    }
    const unreadable = { ...rehearsal, attestedAt: 'yesterday' };
    expect(evaluate(rehearsed, [unreadable]).status).toBe('unknown');
  });

  it('bounds the statement in the evidence, and records it once per check', () => {
    const long = { ...rehearsal, statement: 'y'.repeat(5000) };
    const result = evaluate({ all: [rehearsed, rehearsed] }, [long]);
    expect(result.evidence).toHaveLength(1);
    expect(result.evidence[0].value).toHaveLength(RESULT_LIMITS.reasonLength);
  });

  it('ranks attested between declared and verified when combined', () => {
    const facts: FactSet = {
      ...factsOf({ 't.verified': 'yes' }),
      'catalog.tags': {
        value: ['dr'],
        source: 'catalog',
        observedAt: now.toISOString(),
      },
    };
    const verified: Condition = { fact: 't.verified', exists: true };
    const declared: Condition = { fact: 'catalog.tags', contains: 'dr' };
    const basis = (condition: Condition) =>
      evaluate(condition, [rehearsal], facts).basis;
    expect(basis({ all: [rehearsed, verified] })).toBe('attested');
    expect(basis({ all: [rehearsed, declared] })).toBe('declared');
    expect(basis({ any: [rehearsed, declared] })).toBe('attested');
    expect(basis({ any: [rehearsed, verified] })).toBe('verified');
    expect(basis({ firstKnown: [rehearsed, verified] })).toBe('attested');
    expect(basis({ not: { not: rehearsed } })).toBe('attested');
  });

  it('falls back, with firstKnown, to the next condition when none is recent', () => {
    const facts = factsOf({ 't.plan': 'https://wiki.example.com/dr' });
    const condition: Condition = {
      firstKnown: [rehearsed, { fact: 't.plan', exists: true }],
    };
    expect(evaluate(condition, [], facts)).toMatchObject({
      status: 'pass',
      basis: 'verified',
    });
  });

  it('works through evaluateCondition too, and rejects an invalid maxAge', () => {
    expect(evaluateCondition(rehearsed, {}, now, {}, [rehearsal]).outcome).toBe(
      true,
    );
    expect(() =>
      evaluateCondition({ attestation: 'x', maxAge: 'soon' }, {}, now),
    ).toThrow('Condition on attestation x has an invalid maxAge "soon"');
  });
});
