import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GroupEntity, GroupForest, GroupHierarchy } from './GroupHierarchy';

/** A group with `parentOf` relations to its children (by name). */
function group(
  name: string,
  children: string[] = [],
  parents: string[] = [],
): GroupEntity & Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [
      ...children.map(child => ({
        type: 'parentOf',
        targetRef: `group:default/${child}`,
      })),
      ...parents.map(parent => ({
        type: 'childOf',
        targetRef: `group:default/${parent}`,
      })),
      { type: 'hasMember', targetRef: 'user:default/ada' },
    ],
  };
}

const ref = (name: string) => `group:default/${name}`;

describe('GroupForest', () => {
  it('walks the groups under a group breadth first, from either relation', () => {
    const forest = new GroupForest([
      group('org', ['eng', 'sales']),
      group('eng', ['web']),
      // Known from its own childOf only.
      group('api', [], ['eng']),
      group('web'),
      group('sales'),
    ]);

    expect(forest.subtree(ref('org'))).toEqual({
      groups: [ref('org'), ref('eng'), ref('sales'), ref('web'), ref('api')],
      truncated: false,
    });
    expect(forest.subtree(ref('web'))).toEqual({
      groups: [ref('web')],
      truncated: false,
    });
    expect(forest.rollup().get(ref('eng'))).toEqual([
      ref('eng'),
      ref('web'),
      ref('api'),
    ]);
  });

  it('counts each group once in a cycle or a diamond', () => {
    const forest = new GroupForest([
      group('a', ['b', 'c']),
      group('b', ['d']),
      group('c', ['d']),
      group('d', ['a']),
    ]);

    expect(forest.subtree(ref('a')).groups).toEqual([
      ref('a'),
      ref('b'),
      ref('c'),
      ref('d'),
    ]);
    expect(forest.subtree(ref('d')).groups).toEqual([
      ref('d'),
      ref('a'),
      ref('b'),
      ref('c'),
    ]);
  });

  it('stops at the limit, nearest groups first, and says so', () => {
    const children = Array.from({ length: 5 }, (_, i) => `team-${i}`);
    const forest = new GroupForest([
      group('org', children),
      ...children.map(name => group(name)),
    ]);

    expect(forest.subtree(ref('org'), 3)).toEqual({
      groups: [ref('org'), ref('team-0'), ref('team-1')],
      truncated: true,
    });
    expect(forest.subtree(ref('org'), 6).truncated).toBe(false);
  });

  it('refuses a roll-up over more group-in-group pairs than it may add up', () => {
    // A chain: each group has every group after it under it.
    const names = Array.from({ length: 6 }, (_, i) => `g${i}`);
    const forest = new GroupForest(
      names.map((name, i) => group(name, names.slice(i + 1, i + 2))),
    );

    // 6 + 5 + 4 + 3 + 2 + 1 pairs.
    expect(forest.rollup(1000, 21).get(ref('g0'))).toHaveLength(6);
    expect(() => forest.rollup(1000, 20)).toThrow(
      /^rollup: the 6 groups you may read are nested too deeply to roll up \(over 20 group-in-group pairs\)/,
    );
  });

  it('leaves out groups it was not given and those only reached through them', () => {
    // "hidden" is not readable: neither it nor "below" is under "org".
    const forest = new GroupForest([
      group('org', ['hidden', 'web']),
      group('web'),
      group('below', [], ['hidden']),
    ]);

    expect(forest.subtree(ref('org')).groups).toEqual([ref('org'), ref('web')]);
    expect(forest.find(ref('hidden'))).toBeUndefined();
    expect(forest.find('group:default/WEB')).toBe(ref('web'));
  });
});

describe('GroupHierarchy', () => {
  it("reads the groups the caller may read, with the caller's credentials", async () => {
    const catalog = catalogServiceMock({
      entities: [
        group('org', ['web']),
        group('web'),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'web' },
          spec: {},
        },
      ],
    });
    const stream = jest.spyOn(catalog, 'streamEntities');
    const credentials = mockCredentials.user();

    const forest = await new GroupHierarchy(catalog).forCaller(credentials);

    expect([...forest.groups()]).toEqual([ref('org'), ref('web')]);
    expect(forest.subtree(ref('org')).groups).toEqual([ref('org'), ref('web')]);
    expect(stream).toHaveBeenCalledWith(
      expect.objectContaining({ filter: { kind: 'group' } }),
      { credentials },
    );
  });

  it("keeps a caller's groups for a while, and reads once for parallel requests", async () => {
    const catalog = catalogServiceMock({ entities: [group('web')] });
    const stream = jest.spyOn(catalog, 'streamEntities');
    let now = 0;
    const hierarchy = new GroupHierarchy(catalog, { now: () => now });
    const ada = mockCredentials.user('user:default/ada');
    const bob = mockCredentials.user('user:default/bob');

    const forests = await Promise.all(
      Array.from({ length: 5 }, () => hierarchy.forCaller(ada)),
    );
    expect(new Set(forests).size).toBe(1);
    expect(stream).toHaveBeenCalledTimes(1);

    // Another caller may read other groups: read with their credentials.
    await hierarchy.forCaller(bob);
    expect(stream).toHaveBeenCalledTimes(2);
    expect(stream).toHaveBeenLastCalledWith(expect.anything(), {
      credentials: bob,
    });

    now = 29_000;
    await hierarchy.forCaller(ada);
    expect(stream).toHaveBeenCalledTimes(2);
    now = 30_000;
    await hierarchy.forCaller(ada);
    expect(stream).toHaveBeenCalledTimes(3);
  });

  it('keeps at most the most callers', async () => {
    const catalog = catalogServiceMock({ entities: [group('web')] });
    const stream = jest.spyOn(catalog, 'streamEntities');
    const hierarchy = new GroupHierarchy(catalog, { maxCallers: 2 });
    const user = (name: string) => mockCredentials.user(`user:default/${name}`);

    await hierarchy.forCaller(user('a'));
    await hierarchy.forCaller(user('b'));
    await hierarchy.forCaller(mockCredentials.service('scaffolder'));
    await hierarchy.forCaller(user('b'));
    expect(stream).toHaveBeenCalledTimes(3);
    await hierarchy.forCaller(user('a'));
    expect(stream).toHaveBeenCalledTimes(4);
  });
});
