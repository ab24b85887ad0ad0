import { Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Text } from '@backstage/ui';
import type { ScorecardOverview } from '@readiness/plugin-readiness-common';
import { useScorecardNames } from '../../hooks/useScorecardNames';
import { readinessTranslationRef } from '../../translation';
import { ScorecardChoice } from '../ScorecardChoice';
import { TeamReadinessView } from '../TeamReadinessView';

/**
 * The readiness of the current group's entities and of the groups under
 * it, for a Group page: levels, trend, the entities lowest score first, the
 * campaign items due and the week's level drops.
 */
export function EntityTeamReadinessCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(readinessTranslationRef);
  const groupRef = stringifyEntityRef(entity);

  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-small">
          {t('teamReadiness.title')}
        </Text>
      </CardHeader>
      <CardBody>
        <ScorecardChoice>
          {scorecard => (
            <GroupOnScorecard groupRef={groupRef} scorecard={scorecard} />
          )}
        </ScorecardChoice>
      </CardBody>
    </Card>
  );
}

function GroupOnScorecard(props: {
  groupRef: string;
  scorecard: ScorecardOverview;
}) {
  const { groupRef, scorecard } = props;
  const names = useScorecardNames(scorecard);
  if (!names) {
    return <Progress />;
  }
  return (
    <TeamReadinessView
      groupRef={groupRef}
      scorecard={scorecard.id}
      names={names}
    />
  );
}
