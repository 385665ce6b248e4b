import { useState } from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { datasetVersion } from "../data";

type TabId = "explore" | "functions" | "about";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column" },
  body: { flex: 1, overflow: "auto", padding: tokens.spacingHorizontalM },
});

/** True when Office's theme has a dark body background. */
function officeIsDark(): boolean {
  const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  const background = theme?.bodyBackgroundColor;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background)) return false;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export function App({ host }: { host: Office.HostType | null }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("explore");
  const version = datasetVersion();
  return (
    <FluentProvider theme={officeIsDark() ? webDarkTheme : webLightTheme} style={{ height: "100%" }}>
      <div className={styles.root}>
        <header className={styles.header}>
          <img src="assets/icon-32.png" width={32} height={32} alt="" />
          <div className={styles.titles}>
            <Text weight="semibold" size={500}>MinerDebt</Text>
            <Text size={200}>Dataset {version.label}</Text>
          </div>
        </header>
        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)}>
          <Tab value="explore">Explore</Tab>
          <Tab value="functions">Functions</Tab>
          <Tab value="about">About</Tab>
        </TabList>
        <main className={styles.body}>
          <Text>{host === null ? "Opened outside Excel: inserts need Excel." : ""}</Text>
        </main>
      </div>
    </FluentProvider>
  );
}
