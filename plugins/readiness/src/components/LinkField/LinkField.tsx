import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { TextField } from '@backstage/ui';
import { useCallback } from 'react';
import { readinessTranslationRef } from '../../translation';
import { fieldError, isHttpUrl } from '../../utils/ownerInputForm';

/** An optional http(s) link: a ticket, a report. */
export function LinkField(props: {
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslationRef(readinessTranslationRef);
  return (
    <TextField
      type="url"
      label={props.label}
      description={props.description}
      secondaryLabel={t('form.optional')}
      value={props.value}
      onChange={props.onChange}
      {...fieldError(props.error)}
    />
  );
}

/** What is wrong with an optional link, if anything: only http(s) is kept. */
export function useLinkError() {
  const { t } = useTranslationRef(readinessTranslationRef);
  return useCallback(
    (value: string) =>
      value.trim() && !isHttpUrl(value.trim())
        ? t('form.linkInvalid')
        : undefined,
    [t],
  );
}
