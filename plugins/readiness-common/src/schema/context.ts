import {
  Alias,
  Document,
  isAlias,
  isMap,
  isNode,
  isSeq,
  LineCounter,
  Node,
} from 'yaml';
import { ConditionBudget } from './conditionBudget';
import { ScorecardLimits } from './limits';
import { ScorecardProblem } from './problems';

/**
 * One document being validated: resolves its aliases, maps its nodes to
 * lines and collects the problems found in it.
 */
export class Context {
  /** Condition nodes left to validate in this document. */
  readonly conditions: ConditionBudget;

  /** `aliasTargets`: every alias of the document, resolved by `resolveAliases`. */
  constructor(
    readonly source: string,
    private readonly lineCounter: LineCounter,
    private readonly doc: Document,
    private readonly aliasTargets: ReadonlyMap<Alias, Node>,
    private readonly problems: ScorecardProblem[],
    limits: ScorecardLimits,
  ) {
    this.conditions = new ConditionBudget(limits);
  }

  /** The node itself, or what an alias (`*name`) points at. */
  resolve(node: unknown): Node | undefined {
    if (isAlias(node)) {
      return this.aliasTargets.get(node);
    }
    return isNode(node) ? node : undefined;
  }

  /**
   * The node as plain data. Not the YAML library's `toJS`, which walks the
   * whole document again for every alias it meets; the size of what aliases
   * expand to is bounded before validation.
   */
  toJS(node: unknown): unknown {
    const resolved = this.resolve(node);
    if (isMap(resolved)) {
      return Object.fromEntries(
        resolved.items.map(pair => [
          String(this.toJS(pair.key)),
          this.toJS(pair.value),
        ]),
      );
    }
    if (isSeq(resolved)) {
      return resolved.items.map(item => this.toJS(item));
    }
    // A scalar: no alias left for the library to resolve.
    return resolved?.toJS(this.doc, { maxAliasCount: 0 }) ?? null;
  }

  /** 1-based line and column where the node starts. */
  position(node: Node): { line: number; column: number } {
    const { line, col } = this.lineCounter.linePos(node.range?.[0] ?? 0);
    return { line, column: col };
  }

  report(node: Node, path: string, message: string): void {
    this.problems.push({
      source: this.source,
      ...this.position(node),
      path,
      message,
    });
  }
}
