import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Button, Flex } from '@backstage/ui';
import {
  readinessExemptionRequestPermission,
  type AttestationCondition,
  type CheckResult,
  type ScorecardDefinition,
  type ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import type { OwnerInputItem } from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import { conditionAttestations } from '@readiness/plugin-readiness-common';
import { AttestDialog } from '../AttestDialog';
import {
  exemptibleChecks,
  RequestExemptionDialog,
} from '../RequestExemptionDialog';

/**
 * What an owner can do about a check that does not pass: request an
 * exemption (unless the scorecard forbids it) and attest the practices its
 * condition accepts. Shown only to those the permission policy allows to
 * (`readiness.exemption.request` on the entity).
 */
export function CheckOwnerActions(props: {
  entityRef: string;
  result: ScorecardResult;
  definition: ScorecardDefinition;
  check: CheckResult;
  /** An exemption was requested or an attestation given. */
  onSubmitted: (record: OwnerInputItem) => void;
}) {
  const { entityRef, result, definition, check, onSubmitted } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const { allowed } = usePermission({
    permission: readinessExemptionRequestPermission,
    resourceRef: entityRef,
  });
  const [requesting, setRequesting] = useState(false);
  const [attesting, setAttesting] = useState<AttestationCondition>();

  const exemptible = exemptibleChecks(result, definition).some(
    candidate => candidate.id === check.id,
  );
  const condition = definition.checks.find(
    candidate => candidate.id === check.id,
  )?.condition;
  const attestations =
    condition && check.status !== 'pass' && check.status !== 'not-applicable'
      ? conditionAttestations(condition)
      : [];
  if (!allowed || (!exemptible && attestations.length === 0)) {
    return null;
  }
  const submitted = (record: OwnerInputItem) => {
    setRequesting(false);
    setAttesting(undefined);
    onSubmitted(record);
  };

  return (
    <Flex gap="2" align="center">
      {exemptible && (
        <Button
          size="small"
          variant="secondary"
          onPress={() => setRequesting(true)}
        >
          {t('exemptionRequest.button')}
        </Button>
      )}
      {attestations.map(attestation => (
        <Button
          key={attestation.attestation}
          size="small"
          variant="secondary"
          onPress={() => setAttesting(attestation)}
        >
          {t('attestationForm.button', {
            attestation: attestation.attestation,
          })}
        </Button>
      ))}
      <RequestExemptionDialog
        entityRef={entityRef}
        result={result}
        definition={definition}
        checkId={check.id}
        open={requesting}
        onClose={() => setRequesting(false)}
        onRequested={submitted}
      />
      {attesting && (
        <AttestDialog
          entityRef={entityRef}
          definition={definition}
          attestation={attesting}
          checkTitle={check.title}
          open
          onClose={() => setAttesting(undefined)}
          onAttested={submitted}
        />
      )}
    </Flex>
  );
}
