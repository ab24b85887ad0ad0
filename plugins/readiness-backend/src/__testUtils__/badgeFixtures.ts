import { Entity } from '@backstage/catalog-model';
import { checkout } from './catalogEntities';
import { scorecardDocument } from './definitionDocuments';
import {
  ReadinessBackendOptions,
  startReadinessBackend,
} from './startReadinessBackend';

/** A scorecard `ownership`: level Bronze when the owner is set. */
export const OWNERSHIP = scorecardDocument('ownership');

/** A second service, for ids that must differ. */
export const cart: Entity = {
  ...checkout,
  metadata: { ...checkout.metadata, name: 'cart' },
};

/** Where public badges are served. */
export const PUBLIC_BADGES = '/api/readiness/public/badges';

/** A well-formed id that no badge has. */
export const UNKNOWN_BADGE_ID = 'A'.repeat(32);

/**
 * A test backend with checkout and cart (unless `entities` says otherwise),
 * the `ownership` scorecard (or `scorecard`), public badges on or off
 * (with more `readiness.badges` settings in `badges`), and the base URLs
 * their snippets need.
 */
export async function startBadgeBackend(
  options: {
    public: boolean;
    scorecard?: object;
    badges?: object;
  } & Omit<ReadinessBackendOptions, 'config'>,
) {
  const { public: isPublic, scorecard, badges, ...backend } = options;
  return startReadinessBackend({
    entities: [checkout, cart],
    ...backend,
    config: {
      app: { baseUrl: 'https://backstage.example' },
      backend: { baseUrl: 'https://backstage.example' },
      readiness: {
        scorecards: [{ inline: scorecard ?? OWNERSHIP }],
        badges: { ...badges, public: isPublic },
      },
    },
  });
}
