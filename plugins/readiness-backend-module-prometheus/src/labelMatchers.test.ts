import {
  findMatchers,
  formatMatchers,
  parseSelector,
  ruleSelects,
} from './labelMatchers';

describe('parseSelector', () => {
  it('reads label matchers, with or without braces, in any quotes', () => {
    expect(
      parseSelector(`{job="payments", env=~'prod|staging', team!=\`x\`,}`),
    ).toEqual([
      { label: 'job', op: '=', value: 'payments' },
      { label: 'env', op: '=~', value: 'prod|staging' },
      { label: 'team', op: '!=', value: 'x' },
    ]);
  });

  it('unescapes values', () => {
    expect(parseSelector('path="a\\"b\\\\c"')).toEqual([
      { label: 'path', op: '=', value: 'a"b\\c' },
    ]);
  });

  it.each([
    ['', 'has no label matchers'],
    [
      'up{job="a"}',
      'expected label matchers such as job="payments", found "up{job="a"}"',
    ],
    ['job="a"} or vector(1) or up{', 'expected label matchers'],
    ['job="a" env="b"', 'expected label matchers'],
    ['job=a', 'expected label matchers'],
    ['job!="a"', 'needs at least one = or =~ matcher'],
  ])('refuses %j', (text, problem) => {
    expect(() => parseSelector(text)).toThrow(problem);
  });
});

describe('formatMatchers', () => {
  it('writes matchers back with double quotes, escaped', () => {
    expect(
      formatMatchers([
        { label: 'job', op: '=', value: 'a"b\\c\nd' },
        { label: 'env', op: '!~', value: 'dev.*' },
      ]),
    ).toBe('job="a\\"b\\\\c\\nd",env!~"dev.*"');
  });

  it('round-trips through parseSelector', () => {
    const matchers = [{ label: 'job', op: '=' as const, value: `a"'\`\\b` }];
    expect(parseSelector(formatMatchers(matchers))).toEqual(matchers);
  });
});

describe('findMatchers', () => {
  it('finds every matcher in an expression', () => {
    expect(
      findMatchers(
        'sum(rate(x{job="a",code=~"5.."}[5m])) / on() group_left sum(rate(x{ job = \'a\' }[5m])) > 0.1',
      ),
    ).toEqual([
      { label: 'job', op: '=', value: 'a' },
      { label: 'code', op: '=~', value: '5..' },
      { label: 'job', op: '=', value: 'a' },
    ]);
  });

  it('ignores strings that are not matchers', () => {
    expect(
      findMatchers('label_replace(up, "dst", "$1", "src", "(.*)") == 1'),
    ).toEqual([]);
  });
});

describe('ruleSelects', () => {
  const selector = parseSelector('job="payments"');

  it('matches the same matcher in the expression, in any quotes', () => {
    expect(ruleSelects(selector, { query: "up{job='payments'} == 0" })).toBe(
      true,
    );
    expect(ruleSelects(selector, { query: 'up{job="ledger"} == 0' })).toBe(
      false,
    );
    expect(ruleSelects(selector, { query: 'up{job!="payments"}' })).toBe(false);
  });

  it('matches a regular expression that selects the value', () => {
    expect(ruleSelects(selector, { query: 'up{job=~"pay.*|ledger"}' })).toBe(
      true,
    );
    expect(ruleSelects(selector, { query: 'up{job=~"pay"}' })).toBe(false);
    expect(ruleSelects(selector, { query: 'up{job=~"(?i)PAY.*"}' })).toBe(
      false,
    );
  });

  it('matches rule regexes in linear time, refusing what it cannot match', () => {
    const refused = jest.fn();
    // Backtracking takes minutes on this; the entity picks the value.
    const hostile = parseSelector(`job="${'a'.repeat(4096)}"`);
    const start = performance.now();
    expect(
      ruleSelects(
        hostile,
        { query: 'up{job=~".*.*.*.*.*.*.*.*.*.*x"}' },
        refused,
      ),
    ).toBe(false);
    expect(ruleSelects(hostile, { query: 'up{job=~"(a|aa)+"}' }, refused)).toBe(
      true,
    );
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(refused).not.toHaveBeenCalled();

    // Label values are short: a longer one is matched by nothing.
    const tooLong = parseSelector(`job="${'a'.repeat(4097)}"`);
    expect(ruleSelects(tooLong, { query: 'up{job=~"a+"}' }, refused)).toBe(
      false,
    );
    expect(refused).toHaveBeenCalledWith(
      'Prometheus rule regex "a+": the text is 4097 characters long, longer than the 4096 that patterns are matched against',
    );
    refused.mockClear();

    for (const query of [
      'up{job=~"(p)\\\\1"}',
      'up{job=~"(?i)PAYMENTS"}',
      'up{job=~"pay)|(.*"}',
    ]) {
      expect(ruleSelects(selector, { query }, refused)).toBe(false);
    }
    expect(refused.mock.calls).toEqual([
      [
        'Prometheus rule regex "(p)\\1" is not used to match labels: backreferences are not allowed: \\1',
      ],
      [
        expect.stringMatching(
          /^Prometheus rule regex "\(\?i\)PAYMENTS" is not used to match labels: Invalid regular expression/,
        ),
      ],
      [
        expect.stringMatching(
          /^Prometheus rule regex "pay\)\|\(\.\*" is not used to match labels: Invalid regular expression/,
        ),
      ],
    ]);
  });

  it("matches the rule's labels", () => {
    expect(
      ruleSelects(selector, {
        query: 'vector(0.999)',
        labels: { job: 'payments' },
      }),
    ).toBe(true);
  });

  it('needs every matcher of the selector', () => {
    const both = parseSelector('job="payments",env="prod"');
    expect(ruleSelects(both, { query: 'up{job="payments"}' })).toBe(false);
    expect(
      ruleSelects(both, {
        query: 'up{job="payments"}',
        labels: { env: 'prod' },
      }),
    ).toBe(true);
  });

  it('matches a regular-expression selector only by the same matcher', () => {
    const regex = parseSelector('job=~"pay.*"');
    expect(ruleSelects(regex, { query: 'up{job=~"pay.*"}' })).toBe(true);
    expect(ruleSelects(regex, { query: 'up{job="payments"}' })).toBe(false);
  });
});
