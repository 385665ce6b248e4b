/**
 * Keeps a failing part (a lazy chunk that did not load, a chart that threw) from taking the
 * whole pane down: the rest keeps working and the part says what happened. It draws with
 * Notice, never with a lazy chunk: it must work when chunks cannot load.
 */
import { Component, type ReactNode } from "react";
import { Button } from "@fluentui/react-components";
import { Notice } from "./Notice";

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ what: string; children: ReactNode; fallback?: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    if (this.state.error) {
      // A part with a plain stand-in (e.g. an insert outcome as text) shows that instead.
      if (this.props.fallback !== undefined) return this.props.fallback;
      return (
        <Notice
          intent="warning"
          role="alert"
          actions={
            <Button size="small" onClick={() => this.setState({ error: null })}>
              Try again
            </Button>
          }
        >
          Could not show {this.props.what}: {this.state.error.message}
        </Notice>
      );
    }
    return this.props.children;
  }
}
