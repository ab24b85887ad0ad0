import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Checkbox, CheckboxGroup, Text } from '@backstage/ui';
import type {
  Exemption,
  ScorecardDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { fieldError } from '../../utils/ownerInputForm';
import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import { DateInputField, useDateError } from '../DateInputField';
import { FormDialog, useFormSubmit } from '../FormDialog';
import { LinkField, useLinkError } from '../LinkField';
import { MarkdownField } from '../MarkdownField';
import { exemptibleChecks, exemptionMaxDays } from './exemptibleChecks';

/** Props of {@link RequestExemptionDialog}. */
export interface RequestExemptionDialogProps {
  entityRef: string;
  result: ScorecardResult;
  definition: ScorecardDefinition;
  /** The check the owner asked from: chosen to begin with. */
  checkId: string;
  open: boolean;
  onClose: () => void;
  onRequested: (exemption: Exemption) => void;
}

/**
 * Asks for an exemption from failing or unknown checks of one scorecard:
 * which checks, why (Markdown, previewed), until when (at most the
 * scorecard's `exemptions.maxDays` from today) and a ticket. The request
 * is pending until an approver decides.
 */
export function RequestExemptionDialog(props: RequestExemptionDialogProps) {
  return props.open ? <RequestExemptionForm {...props} /> : null;
}

function RequestExemptionForm(props: RequestExemptionDialogProps) {
  const { entityRef, result, definition, checkId, onClose, onRequested } =
    props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const dateError = useDateError();
  const [checks, setChecks] = useState<string[]>([checkId]);
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState('');
  const [link, setLink] = useState('');
  const linkError = useLinkError();

  const today = dayOf(new Date());
  const maxDays = exemptionMaxDays(definition);
  const latest = addDays(today, maxDays);
  const { shown, submitting, error, onSubmit } = useFormSubmit(
    {
      checks:
        checks.length === 0 ? t('exemptionRequest.checksRequired') : undefined,
      reason: reason.trim() ? undefined : t('exemptionRequest.reasonRequired'),
      endDate: endDate
        ? dateError(endDate, { min: today, max: latest })
        : t('exemptionRequest.endDateRequired'),
      link: linkError(link),
    },
    async () => {
      onRequested(
        await readinessApi.requestExemption({
          entityRef,
          scorecard: definition.id,
          checks,
          reason,
          expiresAt: endDate,
          ...(link.trim() ? { link: link.trim() } : {}),
        }),
      );
    },
    [readinessApi, entityRef, definition.id, checks, reason, endDate, link],
  );

  return (
    <FormDialog
      title={t('exemptionRequest.title')}
      submitLabel={t('exemptionRequest.submit')}
      onSubmit={onSubmit}
      onClose={onClose}
      submitting={submitting}
      error={error}
      errorTitle={t('exemptionRequest.errorTitle')}
    >
      <Text as="p">
        {t('exemptionRequest.intro', { scorecard: result.scorecard.title })}
      </Text>
      <CheckboxGroup
        label={t('exemptionRequest.checks')}
        isRequired
        value={checks}
        onChange={setChecks}
        {...fieldError(shown.checks)}
      >
        {exemptibleChecks(result, definition).map(check => (
          <Checkbox key={check.id} value={check.id}>
            {check.title}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <MarkdownField
        label={t('exemptionRequest.reason')}
        description={t('exemptionRequest.reasonDescription')}
        isRequired
        value={reason}
        onChange={setReason}
        error={shown.reason}
      />
      <DateInputField
        label={t('exemptionRequest.endDate')}
        description={t('exemptionRequest.endDateDescription', {
          max: latest,
          days: String(maxDays),
        })}
        isRequired
        value={endDate}
        onChange={setEndDate}
        min={today}
        max={latest}
        error={shown.endDate}
      />
      <LinkField
        label={t('exemptionRequest.link')}
        description={t('exemptionRequest.linkDescription')}
        value={link}
        onChange={setLink}
        error={shown.link}
      />
    </FormDialog>
  );
}
