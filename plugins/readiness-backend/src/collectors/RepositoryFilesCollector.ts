import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  REPOSITORY_FACTS,
  repositoryFacts,
} from '@readiness/plugin-readiness-common';
import {
  CollectedFacts,
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
   * An entity whose tree cannot be read is left out and logged; when every
   * entity of the batch fails, the first error is thrown so that its reason
   * reaches the checks.
   */
  async collect(
    entities: Entity[],
    context: FactCollectorContext,
  ): Promise<Map<string, CollectedFacts>> {
    const collected = new Map<string, CollectedFacts>();
    let firstError: unknown;
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      try {
        collected.set(ref, await this.collectOne(entity, context));
      } catch (error) {
        firstError ??= error;
        context.logger.warn(
          `Could not read the repository of ${ref}: ${error}`,
        );
      }
    }
    if (collected.size === 0 && firstError !== undefined) {
      throw firstError;
    }
    return collected;
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
