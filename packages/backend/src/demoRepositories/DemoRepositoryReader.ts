import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import { ReadTreeResponseFactory } from '@backstage/backend-defaults/urlReader';

/** The demo organisation's made-up GitHub organisation. */
export const DEMO_ORGANISATION = 'acme-demo';

/** `/acme-demo/<repo>/(tree|blob)/<branch>/<path>` */
const DEMO_PATH = new RegExp(
  `^/${DEMO_ORGANISATION}/([^/]+)(?:/(?:tree|blob)/[^/]+)?(/.*)?$`,
);

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

/** A file's content, read only once the stream is consumed. */
async function* lazyContent(file: string): AsyncGenerator<Buffer> {
  yield await fs.promises.readFile(file);
}

/**
 * Reads the demo organisation's repositories from directories instead of
 * GitHub, so that the example app shows repository facts with no network
 * (docs/adr/008-demo-repositories.md).
 */
export class DemoRepositoryReader implements UrlReaderService {
  constructor(
    private readonly root: string,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  static handles(url: URL): boolean {
    return url.host === 'github.com' && DEMO_PATH.test(url.pathname);
  }

  /**
   * The files under the URL's directory. As the archive readers do, only
   * files that `filter` keeps are part of the tree, and a file's content is
   * read only when asked for.
   */
  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const dir = this.localPath(url);
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new Error(`No demo repository directory for ${url}`);
    }
    const kept = listFiles(dir).filter(
      file =>
        !options?.filter ||
        options.filter(file, { size: fs.statSync(path.join(dir, file)).size }),
    );
    return this.treeResponseFactory.fromReadableArray(
      kept.map(file => ({
        path: file,
        data: Readable.from(lazyContent(path.join(dir, file))),
      })),
    );
  }

  async readUrl(url: string): Promise<UrlReaderServiceReadUrlResponse> {
    const data = fs.readFileSync(this.localPath(url));
    return {
      buffer: async () => data,
      stream: () => Readable.from(data),
    };
  }

  async search(): Promise<UrlReaderServiceSearchResponse> {
    throw new Error('Searching the demo repositories is not supported');
  }

  toString() {
    return `demo-repositories{root=${this.root}}`;
  }

  private localPath(url: string): string {
    const match = DEMO_PATH.exec(new URL(url).pathname);
    if (!match) {
      throw new Error(`${url} is not in the demo organisation`);
    }
    const [, repository, rest = '/'] = match;
    const repositoryDir = path.join(this.root, repository);
    const local = path.join(repositoryDir, decodeURIComponent(rest));
    if (
      local !== repositoryDir &&
      !local.startsWith(repositoryDir + path.sep)
    ) {
      throw new Error(`${url} points outside its demo repository`);
    }
    return local;
  }
}
