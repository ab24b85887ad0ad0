import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { readinessTranslationRef } from '../../translation';
import { isCalendarDay } from '@readiness/plugin-readiness-common';

/**
 * What is wrong with a day typed into a date field, if anything: not a
 * date, or outside `min`..`max` (YYYY-MM-DD compare as text).
 */
export function useDateError() {
  const { t } = useTranslationRef(readinessTranslationRef);
  return useCallback(
    (value: string, range: { min?: string; max?: string }) => {
      if (!isCalendarDay(value)) {
        return t('form.dateInvalid');
      }
      if (range.min && value < range.min) {
        return t('form.dateTooEarly', { min: range.min });
      }
      if (range.max && value > range.max) {
        return t('form.dateTooLate', { max: range.max });
      }
      return undefined;
    },
    [t],
  );
}
