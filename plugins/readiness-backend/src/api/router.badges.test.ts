import { mockCredentials } from '@backstage/backend-test-utils';
import request, { Response } from 'supertest';
import {
  OWNERSHIP,
  PUBLIC_BADGES,
  startBadgeBackend,
  UNKNOWN_BADGE_ID,
} from '../__testUtils__/badgeFixtures';
import { hideFromUsers } from '../__testUtils__/hideFromUsers';
import { DatabaseBadgeStore } from '../store/badges/DatabaseBadgeStore';

jest.setTimeout(60_000);

const HOSTILE_TITLE = `<script>alert("x")</script> & 'co'`;

/** `ownership` with titles that would be markup if not escaped. */
const HOSTILE = {
  ...OWNERSHIP,
  metadata: { ...OWNERSHIP.metadata, title: HOSTILE_TITLE },
  spec: {
    ...OWNERSHIP.spec,
    levels: [{ id: 'bronze', title: `<img src=x onerror="alert(1)">` }],
  },
};

/** The SVG of a response, whichever way supertest kept the body. */
function svgOf(res: Response): string {
  return Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text;
}

function expectSvg(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toBe(
    "default-src 'none'; style-src 'unsafe-inline'",
  );
  const svg = svgOf(res);
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  return svg;
}

const ANONYMOUS = mockCredentials.none.header();
/** What browsers send for an `<img>`. */
const IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,*/*;q=0.8';
const CHECKOUT_BADGE =
  '/api/readiness/entities/component/default/checkout/badge';

describe('readiness API: badges', () => {
  afterEach(() => jest.restoreAllMocks());

  describe('while public badges are off (the default)', () => {
    it('serves no public badge and makes none', async () => {
      const { server } = await startBadgeBackend({ public: false });

      const create = await request(server).post('/api/readiness/badges').send({
        entityRef: 'component:default/checkout',
        scorecard: 'ownership',
      });
      expect(create.status).toBe(409);
      expect(create.body.error.name).toBe('ConflictError');
      expect(create.body.error.message).toContain(
        'readiness.badges.public: true',
      );

      await request(server)
        .get(`${PUBLIC_BADGES}/${UNKNOWN_BADGE_ID}`)
        .expect(404);
      // Without a session, the backend refuses before any route.
      await request(server)
        .get(`${PUBLIC_BADGES}/${UNKNOWN_BADGE_ID}`)
        .set('Authorization', ANONYMOUS)
        .expect(401);
    });

    it("serves an entity's badge to a caller who may read it", async () => {
      const { server } = await startBadgeBackend({ public: false });

      const res = await request(server)
        .get(CHECKOUT_BADGE)
        .query({ scorecard: 'ownership' })
        .set('Accept', IMAGE_ACCEPT);

      const svg = expectSvg(res);
      expect(res.headers['cache-control']).toBe('private, max-age=60');
      expect(svg).toContain('<title>ownership: Bronze · 100%</title>');
      await request(server)
        .get(CHECKOUT_BADGE)
        .query({ scorecard: 'ownership' })
        .set('Authorization', ANONYMOUS)
        .expect(401);
    });
  });

  describe('while public badges are on', () => {
    it('makes a random id, the same for the same entity and scorecard', async () => {
      const { server } = await startBadgeBackend({ public: true });
      const create = (entityRef: string) =>
        request(server)
          .post('/api/readiness/badges')
          .send({ entityRef, scorecard: 'ownership' })
          .expect(200);

      const first = await create('component:default/checkout');
      const { id, url, markdown } = first.body;
      expect(id).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
      expect(id).not.toContain('checkout');
      expect(url).toBe(`https://backstage.example${PUBLIC_BADGES}/${id}`);
      expect(markdown).toBe(
        `[![ownership: readiness](${url})](https://backstage.example/catalog/default/component/checkout/readiness)`,
      );
      expect((await create('Component:default/checkout')).body.id).toBe(id);
      expect((await create('component:default/cart')).body.id).not.toBe(id);
    });

    it('serves the stored standing to anyone, without naming the entity', async () => {
      const { server, catalog } = await startBadgeBackend({ public: true });
      const badgeOf = async (entityRef: string) => {
        const { body } = await request(server)
          .post('/api/readiness/badges')
          .send({ entityRef, scorecard: 'ownership' })
          .expect(200);
        return `${PUBLIC_BADGES}/${body.id}`;
      };
      const checkoutBadge = await badgeOf('component:default/checkout');
      const cartBadge = await badgeOf('component:default/cart');
      await request(server)
        .get('/api/readiness/entities/component/default/checkout')
        .expect(200);
      const lookups = jest.spyOn(catalog, 'getEntityByRef');

      const res = await request(server)
        .get(checkoutBadge)
        .set('Authorization', ANONYMOUS)
        .set('Accept', IMAGE_ACCEPT);
      const svg = expectSvg(res);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(svg).toContain('<title>ownership: Bronze · 100%</title>');
      expect(svg).not.toContain('checkout');
      expect(Buffer.byteLength(svg)).toBeLessThan(2048);

      // Nothing stored of cart, and an anonymous caller does not evaluate.
      const cartSvg = expectSvg(
        await request(server).get(cartBadge).set('Authorization', ANONYMOUS),
      );
      expect(cartSvg).toContain('<title>ownership: unknown</title>');
      expect(cartSvg).not.toContain('cart');
      expect(lookups).not.toHaveBeenCalled();
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const { server } = await startBadgeBackend({ public: true });
      const reads = jest.spyOn(DatabaseBadgeStore.prototype, 'find');

      for (let i = 0; i < 3; i++) {
        const unknown = await request(server)
          .get(`${PUBLIC_BADGES}/${UNKNOWN_BADGE_ID}`)
          .set('Authorization', ANONYMOUS);
        expect(unknown.status).toBe(404);
        expect(unknown.body.error.name).toBe('NotFoundError');
      }
      // An unknown id is remembered for a while: one read for three asks.
      expect(reads).toHaveBeenCalledTimes(1);
      for (const id of ['short', `${'a'.repeat(30)}%27`, 'a'.repeat(65)]) {
        const res = await request(server)
          .get(`${PUBLIC_BADGES}/${id}`)
          .set('Authorization', ANONYMOUS);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
      }
      expect(reads).toHaveBeenCalledTimes(1);
    });

    it('opens only the public badges to callers without a session', async () => {
      const { server } = await startBadgeBackend({ public: true });

      // Refused before the body is read: a malformed one is not a 400.
      for (const body of [
        { entityRef: 'component:default/checkout', scorecard: 'ownership' },
        { unexpected: 'x'.repeat(100_000) },
      ]) {
        const create = await request(server)
          .post('/api/readiness/badges')
          .set('Authorization', ANONYMOUS)
          .send(body);
        expect(create.status).toBe(401);
      }
      await request(server)
        .get(CHECKOUT_BADGE)
        .query({ scorecard: 'ownership' })
        .set('Authorization', ANONYMOUS)
        .expect(401);
      // The old address of public badges is not open either.
      await request(server)
        .get(`/api/readiness/badges/${UNKNOWN_BADGE_ID}`)
        .set('Authorization', ANONYMOUS)
        .expect(401);
    });
  });

  it('answers 404 to a caller who may not read the entity, as for an unknown one', async () => {
    const { server, catalog } = await startBadgeBackend({ public: true });
    hideFromUsers(catalog, e => e.metadata.name === 'checkout');

    const hidden = await request(server).post('/api/readiness/badges').send({
      entityRef: 'component:default/checkout',
      scorecard: 'ownership',
    });
    const unknown = await request(server)
      .post('/api/readiness/badges')
      .send({ entityRef: 'component:default/nope', scorecard: 'ownership' });
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      'No entity component:default/checkout in the catalog',
    );

    const badge = await request(server)
      .get(CHECKOUT_BADGE)
      .query({ scorecard: 'ownership' });
    expect(badge.status).toBe(404);
    expect(badge.body.error.name).toBe('NotFoundError');
  });

  it('answers 400 with the closest id for an unknown scorecard, and for a bad ref', async () => {
    const { server } = await startBadgeBackend({ public: true });

    const badge = await request(server)
      .get(CHECKOUT_BADGE)
      .query({ scorecard: 'production-readines' });
    expect(badge.status).toBe(400);
    expect(badge.body.error.message).toBe(
      'Unknown scorecard "production-readines" (did you mean "production-readiness"?)',
    );

    const create = await request(server)
      .post('/api/readiness/badges')
      .send({ entityRef: 'component:default/checkout', scorecard: 'ownershp' });
    expect(create.status).toBe(400);
    expect(create.body.error.message).toContain('did you mean "ownership"?');

    const badRef = await request(server)
      .post('/api/readiness/badges')
      .send({ entityRef: 'checkout', scorecard: 'ownership' });
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toMatch(
      /^entityRef must be an entity ref/,
    );
  });

  it('escapes hostile scorecard and level titles in the SVG and the snippet', async () => {
    const { server } = await startBadgeBackend({
      public: true,
      scorecard: HOSTILE,
    });

    const svg = expectSvg(
      await request(server)
        .get(CHECKOUT_BADGE)
        .query({ scorecard: 'ownership' }),
    );
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;',
    );
    expect(svg).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');

    const { body } = await request(server)
      .post('/api/readiness/badges')
      .send({ entityRef: 'component:default/checkout', scorecard: 'ownership' })
      .expect(200);
    expect(body.markdown).toContain(
      `[![\\<script\\>alert("x")\\</script\\> & 'co': readiness](`,
    );
  });
});
