import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuditorService } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import { checkout } from '../__testUtils__/catalogEntities';
import {
  decision,
  ENTITY,
  exemptionRequest,
} from '../__testUtils__/ownerInputFixtures';
import { testEvaluator } from '../__testUtils__/testEvaluator';
import { storesOn } from '../__testUtils__/testStores';
import { ExemptionExpiry } from './ExemptionExpiry';

jest.setTimeout(60_000);

/** One check, `runbook`, that fails for checkout. */
const SCORECARD: ScorecardDefinition = {
  id: 'production-readiness',
  title: 'Production readiness',
  description: '',
  appliesTo: { kind: 'component' },
  levels: [{ id: 'bronze', title: 'Bronze' }],
  categories: [{ id: 'ops', title: 'Ops' }],
  checks: [
    {
      id: 'runbook',
      title: 'Runbook',
      category: 'ops',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.tags', contains: 'runbook' },
      remediation: { text: 'Write one.' },
    },
  ],
};

/** An auditor that keeps the ids of the events that succeeded. */
function recordingAuditor(): AuditorService & { succeeded: string[] } {
  const succeeded: string[] = [];
  return {
    succeeded,
    async createEvent({ eventId }) {
      return {
        success: async () => {
          succeeded.push(eventId);
        },
        fail: async () => {},
      };
    },
  };
}

describe('ExemptionExpiry', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'marks exemptions past their end date expired, audits them and re-evaluates at once, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      let now = new Date('2026-12-09T12:00:00Z');
      const evaluator = testEvaluator({
        stores,
        scorecards: [SCORECARD],
        now: () => now,
      });
      const pending = await stores.ownerInput.create(
        exemptionRequest({ expiresAt: '2026-12-10' }),
      );
      await stores.ownerInput.decide('exemption', pending.id, decision());
      const waived = await evaluator.evaluate(checkout);
      expect(waived.scorecards[0].checks[0].status).toBe('waived');

      const auditor = recordingAuditor();
      const expiry = new ExemptionExpiry({
        store: stores.ownerInput,
        catalog: catalogServiceMock({ entities: [checkout] }),
        auth: mockServices.auth(),
        evaluator,
        auditor,
        logger: mockServices.logger.mock(),
        now: () => now,
      });
      // The end date itself still counts.
      now = new Date('2026-12-10T23:59:00Z');
      await expect(expiry.run()).resolves.toBe(0);

      now = new Date('2026-12-11T00:05:00Z');
      await expect(expiry.run()).resolves.toBe(1);
      await expect(expiry.run()).resolves.toBe(0);

      const expired = await stores.ownerInput.get('exemption', pending.id);
      expect(expired?.status).toBe('expired');
      expect(expired?.events.map(e => [e.action, e.actor])).toEqual([
        ['requested', 'user:default/alice'],
        ['approved', 'user:default/bob'],
        ['expired', null],
      ]);
      expect(auditor.succeeded).toEqual(['exemption-expiry']);
      const [latest] = await stores.history.getEntityHistory(ENTITY, {
        limit: 1,
      });
      expect(latest).toMatchObject({
        cause: 'exemption',
        checks: [{ check: 'runbook', before: 'waived', after: 'fail' }],
      });
      expect(latest.note).toContain(`exemption ${pending.id} ended`);
      const stored = await stores.entityResults.getEntityResults(ENTITY);
      expect(
        stored.results.get('production-readiness')?.checks[0].reason,
      ).toContain(`exemption ${pending.id} expired on 2026-12-10`);
    },
  );
});
