import { Fact, FactValue } from '../types';
import { REPOSITORY_SOURCE } from './repositoryFactDefinitions';
import {
  isEvalSuite,
  isDataQuality,
  isPrompt,
  isPromptInjectionTest,
} from './repositoryPaths/aiPaths';
import {
  isCiWorkflow,
  isDependencyUpdates,
  isDockerfile,
  isIac,
  isKubernetesManifest,
  isSecurityScanning,
} from './repositoryPaths/deliveryPaths';
import {
  isAlertRule,
  isOpenapiSpec,
  isRunbook,
  isSloDefinition,
} from './repositoryPaths/operationsPaths';
import {
  isRootDoc,
  RepoPath,
  splitPath,
} from './repositoryPaths/repositoryPath';
import {
  isFailureTest,
  isIntegrationTest,
  isLoadTest,
  isUnitTest,
} from './repositoryPaths/testPaths';

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
    .flatMap(p => splitPath(p) ?? [])
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
    'repository.unitTests': some(isUnitTest),
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
