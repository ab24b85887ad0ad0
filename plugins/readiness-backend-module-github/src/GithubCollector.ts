import { GITHUB_FACTS, isRecord } from '@readiness/plugin-readiness-common';
import {
  PerEntityFactCollector,
  type CollectedFacts,
  type FactCollector,
  type FactCollectorContext,
} from '@readiness/plugin-readiness-node';
import type {
  GithubClient,
  GithubRepository,
  GithubRequestOptions,
} from './GithubClient';
import { countAlertsBySeverity } from './alertCounts';
import { PROJECT_SLUG_ANNOTATION, parseProjectSlug } from './projectSlug';
import { unexpectedPayload } from './unexpectedPayload';

/** @internal */
export type Entity = Parameters<FactCollector['collect']>[0][number];

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string');
}

/**
 * The GitHub facts of each entity with a `github.com/project-slug`, from
 * GitHub's REST API: branch protection of the default branch (required
 * reviews and status checks), CODEOWNERS, active workflows and the last
 * completed run on the default branch, open Dependabot and code-scanning
 * alerts by severity, and the latest release or tag.
 *
 * An answer GitHub documents as "absent" is a value: a branch that is not
 * protected is `false` with 0 reviews and no checks, no CODEOWNERS is
 * `false`, no release and no tag is `null`. An endpoint the credentials may
 * not read (403, 404) leaves its facts out, so they are unknown rather than
 * a failure. Any other error fails the entity with GitHub's answer.
 *
 * The entities of a batch are collected together, within the client's
 * concurrency limit.
 *
 * @internal
 */
export class GithubCollector extends PerEntityFactCollector {
  readonly id = 'github';
  readonly facts = GITHUB_FACTS;
  readonly appliesTo = {
    [`metadata.annotations.${PROJECT_SLUG_ANNOTATION}`]: { $exists: true },
  };

  protected readonly batchOptions = { source: 'GitHub' };

  constructor(private readonly client: Pick<GithubClient, 'get' | 'list'>) {
    super();
  }

  protected async collectOne(
    entity: Entity,
    context: FactCollectorContext,
  ): Promise<CollectedFacts> {
    const repository = parseProjectSlug(
      entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION],
    );
    // The first failure cancels the entity's other requests.
    const failed = new AbortController();
    const options: GithubRequestOptions = {
      signal: AbortSignal.any([context.signal, failed.signal]),
      deadline: context.deadline,
      logger: context.logger,
    };
    const branch = await this.defaultBranch(repository, options);
    try {
      const parts = await Promise.all([
        this.protection(repository, branch, options),
        this.codeowners(repository, branch, options),
        this.workflows(repository, branch, options),
        this.alerts(repository, options),
        this.latestRelease(repository, options),
      ]);
      return Object.assign({}, ...parts);
    } catch (error) {
      failed.abort();
      throw error;
    }
  }

  private async defaultBranch(
    repository: GithubRepository,
    options: GithubRequestOptions,
  ): Promise<string> {
    const reply = await this.client.get(repository, '', {
      ...options,
      accept: [404],
    });
    if (reply.status === 404) {
      throw new Error(
        `GitHub has no repository ${repository.owner}/${
          repository.name
        } that these credentials can read (404${
          reply.message ? ` ${reply.message}` : ''
        })`,
      );
    }
    const branch = isRecord(reply.body) ? reply.body.default_branch : undefined;
    if (typeof branch !== 'string' || branch === '') {
      throw unexpectedPayload(
        repository,
        'the repository has no default_branch',
      );
    }
    return branch;
  }

  /** `GET /repos/{owner}/{repo}/branches/{branch}/protection`. */
  private async protection(
    repository: GithubRepository,
    branch: string,
    options: GithubRequestOptions,
  ): Promise<CollectedFacts> {
    const reply = await this.client.get(
      repository,
      `/branches/${encodeURIComponent(branch)}/protection`,
      { ...options, accept: [403, 404] },
    );
    if (reply.status === 404 && /not protected/i.test(reply.message ?? '')) {
      return {
        'github.defaultBranchProtected': false,
        'github.requiredReviews': 0,
        'github.requiredStatusChecks': [],
      };
    }
    if (reply.status !== 200) {
      this.leftOut(options, repository, 'branch protection', reply);
      return {};
    }
    const body = reply.body;
    if (!isRecord(body)) {
      throw unexpectedPayload(repository, 'branch protection is not an object');
    }

    const reviews = body.required_pull_request_reviews;
    let requiredReviews = 0;
    if (reviews !== undefined && reviews !== null) {
      const count = isRecord(reviews)
        ? reviews.required_approving_review_count ?? 0
        : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw unexpectedPayload(
          repository,
          'required_pull_request_reviews.required_approving_review_count is not a count',
        );
      }
      requiredReviews = count;
    }

    const statusChecks = body.required_status_checks;
    const checks = new Set<string>();
    if (statusChecks !== undefined && statusChecks !== null) {
      if (!isRecord(statusChecks)) {
        throw unexpectedPayload(
          repository,
          'required_status_checks is not an object',
        );
      }
      const contexts = statusChecks.contexts ?? [];
      const checkList = statusChecks.checks ?? [];
      if (
        !isStringList(contexts) ||
        !Array.isArray(checkList) ||
        !checkList.every(c => isRecord(c) && typeof c.context === 'string')
      ) {
        throw unexpectedPayload(
          repository,
          'required_status_checks has no list of contexts or checks',
        );
      }
      contexts.forEach(c => checks.add(c));
      checkList.forEach(c => checks.add(c.context as string));
    }

    return {
      'github.defaultBranchProtected': true,
      'github.requiredReviews': requiredReviews,
      'github.requiredStatusChecks': [...checks],
    };
  }

  /** `GET /repos/{owner}/{repo}/codeowners/errors`: 404 when there is none. */
  private async codeowners(
    repository: GithubRepository,
    branch: string,
    options: GithubRequestOptions,
  ): Promise<CollectedFacts> {
    const reply = await this.client.get(
      repository,
      `/codeowners/errors?ref=${encodeURIComponent(branch)}`,
      { ...options, accept: [403, 404] },
    );
    if (reply.status === 404) {
      return { 'github.codeowners': false };
    }
    if (reply.status !== 200) {
      this.leftOut(options, repository, 'CODEOWNERS', reply);
      return {};
    }
    const errors = isRecord(reply.body) ? reply.body.errors : undefined;
    if (!Array.isArray(errors)) {
      throw unexpectedPayload(repository, 'CODEOWNERS errors is not a list');
    }
    return { 'github.codeowners': errors.length === 0 };
  }

  /**
   * `GET /repos/{owner}/{repo}/actions/workflows` (every page) and the last
   * completed run on the default branch, `GET …/actions/runs`.
   */
  private async workflows(
    repository: GithubRepository,
    branch: string,
    options: GithubRequestOptions,
  ): Promise<CollectedFacts> {
    const [workflows, runs] = await Promise.all([
      this.client.list(
        repository,
        '/actions/workflows?per_page=100',
        { ...options, accept: [403, 404] },
        body =>
          isRecord(body) && Array.isArray(body.workflows)
            ? body.workflows
            : undefined,
      ),
      this.client.get(
        repository,
        `/actions/runs?branch=${encodeURIComponent(
          branch,
        )}&status=completed&per_page=1`,
        { ...options, accept: [403, 404] },
      ),
    ]);

    const facts: CollectedFacts = {};
    if (workflows.status === 200) {
      const paths: string[] = [];
      for (const workflow of workflows.items) {
        if (
          !isRecord(workflow) ||
          typeof workflow.path !== 'string' ||
          typeof workflow.state !== 'string'
        ) {
          throw unexpectedPayload(
            repository,
            'a workflow has no path or state',
          );
        }
        if (workflow.state === 'active') {
          paths.push(workflow.path);
        }
      }
      facts['github.workflows'] = paths;
    } else {
      this.leftOut(options, repository, 'workflows', workflows);
    }

    if (runs.status === 200) {
      const list = isRecord(runs.body) ? runs.body.workflow_runs : undefined;
      if (!Array.isArray(list)) {
        throw unexpectedPayload(repository, 'workflow_runs is not a list');
      }
      if (list.length === 0) {
        facts['github.lastRunSucceeded'] = null;
      } else {
        const run = list[0];
        if (
          !isRecord(run) ||
          !(typeof run.conclusion === 'string' || run.conclusion === null)
        ) {
          throw unexpectedPayload(
            repository,
            'a workflow run has no conclusion',
          );
        }
        facts['github.lastRunSucceeded'] = run.conclusion === 'success';
      }
    } else {
      this.leftOut(options, repository, 'workflow runs', runs);
    }
    return facts;
  }

  /**
   * Open Dependabot and code-scanning alerts, every page, counted by
   * severity. Both lists are needed for a count: if GitHub refuses either
   * (no access, or the feature is off), the counts are left out rather than
   * reported too low.
   */
  private async alerts(
    repository: GithubRepository,
    options: GithubRequestOptions,
  ): Promise<CollectedFacts> {
    const listOf = (body: unknown) => (Array.isArray(body) ? body : undefined);
    const accept = { ...options, accept: [403, 404] };
    const [dependabot, codeScanning] = await Promise.all([
      this.client.list(
        repository,
        '/dependabot/alerts?state=open&per_page=100',
        accept,
        listOf,
      ),
      this.client.list(
        repository,
        '/code-scanning/alerts?state=open&per_page=100',
        accept,
        listOf,
      ),
    ]);
    if (dependabot.status !== 200) {
      this.leftOut(options, repository, 'Dependabot alerts', dependabot);
    }
    if (codeScanning.status !== 200) {
      this.leftOut(options, repository, 'code-scanning alerts', codeScanning);
    }
    if (dependabot.status !== 200 || codeScanning.status !== 200) {
      return {};
    }

    return countAlertsBySeverity(
      repository,
      dependabot.items,
      codeScanning.items,
    );
  }

  /** `GET …/releases/latest`, or else the first of `GET …/tags`. */
  private async latestRelease(
    repository: GithubRepository,
    options: GithubRequestOptions,
  ): Promise<CollectedFacts> {
    const release = await this.client.get(repository, '/releases/latest', {
      ...options,
      accept: [404],
    });
    if (release.status === 200) {
      const tag = isRecord(release.body) ? release.body.tag_name : undefined;
      if (typeof tag !== 'string') {
        throw unexpectedPayload(
          repository,
          'the latest release has no tag_name',
        );
      }
      return { 'github.latestRelease': tag };
    }
    const tags = await this.client.get(repository, '/tags?per_page=1', options);
    if (!Array.isArray(tags.body)) {
      throw unexpectedPayload(repository, 'tags is not a list');
    }
    if (tags.body.length === 0) {
      return { 'github.latestRelease': null };
    }
    const name = isRecord(tags.body[0]) ? tags.body[0].name : undefined;
    if (typeof name !== 'string') {
      throw unexpectedPayload(repository, 'a tag has no name');
    }
    return { 'github.latestRelease': name };
  }

  /** Says why some facts are left out (they become unknown). */
  private leftOut(
    options: GithubRequestOptions,
    repository: GithubRepository,
    what: string,
    reply: { status: number; message?: string },
  ): void {
    options.logger?.info(
      `GitHub answered ${reply.status}${
        reply.message ? ` (${reply.message})` : ''
      } for the ${what} of ${repository.owner}/${
        repository.name
      }; those facts are left out`,
    );
  }
}
