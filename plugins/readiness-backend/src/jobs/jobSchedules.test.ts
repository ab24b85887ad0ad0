import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { EntityResultsReader, ResultsRetention, ResultWriter } from '../store';
import { CampaignQueries } from '../store/campaigns/CampaignQueries';
import { CampaignTracker } from './CampaignTracker';
import { CatalogChangeScan } from './CatalogChangeScan';
import { CatalogEvaluationRun } from './CatalogEvaluationRun';
import { ScorecardReload } from './ScorecardReload';

/** The task each job schedules, by id. */
async function scheduledTasks(config: object) {
  const root = new ConfigReader(config);
  const deps = {
    catalog: {} as never,
    auth: mockServices.auth(),
    entityResults: {} as EntityResultsReader,
    resultWriter: {} as ResultWriter,
    retention: {} as ResultsRetention,
    evaluator: {} as EntityEvaluator,
    logger: mockServices.logger.mock(),
  };
  const changeScan = CatalogChangeScan.fromConfig(root, deps);
  const scheduler = mockServices.scheduler.mock();
  await CatalogEvaluationRun.fromConfig(root, deps).schedule(scheduler);
  await changeScan.schedule(scheduler);
  await ScorecardReload.fromConfig(root, {
    registry: {} as ScorecardRegistry,
    changeScan,
    logger: deps.logger,
  }).schedule(scheduler);
  await CampaignTracker.fromConfig(root, {
    campaigns: () => [],
    queries: {} as CampaignQueries,
    logger: deps.logger,
  }).schedule(scheduler);
  return new Map(
    scheduler.scheduleTask.mock.calls.map(([task]) => [
      task.id,
      task as SchedulerServiceTaskScheduleDefinition & { scope?: string },
    ]),
  );
}

describe('scheduled jobs', () => {
  it('run the catalog every 30 minutes, scan for changes every minute, reload scorecards every minute and track campaigns every 15 minutes, by default', async () => {
    const tasks = await scheduledTasks({});
    expect(tasks.get('readiness-evaluate-catalog')).toMatchObject({
      frequency: { minutes: 30 },
      timeout: { minutes: 30 },
      initialDelay: { seconds: 5 },
    });
    expect(tasks.get('readiness-detect-changes')).toMatchObject({
      frequency: { minutes: 1 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 1 },
    });
    // Every replica holds its own scorecards, so each reloads them.
    expect(tasks.get('readiness-reload-scorecards')).toMatchObject({
      scope: 'local',
      frequency: { milliseconds: 60_000 },
    });
    expect(tasks.get('readiness.campaignTracker')).toMatchObject({
      frequency: { minutes: 15 },
    });
  });

  it('read their schedules from readiness.schedule, .changeDetection, .scorecardReload and .campaignTracker', async () => {
    const tasks = await scheduledTasks({
      readiness: {
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 50 } },
        changeDetection: { frequency: { seconds: 20 }, timeout: '1m' },
        scorecardReload: { seconds: 30 },
        campaignTracker: { frequency: { hours: 1 }, timeout: '5m' },
      },
    });
    expect(tasks.get('readiness-evaluate-catalog')).toMatchObject({
      frequency: { hours: 1 },
      timeout: { minutes: 50 },
    });
    expect(tasks.get('readiness-detect-changes')).toMatchObject({
      frequency: { seconds: 20 },
    });
    expect(tasks.get('readiness-reload-scorecards')).toMatchObject({
      frequency: { milliseconds: 30_000 },
    });
    expect(tasks.get('readiness.campaignTracker')).toMatchObject({
      frequency: { hours: 1 },
    });
  });

  it('name the key when a schedule is wrong', async () => {
    await expect(
      scheduledTasks({ readiness: { schedule: { frequency: 'often' } } }),
    ).rejects.toThrow(/frequency/);
  });
});
