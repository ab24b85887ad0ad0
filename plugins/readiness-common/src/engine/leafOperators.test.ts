import { FactCondition, FactSet, FactValue } from '../types';
import { evaluateCondition } from '../testUtils/evaluateCondition';

const now = new Date('2026-11-25T10:00:00.000Z');

type Operand = Omit<FactCondition, 'fact'>;

/** Evaluates `operand` over a fact `x.v` with `value`, or none if undefined. */
function evaluate(operand: Operand, value?: FactValue) {
  const facts: FactSet =
    value === undefined
      ? {}
      : { 'x.v': { value, source: 'x', observedAt: now.toISOString() } };
  const { outcome, reasons } = evaluateCondition(
    { fact: 'x.v', ...operand },
    facts,
    now,
  );
  return { outcome, reasons };
}

const holds = { outcome: true, reasons: [] };
const fails = (reason: string) => ({ outcome: false, reasons: [reason] });

describe('leaf operators', () => {
  it.each<[Operand, FactValue, object]>([
    [{ exists: true }, 'a', holds],
    [{ exists: true }, 0, holds],
    [{ exists: true }, false, holds],
    [{ exists: true }, ['a'], holds],
    [{ exists: true }, { a: 'b' }, holds],
    [{ exists: true }, '', fails('x.v is not set')],
    [{ exists: true }, [], fails('x.v is not set')],
    [{ exists: true }, {}, fails('x.v is not set')],
    [{ exists: true }, null, fails('x.v is not set')],
    [{ exists: true }, NaN, fails('x.v is not set')],
    [{ exists: false }, null, holds],
    [{ exists: false }, '', holds],
    [{ exists: false }, 'a', fails('x.v is set to "a"')],
  ])('exists: %j over %j', (operand, value, expected) => {
    expect(evaluate(operand, value)).toEqual(expected);
  });

  it.each<[Operand, FactValue, object]>([
    [{ equals: 'a' }, 'a', holds],
    [{ equals: 2 }, 2, holds],
    [{ equals: false }, false, holds],
    [{ equals: 'a' }, 'A', fails('x.v is "A", expected "a"')],
    [{ equals: 1 }, '1', fails('x.v is "1", expected 1')],
    [{ equals: 'true' }, true, fails('x.v is true, expected "true"')],
    [{ equals: 'a' }, null, fails('x.v is not set, expected "a"')],
    [{ equals: 'a' }, ['a'], fails('x.v is ["a"], expected "a"')],
    [{ equals: '' }, '', holds],
    [{ equals: 0 }, NaN, fails('x.v is NaN, expected 0')],
    [{ notEquals: 'a' }, 'b', holds],
    [{ notEquals: 'a' }, null, holds],
    [{ notEquals: 1 }, '1', holds],
    [{ notEquals: 'a' }, 'a', fails('x.v is "a", expected any other value')],
    [{ in: ['a', 2] }, 2, holds],
    [{ in: ['a', 2] }, '2', fails('x.v is "2", expected one of "a", 2')],
    [{ in: ['a'] }, null, fails('x.v is not set, expected one of "a"')],
    [{ in: [] }, 'a', fails('x.v is "a", expected one of (none)')],
  ])('equality: %j over %j', (operand, value, expected) => {
    expect(evaluate(operand, value)).toEqual(expected);
  });

  it.each<[Operand, FactValue, object]>([
    [{ contains: 'b' }, ['a', 'b'], holds],
    [{ contains: 'b' }, 'abc', holds],
    [{ contains: '' }, 'abc', holds],
    [{ contains: 'b' }, ['abc'], fails('x.v does not contain "b"')],
    [{ contains: 'b' }, [], fails('x.v does not contain "b"')],
    [{ contains: 'b' }, '', fails('x.v does not contain "b"')],
    [{ contains: 'b' }, null, fails('x.v is not set')],
    [{ contains: '1' }, 1, fails('x.v is 1, not a string or a list')],
    [
      { contains: 'a' },
      { a: 'b' },
      fails('x.v is {"a":"b"}, not a string or a list'),
    ],
    [{ prefix: 'ab' }, 'abc', holds],
    [{ prefix: '' }, '', holds],
    [
      { prefix: 'ab' },
      'Abc',
      fails('x.v is "Abc", expected to start with "ab"'),
    ],
    [{ prefix: 'ab' }, ['x', 'abc'], holds],
    [
      { prefix: 'ab' },
      ['x', 'Abc'],
      fails('x.v is ["x","Abc"], expected an element to start with "ab"'),
    ],
    [{ prefix: 'ab' }, 3, fails('x.v is 3, not a string or a list')],
    [{ prefix: 'ab' }, null, fails('x.v is not set')],
  ])('text: %j over %j', (operand, value, expected) => {
    expect(evaluate(operand, value)).toEqual(expected);
  });

  it.each<[Operand, FactValue, object]>([
    [{ matches: '^v\\d+$' }, 'v12', holds],
    [
      { matches: '^v\\d+$' },
      'v1.2',
      fails('x.v is "v1.2", expected to match /^v\\d+$/'),
    ],
    [{ matches: '^team-' }, ['ops', 'team-a'], holds],
    [
      { matches: '^team-' },
      ['ops'],
      fails('x.v is ["ops"], expected an element to match /^team-/'),
    ],
    [
      { matches: '^team-' },
      [],
      fails('x.v is [], expected an element to match /^team-/'),
    ],
    [{ matches: '^$' }, '', holds],
    [{ matches: '.' }, 3, fails('x.v is 3, not a string or a list')],
    [{ matches: '.' }, null, fails('x.v is not set')],
  ])('matches: %j over %j', (operand, value, expected) => {
    expect(evaluate(operand, value)).toEqual(expected);
  });

  it.each<[Operand, FactValue, object]>([
    [{ lt: 10 }, 9, holds],
    [{ lt: 10 }, 10, fails('x.v is 10, expected < 10')],
    [{ lte: 10 }, 10, holds],
    [{ lte: 10 }, 10.5, fails('x.v is 10.5, expected <= 10')],
    [{ gt: 0 }, 0.1, holds],
    [{ gt: 0 }, 0, fails('x.v is 0, expected > 0')],
    [{ gte: 0 }, 0, holds],
    [{ gte: 0 }, -1, fails('x.v is -1, expected >= 0')],
    [{ lt: 10 }, '5', fails('x.v is "5", not a number')],
    [{ lt: 1 }, true, fails('x.v is true, not a number')],
    [{ gte: 0 }, NaN, fails('x.v is NaN, not a number')],
    [{ gt: 0 }, ['1'], fails('x.v is ["1"], not a number')],
    [{ gt: 0 }, null, fails('x.v is not set')],
  ])('comparison: %j over %j', (operand, value, expected) => {
    expect(evaluate(operand, value)).toEqual(expected);
  });

  it.each<Operand>([
    { exists: true },
    { exists: false },
    { equals: 'a' },
    { notEquals: 'a' },
    { in: ['a'] },
    { contains: 'a' },
    { prefix: 'a' },
    { matches: 'a' },
    { lt: 1 },
    { lte: 1 },
    { gt: 1 },
    { gte: 1 },
  ])('%j is unknown over a fact that was not collected', operand => {
    expect(evaluate(operand)).toEqual({
      outcome: 'unknown',
      reasons: ['fact x.v was not collected'],
    });
  });

  it('shortens long values in reasons', () => {
    const { reasons } = evaluate({ equals: 'a' }, 'b'.repeat(500));
    expect(reasons[0]).toBe(`x.v is "${'b'.repeat(98)}…, expected "a"`);
  });
});
