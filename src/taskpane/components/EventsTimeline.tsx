/**
 * A financing's post-issuance events (or several financings'), oldest first, each with its
 * figures and its source: https sources are links, plain http archive copies are text (never
 * links, ExternalLink). The source URLs (LINKS tier, the same chunk as the financings' sources)
 * and the quote and publisher (the events' DETAIL data) load on first use; until then each
 * event shows its figures and "Source: loading…".
 */
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { eventSourceUrl, loadSourceLinks, type EventCore } from "../../data";
import { loadEventDetails, type EventWithDetail } from "../../data/events-detail";
import { humanize } from "../model/labels";
import { usdMillions } from "../model/format";
import { ExternalLink } from "./ExternalLink";
import { useLoaded } from "./useLoaded";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  quote: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
});

/** "Repurchase −$212.0m" / "Outstanding reported $48.1m" / "Default". */
export function eventSummary(event: EventCore): string {
  const parts = [humanize(event.event)];
  if (event.principal_change_usd !== null) parts.push(`${event.principal_change_usd < 0 ? "−" : "+"}${usdMillions(Math.abs(event.principal_change_usd))}`);
  if (event.principal_outstanding_usd !== null) parts.push(`${event.event === "outstanding_reported" ? "" : "→ "}${usdMillions(event.principal_outstanding_usd)}${event.event === "outstanding_reported" ? "" : " outstanding"}`.trim());
  return parts.join(" ");
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//, "").split("/")[0];
}

export function EventsTimeline({ events, showFinancing = false, label }: { events: readonly EventCore[]; showFinancing?: boolean; label: string }) {
  const styles = useStyles();
  const detail = useLoaded(() => Promise.all([loadEventDetails(), loadSourceLinks()]).then(([byFinancing]) => byFinancing), "events-detail");
  if (events.length === 0) return <Text>No post-issuance events in the sources (not the same as none).</Text>;
  const detailOf = (event: EventCore): EventWithDetail | null => detail.value?.get(event.financing_id)?.find((full) => full.index === event.index) ?? null;
  return (
    <ol className={styles.list} aria-label={label}>
      {events.map((event, i) => {
        const full = detailOf(event);
        const url = full ? eventSourceUrl(event.index) : null;
        return (
          <li key={`${event.financing_id}|${event.date}|${event.event}|${i}`} className={styles.item} data-event={event.event}>
            <Text weight="semibold">
              {event.date} · {eventSummary(event)}
            </Text>
            {showFinancing ? <Caption1>{event.financing_id}</Caption1> : null}
            {full?.quote ? <Caption1 className={styles.quote}>“{full.quote}”</Caption1> : null}
            <Caption1>
              {url === null ? (
                detail.error ? `Source: not loaded (${detail.error})` : "Source: loading…"
              ) : (
                <>
                  Source: <ExternalLink url={url}>{full?.publisher ?? hostOf(url)}</ExternalLink>
                  {url.startsWith("https://") ? null : ` (${url}, an http copy: not linked)`}
                </>
              )}
            </Caption1>
          </li>
        );
      })}
    </ol>
  );
}
