import { TestDatabases } from '@backstage/backend-test-utils';
import { checkout, draft } from '../__testUtils__/previewFixtures';
import {
  finishedPreview,
  startPreview,
} from '../__testUtils__/previewRequests';
import { startPreviewBackend } from '../__testUtils__/startPreviewBackend';

jest.setTimeout(60_000);

describe('scorecard preview jobs', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  describe('document size', () => {
    /** The draft, padded with a comment to exactly `bytes` UTF-8 bytes. */
    const draftOf = (bytes: number, filler = 'x') => {
      const base = `${draft()}#`;
      const room = bytes - Buffer.byteLength(base);
      const fill = filler.repeat(Math.floor(room / Buffer.byteLength(filler)));
      const document = `${base}${fill}${'x'.repeat(
        room - Buffer.byteLength(fill),
      )}`;
      expect(Buffer.byteLength(document)).toBe(bytes);
      return document;
    };

    it('accepts a document of the default limit, 256 KiB, and refuses one byte more', async () => {
      const { server } = await startPreviewBackend(databases, {
        entities: [checkout],
      });
      const atLimit = await startPreview(server, draftOf(262144));
      expect(atLimit.status).toBe(202);
      await finishedPreview(server, atLimit.body.id);

      const over = await startPreview(server, draftOf(262145));
      expect(over.status).toBe(400);
      expect(over.body.error.message).toMatch(/262144/);
    });

    it('takes a limit raised above the default, in the contract too', async () => {
      const { server } = await startPreviewBackend(databases, {
        entities: [checkout],
        readiness: { limits: { scorecards: { maxBytes: 300_000 } } },
      });
      const res = await startPreview(server, draftOf(300_000));
      expect(res.status).toBe(202);
      await finishedPreview(server, res.body.id);
    });

    it('holds to readiness.limits.scorecards.maxBytes, in bytes, naming it', async () => {
      const { server } = await startPreviewBackend(databases, {
        entities: [checkout],
        readiness: { limits: { scorecards: { maxBytes: 2000 } } },
      });
      const atLimit = await startPreview(server, draftOf(2000));
      expect(atLimit.status).toBe(202);
      await finishedPreview(server, atLimit.body.id);

      // Fewer characters than the limit, more bytes.
      const wide = draftOf(2001, 'é');
      expect(wide.length).toBeLessThan(2000);
      const over = await startPreview(server, wide);
      expect(over.status).toBe(400);
      expect(over.body.error.message).toMatch(
        /^The scorecard is not valid: .*the file is 2001 bytes \(limit maxBytes is 2000\)$/,
      );

      const huge = await startPreview(server, 'x'.repeat(100_000));
      // The contract's validator answers every request error with 400.
      expect(huge.status).toBe(400);
      expect(huge.body.error.message).toBe(
        'The request body is larger than 77536 bytes; a scorecard document may have at most 2000 bytes (readiness.limits.scorecards.maxBytes)',
      );
    });
  });
});
