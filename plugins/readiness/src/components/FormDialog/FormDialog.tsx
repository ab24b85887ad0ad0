import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Flex } from '@backstage/ui';
import { ReactNode } from 'react';
import { readinessTranslationRef } from '../../translation';
import { ErrorAlert } from '../ErrorAlert';
import { ModalDialog } from '../ModalDialog';

/**
 * A modal form: its fields, the backend's refusal in its own words under
 * `errorTitle`, and Cancel and submit buttons. Render it only while open,
 * so that every opening starts with a fresh form.
 */
export function FormDialog(props: {
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  submitting: boolean;
  error?: Error;
  errorTitle: string;
  children: ReactNode;
}) {
  const { title, submitLabel, onSubmit, onClose, submitting, error } = props;
  const { t } = useTranslationRef(readinessTranslationRef);

  return (
    <ModalDialog
      title={title}
      width={600}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onPress={onClose}>
            {t('form.cancel')}
          </Button>
          <Button variant="primary" isPending={submitting} onPress={onSubmit}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <Flex direction="column" gap="4">
        {props.children}
        {error && <ErrorAlert title={props.errorTitle} error={error} />}
      </Flex>
    </ModalDialog>
  );
}
