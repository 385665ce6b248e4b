/**
 * The financings as a sortable Fluent DataGrid. A row opens the deal on click, or Enter/Space
 * on any of its cells; the grid is one tab stop and arrow keys move between cells (focusMode
 * "cell": in "composite" mode Fluent's row groupper takes Enter for itself). The issuer is a
 * link to its Issuer view: a click on it, or Enter/Space on its cell, opens the issuer instead
 * (the link itself is out of the tab order: the cell is the grid's stop).
 */
import { useEffect, useState, type KeyboardEvent } from "react";
import {
  Caption1,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
  type TableColumnId,
  type TableColumnSizingOptions,
} from "@fluentui/react-components";
import { compareOldestFirst, isWorkbookFinancing, type FinancingCore } from "../../data";
import { instrumentClassLabel, instrumentLabel, useLabel } from "../model/labels";
import { percentNumber, usdMillions, usdPerShare } from "../model/format";
import { IssuerLink, issuerViewTicker, useOpenIssuer } from "./IssuerLink";
import { useWorkbookDeals } from "./WorkbookDeals";

const useStyles = makeStyles({
  frame: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3, alignSelf: "flex-end" },
  clip: { position: "relative", minWidth: 0 },
  scroller: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // A fade at the right edge while columns are hidden there: the list scrolls sideways.
  fade: {
    position: "absolute",
    top: "1px",
    right: "1px",
    bottom: "1px",
    width: "28px",
    pointerEvents: "none",
    backgroundImage: `linear-gradient(to right, transparent, ${tokens.colorNeutralBackground1})`,
    borderTopRightRadius: tokens.borderRadiusMedium,
    borderBottomRightRadius: tokens.borderRadiusMedium,
  },
  row: { cursor: "pointer" },
  // Tighter than Fluent's 8 px a side, in the caption size: four columns fit a 320 px pane.
  cell: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
});

/** The date the grid shows and sorts by: pricing, else closing, else announcement; null when none is known. */
export function dealDate(record: FinancingCore): string | null {
  return record.priced_date ?? record.closed_date ?? record.announced_date;
}

function issuerText(record: FinancingCore): string {
  return record.ticker ?? record.issuer;
}

export type SortDirection = "ascending" | "descending";

/**
 * A comparer that keeps blanks (null: not disclosed) last whichever way the column is sorted.
 * The DataGrid reverses a column's compare for "descending", so the blank rule is pre-reversed.
 */
export function blanksLast<T>(direction: SortDirection, compare: (x: T, y: T) => number): (a: T | null, b: T | null) => number {
  const last = direction === "ascending" ? 1 : -1;
  return (a, b) => {
    if (a === null && b === null) return 0;
    if (a === null) return last;
    if (b === null) return -last;
    return compare(a, b);
  };
}

const byNumber = (a: number, b: number) => a - b;
const byText = (a: string, b: string) => a.localeCompare(b);

export const GRID_COLUMN_IDS = ["issuer", "date", "amount", "instrument", "quarter", "coupon", "maturity", "conversion", "use"] as const;

function columns(direction: SortDirection, numberClass: string, mutedClass: string): TableColumnDefinition<FinancingCore>[] {
  const nullable = <T,>(get: (r: FinancingCore) => T | null, compare: (x: T, y: T) => number) => {
    const ordered = blanksLast(direction, compare);
    return (a: FinancingCore, b: FinancingCore) => ordered(get(a), get(b));
  };
  return [
    createTableColumn<FinancingCore>({
      columnId: "issuer",
      compare: (a, b) => byText(issuerText(a), issuerText(b)),
      renderHeaderCell: () => "Issuer",
      renderCell: (r) => (
        <span>
          <IssuerLink ticker={r.ticker} name={r.issuer} tabIndex={-1}>
            {issuerText(r)}
          </IssuerLink>
          {!r.listed ? <span className={mutedClass}> · private</span> : null}
          {isWorkbookFinancing(r) ? <span className={mutedClass} data-testid="workbook-marker" title={`Your row ${r.row} of the MinerDebtDeals table`}> · yours</span> : null}
        </span>
      ),
    }),
    createTableColumn<FinancingCore>({
      columnId: "date",
      // Dates only (pricing, else closing, else announcement); a record known only by its
      // quarter shows "—" here and its quarter in the Quarter column. Ties: src/data's order.
      compare: (a, b) => {
        const ordered = blanksLast<string>(direction, byText)(dealDate(a), dealDate(b));
        return ordered !== 0 || dealDate(a) === null ? ordered : compareOldestFirst(a, b);
      },
      renderHeaderCell: () => "Date",
      renderCell: (r) => dealDate(r) ?? "—",
    }),
    createTableColumn<FinancingCore>({
      columnId: "amount",
      compare: nullable((r) => r.amount_usd, byNumber),
      renderHeaderCell: () => "Amount",
      renderCell: (r) => (
        <span className={numberClass}>
          {usdMillions(r.amount_usd)}
          {!r.new_money ? <span className={mutedClass}> (not new money)</span> : null}
        </span>
      ),
    }),
    createTableColumn<FinancingCore>({
      columnId: "instrument",
      compare: (a, b) => byText(instrumentLabel(a.instrument), instrumentLabel(b.instrument)),
      renderHeaderCell: () => "Instrument",
      renderCell: (r) => <span title={instrumentClassLabel(r.instrument_class)}>{instrumentLabel(r.instrument)}</span>,
    }),
    createTableColumn<FinancingCore>({
      columnId: "quarter",
      compare: nullable((r) => r.quarter, byText),
      renderHeaderCell: () => "Quarter",
      renderCell: (r) => r.quarter ?? "—",
    }),
    createTableColumn<FinancingCore>({
      columnId: "coupon",
      compare: nullable((r) => r.coupon_pct, byNumber),
      renderHeaderCell: () => "Coupon",
      renderCell: (r) => percentNumber(r.coupon_pct),
    }),
    createTableColumn<FinancingCore>({
      columnId: "maturity",
      compare: nullable((r) => r.maturity_date, byText),
      renderHeaderCell: () => "Maturity",
      renderCell: (r) => r.maturity_date ?? "—",
    }),
    createTableColumn<FinancingCore>({
      columnId: "conversion",
      compare: nullable((r) => r.conversion_price_usd, byNumber),
      renderHeaderCell: () => "Conv. price",
      renderCell: (r) => usdPerShare(r.conversion_price_usd),
    }),
    createTableColumn<FinancingCore>({
      columnId: "use",
      compare: nullable((r) => r.use_category, (x, y) => byText(useLabel(x), useLabel(y))),
      renderHeaderCell: () => "Use",
      renderCell: (r) => useLabel(r.use_category),
    }),
  ];
}

/**
 * Widths (cells add 8 px of padding, styles.cell): at 320 px (about 294 px inside the pane's
 * padding) issuer, date, amount and instrument fit side by side (288 px); the instrument wraps
 * onto two lines rather than being cut.
 * The other columns are to the right: the box scrolls sideways and a fade says so.
 */
const SIZING: TableColumnSizingOptions = {
  issuer: { minWidth: 40, defaultWidth: 40, idealWidth: 40 },
  date: { minWidth: 62, defaultWidth: 62, idealWidth: 62 },
  amount: { minWidth: 58, defaultWidth: 58, idealWidth: 58 },
  instrument: { minWidth: 96, defaultWidth: 96, idealWidth: 96 },
  quarter: { minWidth: 64, defaultWidth: 68 },
  coupon: { minWidth: 58, defaultWidth: 64 },
  maturity: { minWidth: 80, defaultWidth: 84 },
  conversion: { minWidth: 76, defaultWidth: 84 },
  use: { minWidth: 90, defaultWidth: 110 },
};

/** Whether the box has more to the right than it shows (it scrolls sideways), kept current. */
function useMoreToTheRight(): [(node: HTMLDivElement | null) => void, boolean] {
  const [node, setNode] = useState<HTMLDivElement | null>(null);
  const [more, setMore] = useState(false);
  useEffect(() => {
    if (!node) return undefined;
    const update = () => {
      // Hidden (an Issuer view open over the list) it measures 0: keep the answer, so the hint
      // does not vanish and take its line with it (Back would land 18 px off where it was).
      if (node.clientWidth === 0) return;
      setMore(node.scrollLeft + node.clientWidth < node.scrollWidth - 1);
    };
    update();
    node.addEventListener("scroll", update, { passive: true });
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
    observer?.observe(node);
    if (node.firstElementChild) observer?.observe(node.firstElementChild);
    return () => {
      node.removeEventListener("scroll", update);
      observer?.disconnect();
    };
  }, [node]);
  return [setNode, more];
}

export default function OfferingsGrid({
  rows,
  onOpen,
}: {
  rows: readonly FinancingCore[];
  onOpen: (record: FinancingCore) => void;
}) {
  const styles = useStyles();
  const [sortState, setSortState] = useState<{ sortColumn: TableColumnId; sortDirection: SortDirection }>({ sortColumn: "date", sortDirection: "descending" });
  const [scroller, moreToTheRight] = useMoreToTheRight();
  const openIssuer = useOpenIssuer();
  const { view } = useWorkbookDeals();
  /** Enter/Space on an issuer cell that links opens the issuer; otherwise the row opens the deal. */
  const issuerCellKeys = (record: FinancingCore) => (event: KeyboardEvent<HTMLDivElement>) => {
    const ticker = issuerViewTicker(record.ticker, view);
    if ((event.key !== "Enter" && event.key !== " ") || openIssuer === null || ticker === null) return;
    event.preventDefault();
    event.stopPropagation();
    openIssuer(ticker, event.currentTarget);
  };
  return (
    <div className={styles.frame}>
      {moreToTheRight ? (
        <Caption1 className={styles.hint} data-testid="grid-scroll-hint">
          More columns to the right: scroll the list sideways →
        </Caption1>
      ) : null}
      <div className={styles.clip}>
    <div className={styles.scroller} ref={scroller} data-scrolls-sideways="true">
      <DataGrid
        items={[...rows]}
        columns={columns(sortState.sortDirection, styles.number, styles.muted)}
        getRowId={(r: FinancingCore) => r.id}
        sortable
        sortState={sortState}
        onSortChange={(_, next) => setSortState({ sortColumn: next.sortColumn ?? "date", sortDirection: next.sortDirection })}
        resizableColumns
        columnSizingOptions={SIZING}
        focusMode="cell"
        size="small"
        aria-label="Financings matching the filters. Enter opens a deal; on an issuer, its capital stack."
      >
        <DataGridHeader>
          <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell className={styles.cell}>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
        </DataGridHeader>
        <DataGridBody<FinancingCore>>
          {({ item, rowId }) => (
            <DataGridRow<FinancingCore>
              key={rowId}
              className={styles.row}
              data-deal-id={item.id}
              aria-label={`${item.id}: open deal`}
              onClick={() => onOpen(item)}
              onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  onOpen(item);
                }
              }}
            >
              {({ renderCell, columnId }) => (
                <DataGridCell className={styles.cell} onKeyDown={columnId === "issuer" ? issuerCellKeys(item) : undefined}>
                  {renderCell(item)}
                </DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
        {moreToTheRight ? <div className={styles.fade} aria-hidden="true" /> : null}
      </div>
    </div>
  );
}
