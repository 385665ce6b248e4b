/**
 * The Explore tab's filters. Every control has a visible label; changes apply at once.
 * Single choices use Fluent's Select (a styled native <select>: light, and the platform's own
 * keyboard and screen-reader behaviour); issuers are a filterable checkbox list.
 */
import { useId, useMemo, useState } from "react";
import { Button, Caption1, Checkbox, Field, Input, Select, makeStyles, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import {
  CYCLES,
  INSTRUMENT_CLASSES,
  USE_CATEGORIES,
  earliestQuarter,
  issuerSummary,
  latestQuarter,
  quartersInRange,
  type Cycle,
  type InstrumentClassFilter,
  type UseCategory,
} from "../../data";
import { CYCLE_LABELS, NO_FILTERS, type ExploreFilters } from "../model/filters";
import { instrumentClassLabel, useLabel } from "../model/labels";
import { IssuerLink, issuerLinkLabel } from "./IssuerLink";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    // min(…, 100%): one column when the pane is narrower than a 140 px control.
    gridTemplateColumns: "repeat(auto-fill, minmax(min(140px, 100%), 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: "end",
  },
  wide: { gridColumn: "1 / -1", minWidth: 0 },
  // A native select is as wide as its longest option (“Defaulted, collateral seized”…): without
  // these it widens its grid column past the pane and covers its neighbour.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
  selectElement: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  issuerList: {
    maxHeight: "132px",
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  empty: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  selected: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minHeight: "24px", flexWrap: "wrap" },
});

const ANY = "";

/** Issuers the list offers: current ticker, former tickers and name (private borrowers have no ticker). */
export interface IssuerChoice {
  readonly ticker: string;
  readonly formerTickers: readonly string[];
  readonly name: string;
}

export function issuerChoices(): IssuerChoice[] {
  return issuerSummary({ listed: "any" })
    .filter((row) => row.ticker !== null)
    .map((row) => ({ ticker: row.ticker as string, formerTickers: row.formerTickers, name: row.issuer }));
}

export function choiceText(choice: IssuerChoice): string {
  const former = choice.formerTickers.length > 0 ? ` (formerly ${choice.formerTickers.join(", ")})` : "";
  return `${choice.ticker}${former} · ${choice.name}`;
}

interface Choice<T> {
  value: T;
  label: string;
}

/** A labelled native select over typed choices (null = the "any" choice). */
function ChoiceSelect<T extends string | null>({
  label,
  value,
  options,
  onChange,
  error,
}: {
  label: string;
  value: T;
  options: readonly Choice<T>[];
  onChange: (value: T) => void;
  error?: string;
}) {
  const styles = useStyles();
  const key = (choice: T) => choice ?? ANY;
  return (
    <Field className={styles.field} label={label} validationState={error ? "error" : "none"} validationMessage={error}>
      <Select className={styles.select} select={{ className: styles.selectElement }} value={key(value)} onChange={(_, data) => onChange((options.find((option) => key(option.value) === data.value) ?? options[0]).value)}>
        {options.map((option) => (
          <option key={key(option.value)} value={key(option.value)}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

const USE_OPTIONS: Choice<UseCategory | null>[] = [{ value: null, label: "Any use" }, ...USE_CATEGORIES.map((use) => ({ value: use, label: useLabel(use) }))];
const CYCLE_OPTIONS: Choice<Cycle | null>[] = [{ value: null, label: "Both cycles" }, ...CYCLES.map((cycle) => ({ value: cycle, label: CYCLE_LABELS[cycle] }))];

const CLASS_OPTIONS: Choice<InstrumentClassFilter>[] = [
  { value: "all", label: "All classes" },
  { value: "convertible", label: "Convertible notes" },
  { value: "non_convertible", label: "Non-convertible" },
  ...INSTRUMENT_CLASSES.filter((c) => c !== "convertible").map((c) => ({ value: c as InstrumentClassFilter, label: instrumentClassLabel(c) })),
];

export function FiltersPanel({ filters, onChange }: { filters: ExploreFilters; onChange: (filters: ExploreFilters) => void }) {
  const styles = useStyles();
  const listId = useId();
  // The issuer list is one tab stop; arrow keys move between issuers, Space ticks one.
  const arrowNavigation = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const choices = useMemo(issuerChoices, []);
  const quarterOptions = useMemo((): Choice<string | null>[] => {
    const first = earliestQuarter();
    const last = latestQuarter();
    return (first && last ? quartersInRange({ from: first, to: last }) : []).map((quarter) => ({ value: quarter, label: quarter }));
  }, []);
  const [issuerQuery, setIssuerQuery] = useState("");
  const typed = issuerQuery.trim().toLowerCase();
  // Picked issuers stay visible whatever is typed, so they can always be unticked.
  const shown = choices.filter((choice) => filters.issuers.includes(choice.ticker) || typed === "" || choiceText(choice).toLowerCase().includes(typed));
  const rangeError =
    filters.fromQuarter && filters.toQuarter && filters.fromQuarter > filters.toQuarter ? "“From” is after “To”: no quarter matches." : undefined;
  const set = (patch: Partial<ExploreFilters>) => onChange({ ...filters, ...patch });
  // One issuer picked: its Issuer view is one click away.
  const onlyIssuer = filters.issuers.length === 1 ? choices.find((choice) => choice.ticker === filters.issuers[0]) ?? null : null;
  const toggleIssuer = (ticker: string, checked: boolean) =>
    set({ issuers: checked ? [...filters.issuers, ticker] : filters.issuers.filter((t) => t !== ticker) });

  return (
    <section aria-label="Filters" className={styles.grid}>
      <div className={styles.wide}>
        <Field label="Issuers: type a ticker, former ticker or name">
          <Input value={issuerQuery} onChange={(_, data) => setIssuerQuery(data.value)} aria-controls={listId} placeholder="e.g. MARA, BITF, Bitfarms" />
        </Field>
        <div id={listId} role="group" aria-label="Issuers (arrow keys move, Space ticks)" className={styles.issuerList} {...arrowNavigation}>
          {shown.length > 0 ? (
            shown.map((choice) => (
              <Checkbox
                key={choice.ticker}
                label={choiceText(choice)}
                checked={filters.issuers.includes(choice.ticker)}
                onChange={(_, data) => toggleIssuer(choice.ticker, data.checked === true)}
              />
            ))
          ) : (
            <div className={styles.empty}>No matching issuer</div>
          )}
        </div>
        <div className={styles.selected} aria-live="polite">
          <Caption1>{filters.issuers.length === 0 ? "All issuers" : `Selected: ${filters.issuers.join(", ")}`}</Caption1>
          {filters.issuers.length > 0 ? (
            <Button size="small" appearance="transparent" onClick={() => set({ issuers: [] })}>
              Clear issuers
            </Button>
          ) : null}
        </div>
        {onlyIssuer ? (
          <Caption1 block>
            <IssuerLink ticker={onlyIssuer.ticker} name={onlyIssuer.name} label={null}>
              {issuerLinkLabel(onlyIssuer.name)}
            </IssuerLink>
          </Caption1>
        ) : null}
      </div>

      <ChoiceSelect
        label="From quarter"
        value={filters.fromQuarter}
        options={[{ value: null, label: "First" }, ...quarterOptions]}
        onChange={(fromQuarter) => set({ fromQuarter })}
        error={rangeError}
      />
      <ChoiceSelect label="To quarter" value={filters.toQuarter} options={[{ value: null, label: "Latest" }, ...quarterOptions]} onChange={(toQuarter) => set({ toQuarter })} />
      <ChoiceSelect label="Instrument class" value={filters.instrumentClass} options={CLASS_OPTIONS} onChange={(instrumentClass) => set({ instrumentClass })} />
      <ChoiceSelect label="Use of proceeds" value={filters.useCategory} options={USE_OPTIONS} onChange={(useCategory) => set({ useCategory })} />
      <ChoiceSelect label="Cycle" value={filters.cycle} options={CYCLE_OPTIONS} onChange={(cycle) => set({ cycle })} />

      <div className={`${styles.row} ${styles.wide}`}>
        <Checkbox
          label="Include private borrowers (never in sums)"
          checked={filters.includePrivate}
          onChange={(_, data) => set({ includePrivate: data.checked === true })}
        />
        <Button appearance="subtle" size="small" onClick={() => onChange(NO_FILTERS)} disabled={filters === NO_FILTERS}>
          Reset filters
        </Button>
      </div>
    </section>
  );
}
