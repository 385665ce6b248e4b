/**
 * The task pane: header, outside-Excel notice, tabs. Explore is in the initial bundle; the
 * deal view, Then vs now, Functions and About tabs are lazy chunks. The workbook adapter and host services
 * come in as props (index.tsx picks them), so the App itself never touches Office.
 */
import { Suspense, lazy, useCallback, useRef, useState } from "react";
import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { datasetVersion, type FinancingCore } from "../data";
import { AdapterProvider } from "./excel/AdapterContext";
import { WorkbookDealsProvider } from "./components/WorkbookDeals";
import type { WorkbookAdapter } from "./excel/workbook";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { IssuerNavigationProvider, type OpenIssuer } from "./components/IssuerLink";
import { Notice } from "./components/Notice";
import { ExploreTab } from "./components/ExploreTab";
import { NO_FILTERS, type ExploreFilters } from "./model/filters";
import { ServicesProvider, defaultServices, type PaneServices } from "./services";
import type { ThemeName } from "./theme";

const DealView = lazy(() => import(/* webpackChunkName: "deal" */ "./components/DealView"));
const CyclesTab = lazy(() => import(/* webpackChunkName: "cycles-tab" */ "./components/CyclesTab"));
const IssuerView = lazy(() => import(/* webpackChunkName: "issuer" */ "./components/IssuerView"));
const FunctionsTab = lazy(() => import(/* webpackChunkName: "functions-tab" */ "./components/FunctionsTab"));
const AboutTab = lazy(() => import(/* webpackChunkName: "about-tab" */ "./components/AboutTab"));

type TabId = "explore" | "cycles" | "functions" | "about";
/** What the tab list shows as selected: a deal opened from Explore has a tab of its own. */
type TabValue = TabId | "deal";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  notice: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  // Five tabs with a deal open do not fit 320 px on one line: they wrap rather than run off the pane.
  tabs: { padding: `0 ${tokens.spacingHorizontalS}`, flexWrap: "wrap" },
  body: { flex: 1, overflowY: "auto", overflowX: "hidden", padding: tokens.spacingHorizontalM },
});

export interface AppProps {
  adapter: WorkbookAdapter;
  theme: ThemeName;
  services?: PaneServices;
  /** Start on a tab / with a deal / an issuer open over it (screenshots and tests). */
  initialTab?: TabId;
  initialDealId?: string | null;
  initialIssuer?: string | null;
}

/** An Issuer view opened over a tab (the list, a deal, Cycles): that tab's content stays mounted underneath. */
interface OpenIssuerView {
  readonly ticker: string;
  readonly tab: TabId;
}

/** Where Back from the Issuer view goes, in words. */
function issuerBackLabel(tab: TabId, dealOpen: boolean): string {
  if (tab === "explore") return dealOpen ? "Back to the deal" : "Back to Explore";
  return tab === "cycles" ? "Back to Cycles" : "Back";
}

export function App({ adapter, theme, services = defaultServices, initialTab = "explore", initialDealId = null, initialIssuer = null }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  const [filters, setFilters] = useState<ExploreFilters>(NO_FILTERS);
  const [dealId, setDealId] = useState<string | null>(initialDealId);
  // The Issuer view opens over whatever showed the issuer's name (the list, a deal, Cycles),
  // which stays mounted but hidden, so its filters, sorting, open lists and inputs are kept;
  // Back shows it again, scrolled where it was, with focus on the name it was opened from.
  const [issuer, setIssuer] = useState<OpenIssuerView | null>(initialIssuer ? { ticker: initialIssuer, tab: initialTab } : null);
  const issuerReturn = useRef<{ from: HTMLElement | null; scrollTop: number } | null>(null);
  const body = useRef<HTMLElement>(null);
  const returnFocusTo = useRef<string | null>(null);
  const version = datasetVersion();
  const issuerShown = issuer !== null && issuer.tab === tab;
  const selected: TabValue = tab === "explore" && dealId !== null ? "deal" : tab;

  const openDeal = useCallback((record: FinancingCore) => {
    returnFocusTo.current = record.id;
    setDealId(record.id);
  }, []);

  const closeDeal = useCallback(() => {
    const id = returnFocusTo.current;
    setDealId(null);
    setTab("explore");
    setIssuer((open) => (open?.tab === "explore" ? null : open));
    // Back on the list, put focus on the row the deal was opened from.
    requestAnimationFrame(() => {
      const row = [...document.querySelectorAll<HTMLElement>("[data-deal-id]")].find((element) => element.dataset.dealId === id);
      // The grid navigates by cell: focus the row's first cell.
      (row?.querySelector<HTMLElement>("[role=gridcell]") ?? row)?.focus();
    });
  }, []);

  const openIssuer = useCallback<OpenIssuer>(
    (ticker, from) => {
      issuerReturn.current = { from, scrollTop: body.current?.scrollTop ?? 0 };
      setIssuer({ ticker, tab });
      requestAnimationFrame(() => {
        if (body.current) body.current.scrollTop = 0;
      });
    },
    [tab],
  );

  const closeIssuer = useCallback(() => {
    const back = issuerReturn.current;
    issuerReturn.current = null;
    setIssuer(null);
    requestAnimationFrame(() => {
      if (!back) return;
      if (body.current) body.current.scrollTop = back.scrollTop;
      if (back.from?.isConnected) back.from.focus({ preventScroll: true });
    });
  }, []);

  const openDealFromIssuer = useCallback((id: string) => {
    issuerReturn.current = null;
    setIssuer(null);
    setTab("explore");
    returnFocusTo.current = id;
    setDealId(id);
  }, []);

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} style={{ height: "100%" }}>
      <ServicesProvider services={services}>
        <AdapterProvider adapter={adapter}>
        <WorkbookDealsProvider>
        <IssuerNavigationProvider open={openIssuer}>
          <div className={styles.root} data-theme={theme}>
            <header className={styles.header}>
              <img src="assets/icon-32.png" width={32} height={32} alt="" />
              <div className={styles.titles}>
                <Text block as="h1" weight="semibold" size={500} style={{ margin: 0 }}>
                  MinerDebt
                </Text>
                <Text size={200}>Dataset: {version.label}</Text>
              </div>
            </header>
            {!adapter.isAvailable ? (
              <Notice intent="info" title="Browsing only" className={styles.notice} data-testid="outside-excel">
                {adapter.unavailableReason}
              </Notice>
            ) : null}
            <TabList
              className={styles.tabs}
              selectedValue={selected}
              onTabSelect={(_, data) => {
                const value = data.value as TabValue;
                // The tab the Issuer view was opened over goes back to it (as Back does).
                if (issuerShown && value === selected) closeIssuer();
                // Explore while a deal is open goes back to the list (as Back does).
                else if (value === "explore" && dealId !== null) closeDeal();
                else setTab(value === "deal" ? "explore" : value);
              }}
              aria-label="MinerDebt sections"
            >
              <Tab value="explore">Explore</Tab>
              {dealId !== null ? (
                <Tab value="deal" data-testid="deal-tab">
                  Deal
                </Tab>
              ) : null}
              <Tab value="cycles">Cycles</Tab>
              <Tab value="functions">Functions</Tab>
              <Tab value="about">About</Tab>
            </TabList>
            <main ref={body} className={styles.body} role="tabpanel" aria-label={issuerShown ? "issuer" : selected === "deal" ? "deal" : tab}>
              <div hidden={issuerShown}>
                <ErrorBoundary key={`${tab}:${dealId ?? ""}`} what={tab === "explore" && dealId ? "the deal" : `the ${tab} tab`}>
                  <Suspense fallback={<Spinner label="Loading…" />}>
                    {tab === "explore" && dealId === null ? <ExploreTab filters={filters} onFiltersChange={setFilters} onOpenDeal={openDeal} /> : null}
                    {tab === "explore" && dealId !== null ? <DealView dealId={dealId} onBack={closeDeal} /> : null}
                    {tab === "cycles" ? <CyclesTab /> : null}
                    {tab === "functions" ? <FunctionsTab /> : null}
                    {tab === "about" ? <AboutTab /> : null}
                  </Suspense>
                </ErrorBoundary>
              </div>
              {issuerShown ? (
                <ErrorBoundary key={`issuer:${issuer.ticker}`} what="the issuer">
                  <Suspense fallback={<Spinner label="Loading…" />}>
                    <IssuerView ticker={issuer.ticker} onBack={closeIssuer} backLabel={issuerBackLabel(issuer.tab, dealId !== null)} onOpenDeal={openDealFromIssuer} />
                  </Suspense>
                </ErrorBoundary>
              ) : null}
            </main>
          </div>
        </IssuerNavigationProvider>
        </WorkbookDealsProvider>
        </AdapterProvider>
      </ServicesProvider>
    </FluentProvider>
  );
}
