import { FactValue } from '../types';
import { REPOSITORY_FACTS } from './repositoryFactDefinitions';
import { repositoryFacts } from './repositoryFacts';

const observedAt = new Date('2026-11-25T10:00:00Z');

function valuesOf(paths: string[]): Record<string, FactValue> {
  return Object.fromEntries(
    Object.entries(repositoryFacts(paths, observedAt)).map(([name, fact]) => [
      name,
      fact.value,
    ]),
  );
}

/** A TypeScript service on GitHub with almost everything. */
const nodeService = [
  '.github/CODEOWNERS',
  '.github/dependabot.yml',
  '.github/workflows/ci.yml',
  '.github/workflows/codeql-analysis.yml',
  '.github/workflows/release.yaml',
  '.github/workflows/README.md',
  '.gitignore',
  'Dockerfile',
  'README.md',
  'SECURITY.md',
  'alerts/checkout.rules.yaml',
  'catalog-info.yaml',
  'chaos/pod-kill.yaml',
  'charts/checkout/Chart.yaml',
  'charts/checkout/templates/deployment.yaml',
  'docs/index.md',
  'docs/runbooks/high-latency.md',
  'docs/runbooks/payment-provider-down.md',
  'e2e/checkout.spec.ts',
  'load-tests/checkout.k6.js',
  'mkdocs.yml',
  'node_modules/left-pad/test/index.test.js',
  'node_modules/some-lib/Dockerfile',
  'openapi.yaml',
  'package.json',
  'slos/checkout.yaml',
  'src/handlers/createOrder.test.ts',
  'src/handlers/createOrder.ts',
  'src/index.ts',
  'terraform/main.tf',
  'terraform/variables.tf',
];

/** A Java service built by Jenkins, deployed with Kustomize. */
const javaService = [
  'Jenkinsfile',
  'README.adoc',
  'CODEOWNERS',
  'gatling/src/test/scala/CheckoutSimulation.scala',
  'k8s/base/deployment.yaml',
  'k8s/base/kustomization.yaml',
  'pom.xml',
  'renovate.json',
  'src/main/java/com/acme/ledger/Ledger.java',
  'src/main/resources/openapi/ledger.yaml',
  'src/test/java/com/acme/ledger/LedgerTest.java',
  'src/test/java/com/acme/ledger/LedgerRepositoryIT.java',
];

/** A Python LLM service on Buildkite with evals, prompts and red-teaming. */
const llmService = [
  '.buildkite/pipeline.yml',
  'Containerfile',
  'README.md',
  'evals/promptfooconfig.yaml',
  'evals/cases/refunds.yaml',
  'great_expectations/expectations/tickets.json',
  'locustfile.py',
  'prompts/answer.prompt.yml',
  'prompts/system.md',
  'pyproject.toml',
  'redteam/promptfooconfig.redteam.yaml',
  'src/assistant/app.py',
  'tests/integration/test_openai_fallback.py',
  'tests/test_app.py',
];

describe('repositoryFacts', () => {
  it('finds everything a well-kept TypeScript service has', () => {
    expect(valuesOf(nodeService)).toEqual({
      'repository.readme': true,
      'repository.codeowners': true,
      'repository.securityPolicy': true,
      'repository.ciWorkflows': [
        '.github/workflows/ci.yml',
        '.github/workflows/codeql-analysis.yml',
        '.github/workflows/release.yaml',
      ],
      'repository.dockerfile': true,
      'repository.unitTests': true,
      'repository.integrationTests': true,
      'repository.loadTests': true,
      'repository.failureTests': true,
      'repository.securityScanning': ['.github/workflows/codeql-analysis.yml'],
      'repository.dependencyUpdates': true,
      'repository.openapiSpecs': ['openapi.yaml'],
      'repository.runbooks': [
        'docs/runbooks/high-latency.md',
        'docs/runbooks/payment-provider-down.md',
      ],
      'repository.sloDefinitions': ['slos/checkout.yaml'],
      'repository.alertRules': ['alerts/checkout.rules.yaml'],
      'repository.techdocs': true,
      'repository.helmChart': true,
      'repository.kubernetesManifests': false,
      'repository.iac': true,
      'repository.evalSuite': false,
      'repository.prompts': false,
      'repository.promptInjectionTests': false,
      'repository.dataQuality': false,
    });
  });

  it('follows Maven, Jenkins and Kustomize conventions', () => {
    expect(valuesOf(javaService)).toMatchObject({
      'repository.readme': true,
      'repository.codeowners': true,
      'repository.ciWorkflows': ['Jenkinsfile'],
      'repository.unitTests': true,
      'repository.integrationTests': true,
      'repository.loadTests': true,
      'repository.dependencyUpdates': true,
      'repository.openapiSpecs': ['src/main/resources/openapi/ledger.yaml'],
      'repository.kubernetesManifests': true,
      'repository.helmChart': false,
      'repository.dockerfile': false,
      'repository.securityPolicy': false,
      'repository.runbooks': [],
    });
  });

  it('finds the evals, prompts, red-team tests and data checks of an AI service', () => {
    expect(valuesOf(llmService)).toMatchObject({
      'repository.ciWorkflows': ['.buildkite/pipeline.yml'],
      'repository.dockerfile': true,
      'repository.unitTests': true,
      'repository.integrationTests': true,
      'repository.loadTests': true,
      'repository.evalSuite': true,
      'repository.prompts': true,
      'repository.promptInjectionTests': true,
      'repository.dataQuality': true,
      'repository.failureTests': false,
      'repository.codeowners': false,
    });
  });

  it.each([
    ['.gitlab-ci.yml'],
    ['.circleci/config.yml'],
    ['azure-pipelines.yml'],
    ['bitbucket-pipelines.yml'],
    ['.tekton/pull-request.yaml'],
    ['Jenkinsfile.release'],
    ['.travis.yml'],
  ])('recognises the CI definition %s', file => {
    expect(valuesOf([file])['repository.ciWorkflows']).toEqual([file]);
  });

  it.each([
    ['handler_test.go', 'unit'],
    ['src/app.spec.tsx', 'unit'],
    ['src/__tests__/app.js', 'unit'],
    ['tests/test_models.py', 'unit'],
    ['pkg/models_test.py', 'unit'],
    ['spec/models/order_spec.rb', 'unit'],
    ['src/test/kotlin/OrderTest.kt', 'unit'],
    ['Acme.Orders.Tests/OrderTests.cs', 'unit'],
    ['test/integration/api_test.go', 'integration'],
    ['src/it/java/OrderIT.java', 'integration'],
    ['src/integrationTest/kotlin/OrderRepoTest.kt', 'integration'],
    ['it/orders.robot', 'integration'],
    ['playwright.config.ts', 'integration'],
    ['cypress/e2e/checkout.cy.ts', 'integration'],
    ['src/orders.e2e-spec.ts', 'integration'],
    ['pkg/orders_integration_test.go', 'integration'],
    ['pact/orders-consumer.json', 'integration'],
    ['k6/smoke.js', 'load'],
    ['perf/checkout.jmx', 'load'],
    ['jmeter/plan.jmx', 'load'],
    ['stress-tests/spike.js', 'load'],
    ['chaos-experiments/network-delay.yaml', 'failure'],
    ['litmus/pod-delete.yaml', 'failure'],
    ['deploy/chaosengine.yaml', 'failure'],
  ])('classifies %s as a %s test', (file, kind) => {
    const values = valuesOf([file]);
    expect({
      unit: values['repository.unitTests'],
      integration: values['repository.integrationTests'],
      load: values['repository.loadTests'],
      failure: values['repository.failureTests'],
    }).toEqual({
      unit: kind === 'unit',
      integration: kind === 'integration',
      load: kind === 'load',
      failure: kind === 'failure',
    });
  });

  it.each([
    ['src/integration/slack.ts', 'the code of an integration'],
    ['docs/it/index.md', 'Italian documentation'],
    ['internal/load/load.go', 'a Go package named load'],
    ['test/fixtures/orders.json', 'test data without tests'],
    ['vendor/github.com/x/y/y_test.go', 'vendored code'],
    ['src/test-utils.ts', 'test helpers'],
  ])('does not count %s (%s) as tests', file => {
    const values = valuesOf([file]);
    expect([
      values['repository.unitTests'],
      values['repository.integrationTests'],
      values['repository.loadTests'],
      values['repository.failureTests'],
    ]).toEqual([false, false, false, false]);
  });

  it('counts only integration tests when there are no unit tests', () => {
    expect(
      valuesOf(['tests/integration/test_api.py', 'src/app.py']),
    ).toMatchObject({
      'repository.unitTests': false,
      'repository.integrationTests': true,
    });
  });

  it('finds root documents only where the forges look for them', () => {
    expect(
      valuesOf([
        'packages/a/README.md',
        'tools/CODEOWNERS',
        'packages/a/SECURITY.md',
        'docs/renovate.json',
      ]),
    ).toMatchObject({
      'repository.readme': false,
      'repository.codeowners': false,
      'repository.securityPolicy': false,
      'repository.dependencyUpdates': false,
    });
    expect(
      valuesOf(['readme', 'docs/CODEOWNERS', '.github/SECURITY.md']),
    ).toMatchObject({
      'repository.readme': true,
      'repository.codeowners': true,
      'repository.securityPolicy': true,
    });
    expect(
      valuesOf(['.github/renovate.json5'])['repository.dependencyUpdates'],
    ).toBe(true);
  });

  it('finds scanners by configuration file and by workflow name only', () => {
    expect(
      valuesOf([
        '.snyk',
        'sonar-project.properties',
        '.github/codeql/codeql-config.yml',
        '.github/workflows/trivy.yml',
        '.github/workflows/recommendations.yml',
        '.github/workflows/sonarcloud.yaml',
      ])['repository.securityScanning'],
    ).toEqual([
      '.github/codeql/codeql-config.yml',
      '.github/workflows/sonarcloud.yaml',
      '.github/workflows/trivy.yml',
      '.snyk',
      'sonar-project.properties',
    ]);
  });

  it('finds runbooks, API definitions, SLOs and alert rules by name', () => {
    expect(
      valuesOf([
        'RUNBOOK.md',
        'runbooks/restart.md',
        'api/orders.openapi.json',
        'swagger.json',
        'openslo.yaml',
        'monitoring/orders.slo.yaml',
        'deploy/prometheusrule-orders.yaml',
        'docs/runbook-guide.txt',
      ]),
    ).toMatchObject({
      'repository.runbooks': [
        'RUNBOOK.md',
        'docs/runbook-guide.txt',
        'runbooks/restart.md',
      ],
      'repository.openapiSpecs': ['api/orders.openapi.json', 'swagger.json'],
      'repository.sloDefinitions': [
        'monitoring/orders.slo.yaml',
        'openslo.yaml',
      ],
      'repository.alertRules': ['deploy/prometheusrule-orders.yaml'],
    });
  });

  it('recognises other kinds of infrastructure as code and container builds', () => {
    for (const file of [
      'Pulumi.yaml',
      'infra/cdk.json',
      'terragrunt.hcl',
      'cloudformation/stack.yaml',
    ]) {
      expect([file, valuesOf([file])['repository.iac']]).toEqual([file, true]);
    }
    for (const file of [
      'build/package/Dockerfile',
      'docker/api.Dockerfile',
      'Dockerfile.dev',
    ]) {
      expect([file, valuesOf([file])['repository.dockerfile']]).toEqual([
        file,
        true,
      ]);
    }
  });

  it('normalises paths and ignores duplicates and non-strings', () => {
    const values = valuesOf([
      './README.md',
      '/.github/workflows/ci.yml',
      '.github/workflows/ci.yml',
      '',
      'docs/',
      7 as unknown as string,
    ]);
    expect(values['repository.readme']).toBe(true);
    expect(values['repository.ciWorkflows']).toEqual([
      '.github/workflows/ci.yml',
    ]);
  });

  it('reports an empty repository as having nothing', () => {
    const facts = repositoryFacts([], observedAt);
    for (const [name, fact] of Object.entries(facts)) {
      expect([name, fact.value]).toEqual([
        name,
        Array.isArray(fact.value) ? [] : false,
      ]);
      expect(fact.source).toBe('repository');
      expect(fact.observedAt).toBe('2026-11-25T10:00:00.000Z');
    }
  });

  it('defines every fact it returns, with the type of its values', () => {
    const facts = repositoryFacts(nodeService, observedAt);
    expect(Object.keys(facts).sort()).toEqual(
      REPOSITORY_FACTS.map(f => f.name).sort(),
    );
    for (const definition of REPOSITORY_FACTS) {
      const value = facts[definition.name].value;
      expect([
        definition.name,
        Array.isArray(value) ? 'string-list' : typeof value,
      ]).toEqual([definition.name, definition.type]);
      expect(definition.name.startsWith('repository.')).toBe(true);
    }
  });
});
