import type { ServerResponse } from 'node:http';
import type {
  RecordedRequest,
  TestServerHandler,
} from '@readiness/plugin-readiness-node/testUtils';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** What the fake GitHub knows about one repository. */
export interface FakeRepository {
  /** Defaults to `main`. */
  defaultBranch?: string;
  /** Left out: the default branch is not protected (404). */
  protection?: { reviews?: number; contexts?: string[]; checks?: string[] };
  /** Left out: there is no CODEOWNERS file (404). */
  codeownersErrors?: string[];
  workflows?: Array<{ path: string; state?: string }>;
  /** Completed runs on the default branch, newest first. */
  runs?: Array<{ conclusion: string | null }>;
  /** `disabled`: 403, as when Dependabot alerts are off or not readable. */
  dependabot?: Severity[] | 'disabled';
  /** `no-analysis`: 404, as when code scanning is not set up. */
  codeScanning?: Array<Severity | null> | 'no-analysis';
  /** Published releases, newest first. */
  releases?: string[];
  /** Tags, as GitHub lists them. */
  tags?: string[];
}

export interface FakeGithubOptions {
  /** The largest page served (GitHub's is 100), to force pagination. */
  maxPerPage?: number;
}

const DOCS = 'https://docs.github.com/rest';

/** Headers GitHub sends with every REST answer. */
function standardHeaders(): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4990',
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '10',
    'x-ratelimit-resource': 'core',
  };
}

export function sendGithub(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response
    .writeHead(status, { ...standardHeaders(), ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** GitHub's error body, e.g. 404 `Not Found` or `Branch not protected`. */
export function githubError(status: number, message: string, docs = DOCS) {
  return { message, documentation_url: docs, status: String(status) };
}

function pageParams(url: URL, maxPerPage: number) {
  const perPage = Math.min(
    Number(url.searchParams.get('per_page') ?? 30),
    100,
    maxPerPage,
  );
  const page = Number(url.searchParams.get('page') ?? 1);
  return { perPage, page };
}

function withParam(request: RecordedRequest, name: string, value: string) {
  const url = new URL(
    request.url.pathname + request.url.search,
    `http://${request.headers.host}`,
  );
  url.searchParams.set(name, value);
  return url.toString();
}

/** A page of `items` by `page` and `per_page`, with GitHub's Link header. */
function paged<T>(request: RecordedRequest, items: T[], maxPerPage: number) {
  const { perPage, page } = pageParams(request.url, maxPerPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const links: string[] = [];
  if (page > 1) {
    links.push(`<${withParam(request, 'page', String(page - 1))}>; rel="prev"`);
  }
  if (page < last) {
    links.push(`<${withParam(request, 'page', String(page + 1))}>; rel="next"`);
    links.push(`<${withParam(request, 'page', String(last))}>; rel="last"`);
  }
  if (page > 1) {
    links.push(`<${withParam(request, 'page', '1')}>; rel="first"`);
  }
  const headers: Record<string, string> = {};
  if (links.length) {
    headers.link = links.join(', ');
  }
  return { items: items.slice((page - 1) * perPage, page * perPage), headers };
}

/** A page of `items` by the opaque `after` cursor, as Dependabot alerts are paged. */
function cursorPaged<T>(
  request: RecordedRequest,
  items: T[],
  maxPerPage: number,
) {
  const { perPage } = pageParams(request.url, maxPerPage);
  const after = request.url.searchParams.get('after');
  const start = after ? Number(Buffer.from(after, 'base64').toString()) : 0;
  const end = start + perPage;
  const headers: Record<string, string> = {};
  if (end < items.length) {
    const cursor = Buffer.from(String(end)).toString('base64');
    headers.link = `<${withParam(request, 'after', cursor)}>; rel="next"`;
  }
  return { items: items.slice(start, end), headers };
}

/**
 * Answers as GitHub's REST API documents it, for the repositories given by
 * `owner/name`: the repository, branch protection, CODEOWNERS errors,
 * workflows, workflow runs, Dependabot and code-scanning alerts, the latest
 * release and tags, with GitHub's pagination and error bodies.
 */
export function fakeGithub(
  repositories: Record<string, FakeRepository>,
  options: FakeGithubOptions = {},
): TestServerHandler {
  const maxPerPage = options.maxPerPage ?? 100;
  return (request, response) => {
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(
      request.url.pathname,
    );
    const key = match && `${match[1]}/${match[2]}`;
    const repo = key ? repositories[key] : undefined;
    if (!match || !repo) {
      return sendGithub(response, 404, githubError(404, 'Not Found'));
    }
    const [, owner, name, rest = ''] = match;
    const branch = repo.defaultBranch ?? 'main';

    if (rest === '') {
      return sendGithub(response, 200, {
        id: 1296269,
        node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
        name,
        full_name: key,
        owner: { login: owner, id: 1, type: 'Organization' },
        private: false,
        html_url: `https://github.com/${key}`,
        default_branch: branch,
        archived: false,
      });
    }

    if (rest === `/branches/${encodeURIComponent(branch)}/protection`) {
      if (!repo.protection) {
        return sendGithub(
          response,
          404,
          githubError(404, 'Branch not protected'),
        );
      }
      const { reviews, contexts = [], checks = [] } = repo.protection;
      const base = `https://api.github.com/repos/${key}/branches/${branch}/protection`;
      return sendGithub(response, 200, {
        url: base,
        required_status_checks: {
          url: `${base}/required_status_checks`,
          strict: true,
          contexts,
          contexts_url: `${base}/required_status_checks/contexts`,
          checks: checks.map(context => ({ context, app_id: 15368 })),
        },
        ...(reviews !== undefined && {
          required_pull_request_reviews: {
            url: `${base}/required_pull_request_reviews`,
            dismiss_stale_reviews: true,
            require_code_owner_reviews: true,
            required_approving_review_count: reviews,
            require_last_push_approval: false,
          },
        }),
        enforce_admins: { url: `${base}/enforce_admins`, enabled: true },
        required_linear_history: { enabled: false },
        allow_force_pushes: { enabled: false },
        allow_deletions: { enabled: false },
      });
    }

    if (rest === '/codeowners/errors') {
      if (!repo.codeownersErrors) {
        return sendGithub(response, 404, githubError(404, 'Not Found'));
      }
      return sendGithub(response, 200, {
        errors: repo.codeownersErrors.map((message, i) => ({
          line: i + 1,
          column: 1,
          kind: 'Unknown owner',
          source: `* @${message}`,
          suggestion: null,
          message,
          path: '.github/CODEOWNERS',
        })),
      });
    }

    if (rest === '/actions/workflows') {
      const all = (repo.workflows ?? []).map((w, i) => ({
        id: 161335 + i,
        node_id: `MDg6V29ya2Zsb3cxNjEzMzU${i}`,
        name: w.path.replace(/^.*\//, ''),
        path: w.path,
        state: w.state ?? 'active',
        created_at: '2020-01-08T23:48:37.000-08:00',
        updated_at: '2020-01-08T23:50:21.000-08:00',
      }));
      const page = paged(request, all, maxPerPage);
      return sendGithub(
        response,
        200,
        { total_count: all.length, workflows: page.items },
        page.headers,
      );
    }

    if (rest === '/actions/runs') {
      const onBranch = request.url.searchParams.get('branch') === branch;
      const all = onBranch
        ? (repo.runs ?? []).map((run, i) => ({
            id: 30433642 + i,
            name: 'CI',
            head_branch: branch,
            status: 'completed',
            conclusion: run.conclusion,
            event: 'push',
          }))
        : [];
      const page = paged(request, all, maxPerPage);
      return sendGithub(
        response,
        200,
        { total_count: all.length, workflow_runs: page.items },
        page.headers,
      );
    }

    if (rest === '/dependabot/alerts') {
      if (repo.dependabot === 'disabled') {
        return sendGithub(
          response,
          403,
          githubError(
            403,
            'Dependabot alerts are disabled for this repository.',
          ),
        );
      }
      const all = (repo.dependabot ?? []).map((severity, i) => ({
        number: i + 1,
        state: 'open',
        dependency: {
          package: { ecosystem: 'npm', name: `package-${i}` },
          manifest_path: 'package-lock.json',
          scope: 'runtime',
        },
        security_advisory: {
          ghsa_id: `GHSA-${i}`,
          summary: 'A vulnerability',
          severity,
        },
        security_vulnerability: {
          package: { ecosystem: 'npm', name: `package-${i}` },
          severity,
          vulnerable_version_range: '< 1.0.0',
        },
        url: `https://api.github.com/repos/${key}/dependabot/alerts/${i + 1}`,
      }));
      const page = cursorPaged(request, all, maxPerPage);
      return sendGithub(response, 200, page.items, page.headers);
    }

    if (rest === '/code-scanning/alerts') {
      if (repo.codeScanning === 'no-analysis') {
        return sendGithub(response, 404, githubError(404, 'no analysis found'));
      }
      const all = (repo.codeScanning ?? []).map((level, i) => ({
        number: i + 1,
        state: 'open',
        rule: {
          id: `js/rule-${i}`,
          severity: level === null ? 'warning' : 'error',
          security_severity_level: level,
          description: 'A rule',
        },
        tool: { name: 'CodeQL', version: '2.4.0' },
      }));
      const page = paged(request, all, maxPerPage);
      return sendGithub(response, 200, page.items, page.headers);
    }

    if (rest === '/releases/latest') {
      const [latest] = repo.releases ?? [];
      if (latest === undefined) {
        return sendGithub(response, 404, githubError(404, 'Not Found'));
      }
      return sendGithub(response, 200, {
        id: 1,
        tag_name: latest,
        name: latest,
        draft: false,
        prerelease: false,
      });
    }

    if (rest === '/tags') {
      const all = (repo.tags ?? []).map(tag => ({
        name: tag,
        commit: {
          sha: 'c5b97d5ae6c19d5c5df71a34c7fbeeda2479ccbc',
          url: `https://api.github.com/repos/${key}/commits/c5b97d5`,
        },
        zipball_url: `https://github.com/${key}/zipball/${tag}`,
        tarball_url: `https://github.com/${key}/tarball/${tag}`,
        node_id: 'MDQ6VXNlcjE=',
      }));
      const page = paged(request, all, maxPerPage);
      return sendGithub(response, 200, page.items, page.headers);
    }

    return sendGithub(response, 404, githubError(404, 'Not Found'));
  };
}
