import { Dialog, DialogBody, DialogFooter, DialogHeader } from '@backstage/ui';
import { ReactNode } from 'react';

/**
 * The plugin's modal: a title, a body and the footer's buttons, closed by
 * Escape, the backdrop or the close button through `onClose`. Render it
 * only while open, so that every opening starts afresh.
 */
export function ModalDialog(props: {
  title: ReactNode;
  width: number;
  onClose: () => void;
  footer: ReactNode;
  children: ReactNode;
}) {
  const { title, width, onClose, footer, children } = props;
  return (
    <Dialog
      isOpen
      onOpenChange={isOpen => {
        if (!isOpen) {
          onClose();
        }
      }}
      width={width}
    >
      <DialogHeader>{title}</DialogHeader>
      <DialogBody>{children}</DialogBody>
      <DialogFooter>{footer}</DialogFooter>
    </Dialog>
  );
}
