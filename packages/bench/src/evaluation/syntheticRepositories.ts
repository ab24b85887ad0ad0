import { UrlReaderService } from '@backstage/backend-plugin-api';
import { seededRandom } from '../generate/random';

/**
 * Files a repository has, with assumed shares (the corpus has catalog files,
 * not repository trees): most have a README and CI, few have load or chaos
 * tests.
 */
const FILES: Array<[string, number]> = [
  ['README.md', 0.9],
  ['.github/workflows/ci.yml', 0.7],
  ['Dockerfile', 0.6],
  ['src/index.test.ts', 0.6],
  ['.github/CODEOWNERS', 0.4],
  ['renovate.json', 0.3],
  ['SECURITY.md', 0.2],
  ['docs/runbooks/service.md', 0.2],
  ['openapi.yaml', 0.2],
  ['alerts/service.rules.yml', 0.2],
  ['deploy/chart/Chart.yaml', 0.3],
  ['e2e/smoke.e2e.ts', 0.2],
  ['slo/availability.slo.yaml', 0.1],
  ['load-tests/k6/service.k6.js', 0.1],
  ['chaos/pod-kill.chaos.yaml', 0.05],
];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

/**
 * A URL reader whose trees are made up from the URL, the same on every
 * read, in place of a Git host.
 */
export function syntheticRepositories(): UrlReaderService {
  return {
    async readTree(url: string) {
      const next = seededRandom(hash(url));
      const paths = FILES.filter(([, share]) => next() < share).map(
        ([file]) => file,
      );
      return {
        files: async () =>
          paths.map(path => ({ path, content: async () => Buffer.alloc(0) })),
        etag: String(hash(url)),
      };
    },
  } as unknown as UrlReaderService;
}
