import { CATALOG_INFO_YAML_LIMITS, yamlValues } from './boundedYaml';

/** The size of the largest catalog-info file read. */
const KIB_256 = 256 * 1024;
/**
 * Well above the linear work on 256 KiB (about 0.1 s to lex, 0.5 s to
 * compose on a loaded machine), far below what the library takes on these
 * inputs unguarded (from a minute to hours).
 */
const BOUND_MS = 4_000;

/** `unit` repeated to fill 256 KiB, after `head`. */
function fill(unit: string, head = ''): string {
  return head + unit.repeat(Math.floor((KIB_256 - head.length) / unit.length));
}

/** What reading all documents gives, and how long it took. */
function readAll(text: string): {
  values?: unknown[];
  error?: Error;
  ms: number;
} {
  const start = performance.now();
  try {
    const values = [...yamlValues(text, 'catalog-info.yaml')];
    return { values, ms: performance.now() - start };
  } catch (error) {
    return { error: error as Error, ms: performance.now() - start };
  }
}

describe('yamlValues', () => {
  it('gives each document, parsing no further than asked', () => {
    const documents = yamlValues(
      'kind: Component\n---\nkind: API\n---\n[not: yaml',
      'all.yaml',
    );

    expect(documents.next().value).toEqual({ kind: 'Component' });
    expect(documents.next().value).toEqual({ kind: 'API' });
    expect(() => documents.next()).toThrow(
      /^all\.yaml is not valid YAML at line 5, column \d+: /,
    );
  });

  it('takes a few anchors and aliases', () => {
    expect(
      readAll('base: &base { team: payments }\nother: *base\n').values,
    ).toEqual([{ base: { team: 'payments' }, other: { team: 'payments' } }]);
  });

  it('refuses many anchors and aliases before parsing, quickly (the quadratic case)', () => {
    const count = 15_000;
    const anchors = Array.from({ length: count }, (_, i) => `&a${i} 1`);
    const aliases = Array.from({ length: count }, (_, i) => `*a${i}`);
    const text = `kind: Component\nx: [${anchors.join(
      ',',
    )}]\ny: [${aliases.join(',')}]\n`;
    expect(text.length).toBeLessThan(KIB_256);

    const { error, ms } = readAll(text);

    expect(error?.message).toBe(
      `catalog-info.yaml has more than ${CATALOG_INFO_YAML_LIMITS.maxAnchorsAndAliases} anchors and aliases (&name, *name), at line 2; a catalog-info file needs none`,
    );
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('bounds what the few aliases it takes expand to', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b]',
      'd: [*c, *c, *c, *c]',
    ].join('\n');

    const { error, ms } = readAll(bomb);

    expect(error?.message).toMatch(
      /^catalog-info\.yaml is not valid YAML: .*alias/i,
    );
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each([
    ['brackets', fill('['), 1],
    ['flow mappings', fill('{a: '), 1],
    ['compact lists', fill('- '), 1],
    ['explicit keys', '? '.repeat(1000), 1],
    [
      'indentation',
      Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}k:`).join(
        '\n',
      ),
      65,
    ],
  ])(
    'refuses nesting too deep in %s before parsing, quickly',
    (_, text, line) => {
      const { error, ms } = readAll(text);

      expect(error?.message).toBe(
        `catalog-info.yaml nests lists and mappings more than 64 levels deep, at line ${line}`,
      );
      expect(ms).toBeLessThan(BOUND_MS);
    },
  );

  it('takes nesting a catalog file has', () => {
    const text = Array.from(
      { length: 20 },
      (_, i) => `${'    '.repeat(i)}k${i}:`,
    ).join('\n');

    expect(readAll(`${text} leaf`).values).toHaveLength(1);
  });

  it('counts no depth for deeply indented comments and lists spanning lines', () => {
    const text = [
      'kind: Component',
      `${' '.repeat(300)}# a comment`,
      'tags: [',
      `${' '.repeat(300)}a, b]`,
    ].join('\n');

    expect(readAll(text).values).toEqual([
      { kind: 'Component', tags: ['a', 'b'] },
    ]);
  });

  it.each([
    [
      '[a, b]: 1',
      'a list, a mapping or an alias as a key, at line 1, column 1',
    ],
    [
      '? { a: 1 }\n: 1',
      'a list, a mapping or an alias as a key, at line 1, column 3',
    ],
    [
      'a: &k x\n*k : y',
      'a list, a mapping or an alias as a key, at line 2, column 1',
    ],
  ])('refuses a collection or an alias as a key: %j', (text, message) => {
    expect(readAll(text).error?.message).toBe(
      `catalog-info.yaml uses ${message}`,
    );
  });

  it('refuses a key twice, and reads a large mapping quickly', () => {
    let large = '';
    for (let i = 0; large.length < KIB_256 - 20; i++) {
      large += `key${i}: ${i}\n`;
    }

    const duplicate = readAll('kind: Component\nspec:\n  a: 1\n  a: 2\n');
    const { values, ms } = readAll(large);

    expect(duplicate.error?.message).toBe(
      'catalog-info.yaml has the key "a" twice, at line 4, column 3',
    );
    expect(Object.keys(values![0] as object).length).toBeGreaterThan(15_000);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('reads many documents quickly, one at a time', () => {
    const text = fill('---\n', 'kind: Location\n').concat('---\nkind: API\n');

    const { values, ms } = readAll(text);

    expect(values!.length).toBeGreaterThan(60_000);
    expect(values!.at(-1)).toEqual({ kind: 'API' });
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
