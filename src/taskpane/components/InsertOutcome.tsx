/**
 * The message bar an insert ends with (lazy chunk "insert-outcome": Fluent's MessageBar is
 * needed only after an insert; useInsert starts loading it when an insert starts).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { OutcomeMessage } from "./useInsert";

export default function InsertOutcome({ message, onDismiss }: { message: OutcomeMessage; onDismiss: () => void }) {
  return (
    <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : undefined} aria-live={message.intent === "success" ? "polite" : undefined}>
      <MessageBarBody>
        {message.title ? <MessageBarTitle>{message.title}</MessageBarTitle> : null}
        {message.text}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label="Dismiss" onClick={onDismiss}>
            ✕
          </Button>
        }
      />
    </MessageBar>
  );
}
