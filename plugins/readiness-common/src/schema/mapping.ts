import { isMap, isScalar, isSeq, Node, Scalar, YAMLMap } from 'yaml';
import { Context } from './context';
import { hint } from './didYouMean';
import { DocumentPosition } from './problems';

/** `spec` + `checks` → `spec.checks`; `spec.checks` + 3 → `spec.checks[3]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${path}[${key}]`;
  }
  return path ? `${path}.${key}` : key;
}

/** What a node holds, for "got …" in messages. */
export function describeNode(node: Node | undefined): string {
  if (isMap(node)) {
    return 'a mapping';
  }
  if (isSeq(node)) {
    return node.items.length > 0 ? 'a list' : 'an empty list';
  }
  if (!isScalar(node) || node.value === null || node.value === undefined) {
    return 'nothing';
  }
  if (typeof node.value === 'string') {
    return node.value.trim() === ''
      ? 'an empty string'
      : `the string ${JSON.stringify(node.value)}`;
  }
  return `the ${typeof node.value} ${String(node.value)}`;
}

interface Field {
  key: Scalar;
  value: Node | undefined;
}

/**
 * A YAML mapping being validated. Readers report what is wrong at the
 * offending node and return `undefined`, so callers go on and find every
 * problem of a document in one pass.
 */
export class Mapping {
  private readonly fields = new Map<string, Field>();

  /** Reads `node` as a mapping; reports at `at` when it is not one. */
  static of(
    ctx: Context,
    node: Node | undefined,
    at: Node,
    path: string,
  ): Mapping | undefined {
    if (!isMap(node)) {
      ctx.report(
        node ?? at,
        path,
        `must be a mapping, got ${describeNode(node)}`,
      );
      return undefined;
    }
    return new Mapping(ctx, node, path);
  }

  private constructor(
    private readonly ctx: Context,
    private readonly node: YAMLMap,
    private readonly path: string,
  ) {
    for (const pair of node.items) {
      if (isScalar(pair.key)) {
        this.fields.set(String(pair.key.value), {
          key: pair.key,
          value: ctx.resolve(pair.value),
        });
      } else {
        ctx.report(
          ctx.resolve(pair.key) ?? node,
          path,
          'keys must be plain strings',
        );
      }
    }
  }

  keys(): string[] {
    return [...this.fields.keys()];
  }

  has(key: string): boolean {
    return this.fields.has(key);
  }

  value(key: string): Node | undefined {
    return this.fields.get(key)?.value;
  }

  private keyNode(key: string): Node {
    return this.fields.get(key)?.key ?? this.node;
  }

  /** Where to point at a key's value: the value, or the key when the value is empty. */
  at(key: string): Node {
    const field = this.fields.get(key);
    const range = field?.value?.range;
    return range && range[0] < range[1] ? field!.value! : this.keyNode(key);
  }

  /** The line of a key's value, for "first defined at line …". */
  line(key: string): number {
    return this.ctx.position(this.at(key)).line;
  }

  pathOf(key: string): string {
    return childPath(this.path, key);
  }

  /** Where a key's value is, to report a problem found later (a reference). */
  positionOf(key: string): DocumentPosition {
    return { ...this.ctx.position(this.at(key)), path: this.pathOf(key) };
  }

  report(key: string, message: string): void {
    this.ctx.report(this.at(key), this.pathOf(key), message);
  }

  /** Reports a problem of the key itself, such as one that excludes another. */
  reportKey(key: string, message: string): void {
    this.ctx.report(this.keyNode(key), this.pathOf(key), message);
  }

  /** Reports a problem of the mapping as a whole, such as a missing key. */
  reportSelf(message: string): void {
    this.ctx.report(this.node, this.path, message);
  }

  reportMissing(key: string): void {
    this.reportSelf(`missing required key "${key}"`);
  }

  /** Reports every key not in `allowed`, with the allowed key it most resembles. */
  allowOnly(allowed: readonly string[]): void {
    for (const [key, field] of this.fields) {
      if (!allowed.includes(key)) {
        this.ctx.report(
          field.key,
          this.pathOf(key),
          `unknown key "${key}"${hint(key, allowed, 'allowed')}`,
        );
      }
    }
  }

  /** A string with something other than spaces in it. */
  string(key: string, required: boolean): string | undefined {
    if (!this.has(key)) {
      return this.missing(key, required);
    }
    const node = this.value(key);
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) {
      return node.value;
    }
    this.report(key, `must be a non-empty string, got ${describeNode(node)}`);
    return undefined;
  }

  number(key: string, required: boolean): number | undefined {
    if (!this.has(key)) {
      return this.missing(key, required);
    }
    const node = this.value(key);
    if (isScalar(node) && typeof node.value === 'number') {
      return node.value;
    }
    this.report(key, `must be a number, got ${describeNode(node)}`);
    return undefined;
  }

  boolean(key: string, required: boolean): boolean | undefined {
    if (!this.has(key)) {
      return this.missing(key, required);
    }
    const node = this.value(key);
    if (isScalar(node) && typeof node.value === 'boolean') {
      return node.value;
    }
    this.report(key, `must be true or false, got ${describeNode(node)}`);
    return undefined;
  }

  mapping(key: string, required: boolean): Mapping | undefined {
    if (!this.has(key)) {
      return this.missing(key, required);
    }
    return Mapping.of(
      this.ctx,
      this.value(key),
      this.at(key),
      this.pathOf(key),
    );
  }

  /** The items of a list, aliases resolved. */
  list(key: string, required: boolean): Node[] | undefined {
    if (!this.has(key)) {
      return this.missing(key, required);
    }
    const node = this.value(key);
    if (isSeq(node)) {
      // An alias resolves to nothing only when its anchor is missing, which
      // is a YAML error: such documents are never validated.
      return node.items.map(item => this.ctx.resolve(item) ?? node);
    }
    this.report(key, `must be a list, got ${describeNode(node)}`);
    return undefined;
  }

  private missing(key: string, required: boolean): undefined {
    if (required) {
      this.reportMissing(key);
    }
    return undefined;
  }
}
