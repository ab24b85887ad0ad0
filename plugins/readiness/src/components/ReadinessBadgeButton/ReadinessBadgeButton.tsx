import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button } from '@backstage/ui';
import type { ScorecardResult } from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import { readinessTranslationRef } from '../../translation';
import { ReadinessBadgeDialog } from '../ReadinessBadgeDialog';

/** Opens the dialog with the entity's badge on the result's scorecard. */
export function ReadinessBadgeButton(props: {
  entityRef: string;
  result: ScorecardResult;
}) {
  const { entityRef, result } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const [open, setOpen] = useState(false);

  return (
    <>
      <Button
        variant="secondary"
        size="small"
        aria-label={t('badge.buttonLabel', {
          scorecard: result.scorecard.title,
        })}
        onPress={() => setOpen(true)}
      >
        {t('badge.button')}
      </Button>
      {open && (
        <ReadinessBadgeDialog
          entityRef={entityRef}
          scorecardId={result.scorecard.id}
          scorecardTitle={result.scorecard.title}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
