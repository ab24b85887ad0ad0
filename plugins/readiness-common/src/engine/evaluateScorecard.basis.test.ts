import { Condition, FactSet, FactValue } from '../types';
import { now, entity, check, scorecard } from './__fixtures__/featureScorecard';
import { evaluateScorecard } from './evaluateScorecard';

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
