import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type { Exemption } from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import { readinessApiRef } from '../../api';
import {
  ownerInputCalls,
  OwnerInputItem,
  OwnerInputKind,
} from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import { dayOf } from '@readiness/plugin-readiness-common';
import { DateInputField, useDateError } from '../DateInputField';
import { FormDialog, useFormSubmit } from '../FormDialog';
import { MarkdownField } from '../MarkdownField';
import { useOwnerInputSubject } from './useOwnerInputSubject';

/** What an approver does with an exemption or attestation. */
export type OwnerInputDialogAction = 'approve' | 'reject' | 'revoke';

/** Props of {@link OwnerInputDecisionDialog}. */
export interface OwnerInputDecisionDialogProps {
  kind: OwnerInputKind;
  record: OwnerInputItem;
  action: OwnerInputDialogAction;
  open: boolean;
  onClose: () => void;
  /** The record as the backend answered, once the action is recorded. */
  onDecided: (record: OwnerInputItem) => void;
  /** The scorecard's title, when the caller knows it. */
  scorecardTitle?: string;
}

/**
 * Approves, rejects or revokes an exemption or attestation. Approving and
 * rejecting need a comment for the record; approving an exemption may
 * shorten its end date; revoking takes an optional comment. The backend's
 * refusals (not allowed, decided meanwhile) are shown in its words.
 */
export function OwnerInputDecisionDialog(props: OwnerInputDecisionDialogProps) {
  return props.open ? <DecisionForm {...props} /> : null;
}

function DecisionForm(props: OwnerInputDecisionDialogProps) {
  const { kind, record, action, onClose, onDecided, scorecardTitle } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const subject = useOwnerInputSubject();
  const dateError = useDateError();
  const [comment, setComment] = useState('');
  const [endDate, setEndDate] = useState('');

  const requestedEnd =
    kind === 'exemption' ? (record as Exemption).expiresAt : undefined;
  const mayShorten = requestedEnd !== undefined && action === 'approve';
  const today = dayOf(new Date());
  const { shown, submitting, error, onSubmit } = useFormSubmit(
    {
      comment:
        action !== 'revoke' && !comment.trim()
          ? t('decision.commentRequired')
          : undefined,
      endDate:
        mayShorten && endDate
          ? dateError(endDate, { min: today, max: requestedEnd })
          : undefined,
    },
    async () => {
      const calls = ownerInputCalls(readinessApi, kind);
      onDecided(
        action === 'revoke'
          ? await calls.revoke(record.id, comment.trim() ? { comment } : {})
          : await calls.decide(record.id, {
              decision: action,
              comment,
              ...(mayShorten && endDate ? { expiresAt: endDate } : {}),
            }),
      );
    },
    [readinessApi, kind, record.id, action, comment, endDate, mayShorten],
  );

  return (
    <FormDialog
      title={t(`decision.title.${kind}.${action}`)}
      submitLabel={t(`decision.submit.${action}`)}
      onSubmit={onSubmit}
      onClose={onClose}
      submitting={submitting}
      error={error}
      errorTitle={t('decision.errorTitle')}
    >
      <Text as="p">{subject(kind, record, scorecardTitle)}</Text>
      <MarkdownField
        label={t('decision.comment')}
        description={t('decision.commentDescription')}
        isRequired={action !== 'revoke'}
        value={comment}
        onChange={setComment}
        error={shown.comment}
      />
      {mayShorten && (
        <DateInputField
          label={t('decision.endDate')}
          description={t('decision.endDateDescription', {
            date: requestedEnd,
          })}
          value={endDate}
          onChange={setEndDate}
          min={today}
          max={requestedEnd}
          error={shown.endDate}
        />
      )}
    </FormDialog>
  );
}
