import { limitMessage, ScorecardLimits } from './limits';

/**
 * Counts the condition nodes of one scorecard, and of the check being read,
 * as they are validated: the tree they make is what every entity is
 * evaluated against. Once a limit is exceeded, every further node is
 * refused, so validation of the rest stops at once.
 */
export class ConditionBudget {
  private scorecardNodes = 0;
  private checkNodes = 0;

  constructor(private readonly limits: ScorecardLimits) {}

  /** Called before each check's condition. */
  startCheck(): void {
    this.checkNodes = 0;
  }

  /**
   * Counts one node: true if it is within both limits. `report` is called
   * for the first node over each limit only.
   */
  spend(report: (message: string) => void): boolean {
    const { maxConditionNodes, maxConditionNodesPerCheck } = this.limits;
    this.scorecardNodes++;
    this.checkNodes++;
    if (this.scorecardNodes > maxConditionNodes) {
      if (this.scorecardNodes === maxConditionNodes + 1) {
        report(
          limitMessage(
            `the scorecard has more than ${maxConditionNodes} condition nodes, aliases expanded`,
            'maxConditionNodes',
            this.limits,
          ),
        );
      }
      return false;
    }
    if (this.checkNodes > maxConditionNodesPerCheck) {
      if (this.checkNodes === maxConditionNodesPerCheck + 1) {
        report(
          limitMessage(
            `the condition has more than ${maxConditionNodesPerCheck} nodes, aliases expanded`,
            'maxConditionNodesPerCheck',
            this.limits,
          ),
        );
      }
      return false;
    }
    return true;
  }
}
