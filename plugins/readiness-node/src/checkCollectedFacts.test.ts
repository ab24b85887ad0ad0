import { checkCollectedFacts } from './checkCollectedFacts';

const collector = {
  id: 'github',
  facts: [
    { name: 'github.protected', type: 'boolean' as const, description: 'x' },
    { name: 'github.alerts', type: 'number' as const, description: 'x' },
    { name: 'github.topics', type: 'string-list' as const, description: 'x' },
    { name: 'github.labels', type: 'string-map' as const, description: 'x' },
    { name: 'github.branch', type: 'string' as const, description: 'x' },
  ],
};

describe('checkCollectedFacts', () => {
  it('keeps values of the declared types, and null', () => {
    const collected = {
      'github.protected': true,
      'github.alerts': 3,
      'github.topics': ['a'],
      'github.labels': { team: 'a' },
      'github.branch': null,
    };
    expect(checkCollectedFacts(collector, collected)).toEqual({
      facts: collected,
      problems: [],
    });
  });

  it('drops and names values of another type and undeclared facts', () => {
    expect(
      checkCollectedFacts(collector, {
        'github.protected': 'yes',
        'github.alerts': Number.NaN,
        'github.topics': ['a', 1],
        'github.labels': ['x'],
        'github.branch': 'main',
        'github.stars': 5,
      }),
    ).toEqual({
      facts: { 'github.branch': 'main' },
      problems: [
        'collector github returned "yes" for github.protected, which is declared as boolean',
        'collector github returned null for github.alerts, which is declared as number',
        'collector github returned ["a",1] for github.topics, which is declared as string-list',
        'collector github returned ["x"] for github.labels, which is declared as string-map',
        'collector github returned undeclared fact github.stars',
      ],
    });
  });

  it('rejects a result that is not an object', () => {
    expect(checkCollectedFacts(collector, 'oops')).toEqual({
      facts: {},
      problems: [
        'collector github returned "oops" instead of an object of facts',
      ],
    });
  });
});
