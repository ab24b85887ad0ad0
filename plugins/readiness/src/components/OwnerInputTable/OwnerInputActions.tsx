import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Flex } from '@backstage/ui';
import type { OwnerInputItem } from '../../api/ownerInputCalls';
import { readinessTranslationRef } from '../../translation';
import type { OwnerInputDialogAction } from '../OwnerInputDecisionDialog';
import { actionChoices } from './ownerInputFields';

/**
 * The buttons for what the caller may do with an exemption or attestation
 * (approve, reject, revoke), approve stressed. `label` names, for screen
 * readers, which record a button acts on.
 */
export function OwnerInputActions(props: {
  record: OwnerInputItem;
  /** `strong` on an entity's own list, `quiet` in a table of many rows. */
  emphasis: 'strong' | 'quiet';
  label: (action: string) => string;
  onAction: (action: OwnerInputDialogAction) => void;
}) {
  const { record, emphasis, label, onAction } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const [stressed, plain] =
    emphasis === 'strong'
      ? (['primary', 'secondary'] as const)
      : (['secondary', 'tertiary'] as const);
  return (
    <Flex gap="2">
      {actionChoices(record).map(action => (
        <Button
          key={action}
          size="small"
          variant={action === 'approve' ? stressed : plain}
          aria-label={label(t(`ownerInput.action.${action}`))}
          onPress={() => onAction(action)}
        >
          {t(`ownerInput.action.${action}`)}
        </Button>
      ))}
    </Flex>
  );
}
