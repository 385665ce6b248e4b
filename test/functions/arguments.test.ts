// Excel's argument conventions (src/functions/arguments.ts) and the error/result guard
// (src/functions/excel-errors.ts), through the CustomFunctions shim.
import { MinerDebtError } from "../../src/errors";
import { flag, list, named, number, omitted, optionalNumber, optionalText, shown, single, text } from "../../src/functions/arguments";
import { excel } from "../../src/functions/excel-errors";
import { CustomFunctionsError, excelErrorOf, installCustomFunctionsShim } from "./support/custom-functions";

installCustomFunctionsShim();

/** The MinerDebtError a reader throws: its code and message. */
function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof MinerDebtError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a MinerDebtError");
}

describe("single values and omitted arguments", () => {
  it("unwraps a 1×1 range and refuses bigger ones, naming the argument and the shape", () => {
    expect(single([[42]], "x")).toBe(42);
    expect(single(["a"], "x")).toBe("a");
    expect(single("a", "x")).toBe("a");
    expect(failure(() => single([[1, 2], [3, 4]], "share_price"))).toEqual({ code: "VALUE", message: "share_price takes one value, got a 2×2 range" });
    expect(failure(() => single([], "x")).message).toBe("x takes one value, got a 0×1 range");
  });

  it("treats null, undefined, empty and blank text as omitted", () => {
    for (const value of [null, undefined, "", "   "]) expect(omitted(value)).toBe(true);
    for (const value of [0, false, "0", "x"]) expect(omitted(value)).toBe(false);
  });

  it("quotes values in messages the way Excel users read them", () => {
    expect(shown("x")).toBe('"x"');
    expect(shown(true)).toBe("TRUE");
    expect(shown(null)).toBe("nothing");
    expect(shown(-5)).toBe("-5");
    expect(shown([[1, 2, 3]])).toBe("a 1×3 range");
  });
});

describe("numbers", () => {
  it.each([
    [1000, 1000],
    ["1000", 1000],
    [" 12.5 ", 12.5],
    ["1,000", 1000],
    ["1,234,567.5", 1234567.5],
    ["-3", -3],
    ["+3", 3],
    ["$25", 25],
    ["45%", 0.45],
    ["1e6", 1e6],
    [".5", 0.5],
    [[["7"]], 7],
  ])("reads %p as %p", (input, expected) => {
    expect(number(input, "x")).toBe(expected);
  });

  it.each([["abc"], ["1,5"], ["12,34"], ["1.2.3"], [true], ["TRUE"], ["--1"], ["1 000"]])("refuses %p with the argument's name", (input) => {
    const error = failure(() => number(input, "principal"));
    expect(error.code).toBe("VALUE");
    expect(error.message).toBe(`principal must be a number, got ${shown(input)}`);
  });

  it("requires a value when the argument is not optional", () => {
    expect(failure(() => number(null, "principal")).message).toBe("principal is required (a number)");
    expect(failure(() => number("", "principal")).message).toBe("principal is required (a number)");
  });

  it("reads numbers only: bounds are the core's to check, once (test/calc/validate.test.ts)", () => {
    expect(number(-5, "conversion_price")).toBe(-5);
    expect(number("2.5", "steps")).toBe(2.5);
  });

  it("gives optional numbers their default when omitted, and reads them otherwise", () => {
    expect(optionalNumber(null, "n", 1)).toBe(1);
    expect(optionalNumber("", "n", 1)).toBe(1);
    expect(optionalNumber([[null]], "n", null)).toBeNull();
    expect(optionalNumber("3", "n", 1)).toBe(3);
    expect(optionalNumber([[" 0 "]], "n", 1)).toBe(0);
    expect(failure(() => optionalNumber("x", "n", 1)).message).toBe('n must be a number, got "x"');
  });
});

describe("flags", () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ["TRUE", true],
    ["false", false],
    [" True ", true],
    ["1", true],
    ["0", false],
    [[[false]], false],
  ])("reads %p as %p", (input, expected) => {
    expect(flag(input, "headers", !expected)).toBe(expected);
  });

  it("uses the default when omitted and refuses anything else", () => {
    expect(flag(null, "headers", true)).toBe(true);
    expect(flag("", "headers", false)).toBe(false);
    expect(failure(() => flag("yes please", "headers", true)).message).toBe('headers must be TRUE or FALSE, got "yes please"');
    expect(failure(() => flag(2, "headers", true)).message).toBe("headers must be TRUE or FALSE, got 2");
  });
});

describe("text and lists", () => {
  it("reads required and optional text", () => {
    expect(text(" ABC ", "id")).toBe("ABC");
    expect(text(123, "id")).toBe("123");
    expect(failure(() => text("", "id", "a financing id")).message).toBe("id is required: a financing id");
    expect(failure(() => text(false, "id")).message).toBe("id must be text, got FALSE");
    expect(optionalText("", "x")).toBeNull();
    expect(optionalText(" y ", "x")).toBe("y");
  });

  it("splits lists on commas and semicolons, across the cells of a range", () => {
    expect(list("MARA, riot;CLSK", "issuer")).toEqual(["MARA", "riot", "CLSK"]);
    expect(list([["MARA", ""], ["RIOT, CLSK", null]], "issuer")).toEqual(["MARA", "RIOT", "CLSK"]);
    expect(list(" , ", "issuer")).toBeNull();
    expect(list(null, "issuer")).toBeNull();
    expect(failure(() => list(5, "issuer")).message).toBe('issuer must be text such as "MARA, RIOT", got 5');
  });

  it("puts the argument's name in front of a core message that lacks it", () => {
    expect(failure(() => named("issuer", () => {
      throw new MinerDebtError("NA", 'Unknown ticker "X"');
    }))).toEqual({ code: "NA", message: 'issuer: Unknown ticker "X"' });
    expect(failure(() => named("from", () => {
      throw new MinerDebtError("VALUE", "from: bad");
    })).message).toBe("from: bad");
  });
});

describe("excel(): errors and results as Excel sees them", () => {
  it("maps the core's error codes to #VALUE!, #N/A and #NUM! with the message", () => {
    for (const [code, excelCode] of [["VALUE", "#VALUE!"], ["NA", "#N/A"], ["NUM", "#NUM!"]] as const) {
      expect(excelErrorOf(() => excel("F", () => {
        throw new MinerDebtError(code, "why");
      }))).toEqual({ code: excelCode, message: "why" });
    }
  });

  it("turns an unexpected exception into #VALUE! with a message instead of a crash", () => {
    const error = excelErrorOf(() => excel("F", () => (null as unknown as { x: number }).x));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^F: internal error \(.+\); please report it$/);
    expect(excelErrorOf(() => excel("F", () => {
      throw "a string";
    })).message).toBe("F: internal error (a string); please report it");
  });

  it("passes a CustomFunctions.Error through unchanged", () => {
    const original = new CustomFunctionsError("#NUM!", "kept");
    expect(excelErrorOf(() => excel("F", () => {
      throw original;
    }))).toEqual({ code: "#NUM!", message: "kept" });
  });

  it("refuses results Excel cannot show: NaN, Infinity, null, undefined, ragged or empty tables", () => {
    expect(excelErrorOf(() => excel("F", () => NaN))).toEqual({ code: "#NUM!", message: "F: the result is not a finite number" });
    expect(excelErrorOf(() => excel("F", () => -Infinity)).code).toBe("#NUM!");
    expect(excelErrorOf(() => excel("F", () => null)).message).toBe("F: the result is null, not a cell value");
    expect(excelErrorOf(() => excel("F", () => undefined)).message).toBe("F: the result is undefined, not a cell value");
    expect(excelErrorOf(() => excel("F", () => [[1, 2], [3]])).message).toBe("F: row 2 of the result has the wrong width");
    expect(excelErrorOf(() => excel("F", () => [[1, null]])).message).toBe("F: the result at row 1, column 2 is null, not a cell value");
    expect(excelErrorOf(() => excel("F", () => [[1, NaN]])).code).toBe("#NUM!");
    expect(excelErrorOf(() => excel("F", () => [])).code).toBe("#N/A");
    expect(excelErrorOf(() => excel("F", () => [[]])).code).toBe("#VALUE!");
  });

  it("returns good values unchanged (and -0 as 0)", () => {
    expect(excel("F", () => 1.5)).toBe(1.5);
    expect(Object.is(excel("F", () => -0), 0)).toBe(true);
    expect(excel("F", () => "x")).toBe("x");
    expect(excel("F", () => false)).toBe(false);
    expect(excel("F", () => [["a", 1, true]])).toEqual([["a", 1, true]]);
  });
});
