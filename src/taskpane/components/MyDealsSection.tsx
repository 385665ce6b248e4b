/**
 * "Your own financings": create the MinerDebtDeals table (on its own sheet, never over existing
 * cells), add a financing through a form (checked by the dataset's rules before it is written),
 * and read the table again after editing it in the grid. Shown on Explore and About.
 */
import { useState } from "react";
import { Button, Caption1, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { INSTRUMENTS, USE_CATEGORIES } from "../../data";
import { WORKBOOK_TABLE_NAME } from "../../data/workbook-table";
import { useWorkbook } from "../excel/AdapterContext";
import { DEALS_TABLE_COLUMNS, EMPTY_DEAL_FORM, dealRowFromForm, exampleRow, type DealForm } from "../plans/dealsTable";
import { useWorkbookDeals } from "./WorkbookDeals";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  control: { width: "100%" },
});

type Message = { readonly intent: "success" | "error"; readonly text: string } | null;

const TEXT_FIELDS: readonly (readonly [keyof DealForm, string, boolean, string?])[] = [
  ["issuer", "Issuer", true],
  ["ticker", "Ticker", true],
  ["pricedDate", "Priced date (YYYY-MM-DD)", true, "2026-11-20"],
  ["amountUsd", "Amount (USD)", true, "500000000"],
  ["maturityDate", "Maturity date (YYYY-MM-DD)", false],
  ["couponPct", "Coupon (percent, 2.5 = 2.5 %)", false],
  ["conversionPriceUsd", "Conversion price (USD per share)", false],
  ["sourceUrl", "Source URL (https)", true, "https://"],
  ["notes", "Notes", false],
];

export function MyDealsSection() {
  const styles = useStyles();
  const adapter = useWorkbook();
  const deals = useWorkbookDeals();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [form, setForm] = useState<DealForm>(EMPTY_DEAL_FORM);
  const canWrite = adapter.isAvailable && adapter.createDealsTable !== undefined;

  async function create() {
    if (!adapter.createDealsTable) return;
    setBusy(true);
    const result = await adapter.createDealsTable(DEALS_TABLE_COLUMNS, await exampleRow());
    setBusy(false);
    if (result.status === "created") setMessage({ intent: "success", text: `Created the ${WORKBOOK_TABLE_NAME} table at ${result.address}, with one example row (a dataset deal, so it changes no figure): overwrite or delete it.` });
    else setMessage({ intent: "error", text: result.message });
    await deals.refresh();
  }

  async function add() {
    if (!adapter.appendDealRow) return;
    const built = dealRowFromForm(form, new Set(deals.view.byId.keys()));
    if (!built.ok) {
      setMessage({ intent: "error", text: `Not added: ${built.message}` });
      return;
    }
    setBusy(true);
    const result = await adapter.appendDealRow(built.row);
    setBusy(false);
    if (result.status === "appended") {
      setMessage({ intent: "success", text: `Added ${built.id} to ${WORKBOOK_TABLE_NAME} (row ${result.row} of the table).` });
      setForm(EMPTY_DEAL_FORM);
      setFormOpen(false);
    } else setMessage({ intent: "error", text: `Not added: ${result.message}` });
    await deals.refresh();
  }

  const summary =
    deals.status === "found"
      ? `${deals.rows.length} financing${deals.rows.length === 1 ? "" : "s"} from your ${WORKBOOK_TABLE_NAME} table are in the list, sums and inserts (marked “yours”).`
      : deals.status === "absent"
        ? `Add deals the dataset does not have yet: a ${WORKBOOK_TABLE_NAME} table on its own sheet, which every MINERDEBT function reads as its my_deals argument.`
        : deals.status === "unknown"
          ? adapter.unavailableReason ?? "Reading the workbook…"
          : null;

  return (
    <section className={styles.section} aria-labelledby="my-deals-heading">
      <Subtitle2 block as="h2" id="my-deals-heading" style={{ margin: 0 }}>
        Your own financings
      </Subtitle2>
      {summary ? <Caption1>{summary}</Caption1> : null}
      {deals.problem ? <Text role="alert">{deals.problem}</Text> : null}
      <div className={styles.actions}>
        {deals.status === "absent" || deals.status === "unknown" ? (
          <Button appearance="secondary" disabled={!canWrite || busy || deals.status === "unknown"} onClick={() => void create()}>
            Add your own financings
          </Button>
        ) : (
          <>
            <Button disabled={!canWrite || busy} aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)}>
              Add a financing
            </Button>
            <Button appearance="subtle" disabled={busy} onClick={() => void deals.refresh()}>
              Reload the table
            </Button>
          </>
        )}
      </div>
      {formOpen ? (
        <form
          className={styles.form}
          aria-label="Add a financing"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <Field label="Instrument" required>
            <Select className={styles.control} value={form.instrument} onChange={(_, data) => setForm({ ...form, instrument: data.value })}>
              {INSTRUMENTS.map((instrument) => (
                <option key={instrument} value={instrument}>
                  {instrument}
                </option>
              ))}
            </Select>
          </Field>
          {TEXT_FIELDS.map(([key, label, required, placeholder]) => (
            <Field key={key} label={label} required={required}>
              <Input className={styles.control} value={form[key]} placeholder={placeholder} onChange={(_, data) => setForm({ ...form, [key]: data.value })} />
            </Field>
          ))}
          <Field label="Use of proceeds">
            <Select className={styles.control} value={form.useCategory} onChange={(_, data) => setForm({ ...form, useCategory: data.value })}>
              <option value="">not stated</option>
              {USE_CATEGORIES.map((use) => (
                <option key={use} value={use}>
                  {use}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1>The id is generated in the dataset's form TICKER-YYYY-MM-KIND-MATURITY. The row is checked by the dataset's rules before it is written.</Caption1>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              Add to {WORKBOOK_TABLE_NAME}
            </Button>
            <Button appearance="subtle" onClick={() => setFormOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {message ? (
        <Text role={message.intent === "error" ? "alert" : "status"} data-testid="my-deals-message">
          {message.text}
        </Text>
      ) : null}
    </section>
  );
}
