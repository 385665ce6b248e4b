/** @jest-environment jsdom */
/**
 * The Explore chart and list are below the first screen: their chunks load only when the user
 * heads for them (the pane's body scrolls, focus enters it, or they come into view), or after the
 * first idle period where IntersectionObserver is missing. Until then a placeholder holds their
 * place without being announced or focusable.
 */
import "@testing-library/jest-dom";
jest.mock("@fluentui/react-charts", () => require("./support/chartsMock"));
// Count when the lazy modules are actually mockLoaded (a dynamic import() runs these factories).
const mockLoaded: string[] = [];
jest.mock("../../src/taskpane/components/QuarterlyChart", () => {
  mockLoaded.push("chart");
  return jest.requireActual("../../src/taskpane/components/QuarterlyChart");
});
jest.mock("../../src/taskpane/components/OfferingsGrid", () => {
  mockLoaded.push("list");
  return jest.requireActual("../../src/taskpane/components/OfferingsGrid");
});
import { act, fireEvent, screen } from "@testing-library/react";
import { resetRevealedParts } from "../../src/taskpane/components/useRevealed";
import { chartPlaceholderHeight, legendLines, listPlaceholderHeight } from "../../src/taskpane/components/Placeholders";
import { FakeAdapter, renderPane } from "./support/pane";
import { rawFinancings } from "./support/jsonl";

jest.setTimeout(30_000);

/** A controllable IntersectionObserver: tests say when a target comes into view. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets: Element[] = [];
  disconnected = false;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  takeRecords() {
    return [];
  }
  /** Report `target` as visible. */
  show(target: Element) {
    const entry = { target, isIntersecting: true, intersectionRatio: 1 } as unknown as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

const globals = globalThis as unknown as Record<string, unknown>;

function observerOf(testId: string): { observer: FakeIntersectionObserver; target: Element } {
  const placeholder = screen.getByTestId(testId);
  for (const observer of FakeIntersectionObserver.instances) {
    const target = observer.targets.find((t) => t.contains(placeholder));
    if (target && !observer.disconnected) return { observer, target };
  }
  throw new Error(`no live observer watches ${testId}`);
}

/** Long enough for the idle fallback (200 ms) and a lazy chunk to have shown up if they were going to. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 600)));

beforeEach(() => {
  resetRevealedParts();
  mockLoaded.length = 0;
  FakeIntersectionObserver.instances = [];
});

describe("with IntersectionObserver", () => {
  beforeEach(() => {
    globals.IntersectionObserver = FakeIntersectionObserver;
  });
  afterEach(() => {
    delete globals.IntersectionObserver;
  });

  test("nothing below the fold loads at start; placeholders are silent, each part one labelled tab stop", async () => {
    renderPane({ adapter: new FakeAdapter() });
    await settle();
    expect(mockLoaded).toEqual([]);
    expect(screen.queryByTestId("stacked-bar-chart")).not.toBeInTheDocument();
    expect(screen.queryByRole("grid")).not.toBeInTheDocument();
    for (const id of ["chart-placeholder", "list-placeholder"]) {
      const placeholder = screen.getByTestId(id);
      expect(placeholder).toHaveAttribute("aria-hidden", "true");
      expect(placeholder.querySelector("[tabindex], button, a, input")).toBeNull();
      expect(placeholder).not.toHaveAttribute("tabindex");
      // Tab still stops where the part will be (PendingFocus), named for what is loading.
      const stop = placeholder.closest("[data-testid=pending-focus]") as HTMLElement;
      expect(stop).toHaveAttribute("tabindex", "0");
      expect(stop).toHaveAttribute("aria-busy", "true");
      expect(stop.getAttribute("aria-label")).toMatch(/is loading/);
    }
    // Not announced as the chart or the list, and nothing steals focus.
    expect(screen.queryByRole("figure")).not.toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(document.activeElement).toBe(document.body);
    // The section headings are there for screen-reader navigation.
    expect(screen.getByRole("heading", { name: "By quarter" })).toBeInTheDocument();
  });

  test("the chart loads when its box comes into view, the list only when it does", async () => {
    renderPane({ adapter: new FakeAdapter() });
    await settle();
    const chart = observerOf("chart-placeholder");
    act(() => chart.observer.show(chart.target));
    expect(await screen.findByTestId("stacked-bar-chart")).toBeInTheDocument();
    expect(screen.getByRole("figure", { name: /by quarter and instrument class/ })).toBeInTheDocument();
    expect(mockLoaded).toEqual(["chart"]);
    expect(chart.observer.disconnected).toBe(true);

    const list = observerOf("list-placeholder");
    act(() => list.observer.show(list.target));
    expect(await screen.findByRole("grid")).toBeInTheDocument();
    expect(mockLoaded).toEqual(["chart", "list"]);
  });

  test("the observer watches the pane's scrolling body, and the first scroll of it loads both", async () => {
    renderPane({ adapter: new FakeAdapter() });
    await settle();
    const body = screen.getByRole("tabpanel");
    expect(observerOf("chart-placeholder").observer.options.root).toBe(body);
    fireEvent.scroll(body);
    expect(await screen.findByTestId("stacked-bar-chart")).toBeInTheDocument();
    expect(await screen.findAllByRole("row", { name: /open deal/ })).toHaveLength(rawFinancings().filter((r) => r.listed).length);
  });

  test("keyboard focus entering the pane loads both, so Tab past the inserts reaches the chart and the list", async () => {
    renderPane({ adapter: new FakeAdapter() });
    await settle();
    expect(mockLoaded).toEqual([]);
    act(() => screen.getByRole("button", { name: "Insert quarterly summary + chart" }).focus());
    expect(await screen.findByTestId("stacked-bar-chart")).toBeInTheDocument();
    expect(await screen.findByRole("grid")).toBeInTheDocument();
    // Focus stayed where the user put it.
    expect(screen.getByRole("button", { name: "Insert quarterly summary + chart" })).toHaveFocus();
  });

  test("once shown, the list renders at once when Explore mounts again (back from a deal)", async () => {
    const first = renderPane({ adapter: new FakeAdapter() });
    await settle();
    fireEvent.scroll(screen.getByRole("tabpanel"));
    await screen.findByRole("grid");
    first.unmount();
    renderPane({ adapter: new FakeAdapter() });
    // Same render pass: no placeholder, no observer needed.
    expect(screen.queryByTestId("list-placeholder")).not.toBeInTheDocument();
    expect(await screen.findByRole("grid")).toBeInTheDocument();
  });
});

describe("without IntersectionObserver", () => {
  test("the chart and the list load after the first idle period", async () => {
    expect(globals.IntersectionObserver).toBeUndefined();
    renderPane({ adapter: new FakeAdapter() });
    expect(screen.getByTestId("chart-placeholder")).toBeInTheDocument();
    expect(await screen.findByTestId("stacked-bar-chart")).toBeInTheDocument();
    expect(await screen.findByRole("grid")).toBeInTheDocument();
  });
});

describe("placeholder heights (measured in Chromium: see Placeholders.tsx)", () => {
  const labels = ["Convertible notes", "Convertible preferred", "Secured notes", "Unsecured notes", "Loan", "Credit facility", "Bitcoin-backed loan", "Equipment financing", "Other"];

  test("the legend wraps as it does on screen: 1 line at 1256 px, 3 at 376 px, 4 at 296 px", () => {
    expect(legendLines(1256, labels)).toBe(1);
    expect(legendLines(376, labels)).toBe(3);
    expect(legendLines(296, labels)).toBe(4);
    expect(legendLines(376, [])).toBe(0);
  });

  test("chart and list heights are within a few pixels of the rendered parts", () => {
    // Rendered in Chromium: the chart with its legend 268 px at 1280, 312 px at 400, 334 px at 320 wide.
    expect(Math.abs(chartPlaceholderHeight(1256, labels) - 268)).toBeLessThanOrEqual(4);
    expect(Math.abs(chartPlaceholderHeight(376, labels) - 312)).toBeLessThanOrEqual(4);
    expect(Math.abs(chartPlaceholderHeight(296, labels) - 334)).toBeLessThanOrEqual(4);
    // The list of 123 rows: 4,414 px in a 320 or 400 px pane (with the scroll hint), 4,396 px at 1280 (2 % margin).
    expect(Math.abs(listPlaceholderHeight(296, 123) - 4414) / 4414).toBeLessThan(0.02);
    expect(Math.abs(listPlaceholderHeight(376, 123) - 4414) / 4414).toBeLessThan(0.02);
    expect(Math.abs(listPlaceholderHeight(1256, 123) - 4396) / 4396).toBeLessThan(0.02);
  });
});
