import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ReactNode } from 'react';

/** Where a request stands, as `useAsync` tells it. */
export interface AsyncState<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/**
 * A progress bar while the request runs, the error under `errorTitle` when
 * it failed, and what `children` makes of the value once it is there.
 */
export function AsyncContent<T>(props: {
  state: AsyncState<T>;
  errorTitle: string;
  children: (value: T | undefined) => ReactNode;
}) {
  const { state, errorTitle, children } = props;
  if (state.loading) {
    return <Progress />;
  }
  if (state.error) {
    return <ResponseErrorPanel error={state.error} title={errorTitle} />;
  }
  return <>{children(state.value)}</>;
}
