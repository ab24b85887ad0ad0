import {
  sendJson,
  TestServerHandler,
} from '@readiness/plugin-readiness-node/testUtils';

export interface SonarQubeProject {
  coverage?: string;
  gate?: 'OK' | 'WARN' | 'ERROR';
  issues?: Array<{ key: string; rule: string; severity: string }>;
}

/**
 * Answers as SonarQube's Web API does (api/measures/component,
 * api/qualitygates/project_status, api/issues/search with p/ps paging),
 * for the projects given by key.
 */
export function sonarQube(
  projects: Record<string, SonarQubeProject>,
): TestServerHandler {
  return ({ url }, response) => {
    const notFound = (key: string | null) =>
      sendJson(
        response,
        { errors: [{ msg: `Component key '${key}' not found` }] },
        404,
      );
    if (url.pathname === '/api/measures/component') {
      const key = url.searchParams.get('component');
      const project = key !== null ? projects[key] : undefined;
      if (!project) {
        return notFound(key);
      }
      const wanted = (url.searchParams.get('metricKeys') ?? '').split(',');
      const measures =
        wanted.includes('coverage') && project.coverage
          ? [{ metric: 'coverage', value: project.coverage, bestValue: false }]
          : [];
      return sendJson(response, {
        component: { key, name: key, qualifier: 'TRK', measures },
      });
    }
    if (url.pathname === '/api/qualitygates/project_status') {
      const key = url.searchParams.get('projectKey');
      const project = key !== null ? projects[key] : undefined;
      if (!project?.gate) {
        return notFound(key);
      }
      return sendJson(response, {
        projectStatus: {
          status: project.gate,
          ignoredConditions: false,
          conditions: [],
          periods: [],
        },
      });
    }
    if (url.pathname === '/api/issues/search') {
      const key = url.searchParams.get('componentKeys');
      const project = key !== null ? projects[key] : undefined;
      if (!project) {
        return notFound(key);
      }
      const issues = project.issues ?? [];
      const p = Number(url.searchParams.get('p') ?? 1);
      const ps = Number(url.searchParams.get('ps') ?? 100);
      return sendJson(response, {
        total: issues.length,
        p,
        ps,
        paging: { pageIndex: p, pageSize: ps, total: issues.length },
        issues: issues.slice((p - 1) * ps, p * ps),
      });
    }
    return sendJson(response, { errors: [{ msg: 'Unknown url' }] }, 404);
  };
}
