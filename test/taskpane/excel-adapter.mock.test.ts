/**
 * The Excel adapter with office-addin-mock (SPEC §7): ranges, the sheet and its protection
 * are OfficeMockObjects (load → sync → read, "Error, property was not loaded" otherwise).
 * The mock has no collections (`load("items/name")` cannot work on it) and no null objects,
 * so the workbook's collections and the used-range probe are small plain objects here; the
 * full behaviour (batches, failures, Excel's parsing of typed text) is in excel-adapter.test.ts
 * against a hand-written fake of the object model.
 */
import { OfficeMockObject } from "office-addin-mock";
import { createExcelAdapter } from "../../src/taskpane/excel/excelAdapter";
import { EMPTY, FORMAT_PERCENT, FORMAT_USD_MILLIONS, numberCell, textCell } from "../../src/taskpane/plans/cells";
import type { InsertPlan } from "../../src/taskpane/plans/types";

type Mock = OfficeMockObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function rangeMock(address: string): Mock {
  return new OfficeMockObject({
    address,
    numberFormat: [],
    formulas: [],
    format: { font: { bold: false, italic: false, color: "", size: 11 }, fill: { color: "" }, columnWidth: 48, autofitColumns: () => undefined },
    select: () => undefined,
  }) as Mock;
}

function setUp(rows: number) {
  const ranges = new Map<string, Mock>();
  const getRange = (address: string): Mock => {
    if (!ranges.has(address)) ranges.set(address, rangeMock(address));
    return ranges.get(address)!;
  };
  const footprintAddress = `Sheet1!B2:D${rows + 3}`;
  const footprint = rangeMock(footprintAddress);
  footprint.getUsedRangeOrNullObject = () => ({ isNullObject: true, address: "", load: () => undefined });
  footprint.getTables = () => ({ items: [], load: () => undefined });
  footprint.getMergedAreasOrNullObject = () => ({ isNullObject: true, address: "", load: () => undefined });
  const anchor = rangeMock("Sheet1!B2");
  anchor.getResizedRange = () => footprint;
  anchor.getOffsetRange = () => rangeMock("Sheet1!B2");
  const tablesAdded: Mock[] = [];
  const tableAddresses: string[] = [];
  const sheet = new OfficeMockObject({
    name: "Sheet1",
    protection: { protected: false },
    getRange,
    activate: () => undefined,
  }) as Mock;
  sheet.charts = { items: [], load: () => undefined };
  sheet.tables = {
    add: (range: Mock, hasHeaders: boolean) => {
      const table = new OfficeMockObject({ name: "Table1", style: "" }) as Mock;
      tablesAdded.push(table);
      // The adapter passes a Range (from sheet.getRange), never a bare address string.
      const address = [...ranges].find(([, mock]) => mock === range)?.[0] ?? `not a range from getRange: ${String(range)}`;
      tableAddresses.push(`${address} headers=${hasHeaders}`);
      return table;
    },
  };
  const selection = new OfficeMockObject({ address: "Sheet1!B2" }) as Mock;
  selection.getCell = () => anchor;
  let syncs = 0;
  const workbook = {
    worksheets: { items: [{ name: "Sheet1" }], load: () => undefined, getActiveWorksheet: () => sheet },
    tables: { items: [{ name: "MinerDebtTest" }], load: () => undefined },
    getSelectedRange: () => selection,
    getActiveCell: () => anchor,
  };
  const context = {
    workbook,
    sync: async () => {
      syncs++;
      // What Excel does on sync: loaded properties become readable.
      for (const mock of [sheet, anchor, footprint, selection, ...ranges.values()]) await mock.sync();
    },
  };
  const run = (async (_options: unknown, batch: (c: unknown) => Promise<unknown>) => batch(context)) as unknown as Parameters<typeof createExcelAdapter>[0];
  return { run, ranges, tablesAdded, tableAddresses, syncs: () => syncs, sheet };
}

function plan(rows: number): InsertPlan {
  const data = Array.from({ length: rows }, (_, i) => [textCell(i === 0 ? "=HYPERLINK(\"x\")" : `ID-${i}`), numberCell(1e6 * (i + 1), FORMAT_USD_MILLIONS), numberCell(0.05, FORMAT_PERCENT)]);
  return {
    label: "Mock table",
    cells: [[textCell("note"), EMPTY, EMPTY], [textCell("ID"), textCell("Amount"), textCell("Coupon")], ...data],
    styles: [{ range: { row: 0, col: 0, rows: 1, cols: 3 }, role: "note" }],
    tables: [{ name: "MinerDebtTest", style: "TableStyleMedium2", range: { row: 1, col: 0, rows: rows + 1, cols: 3 } }],
    hyperlinks: [{ cell: { row: 2, col: 0 }, url: "https://example.com/a" }],
  };
}

describe("Excel adapter with office-addin-mock", () => {
  test.each([10, 1000])("writes formats, values, a styled uniquely named table in 2 syncs (%i rows)", async (rows) => {
    const mock = setUp(rows);
    const result = await createExcelAdapter(mock.run, () => true).insertPlan(plan(rows), "selection");
    expect(result).toEqual({ status: "inserted", address: `Sheet1!B2:D${rows + 3}`, sheet: "Sheet1" });
    expect(mock.syncs()).toBe(2);
    const block = mock.ranges.get(`B2:D${rows + 3}`)!;
    expect(block.numberFormat[0]).toEqual(["@", null, null]);
    expect(block.numberFormat[1]).toEqual(["@", "@", "@"]);
    expect(block.numberFormat[2]).toEqual(["@", FORMAT_USD_MILLIONS, FORMAT_PERCENT]);
    expect(block.formulas[2]).toEqual(["=HYPERLINK(\"x\")", 1e6, 0.05]);
    expect(block.formulas).toHaveLength(rows + 2);
    expect(mock.ranges.get("B2:D2")!.format.font.italic).toBe(true);
    expect(mock.tablesAdded).toHaveLength(1);
    expect(mock.tableAddresses).toEqual([`B3:D${rows + 3} headers=true`]);
    // "MinerDebtTest" exists in the workbook already.
    expect(mock.tablesAdded[0].name).toBe("MinerDebtTest2");
    expect(mock.tablesAdded[0].style).toBe("TableStyleMedium2");
    expect(mock.ranges.get("B4")!.hyperlink).toEqual({ address: "https://example.com/a", textToDisplay: "https://example.com/a", screenTip: "https://example.com/a" });
  });

  test("a protected sheet: one read, no writes", async () => {
    const mock = setUp(3);
    (mock.sheet as Record<string, unknown>).protection = new OfficeMockObject({ protected: true });
    const result = await createExcelAdapter(mock.run, () => true).insertPlan(plan(3), "selection");
    expect(result.status).toBe("error");
    expect(mock.syncs()).toBe(1);
    expect(mock.ranges.size).toBe(0);
  });
});
