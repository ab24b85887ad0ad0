import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import request from 'supertest';
import { flagCollectorModule } from '../__testUtils__/flagCollector';
import { checkout, draft } from '../__testUtils__/previewFixtures';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import {
  ACTIONS_BODY_LIMIT_BYTES,
  MAX_ACTION_DOCUMENT_CHARS,
} from './previewScorecardAction';

jest.setTimeout(60_000);

const INVOKE =
  '/api/readiness/.backstage/actions/v1/actions/readiness:preview-scorecard/invoke';

/** A valid draft padded with a YAML comment to `chars` characters. */
function paddedDraft(chars: number): string {
  const text = draft();
  return `${text}#${'x'.repeat(chars - text.length - 1)}`;
}

describe('action preview-scorecard, through the actions registry over HTTP', () => {
  it('takes the longest document it advertises, and the registry refuses a longer body', async () => {
    // The real registry, with its own JSON body parser.
    const { server } = await startReadinessBackend({
      entities: [checkout],
      modules: [flagCollectorModule, actionsRegistryServiceMock.factory()],
      config: {
        readiness: {
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 1 },
            initialDelay: { hours: 1 },
          },
        },
      },
    });

    const longest = await request(server)
      .post(INVOKE)
      .send({ document: paddedDraft(MAX_ACTION_DOCUMENT_CHARS) });
    expect(longest.status).toBe(200);
    expect(longest.body.output.status).toBe('done');

    const tooLong = await request(server)
      .post(INVOKE)
      .send({ document: paddedDraft(MAX_ACTION_DOCUMENT_CHARS + 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.name).toBe('InputError');

    // What the description warns of: past the registry's limit, 413.
    const pastTheRegistry = await request(server)
      .post(INVOKE)
      .send({ document: paddedDraft(ACTIONS_BODY_LIMIT_BYTES + 1) });
    expect(pastTheRegistry.status).toBe(413);
  });
});
