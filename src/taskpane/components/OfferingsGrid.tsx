/**
 * The financings as a sortable Fluent DataGrid. A row opens the deal on click, or Enter/Space
 * on any of its cells; the grid is one tab stop and arrow keys move between cells (focusMode
 * "cell": in "composite" mode Fluent's row groupper takes Enter for itself).
 */
import type { KeyboardEvent } from "react";
import {
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
  type TableColumnSizingOptions,
} from "@fluentui/react-components";
import { compareOldestFirst, type FinancingCore } from "../../data";
import { instrumentClassLabel, instrumentLabel, useLabel } from "../model/labels";
import { percentNumber, usdMillions, usdPerShare } from "../model/format";

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { cursor: "pointer" },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
});

/** The date the grid shows and sorts by: pricing, else closing, else announcement, else the quarter. */
export function dealDate(record: FinancingCore): string {
  return record.priced_date ?? record.closed_date ?? record.announced_date ?? record.quarter ?? "";
}

function issuerText(record: FinancingCore): string {
  return record.ticker ?? record.issuer;
}

function compareNullable<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null && b === null) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compare(a, b);
}

const byNumber = (a: number, b: number) => a - b;
const byText = (a: string, b: string) => a.localeCompare(b);

export const GRID_COLUMN_IDS = ["issuer", "date", "amount", "instrument", "coupon", "maturity", "conversion", "use"] as const;

function columns(numberClass: string, mutedClass: string): TableColumnDefinition<FinancingCore>[] {
  return [
    createTableColumn<FinancingCore>({
      columnId: "issuer",
      compare: (a, b) => byText(issuerText(a), issuerText(b)),
      renderHeaderCell: () => "Issuer",
      renderCell: (r) => (
        <span title={r.issuer}>
          {issuerText(r)}
          {!r.listed ? <span className={mutedClass}> · private</span> : null}
        </span>
      ),
    }),
    createTableColumn<FinancingCore>({
      columnId: "date",
      // Chronological (src/data's order: pricing, else closing, else announcement, else
      // quarter); undated records count as oldest, so "newest first" starts with real dates.
      compare: (a, b) => {
        const undatedA = dealDate(a) === "";
        const undatedB = dealDate(b) === "";
        if (undatedA || undatedB) return undatedA === undatedB ? 0 : undatedA ? -1 : 1;
        return compareOldestFirst(a, b);
      },
      renderHeaderCell: () => "Date",
      renderCell: (r) => dealDate(r) || "—",
    }),
    createTableColumn<FinancingCore>({
      columnId: "amount",
      compare: (a, b) => compareNullable(a.amount_usd, b.amount_usd, byNumber),
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
      columnId: "coupon",
      compare: (a, b) => compareNullable(a.coupon_pct, b.coupon_pct, byNumber),
      renderHeaderCell: () => "Coupon",
      renderCell: (r) => percentNumber(r.coupon_pct),
    }),
    createTableColumn<FinancingCore>({
      columnId: "maturity",
      compare: (a, b) => compareNullable(a.maturity_date, b.maturity_date, byText),
      renderHeaderCell: () => "Maturity",
      renderCell: (r) => r.maturity_date ?? "—",
    }),
    createTableColumn<FinancingCore>({
      columnId: "conversion",
      compare: (a, b) => compareNullable(a.conversion_price_usd, b.conversion_price_usd, byNumber),
      renderHeaderCell: () => "Conv. price",
      renderCell: (r) => usdPerShare(r.conversion_price_usd),
    }),
    createTableColumn<FinancingCore>({
      columnId: "use",
      compare: (a, b) => byText(useLabel(a.use_category), useLabel(b.use_category)),
      renderHeaderCell: () => "Use",
      renderCell: (r) => useLabel(r.use_category),
    }),
  ];
}

const SIZING: TableColumnSizingOptions = {
  issuer: { minWidth: 64, defaultWidth: 84 },
  date: { minWidth: 84, defaultWidth: 92 },
  instrument: { minWidth: 110, defaultWidth: 170 },
  amount: { minWidth: 84, defaultWidth: 100 },
  coupon: { minWidth: 60, defaultWidth: 70 },
  maturity: { minWidth: 84, defaultWidth: 92 },
  conversion: { minWidth: 80, defaultWidth: 92 },
  use: { minWidth: 90, defaultWidth: 120 },
};

export default function OfferingsGrid({
  rows,
  onOpen,
}: {
  rows: readonly FinancingCore[];
  onOpen: (record: FinancingCore) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <DataGrid
        items={[...rows]}
        columns={columns(styles.number, styles.muted)}
        getRowId={(r: FinancingCore) => r.id}
        sortable
        defaultSortState={{ sortColumn: "date", sortDirection: "descending" }}
        resizableColumns
        columnSizingOptions={SIZING}
        focusMode="cell"
        size="small"
        aria-label="Financings matching the filters. Enter opens a deal."
      >
        <DataGridHeader>
          <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
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
              {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
