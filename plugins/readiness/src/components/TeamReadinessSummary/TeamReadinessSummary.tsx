import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Link, Text } from '@backstage/ui';
import type {
  TeamCampaignDue,
  TeamReadiness,
  TeamRegression,
} from '@readiness/plugin-readiness-common';
import { ReactNode } from 'react';
import { useCampaignLink } from '../../hooks/useCampaignLink';
import { useCampaignTimeText } from '../../hooks/useCampaignTimeText';
import { readinessTranslationRef } from '../../translation';
import type { ScorecardNames } from '../../utils/scorecardNames';
import { EntityReadinessLink } from '../EntityReadinessLink';
import { LevelDistribution } from '../LevelDistribution';
import { RelativeTime } from '../RelativeTime';
import { TrendValue } from '../TrendValue';

const listStyle = { margin: 0, paddingLeft: '1em' };

/**
 * A team at a glance: its entities and average with the trend, entities per
 * level, the campaign items due and the level drops of the week. The
 * compact form the group card and the home card share.
 */
export function TeamReadinessSummary(props: {
  team: TeamReadiness;
  names: ScorecardNames;
}) {
  const { team, names } = props;
  const { t } = useTranslationRef(readinessTranslationRef);

  if (team.entities === 0) {
    return <Text as="p">{t('teamReadiness.empty')}</Text>;
  }
  return (
    <Flex direction="column" gap="3">
      <Flex direction="column" gap="1">
        <Text as="p">
          {t('teamReadiness.summary', {
            count: team.entities,
            average:
              team.averageScore === null
                ? '–'
                : String(Math.round(team.averageScore)),
          })}
        </Text>
        <TrendValue trend={team.trend} />
        <LevelDistribution levels={names.levels} counts={team.levelCounts} />
        {team.groups.length > 1 && (
          <Text variant="body-small" color="secondary">
            {t('teamReadiness.subGroups', { count: team.groups.length - 1 })}
          </Text>
        )}
        {team.groupsTruncated && (
          <Text variant="body-small" color="secondary">
            {t('teamReadiness.truncated', { count: team.groups.length })}
          </Text>
        )}
      </Flex>
      {team.due.length > 0 && (
        <Section title={t('teamReadiness.dueTitle')}>
          {team.due.map(due => (
            <li key={due.campaign}>
              <DueItem due={due} names={names} />
            </li>
          ))}
        </Section>
      )}
      {team.regressions.length > 0 && (
        <Section title={t('teamReadiness.regressionsTitle')}>
          {team.regressions.map(regression => (
            <li key={`${regression.entityRef} ${regression.changedAt}`}>
              <RegressionItem regression={regression} names={names} />
            </li>
          ))}
        </Section>
      )}
    </Flex>
  );
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1">
      <Text as="h3" variant="title-x-small">
        {props.title}
      </Text>
      <ul style={listStyle}>{props.children}</ul>
    </Flex>
  );
}

/** "SLOs everywhere, due in 12 days: 4 entities — SLOs, Alerting". */
function DueItem(props: { due: TeamCampaignDue; names: ScorecardNames }) {
  const { due, names } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const campaignLink = useCampaignLink();
  const timeText = useCampaignTimeText();
  const link = campaignLink(due.campaign);
  return (
    <Text variant="body-small">
      {t('teamReadiness.dueItem', {
        campaign: link ? <Link href={link}>{due.title}</Link> : due.title,
        time: timeText({
          phase: due.daysLeft < 0 ? 'ended' : 'running',
          daysLeft: due.daysLeft,
          startsAt: due.dueAt,
          dueAt: due.dueAt,
        }),
        count: due.open,
        checks: due.checks.map(names.checkTitle).join(', '),
      })}
    </Text>
  );
}

/** "checkout: Silver → Bronze, 2 days ago". */
function RegressionItem(props: {
  regression: TeamRegression;
  names: ScorecardNames;
}) {
  const { regression, names } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const level = (id: string | null) =>
    id ? names.levelTitle(id) : t('level.none');
  return (
    <Text variant="body-small">
      {t('teamReadiness.regression', {
        entity: <EntityReadinessLink entityRef={regression.entityRef} />,
        before: level(regression.levelBefore),
        after: level(regression.levelAfter),
        time: <RelativeTime time={regression.changedAt} />,
      })}
    </Text>
  );
}
