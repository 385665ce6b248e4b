/** Total, count and share convertible of the filtered financings, under the SPEC aggregation rule. */
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { fraction, usdMillions } from "../model/format";
import type { Summary } from "../model/summary";

export { summarize, type Summary } from "../model/summary";

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
  notes: { gridColumn: "1 / -1", color: tokens.colorNeutralForeground2 },
});

/** What the total covers, when it is not simply "these quarters, in full". */
export function summaryNotes(summary: Summary): string[] {
  const notes: string[] = [];
  if (summary.partialThrough) notes.push(`Partial: financings known through ${summary.partialThrough}.`);
  if (summary.undatedCount > 0) notes.push(`Incl. ${usdMillions(summary.undatedUsd)} from ${summary.undatedCount} undated (in no quarter).`);
  return notes;
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
      {summaryNotes(summary).length > 0 ? (
        <Caption1 className={styles.notes} data-testid="summary-notes">
          {summaryNotes(summary).join(" ")}
        </Caption1>
      ) : null}
    </section>
  );
}
