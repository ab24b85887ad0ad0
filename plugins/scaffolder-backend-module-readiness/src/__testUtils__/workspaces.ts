import { createMockDirectory } from '@backstage/backend-test-utils';

/** A new service's catalog-info.yaml that meets Bronze with a CI workflow. */
export const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: receipts
  description: Sends the receipts
  annotations:
    backstage.io/source-location: url:https://github.com/acme-demo/receipts/tree/main/
spec:
  type: service
  owner: group:default/team-payments
  lifecycle: experimental
  system: payments
`;

/** The files of a new service that reaches Bronze, or these instead. */
export function workspace(content: Record<string, string | object> = {}) {
  return createMockDirectory({
    content: {
      'catalog-info.yaml': CATALOG_INFO,
      'README.md': '# receipts',
      '.github': { workflows: { 'ci.yml': 'on: push' } },
      src: { 'index.js': '' },
      ...content,
    },
  });
}
