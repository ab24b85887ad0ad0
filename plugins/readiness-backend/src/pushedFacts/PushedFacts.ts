import type {
  FactDefinition,
  FactSet,
} from '@readiness/plugin-readiness-common';
import { PushedFactsStore } from '../store';
import { checkPushedValue } from './checkPushedValue';
import { PUSHED_SOURCE } from './readPushedFacts';

/**
 * The facts pipelines push, as an evaluation sees them: each declared fact
 * with the value last pushed for the entity, observed when the pipeline
 * observed it (so that `maxAge` ages it), or unavailable until one is.
 */
export class PushedFacts {
  constructor(
    /** `readiness.pushedFacts`, full names (`pushed.testCoverage`). */
    readonly definitions: readonly FactDefinition[],
    private readonly store: Pick<PushedFactsStore, 'getEntityFacts'>,
  ) {}

  /**
   * The declared pushed facts of the entity, in one query; none and no
   * query when none are declared.
   */
  async factsOf(entityRef: string): Promise<FactSet> {
    if (this.definitions.length === 0) {
      return {};
    }
    const stored = await this.store.getEntityFacts(entityRef);
    const facts: FactSet = {};
    for (const { name, type } of this.definitions) {
      const pushed = stored.get(name);
      // A value pushed before the declaration's type changed says nothing.
      const problem = pushed && checkPushedValue(pushed.value, type);
      if (!pushed) {
        facts[name] = {
          source: PUSHED_SOURCE,
          reason: `no value pushed for ${entityRef} yet`,
        };
      } else if (problem) {
        facts[name] = {
          source: PUSHED_SOURCE,
          reason: `the value pushed at ${pushed.pushedAt} ${problem}; push it again`,
        };
      } else {
        facts[name] = {
          value: pushed.value,
          // The evidence shows it as e.g. "from pushed:github-actions".
          source: `${PUSHED_SOURCE}:${pushed.source}`,
          observedAt: pushed.observedAt,
        };
      }
    }
    return facts;
  }
}
