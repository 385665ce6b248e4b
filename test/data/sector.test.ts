import { DEFAULT_METRIC, reportedFigure, reportedFigures, sectorMetrics } from "../../src/data/sector";
import { expectError, rawSectorFigures } from "./helpers";

const raw = rawSectorFigures();
const find = (metric: string, period: string) => raw.filter((figure) => figure.metric === metric && figure.period === period);

describe("reportedFigure", () => {
  it("finds TheMinerMag's Q4 2024 record from any quarter format or a date in it", () => {
    const [expected] = find(DEFAULT_METRIC, "2024Q4");
    expect(expected.value).toBe(4_600_000_000);
    for (const period of ["2024Q4", "Q4 2024", "4Q24", "2024-11-15", 45611]) {
      const figure = reportedFigure(period);
      expect(figure.value).toBe(expected.value);
      expect(figure.qualifier).toBe("record");
      expect(figure.scope).toBe(expected.scope);
      expect(figure.source.url).toBe(expected.source.url);
    }
  });

  it("keeps each figure's qualifier: under $200M in 2025Q1, approx $1.5B in 2025Q2", () => {
    expect(reportedFigure("2025Q1")).toMatchObject({ value: 200_000_000, qualifier: "under" });
    expect(reportedFigure("2025Q2")).toMatchObject({ value: 1_500_000_000, qualifier: "approx" });
    expect(reportedFigure("2025Q3")).toMatchObject({ value: 6_000_000_000, qualifier: "estimate_up_to" });
    expect(reportedFigure("2025Q3", "convertible_offerings_usd")).toMatchObject({ value: 3_000_000_000, qualifier: "approx" });
  });

  it("finds a year only where a figure is published for exactly that year", () => {
    const metric = "debt_convertible_and_equity_proceeds_usd";
    expect(reportedFigure("2024", metric).value).toBe(find(metric, "2024")[0].value);
    expect(reportedFigure(2023, metric).value).toBe(find(metric, "2023")[0].value);
    // "2022H1" and "2022Q3-2023Q2" are descriptions: neither a quarter of 2022 nor the year matches them.
    expectError(() => reportedFigure("2022", metric), "NA", "published periods: 2022H1; 2022Q3-2023Q2; 2024; 2023");
    expectError(() => reportedFigure("2022Q1", metric), "NA", "No published");
    expectError(() => reportedFigure("2025", DEFAULT_METRIC), "NA", "No published");
  });

  it("finds a described period by its exact text", () => {
    expect(reportedFigure("2022h1", "debt_convertible_and_equity_proceeds_usd").value).toBe(2_400_000_000);
    expect(reportedFigure("as of 2025-10-15", "total_bitcoin_miner_debt_usd").value).toBe(12_700_000_000);
  });

  it("answers NA with the published periods when there is none, and when scopes make it ambiguous", () => {
    expectError(() => reportedFigure("2023Q1"), "NA", "published periods: 2024Q4; 2025Q1; 2025Q2; 2025Q3");
    expectError(() => reportedFigure("LQ"), "NA", 'for "LQ"');
    expect(reportedFigures("as of ~2022-12", "public_miner_total_debt_usd").map((figure) => figure.value)).toEqual([4_000_000_000, 2_600_000_000]);
    expectError(() => reportedFigure("as of ~2022-12", "public_miner_total_debt_usd"), "NA", "different scopes");
  });

  it("refuses ranges and TTM: published figures are not added up", () => {
    expectError(() => reportedFigure("2024Q4:2025Q2"), "VALUE", "not summed");
    expectError(() => reportedFigure("TTM"), "VALUE", "not summed");
  });

  it("rejects an unknown metric or period with VALUE", () => {
    expectError(() => reportedFigure("2024Q4", "debt_offerings"), "VALUE", 'metric must be "debt_and_convertible_offerings_usd"');
    expectError(() => reportedFigure("someday"), "VALUE", "a published period");
  });

  it("lists the metrics in file order", () => {
    expect(sectorMetrics()).toEqual([...new Set(raw.map((figure) => figure.metric))]);
  });
});
