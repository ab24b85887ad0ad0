import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import readinessPlugin from './alpha';
import { ReadinessApi, readinessApiRef } from './api';

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'payments', namespace: 'default' },
});

const card = readinessPlugin.getExtension('entity-card:readiness/readiness');

describe('readiness plugin (new frontend system)', () => {
  it('provides the readiness API and card', () => {
    expect(readinessPlugin.pluginId).toBe('readiness');
    expect(readinessPlugin.getExtension('api:readiness')).toBeDefined();
    expect(card).toBeDefined();
  });

  it('puts the card in the overview content of components only', () => {
    const tester = createExtensionTester(card);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(filter(entity('Component'))).toBe(true);
    expect(filter(entity('API'))).toBe(false);
    expect(filter(entity('System'))).toBe(false);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
  });

  it('renders the card with results from the readiness API', async () => {
    const readinessApi: ReadinessApi = {
      getEntityReadiness: async () => ({
        entityRef: 'component:default/payments',
        scorecards: [],
      }),
      refreshEntityReadiness: jest.fn(),
    };
    const tester = createExtensionTester(card);

    await renderInTestApp(
      <EntityProvider entity={entity('Component')}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[readinessApiRef, readinessApi]] },
    );

    expect(
      await screen.findByRole('heading', { name: 'Readiness' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No readiness scorecard applies/),
    ).toBeInTheDocument();
  });
});
