import { Entity } from '@backstage/catalog-model';
import {
  catalogFacts,
  evaluateScorecard,
} from '@readiness/plugin-readiness-common';
import { loadScorecards } from '../scorecards/loadScorecards';
import { ConfigReader } from '@backstage/config';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import {
  fromStoredResult,
  parseStoredResult,
  storedResultJson,
  toStoredResult,
} from './storedResult';

describe('stored results', () => {
  const definition = loadScorecards(
    new ConfigReader({}),
    BUILT_IN_FACTS,
  ).scorecards.find(s => s.scorecard.id === 'production-readiness')!.scorecard;
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      description: 'Takes payments',
      annotations: { 'pagerduty.com/service-id': 'P1' },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
  const evaluatedAt = (time: Date) =>
    evaluateScorecard(definition, entity, catalogFacts(entity, time), time);
  const result = evaluatedAt(new Date('2026-11-25T10:00:00Z'));

  it('come back whole from the definition they were computed with', () => {
    const stored = JSON.parse(JSON.stringify(toStoredResult(result)));
    expect(fromStoredResult(stored, definition)).toEqual(result);
  });

  it('leave out what the definition says, the bulk of a result', () => {
    const full = JSON.stringify(result).length;
    const stored = JSON.stringify(toStoredResult(result)).length;
    expect(stored).toBeLessThan(full / 2);
    expect(JSON.stringify(toStoredResult(result))).not.toContain(
      definition.checks[0].remediation.text,
    );
  });

  it('keep the same JSON when only the time of evaluation differs', () => {
    const again = evaluatedAt(new Date('2026-11-26T10:00:00Z'));
    const json = storedResultJson(toStoredResult(again));
    expect(json).toBe(storedResultJson(toStoredResult(result)));
    expect(json).not.toContain('2026-11-2');
    expect(parseStoredResult(json, again.evaluatedAt)).toEqual(
      toStoredResult(again),
    );
  });

  it('keep observation times that differ from the evaluation', () => {
    const stored = toStoredResult(result);
    const evidence = stored.checks.find(c => c.evidence.length > 0)!.evidence;
    evidence[0] = { ...evidence[0], observedAt: '2026-11-01T00:00:00.000Z' };
    const json = storedResultJson(stored);
    expect(parseStoredResult(json, stored.evaluatedAt)).toEqual(stored);
  });
});
