import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { useCallback, useMemo } from 'react';
import { ReadinessPageParams } from './readinessPageParams';

/**
 * The readiness page's view and filters from its URL, and a function that
 * changes some of them, keeping the others (`undefined` removes one).
 */
export function useReadinessPageParams(): [
  ReadinessPageParams,
  (changes: ReadinessPageParams) => void,
] {
  const [searchParams, setSearchParams] = useAppSearchParams();
  const params = useMemo(
    () => Object.fromEntries(searchParams.entries()) as ReadinessPageParams,
    [searchParams],
  );
  const update = useCallback(
    (changes: ReadinessPageParams) =>
      setSearchParams(previous => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value) {
            next.set(name, value);
          } else {
            next.delete(name);
          }
        }
        return next;
      }),
    [setSearchParams],
  );
  return [params, update];
}
