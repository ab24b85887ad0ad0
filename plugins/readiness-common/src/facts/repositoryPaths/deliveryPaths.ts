import {
  atRoot,
  directlyIn,
  inDir,
  RepoPath,
  YAML,
  YAML_OR_JSON,
} from './repositoryPath';

/* How the code is built, checked, updated and deployed. */

export function isCiWorkflow(p: RepoPath): boolean {
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

export function isDockerfile(p: RepoPath): boolean {
  return (
    p.lower === 'dockerfile' ||
    p.lower.startsWith('dockerfile.') ||
    p.lower.endsWith('.dockerfile') ||
    p.lower === 'containerfile'
  );
}

const SCANNER =
  /(?:^|[-_.])(?:codeql|trivy|snyk|grype|semgrep|gitleaks|sonar|sonarqube|sonarcloud|mend|whitesource|osv-scanner|dependency-review)(?:[-_.]|$)/;

export function isSecurityScanning(p: RepoPath): boolean {
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

export function isDependencyUpdates(p: RepoPath): boolean {
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

const KUBERNETES_DIRS = new Set(['k8s', 'kubernetes', 'kube', 'manifests']);

export function isKubernetesManifest(p: RepoPath): boolean {
  return (
    p.lower === 'kustomization.yaml' ||
    p.lower === 'kustomization.yml' ||
    p.lower === 'skaffold.yaml' ||
    (YAML.test(p.lower) && inDir(p, KUBERNETES_DIRS))
  );
}

export function isIac(p: RepoPath): boolean {
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
