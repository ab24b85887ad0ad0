/** What one hostile input cost, measured in a process of its own. */
export interface HostileFigures {
  size: number;
  /** Size of the hostile input (document or subject) in bytes. */
  bytes: number;
  /** Wall-clock time to parse, validate and (where it applies) evaluate it. */
  ms: number;
  /** Heap in use afterwards, with the result still referenced. */
  heapMB: number;
}
