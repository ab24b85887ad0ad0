import type {
  NotificationPayload,
  NotificationSeverity,
} from '@backstage/plugin-notifications-common';
import type { ClaimedDigest, NotificationLine } from '../store';
import { READINESS_PAGE_LINK } from './notificationLinks';
import { counted } from './notificationText';

/** Entities (or campaigns) a digest lists; it counts the others. */
export const MAX_GROUPS_LISTED = 20;

/** Lines listed under one entity (or campaign). */
const MAX_LINES_PER_GROUP = 3;

const SEVERITY_ORDER: NotificationSeverity[] = [
  'low',
  'normal',
  'high',
  'critical',
];

/**
 * The notification of a digest: its lines grouped by the entity (or
 * campaign) they are about, at most {@link MAX_GROUPS_LISTED} groups listed;
 * a link to the page of the one entity or campaign, else to `/readiness`;
 * the highest severity of its lines.
 */
export function digestPayload(digest: ClaimedDigest): NotificationPayload {
  const groups = new Map<string, NotificationLine[]>();
  for (const line of digest.lines) {
    const group = groups.get(line.about);
    if (group) {
      group.push(line);
    } else {
      groups.set(line.about, [line]);
    }
  }
  const listedGroups = [...groups.values()].slice(0, MAX_GROUPS_LISTED);
  const unread = digest.total - digest.lines.length;
  const more = groups.size - listedGroups.length + unread;
  const description = listedGroups.map(describeGroup);
  if (more > 0) {
    description.push(`…and ${more} more.`);
  }
  const single = groups.size === 1 && unread === 0;
  const [first] = digest.lines;
  return {
    title: titleOf(digest, single ? first : undefined),
    description: description.join('\n'),
    link: single ? first.link : READINESS_PAGE_LINK,
    severity: highestSeverity(digest.lines),
    topic: digest.topic,
  };
}

function describeGroup(lines: NotificationLine[]): string {
  const shown = lines.slice(0, MAX_LINES_PER_GROUP).map(l => l.summary);
  const rest = lines.length - shown.length;
  if (rest > 0) {
    shown.push(`${rest} more`);
  }
  return `${lines[0].aboutTitle}: ${shown.join(' · ')}`;
}

function titleOf(digest: ClaimedDigest, single?: NotificationLine): string {
  if (digest.topic === 'readiness-regression') {
    return single
      ? `Readiness: ${single.aboutTitle} regressed`
      : `Readiness: ${counted(
          digest.total,
          'regression',
          'regressions',
        )} of your entities`;
  }
  return single
    ? `Readiness campaign: ${single.aboutTitle}`
    : `Readiness: ${counted(
        digest.total,
        'campaign update',
        'campaign updates',
      )}`;
}

function highestSeverity(lines: NotificationLine[]): NotificationSeverity {
  return lines.reduce<NotificationSeverity>(
    (highest, line) =>
      SEVERITY_ORDER.indexOf(line.severity) > SEVERITY_ORDER.indexOf(highest)
        ? line.severity
        : highest,
    'low',
  );
}
