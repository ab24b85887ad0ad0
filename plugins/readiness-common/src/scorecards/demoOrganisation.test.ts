import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { appliesToEntity, evaluateScorecard } from '../engine';
import { catalogFacts } from '../facts';
import { productionReadinessScorecard } from './productionReadiness';

const examples = path.resolve(__dirname, '../../../../examples');

function demoEntities(): Entity[] {
  return fs
    .readdirSync(examples)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8')),
    )
    .map(doc => doc.toJS() as Entity);
}

describe('the demo organisation under the built-in scorecard', () => {
  it('spreads services and websites over every level', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const levels = demoEntities()
      .filter(e => appliesToEntity(productionReadinessScorecard.appliesTo, e))
      .map(
        e =>
          evaluateScorecard(
            productionReadinessScorecard,
            e,
            catalogFacts(e, now),
            now,
          ).level ?? 'none',
      );
    const counts = levels.reduce<Record<string, number>>(
      (acc, level) => ({ ...acc, [level]: (acc[level] ?? 0) + 1 }),
      {},
    );
    expect(levels.length).toBeGreaterThanOrEqual(25);
    for (const level of ['none', 'bronze', 'silver', 'gold']) {
      expect(counts[level]).toBeGreaterThanOrEqual(2);
    }
  });
});
