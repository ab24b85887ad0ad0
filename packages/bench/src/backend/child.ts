/*
 * A bench-only Backstage backend, started by BenchBackend in its own
 * process: the plugins asked for, over a generated organisation held in
 * memory, with synthetic repositories and the configuration from the
 * parent. The static token comes in READINESS_BENCH_TOKEN.
 */
import { createBackend } from '@backstage/backend-defaults';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import techInsightsJsonRulesModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import readinessPlugin from '@readiness/plugin-readiness-backend';
import profile from '../profile/profile.json';
import { generateOrganisation } from '../generate/generateOrganisation';
import { MemoryCatalog } from '../evaluation/MemoryCatalog';
import { techInsightsCatalogFactsModule } from '../compare/catalogFactRetriever';
import { BenchBackendOptions, benchAppConfig } from './BenchBackendOptions';
import {
  benchControlPlugin,
  catalogFactory,
  configFactory,
  memoryCatalogPlugin,
  urlReaderFactory,
} from './benchFeatures';

async function main() {
  const options: BenchBackendOptions = JSON.parse(process.argv[2]);
  const token = process.env.READINESS_BENCH_TOKEN;
  if (!token) {
    throw new Error('READINESS_BENCH_TOKEN is not set');
  }
  const catalog = new MemoryCatalog(
    generateOrganisation(profile, options.entities, options.seed),
  );
  const backend = createBackend();
  backend.add(configFactory(benchAppConfig(options, token)));
  backend.add(catalogFactory(catalog));
  backend.add(urlReaderFactory);
  backend.add(benchControlPlugin(catalog));
  // The catalog plugin's stand-in: Readiness requires a catalog plugin at
  // start-up, and Tech Insights' fact retrievers read it over HTTP.
  backend.add(memoryCatalogPlugin(catalog));
  if (options.plugins.includes('readiness')) {
    backend.add(readinessPlugin);
  }
  if (options.plugins.includes('tech-insights')) {
    backend.add(techInsightsPlugin);
    backend.add(techInsightsJsonRulesModule);
    backend.add(techInsightsCatalogFactsModule);
  }
  await backend.start();
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
