import { mockServices } from '@backstage/backend-test-utils';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { CatalogChangeScan } from './CatalogChangeScan';
import { ScorecardReload } from './ScorecardReload';

function setUp(changed: boolean, trigger = jest.fn(async () => {})) {
  const changeScan = { forgetUnscored: jest.fn() };
  const logger = mockServices.logger.mock();
  const reload = new ScorecardReload({
    registry: { reload: () => changed } as unknown as ScorecardRegistry,
    changeScan: changeScan as unknown as CatalogChangeScan,
    logger,
    frequencyMs: 60_000,
  });
  return { reload, changeScan, logger, scheduler: { triggerTask: trigger } };
}

describe('ScorecardReload', () => {
  it('does nothing when the scorecards did not change', async () => {
    const { reload, changeScan, scheduler } = setUp(false);
    await reload.run(scheduler);
    expect(changeScan.forgetUnscored).not.toHaveBeenCalled();
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
  });

  it('re-evaluates the whole catalog at once when they changed', async () => {
    const { reload, changeScan, scheduler } = setUp(true);
    await reload.run(scheduler);
    // A changed scorecard may now apply to entities set aside as unscored.
    expect(changeScan.forgetUnscored).toHaveBeenCalled();
    expect(scheduler.triggerTask).toHaveBeenCalledWith(
      'readiness-evaluate-catalog',
    );
  });

  it('logs, and does not fail, when the catalog run cannot start now', async () => {
    const { reload, logger, scheduler } = setUp(
      true,
      jest.fn(async () => {
        throw new Error('task is already running');
      }),
    );
    await expect(reload.run(scheduler)).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('task is already running'),
    );
  });
});
