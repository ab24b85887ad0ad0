import { test } from '@playwright/test';

/**
 * Something worth knowing that does not fail the test (an accessibility
 * violation outside the Readiness markup, a page error, a repeated sign-in):
 * printed with the test's output and kept as a "warning" annotation in the
 * report.
 */
export function warn(message: string) {
  console.log(`! ${message}`);
  try {
    test.info().annotations.push({ type: 'warning', description: message });
  } catch {
    // outside a test (an event after it ended): the line above is enough
  }
}
