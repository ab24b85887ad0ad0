import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Link, Text, VisuallyHidden } from '@backstage/ui';
import type { Remediation as RemediationDefinition } from '@readiness/plugin-readiness-common';
import { createFromTemplateRouteRef } from '../../routes';
import { readinessTranslationRef } from '../../translation';
import { SafeMarkdown } from '../SafeMarkdown';

/**
 * How to fix a check: its markdown (no raw HTML, no images), a link to
 * docs, and a link to the Scaffolder template that fixes it, if it names one.
 */
export function Remediation(props: {
  remediation: RemediationDefinition;
  checkTitle: string;
}) {
  const { remediation, checkTitle } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const templateLink = useRouteRef(createFromTemplateRouteRef);
  const template =
    remediation.template &&
    parseEntityRef(remediation.template, {
      defaultKind: 'template',
      defaultNamespace: 'default',
    });

  return (
    <div>
      <SafeMarkdown content={remediation.text} />
      <Flex gap="4" align="center">
        {remediation.docsUrl && (
          <Link
            href={remediation.docsUrl}
            target="_blank"
            rel="noopener noreferrer"
            variant="body-small"
          >
            {t('remediation.docsLink', { check: checkTitle })}
            <VisuallyHidden>{t('remediation.newWindow')}</VisuallyHidden>
          </Link>
        )}
        {template && templateLink && (
          <Link
            href={templateLink({
              namespace: template.namespace,
              templateName: template.name,
            })}
            variant="body-small"
          >
            {t('remediation.templateLink', { template: template.name })}
          </Link>
        )}
        {template && !templateLink && (
          <Text variant="body-small" color="secondary">
            {t('remediation.templateName', { template: remediation.template! })}
          </Text>
        )}
      </Flex>
    </div>
  );
}
