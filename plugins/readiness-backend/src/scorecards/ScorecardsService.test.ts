import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { ConfigReader } from '@backstage/config';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import { CheckStatusCounts, StandingQueries } from '../store';
import { loadScorecards } from './loadScorecards';
import { ScorecardRegistry } from './ScorecardRegistry';
import { ScorecardsService } from './ScorecardsService';

const SCORECARD = 'production-readiness';

describe('ScorecardsService', () => {
  const registry = new ScorecardRegistry(
    () => loadScorecards(new ConfigReader({}), BUILT_IN_FACTS),
    mockServices.logger.mock(),
  );
  const standing: StandingQueries = {
    getScorecardStanding: async (_id, visible) => ({
      entities: visible ? visible.size : 4,
      averageScore: 50,
      levelCounts: { none: 4 },
      waivedChecks: 0,
    }),
    getCheckStatusCounts: async (): Promise<CheckStatusCounts> =>
      new Map([
        [
          'owner-set',
          { pass: 3, fail: 1, unknown: 0, 'not-applicable': 0, waived: 0 },
        ],
      ]),
  };
  const service = new ScorecardsService(registry, standing);

  it('requires a scorecard in force, with a NotFoundError otherwise', () => {
    expect(service.requireScorecard(SCORECARD).scorecard.id).toBe(SCORECARD);
    expect(() => service.requireScorecard('nope')).toThrow(NotFoundError);
  });

  it('lists the scorecards with their standing over the visible entities', async () => {
    const list = await service.list(new Set(['component:default/a']));
    const overview = list.items.find(item => item.id === SCORECARD);
    expect(overview).toMatchObject({ entities: 1, averageScore: 50 });
    expect(list.items.length).toBe(registry.list().length);
  });

  it('details a scorecard with the pass rate of each check', async () => {
    const details = await service.get(SCORECARD);
    expect(details.scorecard).toMatchObject({ id: SCORECARD, entities: 4 });
    const owner = details.checks.find(check => check.id === 'owner-set');
    expect(owner?.passRate).toBe(0.75);
    const others = details.checks.filter(check => check.id !== 'owner-set');
    expect(others.every(check => check.passRate === null)).toBe(true);
    await expect(service.get('nope')).rejects.toThrow(NotFoundError);
  });
});
