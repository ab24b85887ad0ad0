import { StoredPushedFact } from '../store';
import { PushedFacts } from './PushedFacts';

const REF = 'component:default/checkout';

function storeWith(facts: Record<string, Partial<StoredPushedFact>>) {
  return {
    getEntityFacts: jest.fn(
      async () =>
        new Map(
          Object.entries(facts).map(([name, fact]) => [
            name,
            {
              source: 'github-actions',
              pushedBy: 'external:ci',
              observedAt: '2027-01-10T09:00:00.000Z',
              pushedAt: '2027-01-10T09:05:00.000Z',
              value: null,
              ...fact,
            },
          ]),
        ),
    ),
  };
}

describe('PushedFacts', () => {
  it('reads nothing when no fact is declared', async () => {
    const store = storeWith({});
    await expect(new PushedFacts([], store).factsOf(REF)).resolves.toEqual({});
    expect(store.getEntityFacts).not.toHaveBeenCalled();
  });

  it('gives each declared fact its pushed value, observed when the pipeline observed it, or why it has none', async () => {
    const store = storeWith({
      'pushed.testCoverage': { value: 87.5 },
      // Pushed while the fact was declared a string.
      'pushed.evalPassRate': { value: 'high' },
      'pushed.retired': { value: 1 },
    });
    const pushed = new PushedFacts(
      [
        { name: 'pushed.testCoverage', type: 'number', description: '' },
        { name: 'pushed.evalPassRate', type: 'number', description: '' },
        { name: 'pushed.loadTestP99Ms', type: 'number', description: '' },
      ],
      store,
    );
    await expect(pushed.factsOf(REF)).resolves.toEqual({
      'pushed.testCoverage': {
        value: 87.5,
        source: 'pushed:github-actions',
        observedAt: '2027-01-10T09:00:00.000Z',
      },
      'pushed.evalPassRate': {
        source: 'pushed',
        reason:
          'the value pushed at 2027-01-10T09:05:00.000Z must be a number (readiness.pushedFacts), got string; push it again',
      },
      'pushed.loadTestP99Ms': {
        source: 'pushed',
        reason: `no value pushed for ${REF} yet`,
      },
    });
    expect(store.getEntityFacts).toHaveBeenCalledTimes(1);
  });
});
