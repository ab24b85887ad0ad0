import { renderHook } from '@testing-library/react';
import { useStableQuery } from './useStableQuery';

describe('useStableQuery', () => {
  it('keeps the object while the query is equal by value', () => {
    const { result, rerender } = renderHook(query => useStableQuery(query), {
      initialProps: { scorecard: 'a', kind: undefined as string | undefined },
    });
    const first = result.current;

    rerender({ scorecard: 'a', kind: undefined });
    expect(result.current).toBe(first);

    rerender({ scorecard: 'a', kind: 'api' });
    expect(result.current).not.toBe(first);
    expect(result.current).toEqual({ scorecard: 'a', kind: 'api' });
  });
});
