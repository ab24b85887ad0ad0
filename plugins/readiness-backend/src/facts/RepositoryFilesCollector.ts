import {
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  REPOSITORY_FACTS,
  repositoryFacts,
} from '@readiness/plugin-readiness-common';
import {
  CollectedFacts,
  CollectorError,
  FactCollectorContext,
  PerEntityFactCollector,
  readBoundedInteger,
} from '@readiness/plugin-readiness-node';

const SOURCE_LOCATION = 'backstage.io/source-location';
const SETTINGS_KEY = 'readiness.collectors.repository';

/** How much of one tree the collector goes through. */
export interface RepositoryTreeLimits {
  /** Paths listed at most; a larger tree makes the facts unknown. */
  maxFiles: number;
  /**
   * The total size of the files the reader may stream past (none is kept);
   * a larger tree makes the facts unknown.
   */
  maxBytes: number;
}

/** Enough for large service repositories, far from exhausting the backend. */
export const DEFAULT_TREE_LIMITS: RepositoryTreeLimits = {
  maxFiles: 20_000,
  maxBytes: 512 * 1024 * 1024,
};

/** The warning for an entity whose tree could not be read. */
function unreadTreeWarning(ref: string, error: unknown): string {
  return `Could not read the repository of ${ref}: ${error}`;
}

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
export class RepositoryFilesCollector extends PerEntityFactCollector {
  /** The collector's id, by which app-config names it. */
  static readonly ID = 'repository';
  readonly id = RepositoryFilesCollector.ID;
  readonly facts = REPOSITORY_FACTS;
  readonly appliesTo = {
    [`metadata.annotations.${SOURCE_LOCATION}`]: { $exists: true },
  };

  /** The trees are read one at a time. */
  protected readonly batchOptions = {
    concurrency: 1,
    warning: unreadTreeWarning,
  };

  constructor(
    private readonly urlReader: UrlReaderService,
    private readonly limits: RepositoryTreeLimits = DEFAULT_TREE_LIMITS,
  ) {
    super();
  }

  /** The collector with `readiness.collectors.repository.maxFiles` and `.maxBytes`. */
  static fromConfig(
    config: RootConfigService,
    urlReader: UrlReaderService,
  ): RepositoryFilesCollector {
    const settings = config.getOptionalConfig(SETTINGS_KEY);
    const read = (key: keyof RepositoryTreeLimits, max: number) =>
      settings
        ? readBoundedInteger(settings, key, {
            min: 1,
            max,
            default: DEFAULT_TREE_LIMITS[key],
            prefix: SETTINGS_KEY,
          })
        : DEFAULT_TREE_LIMITS[key];
    return new RepositoryFilesCollector(urlReader, {
      maxFiles: read('maxFiles', 10_000_000),
      maxBytes: read('maxBytes', Number.MAX_SAFE_INTEGER),
    });
  }

  protected async collectOne(
    entity: Entity,
    context: FactCollectorContext,
  ): Promise<CollectedFacts> {
    const paths = await this.listPaths(sourceUrl(entity), context.signal);
    return Object.fromEntries(
      Object.entries(repositoryFacts(paths, new Date())).map(([name, fact]) => [
        name,
        fact.value,
      ]),
    );
  }

  /**
   * The paths of the tree at `url`, without reading any file: the facts
   * need names only. The reader's `filter` sees every path (with its size)
   * and keeps none, so no content is buffered; past `maxFiles` or
   * `maxBytes` the read is aborted and the facts are unknown, saying which
   * limit was reached.
   */
  private async listPaths(url: string, signal: AbortSignal): Promise<string[]> {
    const { maxFiles, maxBytes } = this.limits;
    const paths: string[] = [];
    let bytes = 0;
    let exceeded: string | undefined;
    const stop = new AbortController();
    const exceed = (limit: string) => {
      exceeded = limit;
      stop.abort(new Error(limit));
    };
    const filter = (path: string, info?: { size: number }) => {
      if (exceeded) {
        return false;
      }
      paths.push(path);
      bytes += info?.size ?? 0;
      if (paths.length > maxFiles) {
        exceed(`more than ${maxFiles} files (${SETTINGS_KEY}.maxFiles)`);
      } else if (bytes > maxBytes) {
        exceed(
          `more than ${maxBytes} bytes of files (${SETTINGS_KEY}.maxBytes)`,
        );
      }
      return false;
    };
    try {
      const tree = await this.urlReader.readTree(url, {
        signal: AbortSignal.any([signal, stop.signal]),
        filter,
      });
      // A reader that ignores the filter lists the files here; their
      // content is never asked for.
      const listed = exceeded ? [] : await tree.files();
      if (paths.length === 0 && listed.length > maxFiles) {
        exceed(`more than ${maxFiles} files (${SETTINGS_KEY}.maxFiles)`);
      } else if (paths.length === 0) {
        paths.push(...listed.map(file => file.path));
      }
    } catch (error) {
      if (!exceeded) {
        throw error;
      }
    }
    if (exceeded) {
      // Safe to show: the URL is the entity's own source location.
      throw new CollectorError(
        `the tree at ${url} has ${exceeded}; its repository facts are unknown`,
      );
    }
    return paths;
  }
}
