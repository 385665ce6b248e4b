/** @jest-environment jsdom */
/** Functions tab (catalogue from the generated metadata) and About tab (counts, rule, sources). */
import "@testing-library/jest-dom";
jest.mock("@fluentui/react-charts", () => require("./support/chartsMock"));
import fs from "fs";
import path from "path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTION_CATALOGUE } from "../../src/functions/catalogue";
import type { FunctionsMetadata } from "../../src/taskpane/services";
import { FakeAdapter, fakeServices, renderPane } from "./support/pane";
import { rawFinancings } from "./support/jsonl";

jest.setTimeout(60_000);

let metadata: FunctionsMetadata;

beforeAll(async () => {
  // The same metadata the build writes to functions.json (custom-functions-metadata on the sources).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const result = await generateCustomFunctionsMetadata(require("../../config/functions-sources").FUNCTION_SOURCES, false);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as FunctionsMetadata;
});

describe("Functions tab", () => {
  test("lists every function of the metadata with its example; search narrows by name or description", async () => {
    renderPane({ adapter: new FakeAdapter(), services: fakeServices(metadata), initialTab: "functions" });
    const list = await screen.findByRole("list", { name: "MINERDEBT functions" });
    await waitFor(() => expect(list.querySelectorAll(":scope > li")).toHaveLength(metadata.functions.length));
    for (const fn of metadata.functions) {
      const example = FUNCTION_CATALOGUE[fn.id]?.formula;
      if (example) expect(screen.getByTestId(`example-${fn.id}`)).toHaveTextContent(example);
    }
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "dilution" } });
    const shown = within(list).getAllByRole("heading").map((h) => h.textContent ?? "");
    const expected = metadata.functions.filter((fn) =>
      [fn.name, fn.description ?? "", ...fn.parameters.map((p) => `${p.name} ${p.description ?? ""}`)].join(" ").toLowerCase().includes("dilution"),
    );
    expect(shown).toHaveLength(expected.length);
    expect(shown.some((s) => s.startsWith("MINERDEBT.DILUTION("))).toBe(true);
    expect(shown.some((s) => s.startsWith("MINERDEBT.QUARTER("))).toBe(false);
    expect(screen.getByText(`${expected.length} of ${metadata.functions.length} functions`)).toBeInTheDocument();
  });

  test("a search with no match says so and offers to show all", async () => {
    renderPane({ adapter: new FakeAdapter(), services: fakeServices(metadata), initialTab: "functions" });
    const list = await screen.findByRole("list", { name: "MINERDEBT functions" });
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "volcano" } });
    expect(list.querySelectorAll(":scope > li")).toHaveLength(0);
    expect(screen.getByTestId("functions-count")).toHaveTextContent(`No function matches “volcano”`);
    expect(screen.getByTestId("functions-count")).toHaveTextContent(`see all ${metadata.functions.length}`);
    fireEvent.click(screen.getByRole("button", { name: "Show all functions" }));
    await waitFor(() => expect(list.querySelectorAll(":scope > li")).toHaveLength(metadata.functions.length));
  });

  test("Insert at selection writes the example formula through the adapter; a conflict asks first", async () => {
    const adapter = new FakeAdapter().answer({ status: "conflict", address: "Sheet1!C3", message: "C3 holds data." });
    renderPane({ adapter, services: fakeServices(metadata), initialTab: "functions" });
    fireEvent.change(await screen.findByRole("searchbox"), { target: { value: "version" } });
    const card = (await screen.findByRole("heading", { name: /^MINERDEBT\.VERSION\(/ })).closest("li") as HTMLElement;
    fireEvent.click(within(card).getByRole("button", { name: "Insert at selection" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Insert on a new sheet" }));
    expect(await within(card).findByText(/Inserted/)).toBeInTheDocument();
    expect(adapter.calls).toEqual([
      { kind: "formula", target: "selection", formula: FUNCTION_CATALOGUE.VERSION.formula },
      { kind: "formula", target: "newSheet", formula: FUNCTION_CATALOGUE.VERSION.formula },
    ]);
  });

  test("a metadata load failure is reported, not a crash", async () => {
    renderPane({ adapter: new FakeAdapter(), services: fakeServices(new Error("HTTP 404")), initialTab: "functions" });
    expect(await screen.findByText(/Could not load the function catalogue \(functions.json\): HTTP 404/)).toBeInTheDocument();
  });
});

describe("About tab", () => {
  test("counts, quarters, the aggregation rule and the sources come from the data", async () => {
    renderPane({ adapter: new FakeAdapter(), initialTab: "about" });
    const raw = rawFinancings();
    const counted = raw.filter((r) => r.new_money && r.listed && r.amount_usd !== null);
    expect(await screen.findByTestId("about-financings")).toHaveTextContent(`${raw.length} (${counted.length} count in sums)`);
    // Issuers: current tickers (a former ticker folds into its issuer, issuers.jsonl) + private borrowers.
    const issuersFile = fs.readFileSync(path.resolve(__dirname, "..", "..", "data", "issuers.jsonl"), "utf8");
    const current = new Map<string, string>();
    for (const line of issuersFile.split("\n").filter((l) => l.trim())) {
      const issuer = JSON.parse(line) as { ticker: string; aliases: string[] };
      for (const alias of issuer.aliases) current.set(alias, issuer.ticker);
    }
    const tickers = new Set(raw.filter((r) => r.ticker !== null).map((r) => current.get(r.ticker as string) ?? r.ticker));
    const privateBorrowers = new Set(raw.filter((r) => r.ticker === null).map((r) => r.issuer.split(/ \(|;/)[0].trim()));
    expect(screen.getByTestId("about-issuers")).toHaveTextContent(`${tickers.size} listed + ${privateBorrowers.size} private borrowers`);
    const quarters = raw.map((r) => r.quarter).filter((q): q is string => q !== null).sort();
    expect(screen.getByTestId("about-quarters")).toHaveTextContent(`${quarters[0]} – ${quarters[quarters.length - 1]}`);
    expect(screen.getByText(/new money/)).toBeInTheDocument();
    expect(screen.getByText(/its issuer is a listed company/)).toBeInTheDocument();
    // Sources grouped by site (domain), with counts: one group per site however the publisher is written.
    const list = await screen.findByText(/distinct links on \d+ sites/);
    const site = (url: string) => new URL(url).hostname.toLowerCase().replace(/^www\./, "");
    const financingLinks = raw.flatMap((r) => r.sources.map((s) => s.url)).filter((url) => url.startsWith("https://"));
    const sec = new Set(financingLinks.filter((url) => site(url) === "sec.gov"));
    // sec.gov: the financings' distinct filing links (sector figures cite none there).
    expect(screen.getByText(`sec.gov (${sec.size})`)).toBeInTheDocument();
    // AllMind is one site whatever its publisher label ("Allmind", "AllMind", "AllMind (AI news summary)").
    expect(screen.getAllByText(/^allmind\.ai \(\d+\)$/)).toHaveLength(1);
    expect(screen.queryByText(/^Allmind \(\d+\)$/)).toBeNull();
    expect(list).toBeInTheDocument();
    expect(screen.getByTestId("about-coverage")).toHaveTextContent("2026-06-16");
    expect(screen.getByTestId("about-version")).toHaveTextContent("financings through 2026-06-16");
  });
});
