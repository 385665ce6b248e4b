/**
 * The deal view's "Outstanding and events" section: the financing's principal outstanding at
 * the coverage end under the outstanding rule (src/data/outstanding.ts), with its basis, and
 * its post-issuance events.
 */
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { defaultAsOf, eventsOf, outstandingFigure, type FinancingCore } from "../../data";
import { usdMillions } from "../model/format";
import { EventsTimeline } from "./EventsTimeline";
import { IssuerLink, issuerViewTicker } from "./IssuerLink";
import { useWorkbookDeals } from "./WorkbookDeals";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** "$48.1m" or "Not known", and the basis; "Not debt" / "Not issued" where the rule does not apply. */
export function outstandingText(record: FinancingCore, asOf: string): { value: string; basis: string } {
  const figure = outstandingFigure(record, asOf);
  if (figure === null) {
    return record.instrument_class === "convertible_preferred"
      ? { value: "Not counted", basis: "preferred stock is equity, not debt" }
      : { value: "Not counted", basis: "not issued by then, or undated" };
  }
  return { value: figure.value === null ? "Not known" : usdMillions(figure.value), basis: figure.basis };
}

export function DealDebt({ record }: { record: FinancingCore }) {
  const styles = useStyles();
  const asOf = defaultAsOf();
  const { value, basis } = outstandingText(record, asOf);
  const { view } = useWorkbookDeals();
  return (
    <section aria-label="Outstanding and events" className={styles.section} data-testid="deal-debt">
      <Subtitle2 block as="h3" style={{ margin: 0 }}>
        Outstanding and events
      </Subtitle2>
      <Body1 data-testid="deal-outstanding">
        Principal outstanding on {asOf}: <strong>{value}</strong> ({basis})
      </Body1>
      {issuerViewTicker(record.ticker, view) !== null ? (
        <Caption1>
          <IssuerLink ticker={record.ticker} name={record.issuer} label={`Open ${record.issuer}'s capital stack, maturities and overhang`}>
            {`${record.issuer}'s capital stack, maturities and overhang`}
          </IssuerLink>
        </Caption1>
      ) : null}
      <EventsTimeline events={eventsOf(record.id)} label={`Events of ${record.id}`} />
    </section>
  );
}
