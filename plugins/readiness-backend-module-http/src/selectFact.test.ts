import { checkJsonPath, selectFact } from './selectFact';
import type { HttpFactSpec } from './types';

const fact = (
  type: HttpFactSpec['type'],
  path: string,
  equals?: HttpFactSpec['equals'],
): HttpFactSpec => ({
  name: 'x.y',
  type,
  description: '',
  path,
  ...(equals !== undefined && { equals }),
});

const measures = {
  component: {
    key: 'payments',
    measures: [{ metric: 'coverage', value: '87.5' }],
  },
};

describe('selectFact', () => {
  it('converts numeric strings to numbers', () => {
    expect(
      selectFact(measures, fact('number', '$.component.measures[0].value')),
    ).toBe(87.5);
    expect(selectFact({ n: 3 }, fact('number', '$.n'))).toBe(3);
    expect(selectFact({ n: ' -1e3 ' }, fact('number', '$.n'))).toBe(-1000);
  });

  it('leaves out values that do not convert, never making one up', () => {
    expect(selectFact({ n: 'n/a' }, fact('number', '$.n'))).toBeUndefined();
    expect(selectFact({ n: '' }, fact('number', '$.n'))).toBeUndefined();
    expect(selectFact({ n: '0x10' }, fact('number', '$.n'))).toBeUndefined();
    expect(selectFact({ n: [1] }, fact('number', '$.n'))).toBeUndefined();
    expect(selectFact({ b: 'yes' }, fact('boolean', '$.b'))).toBeUndefined();
    expect(selectFact({ s: { a: 1 } }, fact('string', '$.s'))).toBeUndefined();
    expect(
      selectFact({ m: { a: { b: 1 } } }, fact('string-map', '$.m')),
    ).toBeUndefined();
    expect(
      selectFact({ l: [{ a: 1 }] }, fact('string-list', '$.l')),
    ).toBeUndefined();
  });

  it('leaves out a fact whose path matches nothing', () => {
    const empty = { component: { key: 'payments', measures: [] } };
    expect(
      selectFact(empty, fact('number', '$.component.measures[0].value')),
    ).toBeUndefined();
    expect(
      selectFact({}, fact('string-list', '$.items[*].name')),
    ).toBeUndefined();
    expect(selectFact([], fact('string', '$.a'))).toBeUndefined();
    expect(selectFact('text', fact('string', '$.a'))).toBeUndefined();
    expect(selectFact(null, fact('string', '$.a'))).toBeUndefined();
  });

  it('reads booleans, or compares with equals', () => {
    const gate = { projectStatus: { status: 'OK' } };
    expect(
      selectFact(gate, fact('boolean', '$.projectStatus.status', 'OK')),
    ).toBe(true);
    expect(
      selectFact(
        { projectStatus: { status: 'ERROR' } },
        fact('boolean', '$.projectStatus.status', 'OK'),
      ),
    ).toBe(false);
    expect(selectFact({ b: 'TRUE' }, fact('boolean', '$.b'))).toBe(true);
    expect(selectFact({ b: false }, fact('boolean', '$.b'))).toBe(false);
    expect(selectFact({ n: 2 }, fact('boolean', '$.n', 2))).toBe(true);
  });

  it('keeps a JSON null as null: observed, absent', () => {
    expect(selectFact({ s: null }, fact('string', '$.s'))).toBeNull();
    expect(selectFact({ l: null }, fact('string-list', '$.l'))).toBeNull();
  });

  it('reads lists from arrays and from spreading paths', () => {
    const issues = { issues: [{ rule: 'java:S1' }, { rule: 'java:S2' }] };
    expect(selectFact(issues, fact('string-list', '$.issues[*].rule'))).toEqual(
      ['java:S1', 'java:S2'],
    );
    expect(
      selectFact({ tags: ['a', 1] }, fact('string-list', '$.tags')),
    ).toEqual(['a', '1']);
    expect(
      selectFact({ issues: [] }, fact('string-list', '$.issues[*].rule')),
    ).toEqual([]);
    expect(
      selectFact({ a: { b: [{ c: 'x' }] } }, fact('string-list', '$..c')),
    ).toEqual(['x']);
  });

  it('reads strings and maps of strings', () => {
    expect(selectFact({ s: 42 }, fact('string', '$.s'))).toBe('42');
    expect(
      selectFact({ m: { team: 'a', n: 1 } }, fact('string-map', '$.m')),
    ).toEqual({ team: 'a', n: '1' });
  });
});

describe('checkJsonPath', () => {
  it('accepts plain paths and refuses script expressions', () => {
    expect(checkJsonPath('$.component.measures[0].value')).toBeUndefined();
    expect(checkJsonPath("$['a b'][*].c")).toBeUndefined();
    expect(checkJsonPath('component.measures')).toMatch(/must start with \$/);
    expect(
      checkJsonPath("$.component.measures[?(@.metric=='coverage')].value"),
    ).toMatch(/script expression/);
    expect(checkJsonPath('$.a[(@.length-1)]')).toMatch(/script expression/);
  });
});
