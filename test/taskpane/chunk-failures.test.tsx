/** @jest-environment jsdom */
/**
 * Lazy chunks that fail to load (offline, a deploy replaced them): the insert outcome falls back
 * to plain text, a part shows a warning with "Try again"; the rest of the pane keeps working.
 */
import "@testing-library/jest-dom";
jest.mock("@fluentui/react-charts", () => require("./support/chartsMock"));
// A dynamic import() of these rejects, as a failed chunk load does.
jest.mock("../../src/taskpane/components/InsertOutcome", () => {
  throw new Error("Loading chunk insert-outcome failed.");
});
jest.mock("../../src/taskpane/components/QuarterlyChart", () => {
  throw new Error("Loading chunk quarterly-chart failed.");
});
import { fireEvent, screen, within } from "@testing-library/react";
import { FakeAdapter, renderPane } from "./support/pane";

jest.setTimeout(30_000);

// React (and jsdom) log every error an error boundary catches: keep the expected ones out of the output.
const consoleError = console.error;
beforeAll(() => {
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const text = args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ");
    if (/Loading chunk (insert-outcome|quarterly-chart) failed|The above error occurred/.test(text)) return;
    consoleError(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

test("an insert's outcome still shows, as text, when the message bar's chunk cannot load", async () => {
  renderPane({ adapter: new FakeAdapter().answer({ status: "error", code: "ProtectedSheet", message: "The sheet is protected." }) });
  fireEvent.click(screen.getByRole("button", { name: "Insert table" }));
  // The chart's own failure notice is an alert too, and which lazy chunk settles first varies with
  // the machine's load: find the outcome by its text, then check how it is announced.
  const outcome = await screen.findByText("Not inserted: The sheet is protected.");
  const alert = outcome.closest("[role=alert]");
  expect(alert).not.toBeNull();
  expect(alert).toHaveTextContent(/^Not inserted: The sheet is protected\.$/);
  expect(outcome.closest(".fui-MessageBar")).toBeNull();

  fireEvent.click(screen.getByRole("button", { name: "Insert as formulas" }));
  expect(await screen.findByText(/^Inserted: OFFERINGS formula at Sheet1!A1:B2\.$/)).toHaveAttribute("role", "status");
});

test("a chart chunk that cannot load shows a warning with Try again; the list still loads", async () => {
  renderPane({ adapter: new FakeAdapter() });
  const warning = await screen.findByText(/Could not show the chart: Loading chunk quarterly-chart failed\./);
  const notice = warning.closest("[role=alert]") as HTMLElement;
  expect(notice).not.toBeNull();
  expect(within(notice).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  expect(await screen.findByRole("grid")).toBeInTheDocument();
});
