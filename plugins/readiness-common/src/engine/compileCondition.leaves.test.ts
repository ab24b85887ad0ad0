import { FactSet } from '../types';
import { evaluateCondition } from '../testUtils/evaluateCondition';
import { facts, now, observedAt } from './__fixtures__/conditionFacts';

describe('compileCondition on leaves', () => {
  it.each([
    [{ fact: 'catalog.owner', exists: true }, true],
    [{ fact: 'catalog.system', exists: true }, false],
    [{ fact: 'catalog.system', exists: false }, true],
    [{ fact: 'catalog.linkTypes', exists: true }, false],
    [{ fact: 'catalog.owner', equals: 'team-a' }, true],
    [{ fact: 'catalog.owner', equals: 'team-b' }, false],
    [{ fact: 'catalog.owner', in: ['team-b', 'team-a'] }, true],
    [{ fact: 'catalog.owner', in: ['team-b'] }, false],
    [{ fact: 'catalog.tags', contains: 'llm' }, true],
    [{ fact: 'catalog.tags', contains: 'rag' }, false],
    [{ fact: 'catalog.owner', contains: 'team' }, true],
    [{ fact: 'catalog.system', contains: 'x' }, false],
    [
      {
        fact: 'catalog.annotations',
        key: 'pagerduty.com/service-id',
        exists: true,
      },
      true,
    ],
    [{ fact: 'catalog.annotations', key: 'missing', exists: true }, false],
  ])('%j is %p', (condition, outcome) => {
    expect(evaluateCondition(condition, facts, now).outcome).toBe(outcome);
  });

  it('is unknown, with the reason, when a fact was not collected', () => {
    expect(
      evaluateCondition(
        { fact: 'github.branchProtection', exists: true },
        facts,
        now,
      ),
    ).toEqual({
      outcome: 'unknown',
      evidence: [],
      reasons: ['fact github.branchProtection was not collected'],
    });
  });

  it('matches a pattern in linear time, and not at all against too long a text', () => {
    const description = (text: string): FactSet => ({
      'catalog.description': { value: text, source: 'catalog', observedAt },
    });
    const attack = { fact: 'catalog.description', matches: '.*.*.*.*.*.*x' };
    // Backtracking took minutes on 40 characters.
    expect(
      evaluateCondition(attack, description('a'.repeat(65_536)), now).outcome,
    ).toBe(false);
    expect(
      evaluateCondition(attack, description('a'.repeat(65_537)), now),
    ).toEqual({
      outcome: 'unknown',
      evidence: [expect.objectContaining({ fact: 'catalog.description' })],
      reasons: [
        'catalog.description: the text is 65537 characters long, longer than the 65536 that patterns are matched against',
      ],
    });
  });

  it('gives up, unknown, on a match that defeats the state cache, within a bounded time', () => {
    const longText: FactSet = {
      'catalog.description': {
        value: 'a'.repeat(65_000),
        source: 'catalog',
        observedAt,
      },
    };
    // Near 2,000 states on text that fills the cache: before the work budget
    // each test took over a second.
    const started = Date.now();
    const evaluation = evaluateCondition(
      { fact: 'catalog.description', matches: '[^x]{0,999}y' },
      longText,
      now,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(evaluation.outcome).toBe('unknown');
    expect(evaluation.reasons[0]).toMatch(
      /^catalog\.description: matching the pattern against this text takes more than \d+ automaton steps/,
    );
  });

  it('is unknown, with the reason, when a fact is unavailable', () => {
    const withFailure: FactSet = {
      ...facts,
      'github.branchProtection': {
        source: 'github',
        reason: 'collector github timed out after 10000 ms',
      },
    };
    expect(
      evaluateCondition(
        { not: { fact: 'github.branchProtection', equals: false } },
        withFailure,
        now,
      ),
    ).toEqual({
      outcome: 'unknown',
      evidence: [],
      reasons: [
        'fact github.branchProtection is unavailable: collector github timed out after 10000 ms',
      ],
    });
  });

  it('records the evidence and the reason for a failure', () => {
    expect(
      evaluateCondition(
        {
          fact: 'catalog.annotations',
          key: 'backstage.io/techdocs-ref',
          exists: true,
        },
        facts,
        now,
      ),
    ).toEqual({
      outcome: false,
      evidence: [
        {
          fact: 'catalog.annotations',
          key: 'backstage.io/techdocs-ref',
          value: null,
          source: 'catalog',
          observedAt,
        },
      ],
      reasons: ['catalog.annotations[backstage.io/techdocs-ref] is not set'],
    });
  });
});

describe('compileCondition on map keys', () => {
  it.each(['missing', 'toString', 'constructor', '__proto__'])(
    'finds no own key %s',
    key => {
      expect(
        evaluateCondition(
          { fact: 'catalog.annotations', key, exists: true },
          facts,
          now,
        ),
      ).toEqual({
        outcome: false,
        evidence: [
          {
            fact: 'catalog.annotations',
            key,
            value: null,
            source: 'catalog',
            observedAt,
          },
        ],
        reasons: [`catalog.annotations[${key}] is not set`],
      });
    },
  );

  it('finds no key in a fact without a value', () => {
    const result = evaluateCondition(
      { fact: 'catalog.system', key: 'a', exists: false },
      facts,
      now,
    );
    expect(result.outcome).toBe(true);
  });

  it('fails a key into a value that is not a map', () => {
    for (const fact of ['catalog.owner', 'catalog.tags']) {
      const result = evaluateCondition(
        { fact, key: '0', exists: false },
        facts,
        now,
      );
      expect(result.outcome).toBe(false);
      expect(result.reasons[0]).toMatch(
        new RegExp(`^${fact} is .*, not a map$`),
      );
      expect(result.evidence[0].value).toBeNull();
    }
  });
});

describe('compileCondition with maxAge', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const observedDaysAgo = (days: number): FactSet => ({
    'github.protected': {
      value: true,
      source: 'github',
      observedAt: new Date(now.getTime() - days * DAY).toISOString(),
    },
  });

  it.each([
    [{ maxAge: '7d', equals: true }, 1, true],
    [{ maxAge: 'P7D', equals: true }, 7, true],
    [{ maxAge: '7d', equals: false }, 1, false],
    [{ maxAge: '7d' }, 6.9, true],
    [{ maxAge: '7d', equals: true }, 7.01, 'unknown'],
    [{ maxAge: '7d', equals: false }, 9, 'unknown'],
    [{ maxAge: 'P1W' }, 8, 'unknown'],
    [{ maxAge: '7d', equals: true }, -1, true],
  ])('%j observed %p days ago is %p', (operand, days, outcome) => {
    expect(
      evaluateCondition(
        { fact: 'github.protected', ...operand },
        observedDaysAgo(days),
        now,
      ).outcome,
    ).toBe(outcome);
  });

  it('says how stale the fact is and keeps it as evidence', () => {
    const result = evaluateCondition(
      { fact: 'github.protected', maxAge: '7d', equals: true },
      observedDaysAgo(9.5),
      now,
    );
    expect(result.reasons).toEqual([
      'fact github.protected is stale: observed 9 days ago, max age 7d',
    ]);
    expect(result.evidence).toEqual([
      {
        fact: 'github.protected',
        value: true,
        source: 'github',
        observedAt: '2026-11-15T22:00:00.000Z',
      },
    ]);
  });

  it('is unknown when the observation time is not a time', () => {
    const result = evaluateCondition(
      { fact: 'github.protected', maxAge: '7d' },
      {
        'github.protected': {
          value: true,
          source: 'github',
          observedAt: 'soon',
        },
      },
      now,
    );
    expect(result.outcome).toBe('unknown');
    expect(result.reasons).toEqual([
      'fact github.protected has an invalid observation time "soon"',
    ]);
  });

  it('lets a known part decide over a stale one', () => {
    const stale = { fact: 'github.protected', maxAge: '1h', equals: true };
    const fresh = { fact: 'catalog.owner', exists: true };
    expect(
      evaluateCondition(
        { any: [stale, fresh] },
        { ...facts, ...observedDaysAgo(1) },
        now,
      ).outcome,
    ).toBe(true);
    expect(
      evaluateCondition(
        { all: [stale, fresh] },
        { ...facts, ...observedDaysAgo(1) },
        now,
      ).outcome,
    ).toBe('unknown');
  });
});
