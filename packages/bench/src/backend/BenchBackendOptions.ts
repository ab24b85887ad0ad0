import { JsonObject } from '@backstage/config';

/** The plugins a bench backend runs. */
export type BenchPlugin = 'readiness' | 'tech-insights';

/** Where a bench backend keeps its plugins' databases. */
export type BenchDatabaseConfig =
  | {
      client: 'pg';
      /** The server, without a database name. */
      connection: string;
      /** Each plugin's database is named `<prefix><pluginId>`. */
      prefix: string;
    }
  | { client: 'better-sqlite3'; directory: string };

/** What the parent passes to a bench backend process. */
export interface BenchBackendOptions {
  port: number;
  /** Size of the generated organisation, and its seed. */
  entities: number;
  seed: number;
  plugins: BenchPlugin[];
  database: BenchDatabaseConfig;
  /** More configuration: the `readiness` or `techInsights` sections. */
  config: JsonObject;
}

/**
 * The app config of a bench backend: loopback only, the given database, a
 * static token for the benchmark's requests (a service principal), and no
 * permission backend (with `permission.enabled: false` the permissions
 * service allows everything).
 */
export function benchAppConfig(
  options: BenchBackendOptions,
  token: string,
): JsonObject {
  const { client } = options.database;
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${options.port}`,
      listen: { host: '127.0.0.1', port: options.port },
      database:
        options.database.client === 'pg'
          ? {
              client,
              connection: options.database.connection,
              prefix: options.database.prefix,
            }
          : {
              client,
              connection: { directory: options.database.directory },
            },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'readiness-bench' } },
        ],
      },
    },
    permission: { enabled: false },
    ...options.config,
  };
}
