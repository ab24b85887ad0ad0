import { Fact, FactDefinition, FactValue } from '../types';

/** The source name of facts read from a repository's file tree. */
export const REPOSITORY_SOURCE = 'repository';

/**
 * Every fact that {@link repositoryFacts} returns.
 *
 * @public
 */
export const REPOSITORY_FACTS: FactDefinition[] = [
  {
    name: 'repository.readme',
    type: 'boolean',
    description:
      'A README (`README`, `README.md`, `README.rst`, …) at the root.',
  },
  {
    name: 'repository.codeowners',
    type: 'boolean',
    description:
      'A `CODEOWNERS` file at the root, in `.github/`, `.gitlab/` or `docs/`.',
  },
  {
    name: 'repository.securityPolicy',
    type: 'boolean',
    description: 'A `SECURITY.md` at the root, in `.github/` or `docs/`.',
  },
  {
    name: 'repository.ciWorkflows',
    type: 'string-list',
    description:
      'CI pipeline definitions: `.github/workflows/*.yml`, `.gitlab-ci.yml`, `Jenkinsfile`, `.circleci/config.yml`, `azure-pipelines.yml`, `.buildkite/*.yml`, `.tekton/*.yaml`, `bitbucket-pipelines.yml`, `.travis.yml`, `.drone.yml`, `.woodpecker.yml`.',
  },
  {
    name: 'repository.dockerfile',
    type: 'boolean',
    description:
      'A container build: `Dockerfile`, `Dockerfile.*`, `*.Dockerfile` or `Containerfile`.',
  },
  {
    name: 'repository.unitTests',
    type: 'boolean',
    description:
      'Unit tests by convention: test files (`*.test.ts`, `*_test.go`, `test_*.py`, `*Test.java`, `*_spec.rb`, …) or code under `test/`, `tests/`, `__tests__/`, `spec/`, `src/test/`, other than integration, load and failure tests.',
  },
  {
    name: 'repository.integrationTests',
    type: 'boolean',
    description:
      'Integration or end-to-end tests: `e2e/`, `integration-tests/`, `acceptance-tests/`, `cypress/`, `playwright/`, `pact/` anywhere; `integration/`, `acceptance/`, `it/` at the root, in a test tree (`tests/integration/`) or as `src/it/`, `src/integrationTest/`; files `*IT.java`, `*.e2e.ts`, `*.integration.test.ts`, `*_integration_test.go`, `playwright.config.*`, `cypress.config.*`.',
  },
  {
    name: 'repository.loadTests',
    type: 'boolean',
    description:
      'Load or stress tests: `k6/`, `locust/`, `gatling/`, `jmeter/`, `artillery/`, `vegeta/`, `load-tests/`, `loadtest/`, `perf/`, `performance/`, `stress/`, `soak-tests/`, `*.jmx`, `locustfile.py`, `*.k6.js`, `*Simulation.scala`.',
  },
  {
    name: 'repository.failureTests',
    type: 'boolean',
    description:
      'Failure-scenario (chaos) tests: `chaos/`, `chaos-experiments/`, `litmus/`, `chaos-mesh/`, `chaostoolkit/`, `gremlin/`, `fault-injection/`, `resilience-tests/`, `toxiproxy/`, or files named `*chaos*.yaml|json`.',
  },
  {
    name: 'repository.securityScanning',
    type: 'string-list',
    description:
      'Vulnerability or code scanning set up in the repository: `.snyk`, `sonar-project.properties`, Trivy, Grype, Semgrep, Gitleaks or Mend configuration, `.github/codeql/`, and GitHub workflows named after CodeQL, Trivy, Snyk, Grype, Semgrep, Gitleaks, SonarQube/SonarCloud, Mend, OSV-Scanner or dependency review.',
  },
  {
    name: 'repository.dependencyUpdates',
    type: 'boolean',
    description:
      'Automated dependency updates: `renovate.json(5)`, `.renovaterc(.json)` (at the root, in `.github/` or `.gitlab/`) or `.github/dependabot.yml`.',
  },
  {
    name: 'repository.openapiSpecs',
    type: 'string-list',
    description:
      'OpenAPI definitions: `openapi.yaml|yml|json`, `swagger.yaml|yml|json`, `*.openapi.yaml|yml|json`, or YAML/JSON files under `openapi/`.',
  },
  {
    name: 'repository.runbooks',
    type: 'string-list',
    description:
      'Runbooks: files under `runbook/` or `runbooks/` (e.g. `docs/runbooks/`), and `RUNBOOK.md` / `runbook-*.md` anywhere.',
  },
  {
    name: 'repository.sloDefinitions',
    type: 'string-list',
    description:
      'SLOs as code (OpenSLO, Sloth, Pyrra): files under `slo/` or `slos/`, `*.slo.yaml|yml`, `openslo*.yaml|yml`, `sloth*.yaml|yml`.',
  },
  {
    name: 'repository.alertRules',
    type: 'string-list',
    description:
      'Alerting rules as code: `*.rules.yml|yaml`, `prometheusrule*.yaml|yml`, and YAML files under `alerts/` or `alerting/`.',
  },
  {
    name: 'repository.techdocs',
    type: 'boolean',
    description: 'An `mkdocs.yml` (TechDocs) anywhere in the repository.',
  },
  {
    name: 'repository.helmChart',
    type: 'boolean',
    description: 'A Helm chart (`Chart.yaml`).',
  },
  {
    name: 'repository.kubernetesManifests',
    type: 'boolean',
    description:
      'Kubernetes manifests: `kustomization.yaml`, `skaffold.yaml`, or YAML under `k8s/`, `kubernetes/`, `kube/`, `manifests/`.',
  },
  {
    name: 'repository.iac',
    type: 'boolean',
    description:
      'Infrastructure as code: Terraform (`*.tf`, `*.tf.json`, `terragrunt.hcl`), Pulumi (`Pulumi.yaml`), AWS CDK (`cdk.json`) or CloudFormation templates under `cloudformation/`.',
  },
  {
    name: 'repository.evalSuite',
    type: 'boolean',
    description:
      'An evaluation suite for AI/ML behaviour: `evals/`, `evaluations/`, `promptfoo/`, `promptfooconfig.*`, `*.eval.ts|js|py`.',
  },
  {
    name: 'repository.prompts',
    type: 'boolean',
    description:
      'Prompts versioned in the repository: `prompts/`, `prompt-templates/`, `*.prompt`, `*.prompty`, `*.prompt.yml|yaml|md`.',
  },
  {
    name: 'repository.promptInjectionTests',
    type: 'boolean',
    description:
      'Prompt-injection or abuse (red-team) tests: `redteam/`, `red-team/`, `prompt-injection/`, `jailbreak/`, `adversarial/`, or files named `*redteam*` / `*red-team*`.',
  },
  {
    name: 'repository.dataQuality',
    type: 'boolean',
    description:
      'Data-quality checks: `great_expectations/`, `gx/`, `soda/`, `expectations/`, or `*.soda.yml|yaml`.',
  },
];

/** Vendored or generated trees: their files are not the repository's own. */
const IGNORED_DIRS = new Set([
  '.git',
  'node_modules',
  'vendor',
  'third_party',
  'third-party',
  'bower_components',
  '.venv',
  'venv',
]);

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
const EVAL_DIRS = new Set(['evals', 'evaluations', 'promptfoo']);
const PROMPT_DIRS = new Set([
  'prompts',
  'prompt-templates',
  'prompt_templates',
]);
const RED_TEAM_DIRS = new Set([
  'redteam',
  'red-team',
  'red_team',
  'prompt-injection',
  'prompt_injection',
  'jailbreak',
  'jailbreaks',
  'adversarial',
]);
const DATA_QUALITY_DIRS = new Set([
  'great_expectations',
  'gx',
  'soda',
  'expectations',
]);
const KUBERNETES_DIRS = new Set(['k8s', 'kubernetes', 'kube', 'manifests']);

const YAML = /\.ya?ml$/i;
const YAML_OR_JSON = /\.(?:ya?ml|json)$/i;

/** One repository path, split for matching. */
interface RepoPath {
  /** As given, normalised: no leading `./` or `/`. */
  path: string;
  /** Lowercased directory names, outermost first. */
  dirs: string[];
  /** File name as given. */
  name: string;
  /** File name lowercased. */
  lower: string;
}

function split(path: string): RepoPath | undefined {
  const normalised = path.replace(/^(?:\.\/)+|^\/+/, '');
  const parts = normalised.split('/').filter(p => p !== '' && p !== '.');
  const name = parts.pop();
  if (name === undefined) {
    return undefined;
  }
  const dirs = parts.map(p => p.toLocaleLowerCase('en-US'));
  if (dirs.some(d => IGNORED_DIRS.has(d))) {
    return undefined;
  }
  return {
    path: [...parts, name].join('/'),
    dirs,
    name,
    lower: name.toLocaleLowerCase('en-US'),
  };
}

function inDir(p: RepoPath, names: ReadonlySet<string>): boolean {
  return p.dirs.some(d => names.has(d));
}

function atRoot(p: RepoPath): boolean {
  return p.dirs.length === 0;
}

/** Directly in `dir` (a path of lowercased names, e.g. `.github/workflows`). */
function directlyIn(p: RepoPath, dir: string): boolean {
  return p.dirs.join('/') === dir;
}

function isCiWorkflow(p: RepoPath): boolean {
  const { lower } = p;
  if (directlyIn(p, '.github/workflows')) {
    return YAML.test(lower);
  }
  if (
    directlyIn(p, '.buildkite') ||
    directlyIn(p, '.tekton') ||
    directlyIn(p, '.azure-pipelines')
  ) {
    return YAML.test(lower);
  }
  if (directlyIn(p, '.circleci')) {
    return lower === 'config.yml' || lower === 'config.yaml';
  }
  if (!atRoot(p)) {
    return false;
  }
  return (
    p.name === 'Jenkinsfile' ||
    p.name.startsWith('Jenkinsfile.') ||
    [
      '.gitlab-ci.yml',
      '.gitlab-ci.yaml',
      'azure-pipelines.yml',
      'azure-pipelines.yaml',
      'bitbucket-pipelines.yml',
      '.travis.yml',
      '.drone.yml',
      '.woodpecker.yml',
      '.woodpecker.yaml',
    ].includes(lower)
  );
}

function isDockerfile(p: RepoPath): boolean {
  return (
    p.lower === 'dockerfile' ||
    p.lower.startsWith('dockerfile.') ||
    p.lower.endsWith('.dockerfile') ||
    p.lower === 'containerfile'
  );
}

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

function isIntegrationTest(p: RepoPath): boolean {
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

function isLoadTest(p: RepoPath): boolean {
  return (
    inDir(p, LOAD_DIRS) ||
    p.lower.endsWith('.jmx') ||
    p.lower === 'locustfile.py' ||
    p.lower.endsWith('.k6.js') ||
    p.lower.endsWith('.k6.ts') ||
    /Simulation\.(?:scala|java|kt)$/.test(p.name)
  );
}

function isFailureTest(p: RepoPath): boolean {
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

const SCANNER =
  /(?:^|[-_.])(?:codeql|trivy|snyk|grype|semgrep|gitleaks|sonar|sonarqube|sonarcloud|mend|whitesource|osv-scanner|dependency-review)(?:[-_.]|$)/;

function isSecurityScanning(p: RepoPath): boolean {
  if (directlyIn(p, '.github/workflows')) {
    return YAML.test(p.lower) && SCANNER.test(p.lower);
  }
  if (p.dirs[0] === '.github' && p.dirs[1] === 'codeql') {
    return true;
  }
  return [
    '.snyk',
    'sonar-project.properties',
    'trivy.yaml',
    'trivy.yml',
    '.trivyignore',
    '.grype.yaml',
    '.grype.yml',
    '.semgrep.yml',
    '.semgrep.yaml',
    '.gitleaks.toml',
    '.whitesource',
    '.mend',
  ].includes(p.lower);
}

function isDependencyUpdates(p: RepoPath): boolean {
  const dir = p.dirs.join('/');
  if (
    dir === '.github' &&
    (p.lower === 'dependabot.yml' || p.lower === 'dependabot.yaml')
  ) {
    return true;
  }
  return (
    (dir === '' || dir === '.github' || dir === '.gitlab') &&
    [
      'renovate.json',
      'renovate.json5',
      '.renovaterc',
      '.renovaterc.json',
    ].includes(p.lower)
  );
}

function isOpenapiSpec(p: RepoPath): boolean {
  return (
    /^(?:openapi|swagger)\.(?:ya?ml|json)$/.test(p.lower) ||
    /\.openapi\.(?:ya?ml|json)$/.test(p.lower) ||
    (p.dirs.includes('openapi') && YAML_OR_JSON.test(p.lower))
  );
}

function isRunbook(p: RepoPath): boolean {
  return (
    p.dirs.includes('runbook') ||
    p.dirs.includes('runbooks') ||
    /^runbooks?(?:[-_.][^/]*)?\.(?:md|adoc|rst|txt)$/.test(p.lower)
  );
}

function isSloDefinition(p: RepoPath): boolean {
  return (
    YAML_OR_JSON.test(p.lower) &&
    (p.dirs.includes('slo') ||
      p.dirs.includes('slos') ||
      /\.slos?\.ya?ml$/.test(p.lower) ||
      /^(?:openslo|sloth)[^/]*\.ya?ml$/.test(p.lower))
  );
}

function isAlertRule(p: RepoPath): boolean {
  return (
    YAML.test(p.lower) &&
    (/\.rules\.ya?ml$/.test(p.lower) ||
      p.lower.startsWith('prometheusrule') ||
      p.dirs.includes('alerts') ||
      p.dirs.includes('alerting'))
  );
}

function isKubernetesManifest(p: RepoPath): boolean {
  return (
    p.lower === 'kustomization.yaml' ||
    p.lower === 'kustomization.yml' ||
    p.lower === 'skaffold.yaml' ||
    (YAML.test(p.lower) && inDir(p, KUBERNETES_DIRS))
  );
}

function isIac(p: RepoPath): boolean {
  return (
    p.lower.endsWith('.tf') ||
    p.lower.endsWith('.tf.json') ||
    p.lower === 'terragrunt.hcl' ||
    p.lower === 'pulumi.yaml' ||
    p.lower === 'pulumi.yml' ||
    p.lower === 'cdk.json' ||
    (p.dirs.includes('cloudformation') && YAML_OR_JSON.test(p.lower))
  );
}

function isEvalSuite(p: RepoPath): boolean {
  return (
    inDir(p, EVAL_DIRS) ||
    p.lower.startsWith('promptfooconfig.') ||
    /\.eval\.(?:[cm]?[jt]s|py)$/.test(p.lower)
  );
}

function isPrompt(p: RepoPath): boolean {
  return (
    inDir(p, PROMPT_DIRS) ||
    p.lower.endsWith('.prompt') ||
    p.lower.endsWith('.prompty') ||
    /\.prompt\.(?:ya?ml|md)$/.test(p.lower)
  );
}

function isPromptInjectionTest(p: RepoPath): boolean {
  return (
    inDir(p, RED_TEAM_DIRS) ||
    p.lower.includes('redteam') ||
    p.lower.includes('red-team')
  );
}

function isDataQuality(p: RepoPath): boolean {
  return inDir(p, DATA_QUALITY_DIRS) || /\.soda\.ya?ml$/.test(p.lower);
}

function isRootDoc(p: RepoPath, pattern: RegExp, dirs: string[]): boolean {
  return dirs.includes(p.dirs.join('/')) && pattern.test(p.lower);
}

/**
 * The facts that a repository's file tree shows, from the list of its file
 * paths (relative, `/`-separated, e.g. from `git ls-files` or a tree API).
 * Pure: reads no file, only names. Paths in vendored trees (`node_modules/`,
 * `vendor/`, …) are ignored. Every fact is always present.
 *
 * @public
 */
export function repositoryFacts(
  paths: string[],
  observedAt: Date,
): Record<string, Fact> {
  const files = [...new Set(paths)]
    .filter((p): p is string => typeof p === 'string')
    .flatMap(p => split(p) ?? [])
    .sort((a, b) => (a.path < b.path ? -1 : Number(a.path > b.path)));
  const some = (test: (p: RepoPath) => boolean) => files.some(test);
  const list = (test: (p: RepoPath) => boolean) => [
    ...new Set(files.filter(test).map(p => p.path)),
  ];

  const values: Record<string, FactValue> = {
    'repository.readme': some(p => isRootDoc(p, /^readme(?:\.[a-z]+)?$/, [''])),
    'repository.codeowners': some(
      p =>
        p.name === 'CODEOWNERS' &&
        ['', '.github', '.gitlab', 'docs'].includes(p.dirs.join('/')),
    ),
    'repository.securityPolicy': some(p =>
      isRootDoc(p, /^security\.(?:md|markdown|adoc|rst|txt)$/, [
        '',
        '.github',
        'docs',
      ]),
    ),
    'repository.ciWorkflows': list(isCiWorkflow),
    'repository.dockerfile': some(isDockerfile),
    'repository.unitTests': some(
      p =>
        isTestCode(p) &&
        !isIntegrationTest(p) &&
        !isLoadTest(p) &&
        !isFailureTest(p),
    ),
    'repository.integrationTests': some(isIntegrationTest),
    'repository.loadTests': some(isLoadTest),
    'repository.failureTests': some(isFailureTest),
    'repository.securityScanning': list(isSecurityScanning),
    'repository.dependencyUpdates': some(isDependencyUpdates),
    'repository.openapiSpecs': list(isOpenapiSpec),
    'repository.runbooks': list(isRunbook),
    'repository.sloDefinitions': list(isSloDefinition),
    'repository.alertRules': list(isAlertRule),
    'repository.techdocs': some(
      p => p.lower === 'mkdocs.yml' || p.lower === 'mkdocs.yaml',
    ),
    'repository.helmChart': some(p => p.lower === 'chart.yaml'),
    'repository.kubernetesManifests': some(isKubernetesManifest),
    'repository.iac': some(isIac),
    'repository.evalSuite': some(isEvalSuite),
    'repository.prompts': some(isPrompt),
    'repository.promptInjectionTests': some(isPromptInjectionTest),
    'repository.dataQuality': some(isDataQuality),
  };

  const time = observedAt.toISOString();
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      { value, source: REPOSITORY_SOURCE, observedAt: time },
    ]),
  );
}
