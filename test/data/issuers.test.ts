import { canonicalTicker, issuerTickers, knownTickers, resolveIssuers } from "../../src/data/issuers";
import { expectError, rawFinancings, rawIssuers } from "./helpers";

describe("resolveIssuers", () => {
  it("finds a renamed issuer from its former ticker and from its current one (BITF ↔ KEEL)", () => {
    expect([...(resolveIssuers("BITF") ?? [])].sort()).toEqual(["BITF", "KEEL"]);
    expect([...(resolveIssuers("keel") ?? [])].sort()).toEqual(["BITF", "KEEL"]);
  });

  it("reads comma- or semicolon-separated lists, any case, any spacing", () => {
    expect([...(resolveIssuers("bitf, MARA") ?? [])].sort()).toEqual(["BITF", "KEEL", "MARA"]);
    expect([...(resolveIssuers(" wulf ;cifr,, ") ?? [])].sort()).toEqual(["CIFR", "WULF"]);
    expect([...(resolveIssuers(["MARA", "riot"]) ?? [])].sort()).toEqual(["MARA", "RIOT"]);
  });

  it("means all issuers when empty", () => {
    expect(resolveIssuers(null)).toBeNull();
    expect(resolveIssuers(undefined)).toBeNull();
    expect(resolveIssuers("")).toBeNull();
    expect(resolveIssuers("  , ")).toBeNull();
    expect(resolveIssuers([])).toBeNull();
  });

  it("answers an unknown ticker with NA naming the closest known ticker", () => {
    expectError(() => resolveIssuers("MRA"), "NA", 'Unknown ticker "MRA"; did you mean MARA?');
    expectError(() => resolveIssuers("MARA, IRN"), "NA", "did you mean IREN?");
    expectError(() => resolveIssuers("ZZZZ"), "NA", "Known tickers: APLD");
  });
});

describe("tickers", () => {
  it("knows every ticker a record carries plus every alias in issuers.jsonl", () => {
    const expected = new Set<string>();
    for (const record of rawFinancings()) if (record.ticker) expected.add(record.ticker);
    for (const issuer of rawIssuers()) [issuer.ticker, ...issuer.aliases].forEach((ticker: string) => expected.add(ticker));
    expect([...knownTickers()]).toEqual([...expected].sort());
  });

  it("maps a former ticker to the current one", () => {
    expect(canonicalTicker("bitf")).toBe("KEEL");
    expect(canonicalTicker("KEEL")).toBe("KEEL");
    expect(canonicalTicker("MARA")).toBe("MARA");
    expect(issuerTickers("BITF")).toEqual(["KEEL", "BITF"]);
    expectError(() => canonicalTicker("XYZ"), "NA", "Unknown ticker");
  });
});
