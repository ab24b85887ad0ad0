import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import type {
  RecordedChange,
  ResultChangeListener,
} from '../../campaigns/campaignListeners';
import { createTestStores } from '../../__testUtils__/testStores';
import {
  attributes,
  result,
  SCORECARD,
  stored,
} from '../../__testUtils__/storeFixtures';
import { CAMPAIGN_SNAPSHOTS_TABLE } from '../tables';
import { DatabaseResultWriter } from './DatabaseResultWriter';

jest.setTimeout(60_000);

const entity = {
  ref: 'component:default/checkout',
  etag: 'e1',
  attributes: attributes({ owner: 'group:default/team-a' }),
};

/**
 * A listener that writes a row per change in the write's transaction (in
 * a table that takes any key) and keeps what it is told after the commit.
 */
function recordingListener() {
  const committed: RecordedChange[][] = [];
  const listener: ResultChangeListener = {
    async inTransaction(tx, changes) {
      await tx(CAMPAIGN_SNAPSHOTS_TABLE).insert(
        changes.map((c, i) => ({
          campaign_id: c.entityRef,
          day: `0000-00-0${i}`,
          targeted: 1,
          met: 0,
        })),
      );
    },
    async afterCommit(changes) {
      committed.push(changes);
    },
  };
  return { listener, committed };
}

const listenerRows = (knex: Knex) =>
  knex(CAMPAIGN_SNAPSHOTS_TABLE).pluck('campaign_id');

describe('DatabaseResultWriter listeners', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'are told of the changes recorded, in the transaction and after the commit, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const { listener, committed } = recordingListener();
      stores.resultWriter.addListener(listener);
      const written = stored(result(SCORECARD, 50, { x: 'fail' }));

      await stores.resultWriter.replaceEntityResults(entity, [written]);

      await expect(listenerRows(knex)).resolves.toEqual([entity.ref]);
      const history = await stores.history.getEntityHistory(entity.ref, {
        limit: 10,
      });
      expect(committed).toEqual([
        [
          {
            entityRef: entity.ref,
            owner: 'group:default/team-a',
            change: history[0],
            result: written.result,
          },
        ],
      ]);

      // Nothing recorded, nothing told.
      await stores.resultWriter.replaceEntityResults(entity, [
        stored({ ...written.result, evaluatedAt: '2026-11-26T10:00:00.000Z' }),
      ]);
      expect(committed).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'write with the results or not at all, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const { listener, committed } = recordingListener();
      stores.resultWriter.addListener(listener);
      stores.resultWriter.addListener({
        async inTransaction() {
          throw new Error('outbox full');
        },
      });

      await expect(
        stores.resultWriter.replaceEntityResults(entity, [
          stored(result(SCORECARD, 50, { x: 'fail' })),
        ]),
      ).rejects.toThrow('outbox full');

      await expect(listenerRows(knex)).resolves.toEqual([]);
      const afterFailure = await stores.entityResults.getEntityResults(
        entity.ref,
      );
      expect(afterFailure.results.size).toBe(0);
      expect(committed).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'that fail after the commit are logged, and the write stands, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const logger = mockServices.logger.mock();
      const writer = new DatabaseResultWriter(knex, { logger });
      const { listener, committed } = recordingListener();
      writer.addListener({
        async afterCommit() {
          throw new Error('events unavailable');
        },
      });
      writer.addListener(listener);

      await expect(
        writer.replaceEntityResults(entity, [
          stored(result(SCORECARD, 50, { x: 'fail' })),
        ]),
      ).resolves.toEqual({ skipped: 0 });

      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('events unavailable'),
      );
      expect(committed).toHaveLength(1);
      const written = await stores.entityResults.getEntityResults(entity.ref);
      expect(written.results.size).toBe(1);
    },
  );
});
