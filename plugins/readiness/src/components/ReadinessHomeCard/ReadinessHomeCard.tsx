import { Progress } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import type { ScorecardOverview } from '@readiness/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { useScorecardNames } from '../../hooks/useScorecardNames';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import { ScorecardChoice } from '../ScorecardChoice';
import { TeamReadinessView } from '../TeamReadinessView';

/** Groups shown at most: a home card stays short. */
const MAX_GROUPS = 5;

/** The groups among the signed-in user's ownership refs. */
function groupsOf(ownershipEntityRefs: string[]): string[] {
  return ownershipEntityRefs.filter(ref => {
    try {
      return parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group';
    } catch {
      return false;
    }
  });
}

/**
 * The content of the home page card: the readiness of the signed-in user's
 * groups (those the identity names as the user's owners), each with the
 * groups under it, in the group card's compact form.
 */
export function ReadinessHomeCard() {
  const identityApi = useApi(identityApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );

  return (
    <AsyncContent state={identity} errorTitle={t('homeCard.title')}>
      {value => {
        const groups = groupsOf(value?.ownershipEntityRefs ?? []);
        if (groups.length === 0) {
          return <Text as="p">{t('homeCard.noGroups')}</Text>;
        }
        return (
          <ScorecardChoice>
            {scorecard => <MyGroups groups={groups} scorecard={scorecard} />}
          </ScorecardChoice>
        );
      }}
    </AsyncContent>
  );
}

function MyGroups(props: { groups: string[]; scorecard: ScorecardOverview }) {
  const { groups, scorecard } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const names = useScorecardNames(scorecard);
  if (!names) {
    return <Progress />;
  }
  const shown = groups.slice(0, MAX_GROUPS);
  return (
    <Flex direction="column" gap="4">
      {shown.map(group => (
        <section key={group} aria-label={parseEntityRef(group).name}>
          <Flex direction="column" gap="2">
            <Text as="h3" variant="title-x-small">
              <EntityRefLink entityRef={group} />
            </Text>
            <TeamReadinessView
              groupRef={group}
              scorecard={scorecard.id}
              names={names}
              compact
            />
          </Flex>
        </section>
      ))}
      {groups.length > shown.length && (
        <Text variant="body-small" color="secondary">
          {t('homeCard.more', { count: groups.length - shown.length })}
        </Text>
      )}
    </Flex>
  );
}
