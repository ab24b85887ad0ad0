import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { FieldLabel, Text } from '@backstage/ui';
import { useId } from 'react';
import { readinessTranslationRef } from '../../translation';

/**
 * A day (YYYY-MM-DD) in the browser's own date input, within `min` and
 * `max`. (The `@backstage/ui` date picker works on calendar objects of a
 * library this plugin does not depend on; the form sends a plain day.)
 */
export function DateInputField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  min?: string;
  max?: string;
  isRequired?: boolean;
  /** Shown under the input, and announced with it. */
  error?: string;
}) {
  const { label, value, onChange, description, min, max, isRequired, error } =
    props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [description && descriptionId, error && errorId]
    .filter(Boolean)
    .join(' ');

  return (
    <div>
      <FieldLabel
        label={label}
        htmlFor={id}
        secondaryLabel={isRequired ? t('form.required') : undefined}
        description={description}
        descriptionId={descriptionId}
      />
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max}
        required={isRequired}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={event => onChange(event.target.value)}
        style={{
          height: '2rem',
          padding: '0 var(--bui-space-3)',
          border: 'none',
          borderRadius: 'var(--bui-radius-2)',
          backgroundColor: 'var(--bui-bg-neutral-2)',
          color: 'var(--bui-fg-primary)',
          fontFamily: 'var(--bui-font-regular)',
          fontSize: 'var(--bui-font-size-3)',
        }}
      />
      {error && (
        <Text as="p" id={errorId} variant="body-small" color="danger">
          {error}
        </Text>
      )}
    </div>
  );
}
