import { Entity } from '@backstage/catalog-model';
import { hideEntitiesFromUsers } from '../__testUtils__/hideEntitiesFromUsers';
import { manyChecksScorecard } from '../__testUtils__/manyChecksScorecard';
import {
  ActionsTestBackend,
  startActionsBackend,
} from '../__testUtils__/startActionsBackend';
import { MAX_OUTPUT_CHARS } from './outputBounds';

jest.setTimeout(60_000);

/** Bronze asks a description, silver TechDocs, gold an annotation. */
const tiers = {
  apiVersion: 'readiness/v1',
  kind: 'Scorecard',
  metadata: { name: 'tiers', title: 'Tiers', description: 'Three levels' },
  spec: {
    appliesTo: { kind: 'component' },
    levels: ['bronze', 'silver', 'gold'].map(id => ({ id, title: id })),
    categories: [{ id: 'docs', title: 'Docs' }],
    checks: [
      ['described', 'bronze', { fact: 'catalog.description', exists: true }],
      [
        'techdocs',
        'silver',
        {
          fact: 'catalog.annotations',
          key: 'backstage.io/techdocs-ref',
          exists: true,
        },
      ],
      [
        'golden',
        'gold',
        { fact: 'catalog.annotations', key: 'example.com/gold', exists: true },
      ],
    ]
      .map(([id, level, condition]) => ({
        id,
        title: `Check ${id}`,
        category: 'docs',
        level,
        weight: 1,
        condition,
        remediation: { text: 'Fix it.' },
      }))
      // Advisory: fails everywhere, and keeps no entity below a level.
      .concat({
        id: 'someday',
        title: 'Check someday',
        category: 'docs',
        level: 'bronze',
        weight: 1,
        enforcement: 'advisory',
        condition: { fact: 'catalog.annotations', key: 'x', exists: true },
        remediation: { text: 'Later.' },
      } as any),
  },
};

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
  description?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations, ...(description && { description }) },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

const techdocs = { 'backstage.io/techdocs-ref': 'dir:.' };
const entities = [
  component('none-a', 'team-a'),
  component('bronze-a', 'team-a', {}, 'Described'),
  component('silver-a', 'team-a', techdocs, 'Described'),
  component('gold-a', 'team-a', { ...techdocs, 'example.com/gold': 'y' }, 'D'),
  component('bronze-b', 'team-b', {}, 'Described'),
  component('secret-a', 'team-a'),
];

async function evaluated(backend: ActionsTestBackend, names: string[]) {
  for (const entityRef of names) {
    await backend.invoke('get-entity-readiness', { entityRef });
  }
}

describe('action list-entities-below', () => {
  let backend: ActionsTestBackend;
  beforeAll(async () => {
    backend = await startActionsBackend({
      entities,
      config: { readiness: { scorecards: [{ inline: tiers }] } },
    });
    await evaluated(
      backend,
      entities.map(e => e.metadata.name),
    );
    hideEntitiesFromUsers(backend.catalog, e => e.metadata.name === 'secret-a');
  });
  const list = (input: object) =>
    backend.invoke('list-entities-below', { scorecard: 'tiers', ...input });

  it('lists the entities of an owner below a level, with the checks that keep them there', async () => {
    const output = await list({ level: 'silver', owner: 'team-a' });
    expect(output).toEqual({
      scorecard: 'tiers',
      level: { id: 'silver', title: 'silver' },
      entities: [
        {
          entityRef: 'component:default/none-a',
          score: 0,
          level: null,
          evaluatedAt: expect.any(String),
          openChecks: [
            {
              id: 'described',
              title: 'Check described',
              level: 'bronze',
              status: 'fail',
            },
            {
              id: 'techdocs',
              title: 'Check techdocs',
              level: 'silver',
              status: 'fail',
            },
          ],
          moreOpenChecks: 0,
        },
        {
          entityRef: 'component:default/bronze-a',
          score: expect.any(Number),
          level: { id: 'bronze', title: 'bronze' },
          evaluatedAt: expect.any(String),
          openChecks: [
            {
              id: 'techdocs',
              title: 'Check techdocs',
              level: 'silver',
              status: 'fail',
            },
          ],
          moreOpenChecks: 0,
        },
      ],
      nextCursor: null,
    });
    const refs = async (input: object) =>
      (await list(input)).entities.map((e: { entityRef: string }) =>
        e.entityRef.replace('component:default/', ''),
      );
    await expect(refs({ level: 'bronze' })).resolves.toEqual(['none-a']);
    await expect(
      refs({ level: 'gold', owner: 'group:default/team-a', kind: 'Component' }),
    ).resolves.toEqual(['none-a', 'bronze-a', 'silver-a']);
    await expect(refs({ level: 'gold', owner: 'team-b' })).resolves.toEqual([
      'bronze-b',
    ]);
  });

  it('pages with the cursor it answers, and refuses a cursor not its own', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const output = await list({ level: 'gold', limit: 1, cursor });
      seen.push(...output.entities.map((e: any) => e.entityRef));
      cursor = output.nextCursor ?? undefined;
      if (!cursor) {
        break;
      }
    }
    expect(seen.sort()).toEqual(
      ['bronze-a', 'bronze-b', 'none-a', 'silver-a'].map(
        n => `component:default/${n}`,
      ),
    );
    const first = await list({ level: 'gold', limit: 1 });
    await expect(
      list({ level: 'silver', limit: 1, cursor: first.nextCursor }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'Invalid cursor: pass the nextCursor of a previous list-entities-below answer, with the same other input',
    });
  });

  it('takes the level by id or by title, in any case', async () => {
    const byId = await list({ level: 'silver', owner: 'team-a' });
    for (const level of ['Silver', ' SILVER ']) {
      await expect(list({ level, owner: 'team-a' })).resolves.toEqual(byId);
    }
  });

  it('refuses an unknown scorecard or level, saying what was meant', async () => {
    await expect(list({ level: 'silvr' })).rejects.toMatchObject({
      name: 'InputError',
      message:
        'Unknown level "silvr" of scorecard tiers (did you mean "silver"?)',
    });
    await expect(list({ level: 'platinum' })).rejects.toMatchObject({
      message:
        'Unknown level "platinum" of scorecard tiers (levels: bronze, silver, gold)',
    });
    await expect(
      list({ scorecard: 'tier', level: 'gold' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'Unknown scorecard "tier" (did you mean "tiers"?)',
    });
  });

  it('leaves out the entities the caller may not read', async () => {
    const output = await list({ level: 'gold', owner: 'team-a', limit: 50 });
    const refs = output.entities.map((e: any) => e.entityRef);
    expect(refs).toContain('component:default/none-a');
    expect(refs).not.toContain('component:default/secret-a');
  });
});

describe('action list-entities-below, bounds', () => {
  it('keeps a page of 50 entities with 100 open checks each within its size', async () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      component(`service-${i}`, 'team-a'),
    );
    const backend = await startActionsBackend({
      entities: many,
      config: {
        readiness: {
          defaultScorecards: false,
          scorecards: [{ inline: manyChecksScorecard('many', 200) }],
        },
      },
    });
    await evaluated(
      backend,
      many.map(e => e.metadata.name),
    );

    const output = await backend.invoke('list-entities-below', {
      scorecard: 'many',
      level: 'bronze',
      limit: 50,
    });

    expect(JSON.stringify(output).length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    expect(output.entities).toHaveLength(50);
    for (const entity of output.entities) {
      expect(entity.openChecks.length).toBeLessThanOrEqual(10);
      // Bronze's checks only: those are what keep it below bronze.
      expect(entity.openChecks.length + entity.moreOpenChecks).toBe(100);
    }
  });
});
