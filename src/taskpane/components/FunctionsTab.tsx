/**
 * Functions: the MINERDEBT catalogue from the generated functions.json (fetched from the
 * pane's own origin when the tab opens; tests inject it), searchable, with an example per
 * function and "Insert at selection" (same no-overwrite rule as every insert).
 */
import { useMemo, useState } from "react";
import {
  Button,
  Body1,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FUNCTION_CATALOGUE } from "../../functions/catalogue";
import { useServices, type FunctionMetadata } from "../services";
import { InsertButton, InsertNote, useInsert } from "./useInsert";
import { useLoaded } from "./useLoaded";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM },
  signature: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  example: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    overflowWrap: "anywhere",
  },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  param: { fontFamily: tokens.fontFamilyMonospace },
});

/** "MINERDEBT.DEAL(id, field)" with optional parameters in brackets. */
export function signature(fn: FunctionMetadata): string {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  return `MINERDEBT.${fn.name}(${params})`;
}

export function matchesSearch(fn: FunctionMetadata, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  const haystack = [fn.name, `minerdebt.${fn.name}`, fn.description ?? "", ...fn.parameters.map((p) => `${p.name} ${p.description ?? ""}`)].join(" ").toLowerCase();
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

export default function FunctionsTab() {
  const styles = useStyles();
  const services = useServices();
  const runner = useInsert();
  const loaded = useLoaded(() => services.loadFunctionsMetadata(), services);
  const functions: readonly FunctionMetadata[] | null = loaded.value?.functions ?? null;
  const error = loaded.error;
  const [query, setQuery] = useState("");
  // The outcome of an insert shows in the card whose button was used.
  const [activeId, setActiveId] = useState<string | null>(null);


  const shown = useMemo(() => (functions ?? []).filter((fn) => matchesSearch(fn, query)), [functions, query]);

  return (
    <div className={styles.root}>
      <SearchBox
        aria-label="Search functions by name or description"
        placeholder="Search functions (e.g. dilution, quarter)"
        value={query}
        onChange={(_, data) => setQuery(data.value)}
      />
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>Could not load the function catalogue (functions.json): {error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {functions === null && !error ? <Spinner size="small" label="Loading the function catalogue…" /> : null}
      {functions !== null ? (
        <Caption1 aria-live="polite" data-testid="functions-count">
          {shown.length === 0
            ? `No function matches “${query.trim()}”. Try a word from what it does (dilution, quarter, source, maturity) or clear the search to see all ${functions.length}.`
            : `${shown.length} of ${functions.length} functions`}
        </Caption1>
      ) : null}
      {shown.length === 0 && functions !== null ? (
        <div>
          <Button size="small" onClick={() => setQuery("")}>
            Show all functions
          </Button>
        </div>
      ) : null}
      <InsertNote>“Insert at selection” needs Excel. Outside Excel, copy an example formula into a cell.</InsertNote>
      <ul className={styles.list} aria-label="MINERDEBT functions">
        {shown.map((fn) => {
          const entry = FUNCTION_CATALOGUE[fn.id];
          const example = entry?.formula ?? null;
          return (
            <li key={fn.id}>
              <Card className={styles.card} appearance="outline">
                <Text block as="h3" className={styles.signature} style={{ margin: 0 }}>
                  {signature(fn)}
                </Text>
                <Body1>{fn.description}</Body1>
                {fn.parameters.length > 0 ? (
                  <details>
                    <summary>
                      <Caption1>Parameters</Caption1>
                    </summary>
                    <ul className={styles.params}>
                      {fn.parameters.map((p) => (
                        <li key={p.name}>
                          <Caption1>
                            <span className={styles.param}>{p.name}</span>
                            {p.optional ? " (optional)" : ""}: {p.description}
                          </Caption1>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {example ? (
                  <>
                    <Caption1 className={styles.example} data-testid={`example-${fn.id}`}>
                      {example}
                    </Caption1>
                    {entry?.returns ? <Caption1>Returns: {entry.returns}</Caption1> : null}
                    <div>
                      <InsertButton
                        runner={runner}
                        request={() => {
                          setActiveId(fn.id);
                          return { kind: "formula", label: `${fn.name} example`, formula: example };
                        }}
                      >
                        Insert at selection
                      </InsertButton>
                    </div>
                    {activeId === fn.id ? runner.feedback : null}
                  </>
                ) : null}
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
