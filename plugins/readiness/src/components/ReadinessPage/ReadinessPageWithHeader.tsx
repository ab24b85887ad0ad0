import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Header } from '@backstage/ui';
import { readinessTranslationRef } from '../../translation';
import { ReadinessPage } from './ReadinessPage';

/**
 * The readiness pages with their own header, for the legacy frontend system,
 * where the app does not draw one around a plugin's page.
 */
export function ReadinessPageWithHeader() {
  const { t } = useTranslationRef(readinessTranslationRef);
  return (
    <>
      <Header title={t('page.title')} description={t('page.description')} />
      <ReadinessPage />
    </>
  );
}
