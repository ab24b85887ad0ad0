import { ConfigReader } from '@backstage/config';
import { readHttpCollectorConfig } from './readHttpCollectorConfig';

const sonarqube = {
  id: 'sonarqube',
  appliesTo: {
    'metadata.annotations.sonarqube.org/project-key': { $exists: true },
  },
  url: "https://sonarqube.example.com/api/measures/component?component={{ metadata.annotations['sonarqube.org/project-key'] }}&metricKeys=coverage",
  headers: { Authorization: 'Bearer s3cret-token' },
  facts: [
    {
      name: 'sonarqube.coverage',
      type: 'number',
      description: 'Line coverage, in percent.',
      path: '$.component.measures[0].value',
    },
  ],
};

function read(...collectors: object[]) {
  return readHttpCollectorConfig(
    new ConfigReader({ readiness: { http: { collectors } } }),
  );
}

/** The message of reading one collector with these changes. */
function problem(changes: object): string {
  try {
    read({ ...sonarqube, ...changes });
  } catch (error) {
    expect((error as Error).message).not.toContain('s3cret');
    return (error as Error).message;
  }
  throw new Error('expected a config error');
}

describe('readHttpCollectorConfig', () => {
  it('is empty without config', () => {
    expect(readHttpCollectorConfig(new ConfigReader({}))).toEqual([]);
  });

  it('reads a collector with its defaults', () => {
    expect(read(sonarqube)).toEqual([
      {
        id: 'sonarqube',
        appliesTo: sonarqube.appliesTo,
        url: sonarqube.url,
        method: 'GET',
        body: undefined,
        headers: { Authorization: 'Bearer s3cret-token' },
        timeoutMs: 10_000,
        retries: 2,
        rateLimit: undefined,
        concurrency: 4,
        maxResponseBytes: 5 * 1024 * 1024,
        pagination: undefined,
        facts: sonarqube.facts,
      },
    ]);
  });

  it('reads every setting', () => {
    const [spec] = read({
      ...sonarqube,
      method: 'post',
      body: '{"key": "{{ metadata.name }}"}',
      timeout: { seconds: 3 },
      retries: 0,
      rateLimit: { requests: 5, per: '1m', burst: 2 },
      concurrency: 1,
      maxResponseBytes: 65536,
      pagination: { nextUrlPath: '$.next', maxPages: 3 },
      facts: [
        {
          name: 'sonarqube.gatePassed',
          type: 'boolean',
          description: 'The quality gate passes.',
          path: '$.projectStatus.status',
          equals: 'OK',
        },
      ],
    });
    expect(spec).toMatchObject({
      method: 'POST',
      timeoutMs: 3000,
      retries: 0,
      rateLimit: { requests: 5, perMs: 60_000, burst: 2 },
      concurrency: 1,
      maxResponseBytes: 65536,
      pagination: { kind: 'next-url', nextUrlPath: '$.next', maxPages: 3 },
      facts: [{ equals: 'OK' }],
    });
    expect(
      read({
        ...sonarqube,
        pagination: { pageParam: 'p', pageSizeParam: 'ps', pageSize: 100 },
      })[0].pagination,
    ).toEqual({
      kind: 'page-number',
      pageParam: 'p',
      firstPage: 1,
      pageSizeParam: 'ps',
      pageSize: 100,
      totalPath: undefined,
      maxPages: 10,
    });
  });

  it('names the exact key of each mistake', () => {
    const fact = sonarqube.facts[0];
    expect(problem({ facts: [fact, { ...fact, name: 'sonar.gate' }] })).toBe(
      'readiness.http.collectors[0].facts[1].name must start with "sonarqube."',
    );
    expect(problem({ facts: [fact, fact] })).toBe(
      'readiness.http.collectors[0].facts[1].name "sonarqube.coverage" is declared twice',
    );
    expect(problem({ facts: [{ ...fact, type: 'float' }] })).toMatch(
      /^readiness.http.collectors\[0\].facts\[0\].type must be one of string, number/,
    );
    expect(
      problem({
        facts: [{ ...fact, path: "$.measures[?(@.metric=='coverage')].value" }],
      }),
    ).toMatch(
      /^readiness.http.collectors\[0\].facts\[0\].path .* script expression/,
    );
    expect(problem({ facts: [{ ...fact, equals: 'OK' }] })).toBe(
      'readiness.http.collectors[0].facts[0].equals is only for facts of type boolean',
    );
    expect(problem({ facts: [] })).toBe(
      'readiness.http.collectors[0].facts must declare at least one fact',
    );
    expect(problem({ facts: [{ ...fact, description: undefined }] })).toMatch(
      /readiness.http.collectors\[0\].facts\[0\].description/,
    );
    expect(problem({ id: 'Sonar Qube' })).toMatch(
      /^readiness.http.collectors\[0\].id "Sonar Qube" must be lowercase/,
    );
    expect(problem({ id: 'catalog' })).toMatch(/\.id "catalog" must be/);
    expect(problem({ url: 'sonarqube.example.com/{{ metadata.name }}' })).toBe(
      'readiness.http.collectors[0].url of collector sonarqube must be an absolute http or https URL',
    );
    const placeholder = (url: string, where: string) =>
      expect(problem({ url })).toBe(
        `readiness.http.collectors[0].url of collector sonarqube has {{ metadata.name }} in ${where}; placeholders are allowed only in path segments and query values`,
      );
    expect(problem({ url: '{{ metadata.name }}://x/' })).toMatch(
      /must be an absolute http or https URL/,
    );
    placeholder(
      'https://{{ metadata.name }}/api',
      'the scheme, user, host or port',
    );
    placeholder(
      'https://{{ metadata.name }}',
      'the scheme, user, host or port',
    );
    placeholder(
      'https://sonar.{{ metadata.name }}.com/',
      'the scheme, user, host or port',
    );
    // A placeholder for the port never makes a URL.
    expect(problem({ url: 'https://x:{{ metadata.name }}/' })).toMatch(
      /must be an absolute http or https URL/,
    );
    placeholder(
      'https://{{ metadata.name }}@x/',
      'the scheme, user, host or port',
    );
    placeholder(
      'https:{{ metadata.name }}/x',
      'the scheme, user, host or port',
    );
    placeholder(
      'https://x\\{{ metadata.name }}/x',
      'the scheme, user, host or port',
    );
    placeholder('https://x/a#{{ metadata.name }}', 'the fragment');
    placeholder('https://x/a?{{ metadata.name }}=1', 'a query parameter name');
    placeholder(
      'https://x/a?b=1&{{ metadata.name }}',
      'a query parameter name',
    );
    expect(() =>
      read({
        ...sonarqube,
        url: 'https://x/a/{{ metadata.name }}/b.{{ spec.owner }}?c={{ metadata.name }}&d=e{{ spec.owner }}',
      }),
    ).not.toThrow();
    expect(problem({ url: 'https://x/{{ metadata.name' })).toMatch(
      /^readiness.http.collectors\[0\].url is not valid: unbalanced/,
    );
    expect(problem({ maxResponseBytes: 10 })).toBe(
      'readiness.http.collectors[0].maxResponseBytes must be a whole number from 1024 to 1073741824, not 10',
    );
    expect(problem({ method: 'DELETE' })).toBe(
      'readiness.http.collectors[0].method must be GET or POST',
    );
    expect(problem({ body: '{}' })).toBe(
      'readiness.http.collectors[0].body needs method POST',
    );
    expect(problem({ timeout: 'soon' })).toMatch(
      /^readiness.http.collectors\[0\].timeout is not a duration/,
    );
    expect(problem({ retries: 1.5 })).toBe(
      'readiness.http.collectors[0].retries must be a whole number from 0 to 10, not 1.5',
    );
    expect(problem({ concurrency: 0 })).toBe(
      'readiness.http.collectors[0].concurrency must be a whole number from 1 to 64, not 0',
    );
    expect(problem({ rateLimit: { per: '1s' } })).toBe(
      'readiness.http.collectors[0].rateLimit.requests is required',
    );
    expect(problem({ rateLimit: { requests: 1, per: 0 } })).toMatch(
      /^readiness.http.collectors\[0\].rateLimit.per /,
    );
    expect(problem({ pagination: { maxPages: 2 } })).toBe(
      'readiness.http.collectors[0].pagination must have either nextUrlPath or pageParam',
    );
    expect(problem({ pagination: { pageParam: 'p', totalPath: '$.t' } })).toBe(
      'readiness.http.collectors[0].pagination.pageSize is required with totalPath',
    );
    expect(problem({ appliesTo: 'services' })).toMatch(
      /^readiness.http.collectors\[0\].appliesTo is not an entity predicate/,
    );
    expect(problem({ header: { a: 'b' } })).toMatch(
      /^readiness.http.collectors\[0\].header is not a setting of an HTTP collector/,
    );
    expect(problem({ headers: { 'Bad Name': 's3cret' } })).toBe(
      'readiness.http.collectors[0].headers has an invalid header name "Bad Name"',
    );
  });

  it('refuses two collectors with one id', () => {
    expect(() => read(sonarqube, sonarqube)).toThrow(
      'readiness.http.collectors[1].id "sonarqube" is used twice',
    );
  });
});
