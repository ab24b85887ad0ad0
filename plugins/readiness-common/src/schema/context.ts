import { Document, isAlias, isNode, LineCounter, Node } from 'yaml';
import { ScorecardProblem } from './problems';

/**
 * One document being validated: resolves its aliases, maps its nodes to
 * lines and collects the problems found in it.
 */
export class Context {
  constructor(
    readonly source: string,
    private readonly lineCounter: LineCounter,
    private readonly doc: Document,
    private readonly problems: ScorecardProblem[],
  ) {}

  /** The node itself, or what an alias (`*name`) points at. */
  resolve(node: unknown): Node | undefined {
    if (isAlias(node)) {
      return node.resolve(this.doc);
    }
    return isNode(node) ? node : undefined;
  }

  toJS(node: Node): unknown {
    return node.toJS(this.doc);
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
