import { RepoPath, YAML, YAML_OR_JSON } from './repositoryPath';

/* What running the service relies on: API definitions, runbooks, SLOs, alerts. */

export function isOpenapiSpec(p: RepoPath): boolean {
  return (
    /^(?:openapi|swagger)\.(?:ya?ml|json)$/.test(p.lower) ||
    /\.openapi\.(?:ya?ml|json)$/.test(p.lower) ||
    (p.dirs.includes('openapi') && YAML_OR_JSON.test(p.lower))
  );
}

export function isRunbook(p: RepoPath): boolean {
  return (
    p.dirs.includes('runbook') ||
    p.dirs.includes('runbooks') ||
    /^runbooks?(?:[-_.][^/]*)?\.(?:md|adoc|rst|txt)$/.test(p.lower)
  );
}

export function isSloDefinition(p: RepoPath): boolean {
  return (
    YAML_OR_JSON.test(p.lower) &&
    (p.dirs.includes('slo') ||
      p.dirs.includes('slos') ||
      /\.slos?\.ya?ml$/.test(p.lower) ||
      /^(?:openslo|sloth)[^/]*\.ya?ml$/.test(p.lower))
  );
}

export function isAlertRule(p: RepoPath): boolean {
  return (
    YAML.test(p.lower) &&
    (/\.rules\.ya?ml$/.test(p.lower) ||
      p.lower.startsWith('prometheusrule') ||
      p.dirs.includes('alerts') ||
      p.dirs.includes('alerting'))
  );
}
