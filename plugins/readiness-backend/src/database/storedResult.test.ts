import { Entity } from '@backstage/catalog-model';
import {
  catalogFacts,
  evaluateScorecard,
} from '@readiness/plugin-readiness-common';
import { loadScorecards } from '../scorecards/loadScorecards';
import { ConfigReader } from '@backstage/config';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import { fromStoredResult, toStoredResult } from './storedResult';

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
  const now = new Date('2026-11-25T10:00:00Z');
  const result = evaluateScorecard(
    definition,
    entity,
    catalogFacts(entity, now),
    now,
  );

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
});
