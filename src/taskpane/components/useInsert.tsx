/**
 * Every insert goes through here: progress while it runs, the "cells are not empty" dialog
 * (insert on a new sheet / cancel), and a message bar with the outcome. Components give a
 * label and a function that builds the plan; the workbook adapter comes from context.
 */
import { Suspense, lazy, useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, Caption1, Spinner, Text, makeStyles, tokens, type ButtonProps } from "@fluentui/react-components";
import { useWorkbook } from "../excel/AdapterContext";
import type { InsertResult, InsertTarget } from "../excel/workbook";
import type { InsertPlan } from "../plans/types";
import { ErrorBoundary } from "./ErrorBoundary";

const ConflictDialog = lazy(() => import(/* webpackChunkName: "conflict-dialog" */ "./ConflictDialog"));
/** The outcome's message bar: loaded when an insert starts, so it is there when the insert ends. */
const loadOutcome = () => import(/* webpackChunkName: "insert-outcome" */ "./InsertOutcome");
const InsertOutcome = lazy(loadOutcome);

/** What an insert's outcome says: the message bar's intent, title and text. */
export interface OutcomeMessage {
  readonly intent: "success" | "info" | "error";
  readonly title: string | null;
  readonly text: string;
}

export function outcomeMessage(label: string, result: InsertResult): OutcomeMessage {
  if (result.status === "inserted") return { intent: "success", title: "Inserted", text: `${label} at ${result.address}.` };
  if (result.status === "error" && result.code === "Cancelled") return { intent: "info", title: null, text: result.message };
  return { intent: "error", title: "Not inserted", text: result.message };
}

/** What to insert: a plan (built when the user clicks), or one formula at the selection. */
export type InsertRequest =
  | { readonly kind: "plan"; readonly label: string; readonly build: () => InsertPlan | Promise<InsertPlan> }
  | { readonly kind: "formula"; readonly label: string; readonly formula: string };

type InsertState =
  | { readonly phase: "idle" }
  | { readonly phase: "running"; readonly label: string }
  | { readonly phase: "conflict"; readonly request: InsertRequest; readonly message: string }
  | { readonly phase: "done"; readonly label: string; readonly result: InsertResult };

const useStyles = makeStyles({
  feedback: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  reason: { color: tokens.colorNeutralForeground3, display: "block" },
});

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface InsertRunner {
  readonly busy: boolean;
  run(request: InsertRequest): Promise<void>;
  /** Progress, the outcome message bar and the conflict dialog: render once near the buttons. */
  readonly feedback: ReactNode;
}

export function useInsert(): InsertRunner {
  const adapter = useWorkbook();
  const styles = useStyles();
  const [state, setState] = useState<InsertState>({ phase: "idle" });
  const running = useRef(false);
  /** The button that started the insert: focus goes back to it when the dialog closes. */
  const invoker = useRef<HTMLElement | null>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    const asking = state.phase === "conflict";
    if (wasAsking.current && !asking) {
      // After the dialog's own focus handling (it would leave focus on the page's body).
      const target = invoker.current;
      requestAnimationFrame(() => {
        if (target?.isConnected) target.focus();
      });
    }
    wasAsking.current = asking;
  }, [state.phase]);

  const execute = useCallback(
    async (request: InsertRequest, target: InsertTarget) => {
      if (running.current) return;
      running.current = true;
      setState({ phase: "running", label: request.label });
      // If it cannot load, the outcome shows as plain text (below).
      loadOutcome().catch(() => undefined);
      let result: InsertResult;
      try {
        if (request.kind === "formula") {
          result = await adapter.insertFormulaAtSelection(request.formula, target);
        } else {
          const plan = await request.build();
          result = await adapter.insertPlan(plan, target);
        }
      } catch (error) {
        result = { status: "error", code: "Unexpected", message: describeFailure(error) };
      } finally {
        running.current = false;
      }
      if (result.status === "conflict") setState({ phase: "conflict", request, message: result.message });
      else setState({ phase: "done", label: request.label, result });
    },
    [adapter],
  );

  const run = useCallback(
    (request: InsertRequest) => {
      invoker.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      return execute(request, "selection");
    },
    [execute],
  );

  const dismiss = () => setState({ phase: "idle" });
  const cancel = () =>
    setState({ phase: "done", label: "", result: { status: "error", code: "Cancelled", message: "Cancelled: nothing was inserted." } });

  let message: ReactNode = null;
  if (state.phase === "running") {
    message = <Spinner size="tiny" labelPosition="after" label={`Inserting: ${state.label}…`} role="status" aria-live="polite" />;
  } else if (state.phase === "done" && state.result.status !== "conflict") {
    const outcome = outcomeMessage(state.label, state.result);
    // If the message bar's chunk cannot load: the same words as text. (While it loads, nothing:
    // it was requested when the insert started, and showing the text first would announce twice.)
    const plain = (
      <Text role={outcome.intent === "error" ? "alert" : "status"}>
        {outcome.title ? `${outcome.title}: ` : ""}
        {outcome.text}
      </Text>
    );
    message = (
      <ErrorBoundary what="the outcome" fallback={plain}>
        <Suspense fallback={null}>
          <InsertOutcome message={outcome} onDismiss={dismiss} />
        </Suspense>
      </ErrorBoundary>
    );
  }

  const conflict = state.phase === "conflict" ? state : null;
  const feedback = (
    <div className={styles.feedback}>
      {message}
      {conflict ? (
        <Suspense fallback={<Spinner size="tiny" label="Asking…" />}>
          <ConflictDialog message={conflict.message} onNewSheet={() => void execute(conflict.request, "newSheet")} onCancel={cancel} />
        </Suspense>
      ) : null}
    </div>
  );

  return { busy: state.phase === "running", run, feedback };
}

/**
 * An insert button: disabled (but still focusable, with the reason read out) outside Excel or
 * while another insert runs.
 */
export function InsertButton({
  runner,
  request,
  disabledReason,
  children,
  appearance,
  icon,
  showReason = false,
}: {
  runner: InsertRunner;
  request: () => InsertRequest;
  /** Why the button can't be used now (no matches, invalid input…), or null. */
  disabledReason?: string | null;
  children: ReactNode;
  appearance?: ButtonProps["appearance"];
  icon?: ButtonProps["icon"];
  /** Show `disabledReason` as text beside the button (outside Excel, InsertNote says why). */
  showReason?: boolean;
}) {
  const adapter = useWorkbook();
  const styles = useStyles();
  const reasonId = useId();
  const reason = !adapter.isAvailable ? adapter.unavailableReason : disabledReason ?? null;
  const visible = showReason && adapter.isAvailable && reason !== null;
  return (
    <>
      <Button
        appearance={appearance}
        icon={icon}
        disabledFocusable={reason !== null || runner.busy}
        aria-describedby={reason ? reasonId : undefined}
        title={reason ?? undefined}
        onClick={() => {
          if (reason === null && !runner.busy) void runner.run(request());
        }}
      >
        {children}
      </Button>
      {reason && visible ? (
        <Caption1 id={reasonId} className={styles.reason}>
          {reason}
        </Caption1>
      ) : null}
      {reason && !visible ? (
        <span id={reasonId} hidden>
          {reason}
        </span>
      ) : null}
    </>
  );
}

/**
 * Said once, right under a group of insert buttons, when they are off because the pane is not
 * in Excel: a disabled button alone reads as a broken section.
 */
export function InsertNote({ children }: { children?: ReactNode }) {
  const adapter = useWorkbook();
  const styles = useStyles();
  if (adapter.isAvailable) return null;
  return (
    <Caption1 className={styles.reason} data-testid="insert-note">
      {children ?? "These buttons need Excel: open MinerDebt from Excel (Home > Add-ins) to insert. Here you can browse the data."}
    </Caption1>
  );
}
