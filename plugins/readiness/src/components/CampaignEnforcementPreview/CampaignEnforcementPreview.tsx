import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Flex, Text } from '@backstage/ui';
import type { CampaignEnforcementPreview as Preview } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import type { ScorecardNames } from '../../utils/scorecardNames';

/**
 * What enforcing the goal's advisory checks would do to levels, were it
 * done now: the fleet-wide preview owners see before the date comes.
 */
export function CampaignEnforcementPreview(props: {
  preview: Preview;
  names: ScorecardNames;
}) {
  const { preview, names } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const level = (id: string | null) =>
    id === null ? t('level.none') : names.levelTitle(id);

  return (
    <Alert
      status="info"
      icon
      title={t('campaignPage.enforcementTitle')}
      description={
        <Flex direction="column" gap="1">
          <Text as="p">
            {t('campaignPage.enforcementChecks', {
              checks: preview.checks.map(names.checkTitle).join(', '),
            })}{' '}
            {preview.enforcedFrom
              ? t('campaignPage.enforcedFrom', { date: preview.enforcedFrom })
              : t('campaignPage.notScheduled')}
          </Text>
          {preview.levelChanges.length ? (
            <>
              <Text as="p">{t('campaignPage.enforcedNow')}</Text>
              <ul style={{ margin: 0 }}>
                {preview.levelChanges.map(change => (
                  <li key={`${change.from}→${change.to}`}>
                    <Text>
                      {t('campaignPage.levelChange', {
                        count: change.entities,
                        from: level(change.from),
                        to: level(change.to),
                      })}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <Text as="p">{t('campaignPage.noLevelChange')}</Text>
          )}
        </Flex>
      }
    />
  );
}
