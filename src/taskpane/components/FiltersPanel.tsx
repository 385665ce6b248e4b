/** The Explore tab's filters. Every control has a visible label; changes apply at once. */
import { useMemo, useState } from "react";
import {
  Button,
  Dropdown,
  Field,
  Option,
  Switch,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
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

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: "end",
  },
  wide: { gridColumn: "1 / -1" },
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: "0", width: "100%" },
  empty: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

const ANY = "__any__";

/** Issuers the picker offers: current ticker, former tickers and name (private borrowers have no ticker). */
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

function choiceText(choice: IssuerChoice): string {
  const former = choice.formerTickers.length > 0 ? ` (formerly ${choice.formerTickers.join(", ")})` : "";
  return `${choice.ticker}${former} · ${choice.name}`;
}

const CLASS_OPTIONS: { value: InstrumentClassFilter; label: string }[] = [
  { value: "all", label: "All classes" },
  { value: "convertible", label: "Convertible notes" },
  { value: "non_convertible", label: "Non-convertible (everything else)" },
  ...INSTRUMENT_CLASSES.filter((c) => c !== "convertible").map((c) => ({ value: c as InstrumentClassFilter, label: instrumentClassLabel(c) })),
];

export function FiltersPanel({ filters, onChange }: { filters: ExploreFilters; onChange: (filters: ExploreFilters) => void }) {
  const styles = useStyles();
  const choices = useMemo(issuerChoices, []);
  const quarters = useMemo(() => {
    const first = earliestQuarter();
    const last = latestQuarter();
    return first && last ? quartersInRange({ from: first, to: last }) : [];
  }, []);
  const [issuerQuery, setIssuerQuery] = useState("");
  const typed = issuerQuery.trim().toLowerCase();
  const matching = choices.filter(
    (choice) =>
      !filters.issuers.includes(choice.ticker) &&
      (typed === "" || choiceText(choice).toLowerCase().includes(typed)),
  );
  const rangeError =
    filters.fromQuarter && filters.toQuarter && filters.fromQuarter > filters.toQuarter ? "“From” is after “To”." : undefined;
  const set = (patch: Partial<ExploreFilters>) => onChange({ ...filters, ...patch });

  return (
    <section aria-label="Filters" className={styles.grid}>
      <Field label="Issuers (ticker, former ticker or name)" className={styles.wide} hint={filters.issuers.length === 0 ? "All issuers" : undefined}>
        <TagPicker
          selectedOptions={[...filters.issuers]}
          onOptionSelect={(_, data) => {
            set({ issuers: data.selectedOptions });
            setIssuerQuery("");
          }}
        >
          <TagPickerControl>
            <TagPickerGroup aria-label="Selected issuers">
              {filters.issuers.map((ticker) => (
                <Tag key={ticker} value={ticker} shape="rounded" size="small" dismissible>
                  {ticker}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput aria-label="Issuers" value={issuerQuery} onChange={(event) => setIssuerQuery(event.target.value)} />
          </TagPickerControl>
          <TagPickerList>
            {matching.length > 0 ? (
              matching.map((choice) => (
                <TagPickerOption key={choice.ticker} value={choice.ticker} text={choiceText(choice)}>
                  {choiceText(choice)}
                </TagPickerOption>
              ))
            ) : (
              <div className={styles.empty}>No matching issuer</div>
            )}
          </TagPickerList>
        </TagPicker>
      </Field>

      <Field label="From quarter" validationState={rangeError ? "error" : "none"} validationMessage={rangeError}>
        <Dropdown
          className={styles.dropdown}
          value={filters.fromQuarter ?? "First"}
          selectedOptions={[filters.fromQuarter ?? ANY]}
          onOptionSelect={(_, data) => set({ fromQuarter: data.optionValue === ANY ? null : data.optionValue ?? null })}
        >
          <Option value={ANY}>First</Option>
          {quarters.map((quarter) => (
            <Option key={quarter} value={quarter}>
              {quarter}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="To quarter">
        <Dropdown
          className={styles.dropdown}
          value={filters.toQuarter ?? "Latest"}
          selectedOptions={[filters.toQuarter ?? ANY]}
          onOptionSelect={(_, data) => set({ toQuarter: data.optionValue === ANY ? null : data.optionValue ?? null })}
        >
          <Option value={ANY}>Latest</Option>
          {quarters.map((quarter) => (
            <Option key={quarter} value={quarter}>
              {quarter}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <Field label="Instrument class">
        <Dropdown
          className={styles.dropdown}
          value={CLASS_OPTIONS.find((option) => option.value === filters.instrumentClass)?.label ?? ""}
          selectedOptions={[filters.instrumentClass]}
          onOptionSelect={(_, data) => set({ instrumentClass: (data.optionValue ?? "all") as InstrumentClassFilter })}
        >
          {CLASS_OPTIONS.map((option) => (
            <Option key={option.value} value={option.value}>
              {option.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Use of proceeds">
        <Dropdown
          className={styles.dropdown}
          value={filters.useCategory ? useLabel(filters.useCategory) : "Any use"}
          selectedOptions={[filters.useCategory ?? ANY]}
          onOptionSelect={(_, data) => set({ useCategory: data.optionValue === ANY ? null : ((data.optionValue ?? null) as UseCategory | null) })}
        >
          <Option value={ANY}>Any use</Option>
          {USE_CATEGORIES.map((use) => (
            <Option key={use} value={use}>
              {useLabel(use)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Cycle">
        <Dropdown
          className={styles.dropdown}
          value={filters.cycle ? CYCLE_LABELS[filters.cycle] : "Both cycles"}
          selectedOptions={[filters.cycle ?? ANY]}
          onOptionSelect={(_, data) => set({ cycle: data.optionValue === ANY ? null : ((data.optionValue ?? null) as Cycle | null) })}
        >
          <Option value={ANY}>Both cycles</Option>
          {CYCLES.map((cycle) => (
            <Option key={cycle} value={cycle}>
              {CYCLE_LABELS[cycle]}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <div className={`${styles.row} ${styles.wide}`}>
        <Switch
          label="Include private borrowers (listed only in sums)"
          checked={filters.includePrivate}
          onChange={(_, data) => set({ includePrivate: data.checked })}
        />
        <Button appearance="subtle" size="small" onClick={() => onChange(NO_FILTERS)} disabled={filters === NO_FILTERS}>
          Reset filters
        </Button>
      </div>
    </section>
  );
}
