import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ReadinessBadge,
  readinessBadgeRevokePermission,
} from '@readiness/plugin-readiness-common';
import type { Request } from 'express';
import { CallerRateLimiter, CallerRateLimits } from '../api/CallerRateLimiter';
import type { EntityReadinessService } from '../api/EntityReadinessService';
import { auditedStep } from '../lib/auditedStep';
import { callerOf } from '../lib/callerOf';
import { requestAsRoute } from '../lib/requestAsRoute';
import { ExpiringCache } from '../lib/ExpiringCache';
import { requireScorecard } from '../scorecards/scorecardLookup';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { BADGE_ID_PATTERN } from '../store/badges/badgeIds';
import { BadgeStore, BadgeSubject } from '../store/badges/BadgeStore';
import { notEvaluatedBadge, standingBadge, unknownBadge } from './badgeContent';
import { badgeMarkdown, badgeUrl } from './badgeSnippet';
import { BadgeSettings } from './readBadgeSettings';
import { RecentlyUnknownIds } from './RecentlyUnknownIds';
import { renderBadge } from './renderBadge';

/**
 * How long a public badge is served from memory: anonymous callers cost at
 * most one database read per badge and replica in that time.
 */
const PUBLIC_BADGE_CACHE = {
  ttlMs: 60_000,
  maxEntries: 2_000,
  // Badges are under 2 KB each.
  maxWeight: 4_000_000,
};

/**
 * How long an id that is no badge is remembered as such, apart from the
 * badges (ids are at most 64 characters: about 1 MB in all).
 */
const UNKNOWN_ID_CACHE = { ttlMs: 60_000, maxEntries: 10_000 };

/** Where badges read scorecards, ids, results and entities. */
export interface BadgeServiceOptions {
  registry: ScorecardRegistry;
  store: BadgeStore;
  /** Entities as the caller may read them, and their readiness. */
  readiness: Pick<EntityReadinessService, 'visibleEntity' | 'readinessOf'>;
  settings: BadgeSettings;
  /** Who may revoke a badge (`readiness.badge.revoke` on its entity). */
  permissions: PermissionsService;
  /** Records badges made and revoked, never their ids. */
  auditor: AuditorService;
  /** Badge link writes (new ids, revocations) per caller. */
  limits: CallerRateLimits;
}

/** The same answer for every id the caller may not know of. */
const NO_SUCH_BADGE = 'No such badge';

/**
 * Readiness badges: an entity's level and score on a scorecard as SVG, for
 * callers who may read the entity, and, when `readiness.badges.public` is
 * on, under an unguessable id for anyone (a README).
 */
export class BadgeService {
  private readonly publicBadges = new ExpiringCache<string>(
    PUBLIC_BADGE_CACHE,
    svg => svg.length,
  );
  private readonly unknownIds = new RecentlyUnknownIds(UNKNOWN_ID_CACHE);
  /** Each write costs a database write and an audit event. */
  private readonly linkWrites: CallerRateLimiter;

  constructor(private readonly options: BadgeServiceOptions) {
    this.linkWrites = new CallerRateLimiter(
      options.limits,
      'badge links made or revoked',
    );
  }

  /** Whether badges are served without a session. */
  get isPublic(): boolean {
    return this.options.settings.public;
  }

  /**
   * The entity's badge for a caller who may read it (404 otherwise): its
   * stored standing, or, when it has none, its readiness evaluated now.
   */
  async entityBadge(
    ref: CompoundEntityRef,
    scorecardId: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const { scorecard } = requireScorecard(this.options.registry, scorecardId);
    const entity = await this.options.readiness.visibleEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const stored = await this.options.store.storedStanding(
      entityRef,
      scorecardId,
    );
    if (stored) {
      return renderBadge(standingBadge(scorecard, stored));
    }
    const readiness = await this.options.readiness.readinessOf(
      entity,
      credentials,
    );
    const result = readiness.scorecards.find(
      r => r.scorecard.id === scorecardId,
    );
    return renderBadge(
      result ? standingBadge(scorecard, result) : notEvaluatedBadge(scorecard),
    );
  }

  /**
   * The public badge of an entity the caller may read (404 otherwise): the
   * same id for the same entity and scorecard, whoever asks; making a new
   * one counts against the caller's link writes (429 beyond them) and is
   * audited (`badge-create`). 409 while `readiness.badges.public` is off.
   */
  async create(
    entityRef: string,
    scorecardId: string,
    credentials: BackstageCredentials,
    request?: Request,
  ): Promise<ReadinessBadge> {
    const { settings } = this.options;
    if (!settings.public) {
      throw new ConflictError(
        'Public badges are off; an administrator turns them on with readiness.badges.public: true',
      );
    }
    const { scorecard } = requireScorecard(this.options.registry, scorecardId);
    const entity = await this.options.readiness.visibleEntity(
      parseRef(entityRef),
      credentials,
    );
    const id = await this.idFor(
      { entityRef: stringifyEntityRef(entity), scorecardId },
      credentials,
      request,
    );
    const url = badgeUrl(settings.backendBaseUrl!, id);
    return {
      id,
      url,
      markdown: badgeMarkdown({
        scorecardTitle: scorecard.title,
        url,
        appBaseUrl: settings.appBaseUrl!,
        entity: getCompoundEntityRef(entity),
      }),
    };
  }

  /**
   * Revokes the badge of this id: its address serves nothing from now on
   * (on other replicas once their minute of cache is over) and the next
   * `create` makes a new one. Whether or not badges are public, so that
   * links may be revoked before public badges are turned on again. Every
   * call counts against the caller's link writes (429 beyond them). 404 for
   * an unknown or malformed id and for a badge of an entity the caller may
   * not read, alike; 403 without `readiness.badge.revoke` on the entity.
   * Audited (`badge-revoke`) once the caller may read the badge's entity:
   * neither an unknown id nor an unreadable entity is.
   */
  async revoke(
    id: string,
    credentials: BackstageCredentials,
    request?: Request,
  ): Promise<void> {
    const { store } = this.options;
    this.linkWrites.take(callerOf(credentials));
    const subject = BADGE_ID_PATTERN.test(id)
      ? await store.subjectOf(id)
      : undefined;
    if (!subject) {
      throw new NotFoundError(NO_SUCH_BADGE);
    }
    await this.requireVisible(subject.entityRef, credentials);
    // The id is in the request's URL; the auditor records the route's.
    const routeRequest = request && requestAsRoute(request);
    await this.audited('badge-revoke', subject, routeRequest, async () => {
      await this.requireRevokePermission(subject.entityRef, credentials);
      // Another caller may have revoked it since.
      if (!(await store.revoke(id))) {
        throw new NotFoundError(NO_SUCH_BADGE);
      }
      this.publicBadges.delete(id);
      this.unknownIds.add(id);
    });
  }

  /**
   * The badge of this id for anyone, from stored results only (an
   * anonymous caller never makes the backend evaluate), and without the
   * entity's name. 404 while `readiness.badges.public` is off and for an
   * unknown id; `unknown` once the scorecard or the entity's results are
   * gone (an entity removed from the catalog loses them). One database
   * read per id and replica a minute, for badges and unknown ids alike
   * (the last 10,000 of those).
   */
  async publicBadge(id: string): Promise<string> {
    if (
      !this.isPublic ||
      !BADGE_ID_PATTERN.test(id) ||
      this.unknownIds.has(id)
    ) {
      throw new NotFoundError(NO_SUCH_BADGE);
    }
    return this.publicBadges.get(id, async () => {
      const badge = await this.options.store.find(id);
      if (!badge) {
        this.unknownIds.add(id);
        throw new NotFoundError(NO_SUCH_BADGE);
      }
      const active = this.options.registry
        .list()
        .find(s => s.scorecard.id === badge.scorecardId);
      if (!active) {
        return renderBadge(unknownBadge());
      }
      return renderBadge(
        badge.standing
          ? standingBadge(active.scorecard, badge.standing)
          : unknownBadge(active.scorecard),
      );
    });
  }

  /**
   * The badge's id: the one the entity has on the scorecard (one read), or
   * a new one, counted as the caller's link write and audited when this
   * call's id is the one kept (another caller's may win a race).
   */
  private async idFor(
    subject: BadgeSubject,
    credentials: BackstageCredentials,
    request: Request | undefined,
  ): Promise<string> {
    const { store } = this.options;
    const { entityRef, scorecardId } = subject;
    const existing = await store.findId(entityRef, scorecardId);
    if (existing) {
      return existing;
    }
    const caller = callerOf(credentials);
    this.linkWrites.take(caller);
    const { id, created } = await store.getOrCreateId(
      entityRef,
      scorecardId,
      caller,
    );
    if (created) {
      // Recorded once made: only then is there a creation to audit.
      await this.audited('badge-create', subject, request, async () => {});
    }
    return id;
  }

  /** 404 `No such badge` when the caller may not read the entity. */
  private async requireVisible(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    try {
      await this.options.readiness.visibleEntity(
        parseEntityRef(entityRef),
        credentials,
      );
    } catch (error) {
      // Its own message would name the entity.
      throw error instanceof NotFoundError
        ? new NotFoundError(NO_SUCH_BADGE)
        : error;
    }
  }

  private async requireRevokePermission(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: readinessBadgeRevokePermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not revoke the badges of ${entityRef} (readiness.badge.revoke)`,
      );
    }
  }

  /** An audited step on a badge; its id is the secret, so never recorded. */
  private audited<T>(
    eventId: string,
    { entityRef, scorecardId }: BadgeSubject,
    request: Request | undefined,
    run: () => Promise<T>,
  ): Promise<T> {
    return auditedStep(
      this.options.auditor,
      { eventId, request, meta: { entityRef, scorecard: scorecardId } },
      run,
    );
  }
}

/** An entity ref from a request body; 400 naming the field when invalid. */
function parseRef(entityRef: string): CompoundEntityRef {
  try {
    return parseEntityRef(entityRef);
  } catch (error) {
    throw new InputError(
      `entityRef must be an entity ref such as component:default/name: ${
        (error as Error).message
      }`,
    );
  }
}
