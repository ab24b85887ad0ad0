import { StatusWarning } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Flex, Link, Text } from '@backstage/ui';
import type { EntityReadiness } from '@readiness/plugin-readiness-common';
import { useCampaignLink } from '../../hooks/useCampaignLink';
import { useCampaignTimeText } from '../../hooks/useCampaignTimeText';
import { readinessTranslationRef } from '../../translation';
import { openCampaignItems } from './openCampaignItems';

/**
 * The campaigns the entity has still to meet, above its scores: "TLS
 * everywhere, due in 12 days: Serves TLS", each linked to its campaign;
 * those past their deadline marked overdue. Nothing when there is none.
 */
export function EntityCampaignItems(props: {
  readiness: EntityReadiness;
  headingLevel: 'h2' | 'h3';
}) {
  const { readiness, headingLevel } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const campaignLink = useCampaignLink();
  const timeText = useCampaignTimeText();
  const items = openCampaignItems(readiness, new Date());
  if (items.length === 0) {
    return null;
  }

  return (
    <section aria-label={t('entityCampaigns.title')}>
      <Text
        as={headingLevel}
        variant={headingLevel === 'h2' ? 'title-small' : 'title-x-small'}
      >
        {t('entityCampaigns.title')}
      </Text>
      <Box as="ul" mt="2" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map(({ item, phase, daysLeft, checks }) => {
          const link = campaignLink(item.campaign);
          return (
            <Box as="li" key={item.campaign} mb="2">
              <Flex gap="2" align="center">
                {phase === 'ended' && (
                  <Flex gap="1" align="center">
                    <StatusWarning />
                    <Text weight="bold">{t('entityCampaigns.overdue')}</Text>
                  </Flex>
                )}
                <Text>
                  {t('entityCampaigns.item', {
                    campaign: link ? (
                      <Link href={link}>{item.title}</Link>
                    ) : (
                      item.title
                    ),
                    time: timeText({ ...item, phase, daysLeft }),
                    checks: checks.join(', '),
                  })}
                </Text>
              </Flex>
            </Box>
          );
        })}
      </Box>
    </section>
  );
}
