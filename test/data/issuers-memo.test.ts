/**
 * resolveIssuers remembers answers per argument text (QUARTER checks its issuer argument on
 * every call); remembering must not change an answer, and an unknown ticker keeps failing.
 */
import { resolveIssuers } from "../../src/data/issuers";
import { expectError } from "./helpers";

describe("resolveIssuers, asked again", () => {
  it("gives the same tickers for the same text, and for the same tickers written as a list", () => {
    const first = resolveIssuers("bitf, MARA");
    expect(first).toEqual(new Set(["KEEL", "BITF", "MARA"]));
    expect(resolveIssuers("bitf, MARA")).toEqual(first);
    expect(resolveIssuers(["bitf", "MARA"])).toEqual(first);
    expect(resolveIssuers(["KEEL;mara"])).toEqual(first);
  });

  it("keeps failing for an unknown ticker", () => {
    expectError(() => resolveIssuers("MARA, NOPE"), "NA", 'Unknown ticker "NOPE"');
    expectError(() => resolveIssuers("MARA, NOPE"), "NA", 'Unknown ticker "NOPE"');
  });

  it("reads blanks as all issuers, and a list holding a blank as that blank", () => {
    expect(resolveIssuers("")).toBeNull();
    expect(resolveIssuers(" ; ")).toBeNull();
    expect(resolveIssuers([])).toBeNull();
    expectError(() => resolveIssuers([null]), "NA", 'Unknown ticker "null"');
  });
});
