import { parseDraftRequest } from './draftRequest';

const LIMITS = { maxBytes: 1024, maxDepth: 64 };

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'orders-api' },
  spec: { type: 'openapi' },
};

describe('parseDraftRequest', () => {
  it("drops the draft's own relations and status", () => {
    const draft = parseDraftRequest(
      {
        entity: {
          ...entity,
          relations: [{ type: 'apiProvidedBy', targetRef: 'component:x/y' }],
          status: { items: [] },
        },
        repositoryPaths: ['openapi.yaml'],
      },
      LIMITS,
    );

    expect(draft).toEqual({ entity, repositoryPaths: ['openapi.yaml'] });
  });

  it.each([['C:/Windows/system.ini'], ['docs\\..\\secret'], ['a/\0b'], ['']])(
    'refuses the path %j',
    path => {
      expect(() =>
        parseDraftRequest({ entity, repositoryPaths: [path] }, LIMITS),
      ).toThrow(
        /^repositoryPaths\[0\] must be a relative, "\/"-separated path/,
      );
    },
  );

  it('refuses paths and entities past their bounds, whatever the contract said', () => {
    expect(() =>
      parseDraftRequest(
        { entity, repositoryPaths: Array(20_001).fill('a') },
        LIMITS,
      ),
    ).toThrow('repositoryPaths has 20001 paths; at most 20000');
    expect(() =>
      parseDraftRequest(
        { entity, repositoryPaths: ['a'.repeat(1025)] },
        LIMITS,
      ),
    ).toThrow('repositoryPaths[0] has 1025 characters; at most 1024');
    expect(() =>
      parseDraftRequest({ entity }, { ...LIMITS, maxBytes: 50 }),
    ).toThrow(/^entity is \d+ bytes of JSON; at most 50 /);
    expect(() => parseDraftRequest({ entity: [] }, LIMITS)).toThrow(
      'entity must be an object',
    );
  });

  it('refuses an entity nested deeper than maxDepth, naming where, before stringifying it', () => {
    // Deep enough that JSON.stringify throws a RangeError: a 400 first.
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) {
      deep = i % 2 ? { 'x y': deep } : [deep];
    }

    expect(() =>
      parseDraftRequest({ entity: { ...entity, spec: { a: deep } } }, LIMITS),
    ).toThrow(
      /^entity\.spec\.a\["x y"\]\[0\]\["x y"\].*… nests deeper than 64 levels \(readiness\.limits\.scorecards\.maxDepth\)$/,
    );
  });

  it('accepts an entity nested exactly to maxDepth', () => {
    const spec = { a: { b: { c: ['d'] } } };
    // entity (0) > spec (1) > a (2) > b (3) > c (4): the array is at depth 4.
    expect(() =>
      parseDraftRequest(
        { entity: { ...entity, spec } },
        { ...LIMITS, maxDepth: 5 },
      ),
    ).not.toThrow();
    expect(() =>
      parseDraftRequest(
        { entity: { ...entity, spec } },
        { ...LIMITS, maxDepth: 4 },
      ),
    ).toThrow(/^entity\.spec\.a\.b\.c nests deeper than 4 levels/);
  });
});
