import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Flex, Text, TextAreaField } from '@backstage/ui';
import type { ReadinessBadge } from '@readiness/plugin-readiness-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef } from '../../api';
import { readinessTranslationRef } from '../../translation';
import { ErrorAlert } from '../ErrorAlert';
import { ModalDialog } from '../ModalDialog';
import { RevokeBadgeLink } from './RevokeBadgeLink';

/** Props of {@link ReadinessBadgeDialog}. */
export interface ReadinessBadgeDialogProps {
  entityRef: string;
  scorecardId: string;
  scorecardTitle: string;
  onClose: () => void;
}

/**
 * The entity's public badge on one scorecard. Opening it makes nothing: a
 * Create badge button makes the badge's public address (or gives the one it
 * has), then it shows a preview, the Markdown snippet for a README, a
 * button that copies it and, for those allowed `readiness.badge.revoke`,
 * one that revokes the link (after confirming), after which a new badge may
 * be made. While public badges are off
 * (`readiness.badges.public`), it says so and asks the backend nothing.
 * Render it only while open.
 */
export function ReadinessBadgeDialog(props: ReadinessBadgeDialogProps) {
  const { scorecardTitle, onClose } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const isPublic =
    useApi(configApiRef).getOptionalBoolean('readiness.badges.public') ?? false;

  return (
    <ModalDialog
      title={t('badge.title', { scorecard: scorecardTitle })}
      width={640}
      onClose={onClose}
      footer={
        <Button variant="secondary" onPress={onClose}>
          {t('badge.done')}
        </Button>
      }
    >
      {isPublic ? (
        <PublicBadge {...props} />
      ) : (
        <Text as="p">{t('badge.publicOff')}</Text>
      )}
    </ModalDialog>
  );
}

function PublicBadge(props: ReadinessBadgeDialogProps) {
  const { entityRef, scorecardId, scorecardTitle } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  // Only on request: a badge's address, once made, serves it to anyone.
  const [badge, create] = useAsyncFn(
    () => readinessApi.createBadge(entityRef, scorecardId),
    [readinessApi, entityRef, scorecardId],
  );
  // The id revoked here: its badge is no longer shown.
  const [revokedId, setRevokedId] = useState<string>();
  const current = badge.value?.id === revokedId ? undefined : badge.value;

  return (
    <Flex direction="column" gap="4">
      <Text as="p">{t('badge.intro', { scorecard: scorecardTitle })}</Text>
      {revokedId && !current && (
        <Text as="p" role="status">
          {t('badge.revoked')}
        </Text>
      )}
      {!current && (
        <div>
          <Button
            variant="primary"
            onPress={() => create()}
            isDisabled={badge.loading}
          >
            {revokedId ? t('badge.createNew') : t('badge.create')}
          </Button>
        </div>
      )}
      {badge.loading && <Text as="p">{t('badge.loading')}</Text>}
      {badge.error && (
        <ErrorAlert title={t('badge.errorTitle')} error={badge.error} />
      )}
      {current && (
        <>
          <BadgeSnippet badge={current} scorecardTitle={scorecardTitle} />
          <RevokeBadgeLink
            key={current.id}
            entityRef={entityRef}
            badgeId={current.id}
            onRevoked={() => setRevokedId(current.id)}
          />
        </>
      )}
    </Flex>
  );
}

function BadgeSnippet(props: {
  badge: ReadinessBadge;
  scorecardTitle: string;
}) {
  const { badge, scorecardTitle } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  // The clipboard may be missing (an insecure origin) or refused (a
  // policy): then the text stays there to select.
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const copy = () =>
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(badge.markdown))
      .then(
        () => setCopied('copied'),
        () => setCopied('failed'),
      );

  return (
    <Flex direction="column" gap="3">
      <div>
        <img
          src={badge.url}
          alt={t('badge.previewAlt', { scorecard: scorecardTitle })}
        />
      </div>
      <TextAreaField
        label={t('badge.markdown')}
        value={badge.markdown}
        isReadOnly
        rows={4}
        style={{ fontFamily: 'monospace' }}
      />
      <Flex align="center" gap="3">
        <Button variant="secondary" onPress={copy}>
          {t('badge.copy')}
        </Button>
        <Text as="p" role="status" color="secondary">
          {copied === 'copied' && t('badge.copied')}
          {copied === 'failed' && t('badge.copyFailed')}
        </Text>
      </Flex>
    </Flex>
  );
}
