import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { callerOf } from '../lib/callerOf';
import { ExpiringCache } from '../lib/ExpiringCache';

/**
 * The most groups a roll-up covers: a group and the nearest 999 under it,
 * breadth first. Bounds the time and memory of a roll-up over a deep or
 * wide organisation; a team view says when it left groups out.
 */
export const MAX_ROLLUP_GROUPS = 1000;

/**
 * The most (group, group under it) pairs a leaderboard roll-up adds up, all
 * groups together: a deep chain of groups would otherwise cost every group
 * {@link MAX_ROLLUP_GROUPS}, minutes and gigabytes per request for a
 * catalog of 100,000 groups. A real organisation is far below it.
 */
export const MAX_ROLLUP_PAIRS = 500_000;

const GROUP_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'relations',
];

const HIERARCHY_RELATIONS = new Set([RELATION_PARENT_OF, RELATION_CHILD_OF]);

/** What is read of a group: its ref and its relations. */
export type GroupEntity = Pick<Entity, 'kind' | 'metadata' | 'relations'>;

/** A group and the groups under it that a roll-up counts. */
export interface GroupSubtree {
  /** The group first, then the groups under it, nearest first. */
  groups: string[];
  /** More groups lie under it than {@link MAX_ROLLUP_GROUPS}. */
  truncated: boolean;
}

/**
 * The groups a caller may read and which are under which, from their
 * `parentOf` and `childOf` relations (either side suffices). A group the
 * caller may not read is not in it, nor are the groups reached only
 * through it: what a caller sees of the organisation is what the catalog
 * lets them read.
 */
export class GroupForest {
  private readonly children = new Map<string, Set<string>>();
  /** Refs by their lower-case form: the catalog's refs are case-insensitive. */
  private readonly canonical = new Map<string, string>();

  constructor(groups: Iterable<GroupEntity>) {
    const relations: Array<[string, string, string]> = [];
    for (const group of groups) {
      const ref = stringifyEntityRef({
        kind: group.kind,
        namespace: group.metadata.namespace,
        name: group.metadata.name,
      });
      this.canonical.set(ref.toLocaleLowerCase('en-US'), ref);
      this.children.set(ref, new Set());
      for (const relation of group.relations ?? []) {
        if (HIERARCHY_RELATIONS.has(relation.type)) {
          relations.push([ref, relation.type, relation.targetRef]);
        }
      }
    }
    for (const [ref, type, target] of relations) {
      const other = this.find(target);
      if (!other || other === ref) {
        continue;
      }
      if (type === RELATION_PARENT_OF) {
        this.children.get(ref)!.add(other);
      } else if (type === RELATION_CHILD_OF) {
        this.children.get(other)!.add(ref);
      }
    }
  }

  /** The group's ref as the catalog spells it, if the caller may read it. */
  find(ref: string): string | undefined {
    return this.canonical.get(ref.toLocaleLowerCase('en-US'));
  }

  /** How many groups the caller may read. */
  get size(): number {
    return this.children.size;
  }

  /** Every group the caller may read. */
  groups(): IterableIterator<string> {
    return this.children.keys();
  }

  /**
   * The group and the groups under it, breadth first, each once however
   * many paths lead to it (a cycle included), at most `limit`.
   */
  subtree(ref: string, limit = MAX_ROLLUP_GROUPS): GroupSubtree {
    const seen = new Set([ref]);
    const groups = [ref];
    for (let i = 0; i < groups.length; i++) {
      for (const child of this.children.get(groups[i]) ?? []) {
        if (seen.has(child)) {
          continue;
        }
        if (groups.length >= limit) {
          return { groups, truncated: true };
        }
        seen.add(child);
        groups.push(child);
      }
    }
    return { groups, truncated: false };
  }

  /**
   * Each group with its subtree, for a leaderboard rolled up by owner; an
   * InputError when the subtrees hold more than `maxPairs` groups in all.
   */
  rollup(
    limit = MAX_ROLLUP_GROUPS,
    maxPairs = MAX_ROLLUP_PAIRS,
  ): Map<string, readonly string[]> {
    const subtrees = new Map<string, readonly string[]>();
    let pairs = 0;
    for (const ref of this.children.keys()) {
      const { groups } = this.subtree(ref, limit);
      pairs += groups.length;
      if (pairs > maxPairs) {
        throw new InputError(
          `rollup: the ${this.children.size} groups you may read are nested too deeply to roll up (over ${maxPairs} group-in-group pairs); ask without rollup, or for one group's view at /groups/{namespace}/{name}`,
        );
      }
      subtrees.set(ref, groups);
    }
    return subtrees;
  }
}

/** How long and for how many callers a caller's groups are kept. */
export interface GroupHierarchyCacheOptions {
  /** Default 30 seconds: a change to the organisation shows within it. */
  ttlMs?: number;
  /** Callers kept, least recently asking first out; default 100. */
  maxCallers?: number;
  /** Groups kept, all callers together; default 200,000. */
  maxGroups?: number;
  now?: () => number;
}

/**
 * Reads the group hierarchy from the catalog with the caller's
 * credentials: no group the caller may not read enters a roll-up. What a
 * caller may read is kept for a short while (a page asks for several team
 * views at once, a leaderboard download for many pages), and callers that
 * ask at the same time share one read.
 */
export class GroupHierarchy {
  private readonly cache: ExpiringCache<GroupForest>;

  constructor(
    private readonly catalog: CatalogService,
    options: GroupHierarchyCacheOptions = {},
  ) {
    this.cache = new ExpiringCache(
      {
        ttlMs: options.ttlMs ?? 30_000,
        maxEntries: options.maxCallers ?? 100,
        maxWeight: options.maxGroups ?? 200_000,
      },
      forest => forest.size,
      options.now,
    );
  }

  forCaller(credentials: BackstageCredentials): Promise<GroupForest> {
    return this.cache.get(callerOf(credentials), () => this.read(credentials));
  }

  private async read(credentials: BackstageCredentials): Promise<GroupForest> {
    const groups: GroupEntity[] = [];
    const pages = this.catalog.streamEntities(
      { filter: { kind: 'group' }, fields: GROUP_FIELDS, pageSize: 1000 },
      { credentials },
    );
    for await (const page of pages) {
      // Only the hierarchy's relations are kept: a group's members may be many.
      for (const { kind, metadata, relations } of page) {
        groups.push({
          kind,
          metadata,
          relations: relations?.filter(r => HIERARCHY_RELATIONS.has(r.type)),
        });
      }
    }
    return new GroupForest(groups);
  }
}
