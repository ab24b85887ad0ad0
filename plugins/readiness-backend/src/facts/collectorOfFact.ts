/**
 * The collector (or source, `pushed`, `catalog`) a fact's name starts with:
 * `github.branchProtection` → `github`, as fact names are made.
 */
export function collectorOfFact(factName: string): string {
  const dot = factName.indexOf('.');
  return dot === -1 ? factName : factName.slice(0, dot);
}
