import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type {
  Attestation,
  AttestationCondition,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { FormDialog, useFormSubmit } from '../FormDialog';
import { LinkField, useLinkError } from '../LinkField';
import { MarkdownField } from '../MarkdownField';

/** Props of {@link AttestDialog}. */
export interface AttestDialogProps {
  entityRef: string;
  definition: ScorecardDefinition;
  /** The attestation a check's condition accepts, with its `maxAge`. */
  attestation: AttestationCondition;
  checkTitle: string;
  open: boolean;
  onClose: () => void;
  onAttested: (attestation: Attestation) => void;
}

/**
 * Attests that a practice took place (a rehearsal, a load test) with a
 * statement (Markdown, previewed) and an evidence link, and says whether an
 * approver must confirm it before it counts, and for how long it counts.
 */
export function AttestDialog(props: AttestDialogProps) {
  return props.open ? <AttestForm {...props} /> : null;
}

function AttestForm(props: AttestDialogProps) {
  const { entityRef, definition, attestation, checkTitle } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const [statement, setStatement] = useState('');
  const [link, setLink] = useState('');
  const linkError = useLinkError();

  const { shown, submitting, error, onSubmit } = useFormSubmit(
    {
      statement: statement.trim()
        ? undefined
        : t('attestationForm.statementRequired'),
      link: linkError(link),
    },
    async () => {
      props.onAttested(
        await readinessApi.attest({
          entityRef,
          scorecard: definition.id,
          attestation: attestation.attestation,
          statement,
          ...(link.trim() ? { link: link.trim() } : {}),
        }),
      );
    },
    [readinessApi, entityRef, definition.id, attestation, statement, link],
  );

  return (
    <FormDialog
      title={t('attestationForm.title', {
        attestation: attestation.attestation,
      })}
      submitLabel={t('attestationForm.submit')}
      onSubmit={onSubmit}
      onClose={props.onClose}
      submitting={submitting}
      error={error}
      errorTitle={t('attestationForm.errorTitle')}
    >
      <Text as="p">
        {t('attestationForm.intro', {
          attestation: attestation.attestation,
          check: checkTitle,
        })}{' '}
        {attestation.maxAge &&
          `${t('attestationForm.maxAge', { maxAge: attestation.maxAge })} `}
        {definition.attestations?.requireConfirmation
          ? t('attestationForm.needsConfirmation')
          : t('attestationForm.noConfirmation')}
      </Text>
      <MarkdownField
        label={t('attestationForm.statement')}
        description={t('attestationForm.statementDescription')}
        isRequired
        value={statement}
        onChange={setStatement}
        error={shown.statement}
      />
      <LinkField
        label={t('attestationForm.link')}
        description={t('attestationForm.linkDescription')}
        value={link}
        onChange={setLink}
        error={shown.link}
      />
    </FormDialog>
  );
}
