import { Alert } from '@backstage/ui';
import { errorMessage } from '../../utils/ownerInputForm';

/**
 * An action's failure, announced as it appears: `title` says what failed,
 * the description why (the backend's message for a failed request).
 */
export function ErrorAlert(props: { title: string; error: Error }) {
  return (
    <Alert
      role="alert"
      status="danger"
      icon
      title={props.title}
      description={errorMessage(props.error)}
    />
  );
}
