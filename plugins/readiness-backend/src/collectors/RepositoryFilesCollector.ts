import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  REPOSITORY_FACTS,
  repositoryFacts,
} from '@readiness/plugin-readiness-common';
import {
  CollectedFacts,
  collectEach,
  FactCollector,
  FactCollectorContext,
} from '@readiness/plugin-readiness-node';

const SOURCE_LOCATION = 'backstage.io/source-location';

/** `url:https://…` or a bare URL; other location types have no tree to read. */
function sourceUrl(entity: Entity): string {
  const location = entity.metadata.annotations?.[SOURCE_LOCATION] ?? '';
  const match = /^(?:url:)?(https?:\/\/.+)$/.exec(location.trim());
  if (!match) {
    throw new Error(
      `${SOURCE_LOCATION} "${location}" is not a url: location to read files from`,
    );
  }
  return match[1];
}

/**
 * The repository facts (README, CODEOWNERS, CI workflows, Dockerfile, tests,
 * SECURITY.md, dependency updates, OpenAPI specs, runbooks, load tests, …)
 * of each entity, from the file tree at its `backstage.io/source-location`,
 * read through the `UrlReaderService` and so through the app's integrations
 * and their credentials.
 */
export class RepositoryFilesCollector implements FactCollector {
  readonly id = 'repository';
  readonly facts = REPOSITORY_FACTS;
  readonly appliesTo = {
    [`metadata.annotations.${SOURCE_LOCATION}`]: { $exists: true },
  };

  constructor(private readonly urlReader: UrlReaderService) {}

  /**
   * The trees are read one at a time. An entity whose tree cannot be read is
   * left out and logged; when every entity of the batch fails, the first
   * error is thrown so that its reason reaches the checks.
   */
  async collect(
    entities: Entity[],
    context: FactCollectorContext,
  ): Promise<Map<string, CollectedFacts>> {
    return collectEach(
      entities,
      {
        ...context,
        concurrency: 1,
        warning: (ref, error) =>
          `Could not read the repository of ${ref}: ${error}`,
      },
      entity => this.collectOne(entity, context),
    );
  }

  private async collectOne(
    entity: Entity,
    context: FactCollectorContext,
  ): Promise<CollectedFacts> {
    const tree = await this.urlReader.readTree(sourceUrl(entity), {
      signal: context.signal,
    });
    const paths = (await tree.files()).map(file => file.path);
    return Object.fromEntries(
      Object.entries(repositoryFacts(paths, new Date())).map(([name, fact]) => [
        name,
        fact.value,
      ]),
    );
  }
}
