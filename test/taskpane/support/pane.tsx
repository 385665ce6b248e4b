/**
 * Rendering the pane in jsdom with a fake workbook adapter and fake host services.
 * jsdom lacks ResizeObserver (charts, DataGrid) and a few layout APIs: minimal stubs here.
 */
import { configure, render } from "@testing-library/react";
import { App, type AppProps } from "../../../src/taskpane/App";
import type { InsertResult, InsertTarget, WorkbookAdapter } from "../../../src/taskpane/excel/workbook";
import type { InsertPlan } from "../../../src/taskpane/plans/types";
import type { FunctionsMetadata, PaneServices } from "../../../src/taskpane/services";

// The first render of a lazy chunk compiles it (ts-jest): allow more than the default 1 s.
configure({ asyncUtilTimeout: 15_000 });

export function installDomStubs(): void {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const globals = globalThis as unknown as Record<string, unknown>;
  if (!globals.ResizeObserver) globals.ResizeObserver = ResizeObserverStub;
  if (!window.matchMedia) {
    window.matchMedia = ((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    })) as unknown as typeof window.matchMedia;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  // SVG text measurement used by the charts.
  const svgProto = (window as unknown as { SVGElement?: { prototype: Record<string, unknown> } }).SVGElement?.prototype;
  if (svgProto && !svgProto.getComputedTextLength) svgProto.getComputedTextLength = () => 20;
  if (svgProto && !svgProto.getBBox) svgProto.getBBox = () => ({ x: 0, y: 0, width: 20, height: 10 });
}

export interface FakeCall {
  kind: "plan" | "formula";
  target: InsertTarget;
  plan?: InsertPlan;
  formula?: string;
}

/** A WorkbookAdapter that records calls and answers from a script (default: inserted). */
export class FakeAdapter implements WorkbookAdapter {
  readonly isAvailable = true;
  readonly unavailableReason = null;
  readonly calls: FakeCall[] = [];
  private answers: (InsertResult | Promise<InsertResult>)[] = [];

  /** The next answers, in order; once used up every call is "inserted". */
  answer(...results: (InsertResult | Promise<InsertResult>)[]): this {
    this.answers.push(...results);
    return this;
  }

  private next(target: InsertTarget): Promise<InsertResult> {
    const scripted = this.answers.shift();
    if (scripted) return Promise.resolve(scripted);
    const sheet = target === "newSheet" ? "MinerDebt" : "Sheet1";
    return Promise.resolve({ status: "inserted", address: `${sheet}!A1:B2`, sheet });
  }

  async selectedAddress(): Promise<string | null> {
    return "Sheet1!A1";
  }

  insertPlan = async (plan: InsertPlan, target: InsertTarget): Promise<InsertResult> => {
    this.calls.push({ kind: "plan", target, plan });
    return this.next(target);
  };

  insertFormulaAtSelection = async (formula: string, target: InsertTarget): Promise<InsertResult> => {
    this.calls.push({ kind: "formula", target, formula });
    return this.next(target);
  };
}

export function fakeServices(metadata?: FunctionsMetadata | Error): PaneServices & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    openExternal: (url: string) => {
      opened.push(url);
    },
    loadFunctionsMetadata: () => (metadata instanceof Error ? Promise.reject(metadata) : Promise.resolve(metadata ?? { functions: [] })),
  };
}

export function renderPane(props: Partial<AppProps> & { adapter: WorkbookAdapter }) {
  installDomStubs();
  return render(<App theme="light" services={fakeServices()} {...props} />);
}
