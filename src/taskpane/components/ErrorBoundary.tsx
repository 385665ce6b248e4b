/**
 * Keeps a failing part (a lazy chunk that did not load, a chart that threw) from taking the
 * whole pane down: the rest keeps working and the part says what happened.
 */
import { Component, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ what: string; children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    if (this.state.error) {
      return (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            Could not show {this.props.what}: {this.state.error.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => this.setState({ error: null })}>
              Try again
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
