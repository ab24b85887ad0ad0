import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BUILT_IN_FACTS,
  DEFAULT_SCORECARD_LIMITS,
} from '@readiness/plugin-readiness-common';
import { ScorecardPreview } from './ScorecardPreview';
import { StoredFactsReader } from './StoredFactsReader';
import { ServiceAccessPolicy } from '../api/ServiceAccessPolicy';

const entities: Entity[] = Array.from({ length: 2000 }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `c${i}`, description: 'x'.repeat(200) },
  spec: { type: 'service', owner: 'team-a' },
}));

/** Twenty checks of patterns over the description: real work per entity. */
const draft = JSON.stringify({
  apiVersion: 'readiness/v1',
  kind: 'Scorecard',
  metadata: { name: 'draft', title: 'Draft', description: 'Draft' },
  spec: {
    appliesTo: { kind: 'component' },
    levels: [{ id: 'bronze', title: 'Bronze' }],
    categories: [{ id: 'docs', title: 'Docs' }],
    checks: Array.from({ length: 20 }, (_, i) => ({
      id: `c${i}`,
      title: `Check ${i}`,
      category: 'docs',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.description', matches: `^x+${i}$` },
      remediation: { text: 'Fix it.' },
    })),
  },
});

function previewOf(limits: { maxEntities?: number; maxChanges?: number }) {
  return new ScorecardPreview({
    catalog: catalogServiceMock({ entities }),
    // Answers at once, as a synchronous database driver does.
    entityResults: {
      getEntityResults: async () => ({
        entityEtag: null,
        results: new Map(),
        scorecardVersions: new Map(),
      }),
    },
    facts: new StoredFactsReader({
      catalogFacts: async entity => ({
        'catalog.description': {
          value: entity.metadata.description ?? null,
          source: 'catalog',
          observedAt: new Date().toISOString(),
        },
      }),
      collectors: () => [],
      factsCache: { getEntityFacts: async () => new Map() },
    }),
    knownFacts: () => BUILT_IN_FACTS,
    permissions: mockServices.permissions(),
    services: new ServiceAccessPolicy({
      refresh: new Set(),
      preview: new Set(),
      pushFacts: new Set(),
      drafts: new Set(),
    }),
    scorecardLimits: DEFAULT_SCORECARD_LIMITS,
    limits: {
      maxEntities: limits.maxEntities ?? 20_000,
      maxChanges: limits.maxChanges ?? 1000,
    },
  });
}

describe('ScorecardPreview', () => {
  const credentials = mockCredentials.user();

  it('yields the event loop between slices, however fast its reads answer', async () => {
    const preview = previewOf({});
    const scorecard = await preview.prepare(draft, credentials);
    let ticks = 0;
    let longestGap = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      ticks += 1;
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
    }, 1);

    const started = Date.now();
    const result = await preview.run(scorecard, credentials);
    const tookMs = Date.now() - started;
    clearInterval(timer);

    expect(result).toMatchObject({ evaluated: 2000, changed: 2000 });
    // Timers ran all along: no stretch without them much over a slice.
    expect(ticks).toBeGreaterThan(5);
    expect(longestGap).toBeLessThan(Math.max(100, tookMs / 5));
  });

  it('keeps the lowest scores when there are more changes than it lists', async () => {
    const preview = previewOf({ maxEntities: 300, maxChanges: 5 });
    const scorecard = await preview.prepare(draft, credentials);
    const result = await preview.run(scorecard, credentials);
    expect(result).toMatchObject({
      evaluated: 300,
      changed: 300,
      truncated: true,
    });
    expect(result.changes.map(c => c.entityRef)).toEqual([
      'component:default/c0',
      'component:default/c1',
      'component:default/c10',
      'component:default/c100',
      'component:default/c101',
    ]);
  });

  it('stops when its signal aborts, between slices', async () => {
    const preview = previewOf({});
    const scorecard = await preview.prepare(draft, credentials);
    const controller = new AbortController();
    const progress: number[] = [];
    const run = preview.run(scorecard, credentials, {
      signal: controller.signal,
      onProgress: evaluated => {
        progress.push(evaluated);
        controller.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow('stop');
    expect(progress.length).toBe(1);
    expect(progress[0]).toBeLessThan(2000);
  });
});
