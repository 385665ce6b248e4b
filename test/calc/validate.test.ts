// The one layer of argument checks (src/calc/validate.ts): the functions layer only reads Excel
// values (test/functions/arguments.test.ts); bounds, choices and their messages are checked here.
import { MinerDebtError } from "../../src/errors";
import { choice, finiteNumber, inRange, integerInRange, nonNegative, positive, shown } from "../../src/calc/validate";

/** The message of the VALUE error `fn` throws. */
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MinerDebtError);
    expect((error as MinerDebtError).code).toBe("VALUE");
    return (error as MinerDebtError).message;
  }
  throw new Error("expected a MinerDebtError");
}

describe("bounds, with the argument's name and the bad value", () => {
  it("checks > 0, ≥ 0, a range and whole numbers", () => {
    expect(message(() => positive("conversion_price", -5))).toBe("conversion_price must be > 0, got -5");
    expect(message(() => positive("conversion_price", 0))).toBe("conversion_price must be > 0, got 0");
    expect(message(() => nonNegative("rate", -1))).toBe("rate must be ≥ 0, got -1");
    expect(message(() => inRange("p", 2, 0, 1))).toBe("p must be between 0 and 1, got 2");
    expect(message(() => inRange("rate", 5, -1, 1, "a fraction: 5% is 0.05"))).toBe("rate must be between -1 and 1 (a fraction: 5% is 0.05), got 5");
    expect(message(() => integerInRange("steps", 2.5, 1, 5000))).toBe("steps must be a whole number from 1 to 5000, got 2.5");
    expect(message(() => finiteNumber("years", Number.NaN))).toBe("years must be a finite number, got NaN");
    expect(message(() => finiteNumber("years", null))).toBe("years must be a finite number, got nothing");
    expect(positive("x", 1e-9)).toBe(1e-9);
    expect(nonNegative("x", 0)).toBe(0);
    expect(inRange("x", 1, 0, 1)).toBe(1);
    expect(integerInRange("x", 5000, 1, 5000)).toBe(5000);
  });

  it("quotes values the way Excel users read them", () => {
    expect(shown("x")).toBe('"x"');
    expect(shown(false)).toBe("FALSE");
    expect(shown(undefined)).toBe("nothing");
    expect(shown([[1], [2]])).toBe("a 2×1 range");
  });
});

describe("choices", () => {
  const SETTLEMENTS = ["physical", "net_share", "cash"] as const;

  it("matches case-insensitively, with spaces or hyphens for underscores", () => {
    expect(choice("settlement", "Physical", SETTLEMENTS)).toBe("physical");
    expect(choice("settlement", " NET SHARE ", SETTLEMENTS)).toBe("net_share");
    expect(choice("settlement", "net-share", SETTLEMENTS)).toBe("net_share");
    expect(choice("settlement", null, SETTLEMENTS, "physical")).toBe("physical");
    expect(choice("settlement", undefined, SETTLEMENTS, "physical")).toBe("physical");
    expect(choice("settlement", "", SETTLEMENTS, "cash")).toBe("cash");
    expect(choice("settlement", "  ", SETTLEMENTS, "cash")).toBe("cash");
    expect(choice("use_category", null, ["ai_hpc", "general"], null)).toBeNull();
    expect(choice("cycle", " 2020-2022 ", ["2020-2022", "2023-"])).toBe("2020-2022");
  });

  it("lists the allowed values when the value is wrong or missing", () => {
    expect(message(() => choice("settlement", "Physcal", SETTLEMENTS))).toBe('settlement must be "physical", "net_share" or "cash"; got "Physcal". Did you mean "physical"?');
    expect(message(() => choice("settlement", "shares", SETTLEMENTS))).toMatch(/^settlement must be "physical", "net_share" or "cash"; got "shares"\. Did you mean "[a-z_]+"\?$/);
    expect(message(() => choice("settlement", 3, SETTLEMENTS))).toBe('settlement must be "physical", "net_share" or "cash"; got 3.');
    expect(message(() => choice("settlement", true, SETTLEMENTS, "physical"))).toBe('settlement must be "physical", "net_share" or "cash"; got TRUE.');
    expect(message(() => choice("type", null, ["call", "put"]))).toBe('type is required: "call" or "put"');
    expect(message(() => choice("type", "", ["call"]))).toBe('type is required: "call"');
  });
});
