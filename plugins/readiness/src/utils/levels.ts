import type { LevelDefinition } from '@readiness/plugin-readiness-common';

/** The key of `levelCounts` and the `level` filter for entities below the first level. */
export const NO_LEVEL = 'none';

/** A level's title, or its id when the scorecard does not define it (any more). */
export function levelTitle(levels: LevelDefinition[], id: string): string {
  return levels.find(level => level.id === id)?.title ?? id;
}

/** One bar of a level distribution. */
export interface LevelCount {
  id: string;
  title: string;
  count: number;
}

/**
 * Entities per level, from below the first level to the top, each level of
 * the scorecard present (with 0 when no entity is at it).
 */
export function levelCounts(
  levels: LevelDefinition[],
  counts: Record<string, number>,
  noLevelTitle: string,
): LevelCount[] {
  return [
    { id: NO_LEVEL, title: noLevelTitle, count: counts[NO_LEVEL] ?? 0 },
    ...levels.map(level => ({
      id: level.id,
      title: level.title,
      count: counts[level.id] ?? 0,
    })),
  ];
}
