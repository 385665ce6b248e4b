/**
 * A financing's post-issuance events (or several financings'), oldest first, each with its
 * figures and its source: https sources are links, plain http archive copies are text (never
 * links, ExternalLink). The quote and publisher come from the events' DETAIL data, loaded on
 * first use; until then the URL stands alone.
 */
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { EventCore } from "../../data";
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
  const detail = useLoaded(() => loadEventDetails(), "events-detail");
  if (events.length === 0) return <Text>No post-issuance events in the sources (not the same as none).</Text>;
  const detailOf = (event: EventCore, index: number): EventWithDetail | null => {
    const list = detail.value?.get(event.financing_id);
    if (!list) return null;
    // Same object order as events.json: find this event among its financing's.
    return list.find((full) => full.date === event.date && full.event === event.event && full.source_url === event.source_url) ?? list[index] ?? null;
  };
  return (
    <ol className={styles.list} aria-label={label}>
      {events.map((event, i) => {
        const full = detailOf(event, i);
        return (
          <li key={`${event.financing_id}|${event.date}|${event.event}|${i}`} className={styles.item} data-event={event.event}>
            <Text weight="semibold">
              {event.date} · {eventSummary(event)}
            </Text>
            {showFinancing ? <Caption1>{event.financing_id}</Caption1> : null}
            {full?.quote ? <Caption1 className={styles.quote}>“{full.quote}”</Caption1> : null}
            <Caption1>
              Source: <ExternalLink url={event.source_url}>{full?.publisher ?? hostOf(event.source_url)}</ExternalLink>
              {event.source_url.startsWith("https://") ? null : ` (${event.source_url}, an http copy: not linked)`}
            </Caption1>
          </li>
        );
      })}
    </ol>
  );
}
