import { isMap, isScalar, isSeq, Node } from 'yaml';
import { Context } from './context';
import { childPath } from './mapping';

/**
 * Reports every key that a mapping repeats, anywhere in the document
 * (entity predicates included). The YAML parser's own check is turned off
 * because it sometimes points after the previous value instead of at the
 * repeated key.
 */
export function reportDuplicateKeys(
  ctx: Context,
  node: unknown,
  path: string,
): void {
  if (isSeq(node)) {
    node.items.forEach((item, index) =>
      reportDuplicateKeys(ctx, item, childPath(path, index)),
    );
  }
  if (!isMap(node)) {
    return;
  }
  const firstLines = new Map<string, number>();
  for (const { key, value } of node.items) {
    if (!isScalar(key)) {
      continue;
    }
    const name = String(key.value);
    const firstLine = firstLines.get(name);
    if (firstLine === undefined) {
      firstLines.set(name, ctx.position(key as Node).line);
    } else {
      ctx.report(
        key as Node,
        childPath(path, name),
        `duplicate key "${name}", first defined at line ${firstLine}`,
      );
    }
    reportDuplicateKeys(ctx, value, childPath(path, name));
  }
}
