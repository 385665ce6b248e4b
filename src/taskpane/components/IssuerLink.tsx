/**
 * An issuer's name or ticker that opens its Issuer view, wherever the pane shows one (the list,
 * the Cycles lists, the deal view, the issuer filter). App.tsx provides the opener through
 * context; it remembers the element the view was opened from, so Back can return there.
 * The Issuer view reads the dataset (with the workbook's MinerDebtDeals rows) by ticker: a
 * private borrower has none, so it is plain text, never a dead link.
 */
import { createContext, useContext, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { Link, makeStyles, mergeClasses } from "@fluentui/react-components";
import { bundledView, canonicalTicker, type DatasetView } from "../../data";
import { useWorkbookDeals } from "./WorkbookDeals";

/** Opens the Issuer view of `ticker` (a current ticker); `from` gets focus back on Back. */
export type OpenIssuer = (ticker: string, from: HTMLElement | null) => void;

const useStyles = makeStyles({
  // The size and weight of the text around it: a list cell's caption, a heading, a sentence.
  link: { fontSize: "inherit", fontWeight: "inherit", lineHeight: "inherit" },
});

const IssuerContext = createContext<OpenIssuer | null>(null);

export function IssuerNavigationProvider({ open, children }: { open: OpenIssuer; children: ReactNode }) {
  return <IssuerContext.Provider value={open}>{children}</IssuerContext.Provider>;
}

/** The opener, or null where no Issuer view can be opened (a component rendered on its own). */
export function useOpenIssuer(): OpenIssuer | null {
  return useContext(IssuerContext);
}

/**
 * The ticker the Issuer view can open for a record's ticker: its current ticker in `view`
 * (BITF → KEEL, the view lists both), or null — no ticker, or one `view` does not know.
 */
export function issuerViewTicker(ticker: string | null, view: DatasetView = bundledView()): string | null {
  if (ticker === null) return null;
  try {
    return canonicalTicker(ticker, view);
  } catch {
    return null;
  }
}

/** The accessible name: the words shown, so speech users can say what they see. */
export function issuerLinkLabel(shown: string): string {
  return `Open ${shown}'s capital stack`;
}

export interface IssuerLinkProps {
  /** The record's ticker (as priced); null for a private borrower. */
  ticker: string | null;
  /** The issuer's name, for the tooltip (and the text when there are no children). */
  name: string;
  /** What is shown: the ticker in the list, the name elsewhere (default: `name`). */
  children?: string;
  /**
   * The accessible name; default "Open <shown>'s capital stack". null keeps the shown text
   * (a heading, whose name must stay the issuer's name) and puts the action in the tooltip.
   */
  label?: string | null;
  /** -1 where a container handles the keyboard (a grid cell opens it on Enter). */
  tabIndex?: number;
  className?: string;
}

export function IssuerLink({ ticker, name, children, label, tabIndex, className }: IssuerLinkProps) {
  const styles = useStyles();
  const open = useOpenIssuer();
  const target = issuerViewTicker(ticker, useWorkbookDeals().view);
  const shown = children ?? name;
  if (open === null || target === null) {
    return (
      <span className={className} title={name !== shown ? name : undefined}>
        {shown}
      </span>
    );
  }
  const action = issuerLinkLabel(shown);
  // A ticker shows the name on hover; a heading's name, what it opens.
  const tooltip = label === null ? issuerLinkLabel(name) : name !== shown ? `${name}: capital stack, maturities and overhang` : undefined;
  const activate = (event: MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>) => {
    // In a list row that opens a deal, the issuer opens the issuer, not the deal.
    event.stopPropagation();
    // In a grid the cell is the keyboard's stop: Back puts focus there.
    open(target, event.currentTarget.closest<HTMLElement>("[role=gridcell]") ?? event.currentTarget);
  };
  return (
    <Link
      as="button"
      inline
      className={mergeClasses(styles.link, className)}
      tabIndex={tabIndex}
      aria-label={label === null ? undefined : (label ?? action)}
      title={tooltip !== shown ? tooltip : undefined}
      data-issuer-link={target}
      onClick={activate}
      onKeyDown={(event: KeyboardEvent<HTMLElement>) => {
        // The button handles Enter/Space itself; keep them from the row's "open the deal" too.
        if (event.key === "Enter" || event.key === " ") event.stopPropagation();
      }}
    >
      {shown}
    </Link>
  );
}
