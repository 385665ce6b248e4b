/** Total, count and share convertible of the filtered financings, under the SPEC aggregation rule. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { aggregate, totalsByGroup, type FinancingQuery } from "../../data";
import { fraction, usdMillions } from "../model/format";

const useStyles = makeStyles({
  strip: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  figure: { display: "flex", flexDirection: "column", minWidth: 0 },
  value: { fontVariantNumeric: "tabular-nums" },
});

export interface Summary {
  /** Sum of amount_usd under the rule. */
  totalUsd: number;
  /** Financings in that sum. */
  count: number;
  /** Convertible notes' share of the total (null when the total is 0). */
  convertibleShare: number | null;
}

/** The summary for a sum query (listed issuers only: see model/filters.ts sumQuery). */
export function summarize(query: FinancingQuery): Summary {
  const total = aggregate(query, "amount");
  const convertible = totalsByGroup(query, "instrument_class", "amount").find((group) => group.group === "convertible")?.value ?? 0;
  return { totalUsd: total.value, count: total.count, convertibleShare: total.value > 0 ? convertible / total.value : null };
}

export function SummaryStrip({ summary, shown }: { summary: Summary; shown: number }) {
  const styles = useStyles();
  return (
    <section aria-label="Summary" className={styles.strip}>
      <div className={styles.figure}>
        <Text size={200}>Total raised</Text>
        <Text weight="semibold" size={400} className={styles.value} data-testid="summary-total">
          {usdMillions(summary.totalUsd)}
        </Text>
      </div>
      <div className={styles.figure}>
        <Text size={200}>Counted deals</Text>
        <Text weight="semibold" size={400} className={styles.value} data-testid="summary-count">
          {summary.count} <Text size={200}>of {shown}</Text>
        </Text>
      </div>
      <div className={styles.figure}>
        <Text size={200}>Convertible</Text>
        <Text weight="semibold" size={400} className={styles.value} data-testid="summary-convertible">
          {summary.convertibleShare === null ? "—" : fraction(summary.convertibleShare, 1)}
        </Text>
      </div>
    </section>
  );
}
