/**
 * A wrapping legend for the pane's narrow charts (the charts' own legend collapses to
 * "+8 more" at task-pane width). Colour swatch + label; read as a list.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}` },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", flexShrink: 0 },
});

export function ChartLegend({ items, label }: { items: { label: string; color: string }[]; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((item) => (
        <li key={item.label} className={styles.item}>
          <span className={styles.swatch} style={{ backgroundColor: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
