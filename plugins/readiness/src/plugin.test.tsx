import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReadinessApi, readinessApiRef } from './api';
import { EntityReadinessCard, readinessPlugin } from './plugin';

describe('readiness plugin (legacy frontend system)', () => {
  it('registers the readiness API factory', () => {
    expect(readinessPlugin.getId()).toBe('readiness');
    const apiIds = [...readinessPlugin.getApis()].map(
      factory => factory.api.id,
    );
    expect(apiIds).toEqual(['plugin.readiness.service']);
  });

  it('provides the card as a lazily loaded extension', async () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'payments', namespace: 'default' },
    };
    const readinessApi: ReadinessApi = {
      getEntityReadiness: async () => ({
        entityRef: 'component:default/payments',
        scorecards: [],
      }),
      refreshEntityReadiness: jest.fn(),
    };

    await renderInTestApp(
      <TestApiProvider apis={[[readinessApiRef, readinessApi]]}>
        <EntityProvider entity={entity}>
          <EntityReadinessCard />
        </EntityProvider>
      </TestApiProvider>,
    );

    expect(
      await screen.findByText(/No readiness scorecard applies/),
    ).toBeInTheDocument();
  });
});
