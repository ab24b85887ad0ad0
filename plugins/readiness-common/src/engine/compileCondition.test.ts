import { Condition, FactSet } from '../types';
import { evaluateCondition } from '../testUtils/evaluateCondition';
import { facts, now, observedAt } from './__fixtures__/conditionFacts';
import { CheckOutcome } from './evaluationContext';

describe('compileCondition', () => {
  const yes = { fact: 'catalog.owner', exists: true };
  const no = { fact: 'catalog.system', exists: true };
  const unknown = { fact: 'not.collected', exists: true };

  it.each([
    [{ all: [yes, yes] }, true],
    [{ all: [yes, no] }, false],
    [{ all: [unknown, no] }, false],
    [{ all: [unknown, yes] }, 'unknown'],
    [{ any: [no, yes] }, true],
    [{ any: [unknown, yes] }, true],
    [{ any: [unknown, no] }, 'unknown'],
    [{ any: [no, no] }, false],
    [{ not: yes }, false],
    [{ not: no }, true],
    [{ not: unknown }, 'unknown'],
  ])('combines %j as %p', (condition, outcome) => {
    expect(evaluateCondition(condition, facts, now).outcome).toBe(outcome);
  });

  it('gives the reasons of the parts that decided a failure', () => {
    const result = evaluateCondition({ all: [yes, no, unknown] }, facts, now);
    expect(result.reasons).toEqual(['catalog.system is not set']);
    expect(result.evidence.map(e => e.fact)).toEqual([
      'catalog.owner',
      'catalog.system',
    ]);
  });

  it('rejects a leaf without an operator', () => {
    expect(() =>
      evaluateCondition({ fact: 'catalog.owner' }, facts, now),
    ).toThrow('Condition on catalog.owner has no operator');
  });

  it('rejects a leaf with more than one operator', () => {
    expect(() =>
      evaluateCondition(
        { fact: 'catalog.owner', equals: 'a', in: ['a'] },
        facts,
        now,
      ),
    ).toThrow(
      'Condition on catalog.owner has more than one operator: equals, in',
    );
  });

  it('rejects an unsafe pattern and an invalid maxAge, naming the leaf', () => {
    expect(() =>
      evaluateCondition(
        { fact: 'catalog.owner', matches: '(a)\\1' },
        facts,
        now,
      ),
    ).toThrow(
      'Condition on catalog.owner: Unusable pattern /(a)\\1/: backreferences are not allowed: \\1',
    );
    expect(() =>
      evaluateCondition(
        { fact: 'catalog.annotations', key: 'a', maxAge: 'P1M', exists: true },
        facts,
        now,
      ),
    ).toThrow(
      'Condition on catalog.annotations[a] has an invalid maxAge "P1M"',
    );
  });
});

describe('compileCondition with firstKnown', () => {
  const verified: FactSet = {
    ...facts,
    'pagerduty.onCall': { value: [], source: 'pagerduty', observedAt },
  };
  const declared: Condition = {
    fact: 'catalog.annotations',
    key: 'pagerduty.com/service-id',
    exists: true,
  };

  it('lets verified evidence decide, even against what is declared', () => {
    const result = evaluateCondition(
      { firstKnown: [{ fact: 'pagerduty.onCall', exists: true }, declared] },
      verified,
      now,
    );
    expect(result.outcome).toBe(false);
    expect(result.reasons).toEqual(['pagerduty.onCall is not set']);
    // Both facts are shown, the declared one too.
    expect(result.evidence.map(e => e.fact)).toEqual([
      'pagerduty.onCall',
      'catalog.annotations',
    ]);
  });

  it('falls back to declared evidence when the integration cannot tell', () => {
    expect(
      evaluateCondition(
        { firstKnown: [{ fact: 'pagerduty.onCall', exists: true }, declared] },
        facts,
        now,
      ).outcome,
    ).toBe(true);
  });

  it('is unknown, with every reason, when no part can tell', () => {
    expect(
      evaluateCondition(
        {
          firstKnown: [
            { fact: 'pagerduty.onCall', exists: true },
            { fact: 'github.workflows', exists: true },
          ],
        },
        facts,
        now,
      ),
    ).toMatchObject({
      outcome: 'unknown',
      reasons: [
        'fact pagerduty.onCall was not collected',
        'fact github.workflows was not collected',
      ],
    });
  });
});

describe('compileCondition with check references', () => {
  // A reference reads only the status: the reasons of the referenced check
  // are in its own result.
  const checks: Record<string, CheckOutcome> = {
    passing: { status: 'pass' },
    waived: { status: 'waived' },
    skipped: { status: 'not-applicable' },
    runbook: { status: 'fail' },
    oncall: { status: 'unknown' },
  };
  const evaluate = (condition: Condition) =>
    evaluateCondition(condition, facts, now, checks);

  it.each([
    ['passing', true, []],
    ['waived', true, []],
    ['skipped', true, []],
    ['runbook', false, ['check runbook fails']],
    ['oncall', 'unknown', ['check oncall is unknown']],
  ])('reads check %s as %p', (check, outcome, reasons) => {
    expect(evaluate({ check })).toEqual({ outcome, evidence: [], reasons });
  });

  it('combines references with Kleene logic', () => {
    expect(
      evaluate({ any: [{ check: 'oncall' }, { check: 'passing' }] }).outcome,
    ).toBe(true);
    expect(
      evaluate({ all: [{ check: 'oncall' }, { check: 'runbook' }] }).outcome,
    ).toBe(false);
    expect(evaluate({ not: { check: 'oncall' } }).outcome).toBe('unknown');
    expect(evaluate({ not: { check: 'runbook' } }).outcome).toBe(true);
  });

  it('rejects a reference to a check it does not know', () => {
    expect(() => evaluate({ check: 'nope' })).toThrow(
      'Condition refers to unknown check nope',
    );
  });
});
