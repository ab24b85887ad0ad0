import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import type { OwnerInputItem, OwnerInputKind } from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import { ownerInputFields } from '../OwnerInputTable/ownerInputFields';

/**
 * What an exemption or attestation is about, in one line: the checks it
 * exempts, or the practice it attests, and the scorecard (its title when
 * the caller knows it).
 */
export function useOwnerInputSubject() {
  const { t } = useTranslationRef(readinessTranslationRef);
  return useCallback(
    (
      kind: OwnerInputKind,
      record: OwnerInputItem,
      scorecard: string = record.scorecard,
    ) => {
      const subject = ownerInputFields(record).subject.join(', ');
      return kind === 'exemption'
        ? t('ownerInput.exemptionSubject', { checks: subject, scorecard })
        : t('ownerInput.attestationSubject', {
            attestation: subject,
            scorecard,
          });
    },
    [t],
  );
}
