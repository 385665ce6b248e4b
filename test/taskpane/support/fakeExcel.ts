/**
 * A small hand-written fake of the Excel JavaScript object model, enough for the task pane's
 * adapter. office-addin-mock (used in excel-adapter.mock.test.ts) sets properties immediately
 * and has no collections, no null objects and no batch; this fake models what matters here:
 *
 * - proxies queue operations; context.sync() applies them in order and loads requested
 *   properties (reading one that was not loaded throws, as in Excel);
 * - a batch is NOT transactional, as in Excel: when an operation fails, the ones before it
 *   stay applied and the rest are dropped; sync rejects with { code, message };
 * - a string written to a cell is parsed the way Excel parses typed input — "=…" is a
 *   formula, "+…"/"-…"/"@…" that is not a number becomes a formula, numeric text becomes a
 *   number — unless the cell's number format is "@" (text), where it stays text;
 * - a protected sheet refuses writes (AccessDenied); cell-edit mode fails every sync, unless
 *   the run asked `{ delayForCellEdit: true }`: then the sync waits until the edit ends;
 * - `format.autofitColumns()` sizes WHOLE columns from every cell in them, not only the range
 *   it is called on (office-js #1017, #5999);
 * - a sheet added in a batch is not activatable until a sync has happened since its `add`
 *   (Excel on the web, office-js #930): `activate()` in the same batch has no effect; `select()`
 *   on a sheet that is not the active one fails with InvalidOperation (office-js #5118);
 * - `tables.add("A1:C3")` with a bare address string uses the ACTIVE sheet, whatever collection
 *   it is called on (TableCollection.add: "If the address does not contain a sheet name, the
 *   currently-active sheet is used"); a table over merged cells fails (MergedRangeConflict);
 * - `getSelectedRange()` fails with InvalidSelection when a chart, a shape or several areas are
 *   selected (office-js #2268); `getActiveCell()` still answers;
 * - the client has an ExcelApi version (`apiVersion`): APIs of a later set fail at sync with
 *   ApiNotFound (Range.getTables 1.9, Range.getMergedAreasOrNullObject 1.13), and
 *   `isSetSupported` answers from it.
 * - tables: `workbook.tables.getItem(name)` of a table that does not exist fails the sync that
 *   uses it (ItemNotFound); `table.rows.add` appends below the table, shifting the cells under
 *   it in the table's columns down a row (Excel inserts table rows), and the new row takes the
 *   last row's number formats and data validation, as a table column does; a range's `values`
 *   read back errors as their text ("#DIV/0!") with `valueTypes` "Error".
 */

/** Excel's default column width in points (8.43 characters). */
export const DEFAULT_COLUMN_WIDTH = 48;

export interface FakeCell {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  hyperlink: { address?: string; textToDisplay?: string } | null;
  bold: boolean;
  italic: boolean;
  fontColor: string | null;
  fill: string | null;
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeTable {
  name: string;
  rect: Rect;
  style: string;
}

export interface FakeChart {
  name: string;
  type: string;
  dataRect: Rect;
  seriesBy: string;
  title: string;
  position: [string, string] | null;
  valueAxisFormat: string | null;
  legendPosition: string | null;
}

/** Width in points the fake's autofit gives a cell's shown text (about 5.6 pt a character, plus padding). */
export function autofitWidth(text: string): number {
  return Math.min(1789, Math.round(text.length * 5.6 + 8));
}

function shownText(cell: FakeCell): string {
  return String(cell.value);
}

/** A data-validation list on a range (range.dataValidation.rule = { list }). */
export interface FakeValidation {
  rect: Rect;
  source: string;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly tables: FakeTable[] = [];
  readonly validations: FakeValidation[] = [];
  /** Merged areas (A1 rects). */
  readonly merges: Rect[] = [];
  readonly charts: FakeChart[] = [];
  readonly columnWidths = new Map<number, number>();
  autofitted: string[] = [];
  protected = false;
  constructor(public name: string) {}

  cell(address: string): FakeCell | undefined {
    const rect = parseRect(address);
    return this.cells.get(key(rect.row, rect.col));
  }

  /** Value of a cell as Excel would show in the formula bar's stored value ("" when empty). */
  valueAt(address: string): string | number | boolean {
    return this.cell(address)?.value ?? "";
  }

  ensure(row: number, col: number): FakeCell {
    const k = key(row, col);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: "", formula: null, numberFormat: "General", hyperlink: null, bold: false, italic: false, fontColor: null, fill: null };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Cells that hold something (a value or a formula). */
  nonEmpty(): string[] {
    return [...this.cells.entries()].filter(([, cell]) => cell.value !== "" || cell.formula !== null).map(([k]) => k);
  }

  /** Everything visible about the sheet, for "unchanged" assertions. */
  snapshot(): string {
    const cells = [...this.cells.entries()]
      .filter(([, c]) => c.value !== "" || c.formula !== null || c.numberFormat !== "General" || c.hyperlink || c.bold || c.italic || c.fontColor || c.fill)
      .sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify({ cells, tables: this.tables, charts: this.charts, widths: [...this.columnWidths.entries()], merges: this.merges , validations: this.validations });
  }
}

export class FakeExcelError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

export interface FakeWorkbookOptions {
  sheets?: string[];
  active?: string;
  selection?: string;
  /** The active cell; by default the selection's top-left cell. */
  activeCell?: string;
  /** What is selected: a range (default), or something getSelectedRange cannot return. */
  selectionKind?: "range" | "chart" | "shape" | "multipleAreas";
  /** The client's ExcelApi requirement set (default "1.17"). */
  apiVersion?: string;
}

/** "1.9" < "1.13": compare requirement-set versions numerically. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

type Op = { name: string; apply: () => void };

export class FakeWorkbook {
  readonly sheets: FakeSheet[];
  activeSheet: string;
  selection: string;
  activeCell: string | null;
  selectionKind: NonNullable<FakeWorkbookOptions["selectionKind"]>;
  apiVersion: string;
  /** Sheets added in the sync under way (not activatable yet, as in Excel on the web). */
  readonly addedThisSync = new Set<string>();
  syncCount = 0;
  runCount = 0;
  cellEditMode = false;
  /** Make the operation with this name fail (once) with this code, e.g. { op: "hyperlink", code: "GeneralException" }. */
  failOn: { op: string; code: string } | null = null;
  /** Called after an injected failure (e.g. to make the clean-up fail too). */
  afterFailure: (() => void) | null = null;
  /** Names of applied operations, in order. */
  readonly applied: string[] = [];

  constructor(options: FakeWorkbookOptions = {}) {
    this.sheets = (options.sheets ?? ["Sheet1"]).map((name) => new FakeSheet(name));
    this.activeSheet = options.active ?? this.sheets[0].name;
    this.selection = options.selection ?? "A1";
    this.activeCell = options.activeCell ?? null;
    this.selectionKind = options.selectionKind ?? "range";
    this.apiVersion = options.apiVersion ?? "1.17";
  }

  /** Office.context.requirements.isSetSupported's replacement. */
  isSetSupported = (name: string, minVersion?: string): boolean =>
    name === "ExcelApi" && compareVersions(minVersion ?? "1.1", this.apiVersion) <= 0;

  /** Throws ApiNotFound at sync if the client's ExcelApi is older than `version`. */
  requireApi(version: string, api: string): void {
    if (!this.isSetSupported("ExcelApi", version)) throw new FakeExcelError("ApiNotFound", `${api} needs ExcelApi ${version}; this client has ${this.apiVersion}`);
  }

  private cellEditEnded: (() => void) | null = null;
  private cellEditEnd: Promise<void> | null = null;
  private waitingListeners: (() => void)[] = [];
  /** Resolves once a run with delayForCellEdit is waiting for the edit to end. */
  whenWaitingForCellEdit(): Promise<void> {
    if (this.cellEditEnd) return Promise.resolve(); // one is waiting already
    return new Promise((resolve) => this.waitingListeners.push(resolve));
  }
  /** The user presses Enter: cell-edit mode ends and delayed batches go ahead. */
  endCellEdit(): void {
    this.cellEditMode = false;
    this.cellEditEnded?.();
    this.cellEditEnded = null;
    this.cellEditEnd = null;
  }
  /** For FakeContext: wait until cell-edit mode ends. */
  waitForCellEdit(): Promise<void> {
    if (!this.cellEditEnd) this.cellEditEnd = new Promise((resolve) => { this.cellEditEnded = resolve; });
    for (const listener of this.waitingListeners.splice(0)) listener();
    return this.cellEditEnd;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new FakeExcelError("ItemNotFound", `No sheet ${name}`);
    return found;
  }

  allTables(): FakeTable[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  /** The sheet and table of a workbook-level table name (case-insensitive), or null. */
  findTable(name: string): { sheet: FakeSheet; table: FakeTable } | null {
    for (const sheet of this.sheets) {
      const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (table) return { sheet, table };
    }
    return null;
  }

  /** Options of every run, in order. */
  readonly runOptions: { delayForCellEdit?: boolean }[] = [];

  /** Excel.run's replacement: `run(batch)` or `run(options, batch)`, as Excel.run. */
  run = async <T>(
    first: { delayForCellEdit?: boolean } | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    this.runCount++;
    const options = typeof first === "function" ? {} : first;
    const batch = typeof first === "function" ? first : second!;
    this.runOptions.push(options);
    const context = new FakeContext(this, options.delayForCellEdit === true);
    return batch(context as unknown as Excel.RequestContext);
  };
}

function key(row: number, col: number): string {
  return `${String(row).padStart(7, "0")}:${String(col).padStart(5, "0")}`;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "C5", "C5:K20", "F:F" (whole column) → rect; a sheet prefix is ignored. */
export function parseRect(address: string): Rect {
  const cells = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const column = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(cells);
  if (column) {
    const a = colIndex(column[1]);
    const b = colIndex(column[2]);
    return { row: 0, col: a, rows: 1_048_576, cols: b - a + 1 };
  }
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(cells);
  if (!m) throw new FakeExcelError("InvalidArgument", `Bad address ${address}`);
  const row = Number(m[2]) - 1;
  const col = colIndex(m[1]);
  const row2 = m[4] ? Number(m[4]) - 1 : row;
  const col2 = m[3] ? colIndex(m[3]) : col;
  return { row, col, rows: row2 - row + 1, cols: col2 - col + 1 };
}

function rectText(rect: Rect): string {
  const a = `${colLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return a;
  return `${a}:${colLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** How Excel stores a typed-in string in a cell with format `format`. */
function parseTyped(input: string, format: string): { value: string | number | boolean; formula: string | null } {
  if (format === "@") return { value: input, formula: null };
  if (input === "") return { value: "", formula: null };
  if (input.startsWith("=")) return { value: "#FORMULA", formula: input };
  const trimmed = input.trim();
  if (trimmed !== "" && Number.isFinite(Number(trimmed))) return { value: Number(trimmed), formula: null };
  if (/^[+\-@]./.test(input)) return { value: "#FORMULA", formula: `=${input.replace(/^[+@]/, "")}` };
  return { value: input, formula: null };
}

class FakeContext {
  private ops: Op[] = [];
  constructor(readonly book: FakeWorkbook, private readonly delayForCellEdit = false) {}

  readonly workbook = new WorkbookProxy(this);

  queue(name: string, apply: () => void): void {
    this.ops.push({ name, apply });
  }

  queueLoad(load: () => void): void {
    this.ops.push({ name: "load", apply: load });
  }

  async sync(): Promise<void> {
    this.book.syncCount++;
    const ops = this.ops;
    this.ops = [];
    if (this.book.cellEditMode && this.delayForCellEdit) await this.book.waitForCellEdit();
    if (this.book.cellEditMode) throw new FakeExcelError("InvalidOperationInCellEditMode", "The operation isn't available in cell-edit mode.");
    try {
      this.apply(ops);
    } finally {
      this.book.addedThisSync.clear();
    }
  }

  private apply(ops: Op[]): void {
    for (const op of ops) {
      if (this.book.failOn && this.book.failOn.op === op.name) {
        const code = this.book.failOn.code;
        this.book.failOn = null;
        this.book.afterFailure?.();
        throw new FakeExcelError(code, `Injected failure on ${op.name}`);
      }
      try {
        op.apply();
      } catch (error) {
        if (error instanceof FakeExcelError) throw error;
        throw new FakeExcelError("GeneralException", String(error));
      }
      if (op.name !== "load") this.book.applied.push(op.name);
    }
  }

  trackedObjects = { add: () => undefined, remove: () => undefined };
}

/** A property readable only after load + sync. */
class Loadable {
  private loaded = new Map<string, unknown>();
  protected constructor(protected readonly ctx: FakeContext) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new FakeExcelError("PropertyNotLoaded", `${prop} was not loaded`);
    return this.loaded.get(prop) as T;
  }
  protected set(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  protected queueLoad(props: string, resolve: (prop: string) => unknown): void {
    // As in Excel, any load of a *OrNullObject result also tells whether it is null.
    const names = [...new Set([...props.split(",").map((p) => p.trim()).filter(Boolean), "isNullObject"])];
    this.ctx.queueLoad(() => {
      for (const name of names) this.set(name, resolve(name));
    });
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
  }
  getSelectedRange(): RangeProxy {
    const book = this.ctx.book;
    return new RangeProxy(this.ctx, () => book.activeSheet, () => {
      if (book.selectionKind !== "range") throw new FakeExcelError("InvalidSelection", "The current selection is invalid for this operation.");
      return parseRect(book.selection);
    });
  }
  getActiveCell(): RangeProxy {
    const book = this.ctx.book;
    return new RangeProxy(this.ctx, () => book.activeSheet, () => {
      const rect = parseRect(book.activeCell ?? book.selection);
      return { row: rect.row, col: rect.col, rows: 1, cols: 1 };
    });
  }
}

class WorksheetCollectionProxy extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  get items(): WorksheetProxy[] {
    return this.read("items");
  }
  load(props: string): this {
    this.ctx.queueLoad(() => this.set("items",
      this.ctx.book.sheets.map((s) => {
        const proxy = new WorksheetProxy(this.ctx, () => s.name);
        proxy.preload(s.name);
        return proxy;
      })));
    void props;
    return this;
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.activeSheet);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name).name);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name).name, () => !this.ctx.book.sheets.some((s) => s.name === name));
  }
  add(name: string): WorksheetProxy {
    this.ctx.queue("worksheets.add", () => {
      if (this.ctx.book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeExcelError("ItemAlreadyExists", `Sheet ${name} exists`);
      }
      this.ctx.book.sheets.push(new FakeSheet(name));
      this.ctx.book.addedThisSync.add(name);
    });
    return new WorksheetProxy(this.ctx, () => name);
  }
}

class WorksheetProxy extends Loadable {
  readonly protection: { protected: boolean; load: (p: string) => void };
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  constructor(ctx: FakeContext, private readonly sheetName: () => string, private readonly isNull: () => boolean = () => false) {
    super(ctx);
    const self = this;
    let protectedLoaded: boolean | undefined;
    this.protection = {
      get protected(): boolean {
        if (protectedLoaded === undefined) throw new FakeExcelError("PropertyNotLoaded", "protection.protected was not loaded");
        return protectedLoaded;
      },
      set protected(_v: boolean) {
        throw new Error("read-only");
      },
      load: () => {
        ctx.queueLoad(() => {
          protectedLoaded = self.fake().protected;
        });
      },
    };
    this.tables = new TableCollectionProxy(ctx, () => this.fake());
    this.charts = new ChartCollectionProxy(ctx, () => this.fake());
  }
  preload(name: string): void {
    this.set("name", name);
  }
  fake(): FakeSheet {
    return this.ctx.book.sheet(this.sheetName());
  }
  get name(): string {
    return this.read("name");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  load(props: string): this {
    this.queueLoad(props, (prop) => (prop === "isNullObject" ? this.isNull() : prop === "name" && !this.isNull() ? this.fake().name : undefined));
    return this;
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetName, () => parseRect(address));
  }
  activate(): void {
    this.ctx.queue("activate", () => {
      // Excel on the web: a sheet added in this same batch does not become active (office-js #930).
      if (this.ctx.book.addedThisSync.has(this.fake().name)) return;
      this.ctx.book.activeSheet = this.fake().name;
    });
  }
  delete(): void {
    this.ctx.queue("worksheet.delete", () => {
      const index = this.ctx.book.sheets.indexOf(this.fake());
      this.ctx.book.sheets.splice(index, 1);
    });
  }
}

class RangeProxy extends Loadable {
  readonly format: RangeFormatProxy;
  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string,
    readonly rect: () => Rect,
    private readonly isNull: () => boolean = () => false,
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
  }
  fakeSheet(): FakeSheet {
    return this.ctx.book.sheet(this.sheetName());
  }
  get address(): string {
    return this.read("address");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  /** Cell values as Excel reads them back (an error shows as its text), or their value types. */
  private grid(prop: "values" | "valueTypes"): unknown[][] {
    const rect = this.rect();
    const sheet = this.fakeSheet();
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => {
        const cell = sheet.cell(`${colLetters(rect.col + c)}${rect.row + r + 1}`);
        const value = cell?.value ?? "";
        if (prop === "values") return value;
        if (cell?.formula && typeof value === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(value)) return "Error";
        return value === "" ? "Empty" : typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
      }),
    );
  }
  readonly dataValidation = ((range: RangeProxy) => ({
    set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
      const self = () => range;
      self().ctx.queue("dataValidation", () => {
        const range = self();
        if (range.fakeSheet().protected) throw new FakeExcelError("AccessDenied", "The sheet is protected");
        if (!rule.list) throw new FakeExcelError("InvalidArgument", "Only list rules are modelled");
        if (rule.list.source.length > 255) throw new FakeExcelError("InvalidArgument", "A list source is limited to 255 characters");
        range.fakeSheet().validations.push({ rect: range.rect(), source: rule.list.source });
      });
    },
  }))(this);
  load(props: string): this {
    this.queueLoad(props, (prop) => {
      if (prop === "isNullObject") return this.isNull();
      if (prop === "address") return this.isNull() ? undefined : `${sheetPrefix(this.sheetName())}!${rectText(this.rect())}`;
      if (prop === "values" || prop === "valueTypes") return this.grid(prop);
      if (prop === "rowCount") return this.rect().rows;
      throw new FakeExcelError("InvalidArgument", `Fake range cannot load ${prop}`);
    });
    return this;
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetName, () => {
      const r = this.rect();
      return { row: r.row + row, col: r.col + col, rows: 1, cols: 1 };
    });
  }
  getOffsetRange(rowOffset: number, colOffset: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetName, () => {
      const r = this.rect();
      return { ...r, row: r.row + rowOffset, col: r.col + colOffset };
    });
  }
  getResizedRange(deltaRows: number, deltaCols: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheetName, () => {
      const r = this.rect();
      const rect = { row: r.row, col: r.col, rows: r.rows + deltaRows, cols: r.cols + deltaCols };
      if (rect.row + rect.rows > 1_048_576 || rect.col + rect.cols > 16_384) throw new FakeExcelError("InvalidArgument", "The range goes past the sheet's edge");
      return rect;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    // valuesOnly false (Excel's default): formatted and merged cells count as used too.
    const used = (): Rect | null => {
      const rect = this.rect();
      let top = Infinity, left = Infinity, bottom = -1, right = -1;
      const include = (r: Rect) => {
        top = Math.min(top, r.row); left = Math.min(left, r.col);
        bottom = Math.max(bottom, r.row + r.rows - 1); right = Math.max(right, r.col + r.cols - 1);
      };
      const sheet = this.fakeSheet();
      for (const [k, cell] of sheet.cells) {
        const hasValue = cell.value !== "" || cell.formula !== null;
        const formatted = cell.numberFormat !== "General" || cell.hyperlink !== null || cell.bold || cell.italic || cell.fontColor !== null || cell.fill !== null;
        if (!hasValue && (valuesOnly || !formatted)) continue;
        const [row, col] = k.split(":").map(Number);
        if (!overlaps(rect, { row, col, rows: 1, cols: 1 })) continue;
        include({ row, col, rows: 1, cols: 1 });
      }
      if (!valuesOnly) {
        for (const merge of sheet.merges) {
          if (!overlaps(rect, merge)) continue;
          const top2 = Math.max(rect.row, merge.row), left2 = Math.max(rect.col, merge.col);
          include({ row: top2, col: left2, rows: Math.min(rect.row + rect.rows, merge.row + merge.rows) - top2, cols: Math.min(rect.col + rect.cols, merge.col + merge.cols) - left2 });
        }
      }
      return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
    };
    return new RangeProxy(this.ctx, this.sheetName, () => used() ?? this.rect(), () => used() === null);
  }
  /** The merged areas overlapping this range (a RangeAreas: `address` lists them), or a null object. */
  getMergedAreasOrNullObject(): { address: string; isNullObject: boolean; load: (p: string) => void } {
    let loaded: { address: string; isNullObject: boolean } | undefined;
    const read = () => {
      if (!loaded) throw new FakeExcelError("PropertyNotLoaded", "address was not loaded");
      return loaded;
    };
    return {
      get address() { return read().address; },
      get isNullObject() { return read().isNullObject; },
      load: () => {
        this.ctx.queueLoad(() => {
          this.ctx.book.requireApi("1.13", "Range.getMergedAreasOrNullObject");
          const areas = this.fakeSheet().merges.filter((m) => overlaps(m, this.rect()));
          loaded = { isNullObject: areas.length === 0, address: areas.map((m) => `${sheetPrefix(this.sheetName())}!${rectText(m)}`).join(",") };
        });
      },
    };
  }
  getTables(fullyContained?: boolean): { items: { name: string }[]; load: (p: string) => void } {
    void fullyContained;
    let items: { name: string }[] | undefined;
    return {
      get items() {
        if (!items) throw new FakeExcelError("PropertyNotLoaded", "items was not loaded");
        return items;
      },
      load: () => {
        this.ctx.queueLoad(() => {
          this.ctx.book.requireApi("1.9", "Range.getTables");
          items = this.ctx.book.allTables().filter((t) => this.ctx.book.sheets.some((s) => s.tables.includes(t) && s === this.fakeSheet()) && overlaps(t.rect, this.rect())).map((t) => ({ name: t.name }));
        });
      },
    };
  }
  private writeGrid(name: string, grid: unknown[][], apply: (cell: FakeCell, value: unknown) => void): void {
    this.ctx.queue(name, () => {
      const sheet = this.fakeSheet();
      if (sheet.protected) throw new FakeExcelError("AccessDenied", "The sheet is protected");
      const rect = this.rect();
      if (grid.length !== rect.rows || grid.some((row) => row.length !== rect.cols)) {
        throw new FakeExcelError("InvalidArgument", `${name}: ${grid.length}×${grid[0]?.length} array for a ${rect.rows}×${rect.cols} range`);
      }
      grid.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null) return; // Excel leaves the cell unchanged
          apply(sheet.ensure(rect.row + r, rect.col + c), value);
        }),
      );
    });
  }
  set numberFormat(grid: unknown[][]) {
    this.writeGrid("numberFormat", grid, (cell, value) => {
      cell.numberFormat = String(value);
    });
  }
  private setContent(name: string, grid: unknown[][]): void {
    this.writeGrid(name, grid, (cell, value) => {
      if (typeof value === "string") {
        const parsed = parseTyped(value, cell.numberFormat);
        cell.value = parsed.value;
        cell.formula = parsed.formula;
      } else {
        cell.value = value as number | boolean;
        cell.formula = null;
      }
    });
  }
  set formulas(grid: unknown[][]) {
    this.setContent("formulas", grid);
  }
  set values(grid: unknown[][]) {
    this.setContent("values", grid);
  }
  set hyperlink(link: { address?: string; textToDisplay?: string }) {
    this.ctx.queue("hyperlink", () => {
      const sheet = this.fakeSheet();
      if (sheet.protected) throw new FakeExcelError("AccessDenied", "The sheet is protected");
      const rect = this.rect();
      const cell = sheet.ensure(rect.row, rect.col);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined) cell.value = link.textToDisplay;
    });
  }
  select(): void {
    this.ctx.queue("select", () => {
      // Range.select works on the active sheet only (office-js #5118).
      if (this.fakeSheet() !== this.ctx.book.sheet(this.ctx.book.activeSheet)) {
        throw new FakeExcelError("InvalidOperation", `Cannot select a range on ${this.sheetName()}, which is not the active sheet`);
      }
      this.ctx.book.selection = rectText(this.rect());
      this.ctx.book.activeCell = null;
      this.ctx.book.selectionKind = "range";
    });
  }
  /** Excel.ClearApplyTo: "All" (default), "Contents", "Formats", "Hyperlinks". */
  clear(applyTo: string = "All"): void {
    this.ctx.queue(`clear.${applyTo}`, () => {
      const rect = this.rect();
      const sheet = this.fakeSheet();
      if (sheet.protected) throw new FakeExcelError("AccessDenied", "The sheet is protected");
      for (const [k, cell] of [...sheet.cells.entries()]) {
        const [row, col] = k.split(":").map(Number);
        if (!overlaps(rect, { row, col, rows: 1, cols: 1 })) continue;
        if (applyTo === "All") sheet.cells.delete(k);
        if (applyTo === "Contents") { cell.value = ""; cell.formula = null; }
        if (applyTo === "Hyperlinks") cell.hyperlink = null;
        if (applyTo === "Formats") Object.assign(cell, { numberFormat: "General", bold: false, italic: false, fontColor: null, fill: null });
      }
      // Clearing formats (or everything) unmerges, as in Excel.
      if (applyTo === "All" || applyTo === "Formats") {
        for (let i = sheet.merges.length - 1; i >= 0; i--) if (overlaps(sheet.merges[i], rect)) sheet.merges.splice(i, 1);
      }
    });
  }
}

class RangeFormatProxy {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  constructor(private readonly ctx: FakeContext, private readonly range: RangeProxy) {
    const each = (name: string, apply: (cell: FakeCell) => void) =>
      ctx.queue(name, () => {
        const sheet = range.fakeSheet();
        if (sheet.protected) throw new FakeExcelError("AccessDenied", "The sheet is protected");
        const rect = range.rect();
        for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) apply(sheet.ensure(rect.row + r, rect.col + c));
      });
    this.font = {
      set bold(v: boolean) { each("font", (cell) => { cell.bold = v; }); },
      set italic(v: boolean) { each("font", (cell) => { cell.italic = v; }); },
      set color(v: string) { each("font", (cell) => { cell.fontColor = v; }); },
      set size(_v: number) { each("font", () => undefined); },
    };
    this.fill = {
      set color(v: string) { each("fill", (cell) => { cell.fill = v; }); },
    };
  }
  autofitColumns(): void {
    this.ctx.queue("autofit", () => {
      const rect = this.range.rect();
      const sheet = this.range.fakeSheet();
      sheet.autofitted.push(rectText(rect));
      // Whole columns, as Excel does (office-js #1017, #5999): every non-empty cell of the
      // column counts, inside the range or not.
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        let widest = 0;
        for (const [k, cell] of sheet.cells) {
          if (Number(k.split(":")[1]) !== c || (cell.value === "" && cell.formula === null)) continue;
          widest = Math.max(widest, autofitWidth(shownText(cell)));
        }
        if (widest > 0) sheet.columnWidths.set(c, widest);
      }
    });
  }
  private width: number | undefined;
  get columnWidth(): number {
    if (this.width === undefined) throw new FakeExcelError("PropertyNotLoaded", "columnWidth was not loaded");
    return this.width;
  }
  load(props: string): void {
    if (props !== "columnWidth") throw new FakeExcelError("InvalidArgument", `Fake format cannot load ${props}`);
    this.ctx.queueLoad(() => {
      this.width = this.range.fakeSheet().columnWidths.get(this.range.rect().col) ?? DEFAULT_COLUMN_WIDTH;
    });
  }
  set columnWidth(points: number) {
    this.ctx.queue("columnWidth", () => {
      const rect = this.range.rect();
      const sheet = this.range.fakeSheet();
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        if (points === DEFAULT_COLUMN_WIDTH) sheet.columnWidths.delete(c);
        else sheet.columnWidths.set(c, points);
      }
    });
  }
}

class TableCollectionProxy extends Loadable {
  constructor(ctx: FakeContext, private readonly sheet: (() => FakeSheet) | null) {
    super(ctx);
  }
  get items(): { name: string }[] {
    return this.read("items");
  }
  load(props: string): this {
    void props;
    this.ctx.queueLoad(() => this.set("items", (this.sheet ? this.sheet().tables : this.ctx.book.allTables()).map((t) => ({ name: t.name }))));
    return this;
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    void hasHeaders;
    const holder: { table: FakeTable | null; sheet: FakeSheet | null } = { table: null, sheet: null };
    this.ctx.queue("tables.add", () => {
      // A Range carries its sheet; an address string without a sheet name means the ACTIVE
      // sheet (TableCollection.add), whichever collection it is called on.
      const book = this.ctx.book;
      let sheet: FakeSheet;
      let rect: Rect;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        sheet = bang >= 0 ? book.sheet(address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'")) : book.sheet(book.activeSheet);
        rect = parseRect(address);
      } else {
        sheet = address.fakeSheet();
        rect = address.rect();
      }
      holder.sheet = sheet;
      if (sheet.protected) throw new FakeExcelError("AccessDenied", "The sheet is protected");
      if (sheet.merges.some((m) => overlaps(m, rect))) throw new FakeExcelError("MergedRangeConflict", "A table can't overlap with merged cells");
      if (sheet.tables.some((t) => overlaps(t.rect, rect))) throw new FakeExcelError("InvalidOperation", "Tables can't overlap");
      const taken = new Set(this.ctx.book.allTables().map((t) => t.name.toLowerCase()));
      let n = 1;
      while (taken.has(`table${n}`)) n++;
      holder.table = { name: `Table${n}`, rect, style: "TableStyleMedium2" };
      sheet.tables.push(holder.table);
    });
    return new TableProxy(this.ctx, () => holder.table, () => holder.sheet ?? this.sheet!());
  }
  getItemOrNullObject(name: string): TableProxy {
    const find = () => this.sheet!().tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
    return new TableProxy(this.ctx, find, () => this.sheet!());
  }
  /** A table by name (workbook-wide from workbook.tables); a missing one fails the sync that uses it. */
  getItem(name: string): TableProxy {
    const found = () => {
      const hit = this.sheet ? (() => { const t = this.sheet!().tables.find((x) => x.name.toLowerCase() === name.toLowerCase()); return t ? { sheet: this.sheet!(), table: t } : null; })() : this.ctx.book.findTable(name);
      if (!hit) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist (table ${name}).`);
      return hit;
    };
    return new TableProxy(this.ctx, () => found().table, () => found().sheet);
  }
}

class TableProxy extends Loadable {
  readonly rows: { add: (index: number | undefined | null, values: unknown[][]) => void };
  constructor(ctx: FakeContext, private readonly table: () => FakeTable | null, private readonly sheet: () => FakeSheet) {
    super(ctx);
    this.rows = { add: (index, values) => this.addRows(index, values) };
  }
  private range(part: "all" | "header" | "body"): RangeProxy {
    return new RangeProxy(this.ctx, () => this.sheet().name, () => {
      const rect = this.table()!.rect;
      if (part === "header") return { ...rect, rows: 1 };
      if (part === "body") return { ...rect, row: rect.row + 1, rows: rect.rows - 1 };
      return rect;
    });
  }
  getRange(): RangeProxy {
    return this.range("all");
  }
  getHeaderRowRange(): RangeProxy {
    return this.range("header");
  }
  getDataBodyRange(): RangeProxy {
    return this.range("body");
  }
  /** Append rows at the table's end (index null/undefined), as Excel does: see the module comment. */
  private addRows(index: number | undefined | null, values: unknown[][]): void {
    this.ctx.queue("table.rows.add", () => {
      if (index !== null && index !== undefined) throw new FakeExcelError("InvalidArgument", "The fake adds rows at the end only");
      const sheet = this.sheet();
      const table = this.table()!;
      if (sheet.protected) throw new FakeExcelError("AccessDenied", "The sheet is protected");
      const rect = table.rect;
      if (values.some((row) => row.length !== rect.cols)) throw new FakeExcelError("InvalidArgument", `rows.add: rows must have ${rect.cols} values`);
      const below = rect.row + rect.rows;
      const n = values.length;
      // Insert: the cells under the table, in its columns, move down n rows.
      const moved = [...sheet.cells.entries()].filter(([k]) => {
        const [row, col] = k.split(":").map(Number);
        return row >= below && col >= rect.col && col < rect.col + rect.cols;
      });
      for (const [k] of moved) sheet.cells.delete(k);
      for (const [k, cell] of moved) {
        const [row, col] = k.split(":").map(Number);
        sheet.cells.set(key(row + n, col), cell);
      }
      const last = below - 1;
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const formatOf = sheet.cell(`${colLetters(rect.col + c)}${last + 1}`)?.numberFormat ?? "General";
          const cell = sheet.ensure(below + r, rect.col + c);
          cell.numberFormat = formatOf;
          if (typeof value === "string") {
            const parsed = parseTyped(value, formatOf);
            cell.value = parsed.value;
            cell.formula = parsed.formula;
          } else {
            cell.value = value as number | boolean;
            cell.formula = null;
          }
        }),
      );
      // A column's validation that reaches the table's last row grows with it.
      for (const validation of sheet.validations) {
        const v = validation.rect;
        if (v.row <= last && v.row + v.rows - 1 === last && v.col >= rect.col && v.col + v.cols <= rect.col + rect.cols) v.rows += n;
      }
      table.rect = { ...rect, rows: rect.rows + n };
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  load(props: string): this {
    this.queueLoad(props, (prop) => (prop === "isNullObject" ? this.table() === null : prop === "name" ? this.table()?.name : undefined));
    return this;
  }
  set name(value: string) {
    this.ctx.queue("table.name", () => {
      const taken = this.ctx.book.allTables().filter((t) => t !== this.table()).map((t) => t.name.toLowerCase());
      if (taken.includes(value.toLowerCase())) throw new FakeExcelError("ItemAlreadyExists", `A table named ${value} exists`);
      this.table()!.name = value;
    });
  }
  set style(value: string) {
    this.ctx.queue("table.style", () => {
      this.table()!.style = value;
    });
  }
  delete(): void {
    this.ctx.queue("table.delete", () => {
      const tables = this.sheet().tables;
      tables.splice(tables.indexOf(this.table()!), 1);
    });
  }
}

/** A few of Excel.ChartType's names (the 2-D column, bar and line families). */
const EXCEL_CHART_TYPES: ReadonlySet<string> = new Set([
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100",
  "Line", "LineStacked", "LineStacked100", "LineMarkers", "Pie", "XYScatter", "Area", "AreaStacked",
]);

class ChartCollectionProxy extends Loadable {
  constructor(ctx: FakeContext, private readonly sheet: () => FakeSheet) {
    super(ctx);
  }
  get items(): { name: string }[] {
    return this.read("items");
  }
  load(props: string): this {
    void props;
    this.ctx.queueLoad(() => this.set("items", this.sheet().charts.map((c) => ({ name: c.name }))));
    return this;
  }
  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    const holder: { chart: FakeChart | null } = { chart: null };
    this.ctx.queue("charts.add", () => {
      const sheet = this.sheet();
      if (sheet.protected) throw new FakeExcelError("AccessDenied", "The sheet is protected");
      // Excel rejects a type that is not an Excel.ChartType name (case matters: "BarStacked100").
      if (!EXCEL_CHART_TYPES.has(type)) throw new FakeExcelError("InvalidArgument", `Not a chart type: ${type}`);
      holder.chart = { name: `Chart ${sheet.charts.length + 1}`, type, dataRect: source.rect(), seriesBy, title: "", position: null, valueAxisFormat: null, legendPosition: null };
      sheet.charts.push(holder.chart);
    });
    return new ChartProxy(this.ctx, () => holder.chart, this.sheet);
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.sheet().charts.find((c) => c.name === name) ?? null, this.sheet);
  }
}

class ChartProxy extends Loadable {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { valueAxis: { numberFormat: string } };
  constructor(ctx: FakeContext, private readonly chart: () => FakeChart | null, private readonly sheet: () => FakeSheet) {
    super(ctx);
    const set = (name: string, apply: (chart: FakeChart) => void) => ctx.queue(name, () => apply(this.chart()!));
    this.title = { set text(v: string) { set("chart.title", (c) => { c.title = v; }); }, get text() { return ""; } };
    this.legend = { set position(v: string) { set("chart.legend", (c) => { c.legendPosition = v; }); }, get position() { return ""; } };
    this.axes = { valueAxis: { set numberFormat(v: string) { set("chart.axis", (c) => { c.valueAxisFormat = v; }); }, get numberFormat() { return ""; } } };
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  load(props: string): this {
    this.queueLoad(props, (prop) => (prop === "isNullObject" ? this.chart() === null : prop === "name" ? this.chart()?.name : undefined));
    return this;
  }
  set name(value: string) {
    this.ctx.queue("chart.name", () => {
      this.chart()!.name = value;
    });
  }
  setPosition(start: string, end: string): void {
    this.ctx.queue("chart.position", () => {
      this.chart()!.position = [start, end];
    });
  }
  delete(): void {
    this.ctx.queue("chart.delete", () => {
      const charts = this.sheet().charts;
      charts.splice(charts.indexOf(this.chart()!), 1);
    });
  }
}
