import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Link, VisuallyHidden } from '@backstage/ui';
import { readinessTranslationRef } from '../../translation';
import { safeHref } from '../SafeMarkdown/safeHref';

/**
 * The ticket or evidence an owner linked to an exemption or attestation,
 * opening in a new window; nothing when it is not a safe address.
 */
export function OwnerInputLink(props: { href?: string }) {
  const { t } = useTranslationRef(readinessTranslationRef);
  const href = safeHref(props.href);
  if (!href) {
    return null;
  }
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      variant="body-small"
    >
      {t('ownerInput.link')}
      <VisuallyHidden>{t('remediation.newWindow')}</VisuallyHidden>
    </Link>
  );
}
