import {
  Alias,
  Document,
  isAlias,
  isCollection,
  isNode,
  isPair,
  isScalar,
  Node,
} from 'yaml';
import { limitMessage, ScorecardLimits } from './limits';
import { childPath } from './mapping';

/** A node's size and nesting once its aliases are replaced by their nodes. */
interface Expansion {
  bytes: number;
  /** Mappings and lists nested in the node, itself included. */
  levels: number;
}

export interface AliasProblem {
  node: Node;
  path: string;
  message: string;
}

export interface ResolvedAliases {
  /** The node each alias refers to. */
  targets: ReadonlyMap<Alias, Node>;
  /** The first limit the document exceeds; then `targets` is incomplete. */
  problem?: AliasProblem;
}

const NOTHING: Expansion = { bytes: 0, levels: 0 };

function sourceBytes(node: Node): number {
  const range = node.range;
  return range ? Math.max(range[1] - range[0], 1) : 1;
}

class Stop extends Error {}

/**
 * Walks a document once, in order, to find what each alias refers to (the
 * last anchor of its name before it) and what the document would be with
 * every alias expanded. The YAML library walks the whole document again for
 * every alias it resolves, and nothing bounds how often a validator that
 * follows aliases visits the same nodes, so the expansion is bounded here,
 * before anything else reads the document.
 */
class AliasWalk {
  readonly targets = new Map<Alias, Node>();
  problem?: AliasProblem;
  private readonly anchors = new Map<string, Node>();
  /** Of anchored nodes once walked; an anchored node not here is still open. */
  private readonly expansions = new Map<Node, Expansion>();
  private aliasedBytes = 0;

  constructor(private readonly limits: ScorecardLimits) {}

  private stop(node: Node, path: string, message: string): never {
    this.problem = { node, path, message };
    throw new Stop();
  }

  private tooDeep(node: Node, path: string): never {
    const { maxDepth } = this.limits;
    return this.stop(
      node,
      path,
      limitMessage(
        `mappings and lists nest more than ${maxDepth} levels deep here, aliases expanded`,
        'maxDepth',
        this.limits,
      ),
    );
  }

  private alias(alias: Alias, path: string, enclosing: number): Expansion {
    const name = alias.source;
    const target = this.anchors.get(name);
    if (target === undefined) {
      return this.stop(
        alias,
        path,
        `alias *${name} refers to no anchor &${name} before it`,
      );
    }
    const expansion = this.expansions.get(target);
    if (expansion === undefined) {
      return this.stop(
        alias,
        path,
        `alias *${name} is inside the node &${name} it refers to`,
      );
    }
    this.targets.set(alias, target);
    this.aliasedBytes += expansion.bytes;
    if (this.aliasedBytes > this.limits.maxAliasedBytes) {
      this.stop(
        alias,
        path,
        limitMessage(
          `aliases expand the document by more than ${this.limits.maxAliasedBytes} bytes`,
          'maxAliasedBytes',
          this.limits,
        ),
      );
    }
    if (enclosing + expansion.levels > this.limits.maxDepth) {
      this.tooDeep(alias, path);
    }
    return expansion;
  }

  /** `enclosing`: the mappings and lists around `node`. */
  walk(node: unknown, path: string, enclosing: number): Expansion {
    if (isAlias(node)) {
      return this.alias(node, path, enclosing);
    }
    if (!isNode(node)) {
      return NOTHING;
    }
    if (node.anchor) {
      this.anchors.set(node.anchor, node);
    }
    let expansion: Expansion;
    if (isCollection(node)) {
      if (enclosing + 1 > this.limits.maxDepth) {
        this.tooDeep(node, path);
      }
      let bytes = sourceBytes(node);
      let levels = 0;
      const add = (child: unknown, childPathText: string) => {
        const inner = this.walk(child, childPathText, enclosing + 1);
        bytes += isNode(child) ? inner.bytes - sourceBytes(child) : 0;
        levels = Math.max(levels, inner.levels);
      };
      node.items.forEach((item: unknown, index: number) => {
        if (isPair(item)) {
          const key = isScalar(item.key) ? String(item.key.value) : undefined;
          add(item.key, path);
          add(item.value, key === undefined ? path : childPath(path, key));
        } else {
          add(item, childPath(path, index));
        }
      });
      expansion = { bytes, levels: levels + 1 };
    } else {
      expansion = { bytes: sourceBytes(node), levels: 0 };
    }
    if (node.anchor) {
      this.expansions.set(node, expansion);
    }
    return expansion;
  }
}

/**
 * Resolves every alias of `doc` in one pass, or finds the first place where
 * the document, aliases expanded, exceeds `maxAliasedBytes` or `maxDepth`.
 * Aliases that refer to no anchor before them, or to a node they are part
 * of, are problems too: the YAML parser accepts both silently.
 */
export function resolveAliases(
  doc: Document,
  limits: ScorecardLimits,
): ResolvedAliases {
  const walk = new AliasWalk(limits);
  try {
    walk.walk(doc.contents, '', 0);
  } catch (error) {
    if (!(error instanceof Stop)) {
      throw error;
    }
  }
  return { targets: walk.targets, problem: walk.problem };
}
