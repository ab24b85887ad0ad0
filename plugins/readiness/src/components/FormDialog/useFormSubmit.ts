import { DependencyList, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';

/**
 * Submits a form once its fields are valid. `errors` holds what is wrong
 * with each field now; they show (`shown`) from the first attempt to
 * submit on, and then follow the input as it is corrected.
 */
export function useFormSubmit<
  Errors extends Record<string, string | undefined>,
>(errors: Errors, submit: () => Promise<void>, deps: DependencyList) {
  const [attempted, setAttempted] = useState(false);
  const [{ loading, error }, run] = useAsyncFn(submit, deps);
  const onSubmit = () => {
    setAttempted(true);
    if (Object.values(errors).every(fieldError => !fieldError)) {
      run();
    }
  };
  return {
    shown: attempted ? errors : ({} as Partial<Errors>),
    submitting: loading,
    error,
    onSubmit,
  };
}
