import { CheckReferenceSite } from './validateCondition';

export interface ReferenceCycle {
  /** The reference that closes the cycle. */
  site: CheckReferenceSite;
  /** The check ids around the cycle, the first repeated at the end. */
  cycle: string[];
}

/**
 * Every cycle among check references, each found once (depth-first search:
 * a reference back to a check still on the stack closes a cycle). A check
 * whose outcome depends on itself could never be decided.
 */
export function findReferenceCycles(
  sites: readonly CheckReferenceSite[],
): ReferenceCycle[] {
  const outgoing = new Map<string, CheckReferenceSite[]>();
  for (const site of sites) {
    outgoing.set(site.from, [...(outgoing.get(site.from) ?? []), site]);
  }
  const done = new Set<string>();
  const stack: string[] = [];
  const cycles: ReferenceCycle[] = [];
  const visit = (check: string) => {
    stack.push(check);
    for (const site of outgoing.get(check) ?? []) {
      const onStack = stack.indexOf(site.to);
      if (onStack >= 0) {
        cycles.push({ site, cycle: [...stack.slice(onStack), site.to] });
      } else if (!done.has(site.to)) {
        visit(site.to);
      }
    }
    stack.pop();
    done.add(check);
  };
  for (const check of outgoing.keys()) {
    if (!done.has(check)) {
      visit(check);
    }
  }
  return cycles;
}
