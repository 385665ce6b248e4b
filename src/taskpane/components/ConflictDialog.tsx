/**
 * Asked when an insert's target cells aren't empty (lazy chunk: only needed then). Focus moves
 * into the dialog and is trapped there; Escape or Cancel closes it and nothing is written.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

export default function ConflictDialog({
  message,
  onNewSheet,
  onCancel,
}: {
  message: string;
  onNewSheet: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface aria-describedby="insert-conflict-message">
        <DialogBody>
          <DialogTitle>The target cells aren&rsquo;t empty</DialogTitle>
          <DialogContent id="insert-conflict-message">
            {message} Select an empty area and insert again, or put it on a new sheet.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onNewSheet}>
              Insert on a new sheet
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
