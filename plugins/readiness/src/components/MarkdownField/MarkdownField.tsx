import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Flex, Text, TextAreaField } from '@backstage/ui';
import { readinessTranslationRef } from '../../translation';
import { fieldError } from '../../utils/ownerInputForm';
import { SafeMarkdown } from '../SafeMarkdown';

/**
 * A Markdown text (a reason, a statement, a comment) with a preview of what
 * readers will see, rendered as safely as everywhere else.
 */
export function MarkdownField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  isRequired?: boolean;
  error?: string;
}) {
  const { label, value, onChange, description, isRequired, error } = props;
  const { t } = useTranslationRef(readinessTranslationRef);

  return (
    <Flex direction="column" gap="2">
      <TextAreaField
        label={label}
        description={description}
        isRequired={isRequired}
        value={value}
        onChange={onChange}
        rows={4}
        {...fieldError(error)}
      />
      {value.trim() && (
        <section aria-label={t('form.previewLabel', { field: label })}>
          <Text as="p" variant="body-small" color="secondary">
            {t('form.preview')}
          </Text>
          <Box p="2" style={{ border: '1px solid var(--bui-border-1)' }}>
            <SafeMarkdown content={value} />
          </Box>
        </section>
      )}
    </Flex>
  );
}
