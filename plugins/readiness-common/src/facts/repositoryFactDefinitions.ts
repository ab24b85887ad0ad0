import { FactDefinition } from '../types';

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
