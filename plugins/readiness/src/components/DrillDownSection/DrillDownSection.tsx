import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Card, CardBody, Flex, Text } from '@backstage/ui';
import { ReactNode, useEffect, useRef } from 'react';
import { readinessTranslationRef } from '../../translation';

/**
 * The entities behind a row that was picked in a table. Its heading takes
 * the focus when it opens (or shows other entities), so that keyboard and
 * screen reader users land on what they asked for.
 */
export function DrillDownSection(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { title, onClose, children } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);

  return (
    <Card>
      <CardBody>
        <section aria-label={title}>
          <Flex direction="column" gap="3">
            <Flex justify="between" align="center">
              <Text as="h3" variant="title-x-small" ref={heading} tabIndex={-1}>
                {title}
              </Text>
              <Button
                size="small"
                variant="tertiary"
                aria-label={t('drillDown.closeLabel', { title })}
                onPress={onClose}
              >
                {t('drillDown.close')}
              </Button>
            </Flex>
            {children}
          </Flex>
        </section>
      </CardBody>
    </Card>
  );
}
