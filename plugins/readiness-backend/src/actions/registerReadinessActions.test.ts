import { startActionsBackend } from '../__testUtils__/startActionsBackend';

describe('registerReadinessActions', () => {
  it('offers the five actions, described, with their attributes', async () => {
    const { actions } = await startActionsBackend();
    const { actions: listed } = await actions.list();

    expect(Object.fromEntries(listed.map(a => [a.name, a.attributes]))).toEqual(
      {
        'get-entity-readiness': {
          readOnly: true,
          destructive: false,
          idempotent: true,
        },
        'list-entities-below': {
          readOnly: true,
          destructive: false,
          idempotent: true,
        },
        'explain-check': {
          readOnly: true,
          destructive: false,
          idempotent: true,
        },
        'preview-scorecard': {
          readOnly: true,
          destructive: false,
          idempotent: false,
        },
        'refresh-entity': {
          readOnly: false,
          destructive: false,
          idempotent: true,
        },
      },
    );
    for (const action of listed) {
      expect(action.description.length).toBeGreaterThan(200);
      // What agents see of the input: every field described and bounded.
      const input = action.schema.input as {
        properties: Record<string, { description?: string }>;
      };
      for (const [field, schema] of Object.entries(input.properties)) {
        expect([action.name, field, schema.description]).toEqual([
          action.name,
          field,
          expect.any(String),
        ]);
      }
    }
  });
});
