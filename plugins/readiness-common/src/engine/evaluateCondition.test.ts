import { FactSet } from '../types';
import { evaluateCondition } from './evaluateCondition';

const observedAt = '2026-11-25T10:00:00.000Z';
const facts: FactSet = {
  'catalog.owner': { value: 'team-a', source: 'catalog', observedAt },
  'catalog.system': { value: null, source: 'catalog', observedAt },
  'catalog.tags': { value: ['ai', 'llm'], source: 'catalog', observedAt },
  'catalog.linkTypes': { value: [], source: 'catalog', observedAt },
  'catalog.annotations': {
    value: { 'pagerduty.com/service-id': 'P123' },
    source: 'catalog',
    observedAt,
  },
};

describe('evaluateCondition', () => {
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
    expect(evaluateCondition(condition, facts).outcome).toBe(outcome);
  });

  it('is unknown, with the reason, when a fact was not collected', () => {
    expect(
      evaluateCondition(
        { fact: 'github.branchProtection', exists: true },
        facts,
      ),
    ).toEqual({
      outcome: 'unknown',
      evidence: [],
      reasons: ['fact github.branchProtection was not collected'],
    });
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

  const yes = { fact: 'catalog.owner', exists: true };
  const no = { fact: 'catalog.system', exists: true };
  const unknown = { fact: 'not.collected', exists: true };

  it.each([
    [{ all: [yes, yes] }, true],
    [{ all: [yes, no] }, false],
    [{ all: [unknown, no] }, false],
    [{ all: [unknown, yes] }, 'unknown'],
    [{ any: [no, yes] }, true],
    [{ any: [unknown, yes] }, true],
    [{ any: [unknown, no] }, 'unknown'],
    [{ any: [no, no] }, false],
    [{ not: yes }, false],
    [{ not: no }, true],
    [{ not: unknown }, 'unknown'],
  ])('combines %j as %p', (condition, outcome) => {
    expect(evaluateCondition(condition, facts).outcome).toBe(outcome);
  });

  it('gives the reasons of the parts that decided a failure', () => {
    const result = evaluateCondition({ all: [yes, no, unknown] }, facts);
    expect(result.reasons).toEqual(['catalog.system is not set']);
    expect(result.evidence.map(e => e.fact)).toEqual([
      'catalog.owner',
      'catalog.system',
    ]);
  });

  it('rejects a leaf without an operator', () => {
    expect(() => evaluateCondition({ fact: 'catalog.owner' }, facts)).toThrow(
      'Condition on catalog.owner has no operator',
    );
  });
});
