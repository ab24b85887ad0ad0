import { useMemo } from 'react';

/**
 * The same query object for as long as the query is equal by value, so that
 * a table reloads when what it asks for changes, not on every render.
 */
export function useStableQuery<T extends object>(query: T): T {
  const key = JSON.stringify(query);
  return useMemo(() => JSON.parse(key) as T, [key]);
}
