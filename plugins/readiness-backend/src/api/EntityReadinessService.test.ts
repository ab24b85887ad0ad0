import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityReadiness } from '@readiness/plugin-readiness-common';
import { EntityResultsReader, HistoryReader } from '../store';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { EntityReadinessService } from './EntityReadinessService';
import { RefreshRateLimiter } from './RefreshRateLimiter';
import { RelationEvidenceRedactor } from './RelationEvidenceRedactor';
import { ServiceAccessPolicy } from './ServiceAccessPolicy';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
};

describe('EntityReadinessService refresh', () => {
  it('joins a refresh of the entity that is already running', async () => {
    let finish: (readiness: EntityReadiness) => void = () => {};
    const evaluate = jest.fn(
      () =>
        new Promise<EntityReadiness>(resolve => {
          finish = resolve;
        }),
    );
    const service = new EntityReadinessService({
      catalog: catalogServiceMock({ entities: [checkout] }),
      entityResults: {} as EntityResultsReader,
      historyReader: {} as HistoryReader,
      evaluator: { evaluate } as Partial<EntityEvaluator> as EntityEvaluator,
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
      redactor: {
        redact: async (_: Entity, r: EntityReadiness) => r,
      } as Partial<RelationEvidenceRedactor> as RelationEvidenceRedactor,
      refreshAccess: {
        services: new ServiceAccessPolicy({
          refresh: new Set(),
          preview: new Set(),
          pushFacts: new Set(),
          drafts: new Set(),
        }),
        limiter: new RefreshRateLimiter({
          entityIntervalMs: 60_000,
          callerLimit: 30,
          callerWindowMs: 600_000,
          maxTracked: 100,
        }),
      },
    });
    const ref = { kind: 'component', namespace: 'default', name: 'checkout' };

    const first = service.refresh(
      ref,
      mockCredentials.user('user:default/ada'),
    );
    const second = service.refresh(
      ref,
      mockCredentials.user('user:default/bob'),
    );
    await new Promise(resolve => setTimeout(resolve, 10));
    const readiness = {
      entityRef: 'component:default/checkout',
      scorecards: [],
    };
    finish(readiness);

    await expect(first).resolves.toEqual(readiness);
    await expect(second).resolves.toEqual(readiness);
    expect(evaluate).toHaveBeenCalledTimes(1);

    // Once it has ended, a refresh runs again.
    const third = service.refresh(ref, mockCredentials.user('user:default/cy'));
    await new Promise(resolve => setTimeout(resolve, 10));
    finish(readiness);
    await third;
    expect(evaluate).toHaveBeenCalledTimes(2);
  });
});
