import { inDir, RepoPath, YAML_OR_JSON } from './repositoryPath';

/* Which paths are tests, and of which kind: unit, integration, load, failure. */

const CODE =
  /\.(?:[cm]?[jt]sx?|py|go|java|kt|kts|scala|groovy|rb|rs|cs|fs|php|swift|exs?|dart|clj|cljs|c|cc|cpp|h|hpp|sh|bats|lua|r)$/i;

const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs']);
/** Test-tree names that mean integration tests wherever they are. */
const INTEGRATION_DIRS = new Set([
  'integration-tests',
  'integration_tests',
  'integrationtests',
  'integration-test',
  'integration_test',
  'integrationtest',
  'e2e',
  'e2e-tests',
  'e2e_tests',
  'end-to-end',
  'acceptance-tests',
  'functional-tests',
  'system-tests',
  'cypress',
  'playwright',
  'pact',
  'pacts',
  'contract-tests',
]);
const LOAD_DIRS = new Set([
  'k6',
  'locust',
  'gatling',
  'jmeter',
  'artillery',
  'vegeta',
  'load-tests',
  'load-test',
  'load_tests',
  'loadtest',
  'loadtests',
  'load-testing',
  'perf',
  'perf-tests',
  'performance',
  'performance-tests',
  'stress',
  'stress-tests',
  'soak-tests',
]);
const FAILURE_DIRS = new Set([
  'chaos',
  'chaos-experiments',
  'chaos-engineering',
  'chaos-tests',
  'chaos-mesh',
  'chaosmesh',
  'chaostoolkit',
  'litmus',
  'litmuschaos',
  'gremlin',
  'fault-injection',
  'failure-tests',
  'resilience-tests',
  'toxiproxy',
]);

const UNIT_TEST_FILE = [
  /_test\.go$/,
  /\.(?:test|spec)\.[cm]?[jt]sx?$/,
  /^test_[^/]*\.py$/,
  /_test\.py$/,
  /(?:Test|Tests|Spec)\.(?:java|kt|scala|groovy|cs|php|swift)$/,
  /_spec\.rb$/,
  /_test\.(?:exs|dart|rs)$/,
];

const INTEGRATION_TEST_FILE = [
  /IT\.(?:java|kt|groovy)$/,
  /\.(?:e2e|e2e-spec|int|integration|integration\.test|integration\.spec)\.[cm]?[jt]sx?$/,
  /_(?:integration|e2e)_test\.(?:go|py)$/,
  /^(?:playwright|cypress)\.config\.[cm]?[jt]s$/,
  /^cypress\.json$/,
];

export function isIntegrationTest(p: RepoPath): boolean {
  if (INTEGRATION_TEST_FILE.some(pattern => pattern.test(p.name))) {
    return true;
  }
  if (inDir(p, INTEGRATION_DIRS)) {
    return true;
  }
  // Names that also mean something else (`src/integration/` may be the
  // code of an integration, `docs/it/` Italian documentation) count only at
  // the root, in a test tree, or where Maven and Gradle put them (`src/it/`,
  // `src/integrationTest/`).
  return p.dirs.some((dir, i) => {
    const parent = i === 0 ? undefined : p.dirs[i - 1];
    if (dir === 'it' || dir === 'integrationtest') {
      return parent === undefined || parent === 'src' || TEST_DIRS.has(parent);
    }
    return (
      (dir === 'integration' || dir === 'acceptance') &&
      (parent === undefined || TEST_DIRS.has(parent))
    );
  });
}

export function isLoadTest(p: RepoPath): boolean {
  return (
    inDir(p, LOAD_DIRS) ||
    p.lower.endsWith('.jmx') ||
    p.lower === 'locustfile.py' ||
    p.lower.endsWith('.k6.js') ||
    p.lower.endsWith('.k6.ts') ||
    /Simulation\.(?:scala|java|kt)$/.test(p.name)
  );
}

export function isFailureTest(p: RepoPath): boolean {
  return (
    inDir(p, FAILURE_DIRS) ||
    (p.lower.includes('chaos') && YAML_OR_JSON.test(p.lower))
  );
}

function isTestCode(p: RepoPath): boolean {
  if (UNIT_TEST_FILE.some(pattern => pattern.test(p.name))) {
    return true;
  }
  if (!CODE.test(p.lower)) {
    return false;
  }
  const src = p.dirs.indexOf('src');
  return (
    inDir(p, TEST_DIRS) ||
    (src !== -1 && p.dirs[src + 1] === 'test') ||
    p.dirs.some(d => d.endsWith('.tests'))
  );
}

/** Test code that is not an integration, load or failure test. */
export function isUnitTest(p: RepoPath): boolean {
  return (
    isTestCode(p) &&
    !isIntegrationTest(p) &&
    !isLoadTest(p) &&
    !isFailureTest(p)
  );
}
