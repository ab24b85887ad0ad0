import { Entity } from '@backstage/catalog-model';
import profile from '../profile/profile.json';
import { generateOrganisation } from '../generate/generateOrganisation';
import { seededRandom } from '../generate/random';
import { createDatabase, DatabaseKind } from './databases';
import { MemoryCatalog } from './MemoryCatalog';
import { readinessBackend } from './readinessBackend';
import { edited } from './edited';

export interface EvaluationFigures {
  entities: number;
  database: DatabaseKind;
  /** Campaigns on the production-readiness scorecard. */
  campaigns: number;
  evaluated: number;
  fullRunSeconds: number;
  /**
   * CPU time of this process during the full run (user and system): less
   * sensitive than `fullRunSeconds` to other work on the machine, but
   * without PostgreSQL's own.
   */
  fullRunCpuSeconds: number;
  entitiesPerSecond: number;
  peakRssMb: number;
  databaseMb: number;
  /** One entity changed: the change scan that finds and evaluates it. */
  changeScanMs: number;
  changeScanEvaluated: number;
  /** Evaluating that one entity alone. */
  oneEntityMs: number;
  /** After `days` daily changes of 2% of the components, if asked. */
  growth?: { days: number; databaseMb: number; historyRows: number };
}

function sampleRss(): { peakMb: () => number; stop: () => void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    peakMb: () =>
      Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    stop: () => clearInterval(timer),
  };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * One benchmark configuration, in this process: a full evaluation of a
 * generated organisation, one changed entity, and optionally `days` of 2%
 * daily change, with `campaigns` campaigns in force.
 */
export async function runEvaluation(
  count: number,
  kind: DatabaseKind,
  days = 0,
  campaigns = 0,
): Promise<EvaluationFigures> {
  const rss = sampleRss();
  const entities = generateOrganisation(profile, count);
  const catalog = new MemoryCatalog(entities);
  const db = await createDatabase(kind, `readiness_bench_${count}`);
  try {
    const backend = await readinessBackend(db.knex, catalog, campaigns);
    const loaded = backend.registry.campaigns().length;
    if (loaded !== campaigns) {
      throw new Error(
        `${loaded} of ${campaigns} campaigns loaded: ${JSON.stringify(
          backend.registry.listProblems(),
        )}`,
      );
    }

    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const summary = await backend.catalogRun.run();
    const fullRunSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const fullRunCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const databaseMb = mb(await db.sizeBytes());

    const components = entities.filter(e => e.kind === 'Component');
    catalog.put(edited(components[0], 0));
    const scanStarted = process.hrtime.bigint();
    const scan = await backend.changeScan.run();
    const changeScanMs = Number(process.hrtime.bigint() - scanStarted) / 1e6;
    const oneStarted = process.hrtime.bigint();
    await backend.evaluator.evaluate(edited(components[1], 0));
    const oneEntityMs = Number(process.hrtime.bigint() - oneStarted) / 1e6;

    const figures: EvaluationFigures = {
      entities: entities.length,
      database: kind,
      campaigns,
      evaluated: summary.evaluated,
      fullRunSeconds: Math.round(fullRunSeconds * 10) / 10,
      fullRunCpuSeconds: Math.round(fullRunCpuSeconds * 10) / 10,
      entitiesPerSecond: Math.round(summary.evaluated / fullRunSeconds),
      peakRssMb: 0,
      databaseMb,
      changeScanMs: Math.round(changeScanMs),
      changeScanEvaluated: scan.changed,
      oneEntityMs: Math.round(oneEntityMs * 10) / 10,
    };
    if (days > 0) {
      const next = seededRandom(7);
      for (let day = 1; day <= days; day++) {
        for (const component of components) {
          if (next() < 0.02) {
            catalog.put(edited(catalog.get(refOf(component))!, day));
          }
        }
        await backend.changeScan.run();
      }
      const [{ n }] = await db.knex('readiness_history').count({ n: '*' });
      figures.growth = {
        days,
        databaseMb: mb(await db.sizeBytes()),
        historyRows: Number(n),
      };
    }
    figures.peakRssMb = Math.round(rss.peakMb());
    return figures;
  } finally {
    rss.stop();
    await db.drop();
  }
}

function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
}
