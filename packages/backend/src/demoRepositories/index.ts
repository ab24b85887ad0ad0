import {
  createServiceFactory,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import { DemoRepositoryReader } from './DemoRepositoryReader';

/** Reads `https://github.com/acme-demo/…` from `examples/repositories/`. */
export const demoRepositoryReaders: ReaderFactory = ({
  treeResponseFactory,
}) => [
  {
    predicate: DemoRepositoryReader.handles,
    reader: new DemoRepositoryReader(
      resolvePackagePath('backend', '../../examples/repositories'),
      treeResponseFactory,
    ),
  },
];

/** Adds {@link demoRepositoryReaders} ahead of the real GitHub reader. */
export const demoRepositoriesReader = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return demoRepositoryReaders;
  },
});
