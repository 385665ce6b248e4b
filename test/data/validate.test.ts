/**
 * Validation catches deliberately broken copies of real records — one test per rule — and
 * the real data passes with only its reviewed, acknowledged problem.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CONVERSION_PRICE_TOLERANCE,
  PREMIUM_TOLERANCE_USD,
  parseJsonLines,
  triageProblems,
  validateCoverage,
  validateFinancings,
  validateIssuers,
  validateSectorFigures,
  type AcknowledgedProblem,
  type JsonLine,
  type ValidationProblem,
} from "../../src/data/validate";
import { REPO, rawFinancings, rawIssuers, rawSectorFigures, type RawRecord } from "./helpers";

const real = rawFinancings();
const lines = (records: RawRecord[]): JsonLine[] => records.map((value, i) => ({ line: i + 1, value }));
const byId = (id: string): RawRecord => structuredClone(real.find((record) => record.id === id)) as RawRecord;

/** Validate the real data with one record replaced by a broken copy; return the new problems. */
function problemsWith(id: string, breakIt: (record: RawRecord) => void): ValidationProblem[] {
  const broken = byId(id);
  breakIt(broken);
  const records = real.map((record) => (record.id === id ? broken : record));
  const baseline = new Set(validateFinancings(lines(real)).map((problem) => JSON.stringify(problem)));
  return validateFinancings(lines(records)).filter((problem) => !baseline.has(JSON.stringify(problem)));
}

function expectOne(problems: ValidationProblem[], id: string, field: string, rule: string, reason?: RegExp): void {
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file: "financings.jsonl", id, field, rule });
  if (reason) expect(problems[0].reason).toMatch(reason);
  expect(problems[0].line).toBe(real.findIndex((record) => record.id === id) + 1);
}

const acknowledgements = JSON.parse(readFileSync(join(REPO, "data", "acknowledged-problems.json"), "utf8")) as AcknowledgedProblem[];

describe("the real data", () => {
  it("passes every rule except the one reviewed, acknowledged problem", () => {
    const problems = [
      ...validateFinancings(lines(real)),
      ...validateSectorFigures(lines(rawSectorFigures())),
      ...validateIssuers(lines(rawIssuers())),
    ];
    expect(problems.map((problem) => `${problem.id} ${problem.field} ${problem.rule}`)).toEqual(["CANG-2024-11-BTCL-2026 sources https_source"]);
    const triage = triageProblems(problems, acknowledgements);
    expect(triage.errors).toEqual([]);
    expect(triage.stale).toEqual([]);
    expect(triage.acknowledged).toHaveLength(1);
  });

  it("keeps every acknowledgement explained", () => {
    for (const ack of acknowledgements) expect(ack.reason.length).toBeGreaterThan(40);
  });
});

describe("one test per rule, on broken copies of real records", () => {
  it("unique ids", () => {
    const duplicate = byId("WULF-2024-10-CVT-2030");
    const problems = validateFinancings(lines([...real, duplicate])).filter((problem) => problem.rule === "unique_id");
    expect(problems).toEqual([
      expect.objectContaining({ id: "WULF-2024-10-CVT-2030", field: "id", rule: "unique_id", line: real.length + 1 }),
    ]);
  });

  it("id format", () => {
    const problems = problemsWith("WULF-2024-10-CVT-2030", (r) => (r.id = "wulf 2024"));
    expect(problems).toEqual([expect.objectContaining({ id: "wulf 2024", field: "id", rule: "id_format" })]);
  });

  it("ISO dates: format", () => {
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.maturity_date = "11/01/2030")), "WULF-2024-10-CVT-2030", "maturity_date", "iso_date");
  });

  it("ISO dates: a real calendar date", () => {
    expectOne(problemsWith("IREN-2025-06-CVT-2029", (r) => (r.maturity_date = "2029-02-30")), "IREN-2025-06-CVT-2029", "maturity_date", "iso_date", /real date/);
  });

  it("ISO dates: outcome_date may be a month, not a malformed month", () => {
    expect(problemsWith("CORZ-2020-10-EQF-NA", (r) => (r.outcome_date = "2023-02"))).toEqual([]);
    expectOne(problemsWith("CORZ-2020-10-EQF-NA", (r) => (r.outcome_date = "2023-13")), "CORZ-2020-10-EQF-NA", "outcome_date", "iso_date");
  });

  it("ISO dates: source dates", () => {
    const problems = problemsWith("MARA-2024-11-CVT-2030", (r) => (r.sources[0].date = "Nov 2024"));
    expect(problems).toEqual([expect.objectContaining({ field: "sources[0].date", rule: "iso_date" })]);
  });

  it("quarter consistent with the pricing date", () => {
    const record = byId("MARA-2024-11-CVT-2030");
    expect(record.priced_date).not.toBeNull();
    expectOne(problemsWith(record.id, (r) => (r.quarter = "2025Q1")), record.id, "quarter", "quarter", /priced_date/);
  });

  it("quarter consistent with the closing date when there is no pricing date", () => {
    const record = real.find((r) => r.priced_date === null && r.closed_date !== null) as RawRecord;
    const wrong = record.quarter === "2020Q1" ? "2020Q2" : "2020Q1";
    expectOne(problemsWith(record.id, (r) => (r.quarter = wrong)), record.id, "quarter", "quarter", /closed_date/);
  });

  it("quarter missing although the record is dated", () => {
    expectOne(problemsWith("MARA-2024-11-CVT-2030", (r) => (r.quarter = null)), "MARA-2024-11-CVT-2030", "quarter", "quarter");
  });

  it("quarter not before the announcement when only that date is known", () => {
    // HUT-2023-06-BTCL-NA: announced 2023-06-26, no pricing or closing date, quarter 2023Q2.
    expectOne(problemsWith("HUT-2023-06-BTCL-NA", (r) => (r.quarter = "2023Q1")), "HUT-2023-06-BTCL-NA", "quarter", "quarter", /announced_date/);
  });

  it("quarter format", () => {
    expectOne(problemsWith("GREE-2021-03-EQF-2022-C", (r) => (r.quarter = "Q1 2021")), "GREE-2021-03-EQF-2022-C", "quarter", "quarter", /2025Q3/);
  });

  it("conversion price ≈ 1000 / conversion rate within 0.2%", () => {
    // CORZ-2024-12-CVT-2031: rate 44.4587, price 22.49, no reference price (so no premium check).
    const record = byId("CORZ-2024-12-CVT-2031");
    expect(record.reference_price_usd).toBeNull();
    const exact = 1000 / (record.conversion_rate_per_1000 as number);
    expect(problemsWith(record.id, (r) => (r.conversion_price_usd = exact * (1 + CONVERSION_PRICE_TOLERANCE * 0.9)))).toEqual([]);
    const problems = problemsWith(record.id, (r) => (r.conversion_price_usd = exact * (1 + CONVERSION_PRICE_TOLERANCE * 1.5)));
    expectOne(problems, record.id, "conversion_price_usd", "conversion_price", /0\.30% \(> 0\.2%\)/);
  });

  it("conversion premium consistent with the reference price (one cent)", () => {
    // IREN-2025-10-CVT-2031: 85.63 = 60.09 × 1.425 (+0.002).
    expect(problemsWith("IREN-2025-10-CVT-2031", (r) => (r.conversion_premium_pct = 42.5))).toEqual([]);
    expectOne(problemsWith("IREN-2025-10-CVT-2031", (r) => (r.conversion_premium_pct = 40)), "IREN-2025-10-CVT-2031", "conversion_premium_pct", "conversion_premium", /reference_price_usd 60.09/);
    // A reference price two cents off breaks both the conversion and the cap premium.
    const shifted = problemsWith("IREN-2025-10-CVT-2031", (r) => (r.reference_price_usd = 60.09 + 2 * PREMIUM_TOLERANCE_USD));
    expect(shifted.map((problem) => problem.rule)).toEqual(["conversion_premium", "cap_premium"]);
  });

  it("cap premium consistent with the reference price", () => {
    expectOne(problemsWith("CLSK-2024-12-CVT-2030", (r) => (r.capped_call_cap_premium_pct = 75)), "CLSK-2024-12-CVT-2030", "capped_call_cap_premium_pct", "cap_premium");
  });

  it("non-negative amounts", () => {
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.amount_usd = -500000000)), "WULF-2024-10-CVT-2030", "amount_usd", "non_negative", /≥ 0/);
    expectOne(problemsWith("CORZ-2024-12-CVT-2031", (r) => (r.option_usd = -1)), "CORZ-2024-12-CVT-2031", "option_usd", "non_negative");
  });

  it("prices and conversion rates strictly positive", () => {
    const problems = problemsWith("WULF-2024-10-CVT-2030", (r) => (r.conversion_rate_per_1000 = 0));
    expect(problems).toEqual([expect.objectContaining({ field: "conversion_rate_per_1000", rule: "non_negative", reason: expect.stringContaining("> 0") })]);
  });

  it("at least one https source: all plain http", () => {
    const problems = problemsWith("WULF-2024-10-CVT-2030", (r) => {
      for (const source of r.sources) source.url = source.url.replace("https://", "http://");
    });
    expectOne(problems, "WULF-2024-10-CVT-2030", "sources", "https_source", /plain http/);
  });

  it("at least one https source: none listed", () => {
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.sources = [])), "WULF-2024-10-CVT-2030", "sources", "https_source");
  });

  it("sources are well-formed", () => {
    const problems = problemsWith("WULF-2024-10-CVT-2030", (r) => (r.sources[0].url = "javascript:alert(1)"));
    expect(problems).toEqual([expect.objectContaining({ field: "sources[0].url", rule: "type" })]);
  });

  it.each([
    ["instrument", "bond"],
    ["instrument_class", "convertibles"],
    ["use_category", "ai"],
    ["settlement", "physical"],
    ["amount_basis", "face"],
    ["cycle", "2024"],
    ["outcome", "paid"],
    ["confidence", "certain"],
  ])("closed enumeration: %s", (field, value) => {
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r[field] = value)), "WULF-2024-10-CVT-2030", field, "enum", new RegExp(`"${value}" is not one of`));
  });

  it("types: booleans, numbers and text", () => {
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.new_money = "yes")), "WULF-2024-10-CVT-2030", "new_money", "type");
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.amount_usd = "500000000")), "WULF-2024-10-CVT-2030", "amount_usd", "type");
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.issuer = "  ")), "WULF-2024-10-CVT-2030", "issuer", "type");
  });

  it("required fields are not null", () => {
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.listed = null)), "WULF-2024-10-CVT-2030", "listed", "required");
  });

  it("closed schema: a missing or an unknown field", () => {
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => delete r.coupon_pct), "WULF-2024-10-CVT-2030", "coupon_pct", "schema", /missing/);
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.coupon = 2.75)), "WULF-2024-10-CVT-2030", "coupon", "schema", /unknown/);
  });

  it("a listed issuer has a ticker", () => {
    expectOne(problemsWith("WULF-2024-10-CVT-2030", (r) => (r.ticker = null)), "WULF-2024-10-CVT-2030", "ticker", "ticker");
  });

  it("a line that is not JSON", () => {
    const { lines: parsed, problems } = parseJsonLines('{"id": "A"}\n{not json\n\n', "financings.jsonl");
    expect(parsed).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ line: 2, rule: "json" })]);
  });
});

describe("sector figures and issuers", () => {
  const figures = rawSectorFigures();
  const figureProblems = (breakIt: (figure: RawRecord) => void) => {
    const copy = structuredClone(figures);
    breakIt(copy[0]);
    return validateSectorFigures(lines(copy));
  };

  it("qualifier and confidence are closed enumerations", () => {
    expect(figureProblems((f) => (f.qualifier = "about"))).toEqual([expect.objectContaining({ file: "sector-aggregates.jsonl", id: "debt_and_convertible_offerings_usd | 2024Q4", field: "qualifier", rule: "enum" })]);
    expect(figureProblems((f) => (f.confidence = "sure"))).toEqual([expect.objectContaining({ field: "confidence", rule: "enum" })]);
  });

  it("values are non-negative numbers", () => {
    expect(figureProblems((f) => (f.value = -1))).toEqual([expect.objectContaining({ field: "value", rule: "non_negative" })]);
  });

  it("the source is https", () => {
    expect(figureProblems((f) => (f.source.url = f.source.url.replace("https:", "http:")))).toEqual([expect.objectContaining({ field: "source", rule: "https_source" })]);
  });

  it("one figure per metric, scope and period", () => {
    expect(validateSectorFigures(lines([...figures, figures[0]]))).toEqual([expect.objectContaining({ rule: "unique_id", line: figures.length + 1 })]);
  });

  it("a ticker belongs to one issuer only", () => {
    const issuers = rawIssuers();
    const copy = structuredClone(issuers);
    copy[1].aliases = ["BITF"];
    expect(validateIssuers(lines(copy))).toEqual([expect.objectContaining({ file: "issuers.jsonl", id: "CORZ", field: "aliases", rule: "ticker", reason: expect.stringContaining("KEEL") })]);
  });
});

describe("triage of acknowledged problems", () => {
  const problem: ValidationProblem = { file: "financings.jsonl", line: 3, id: "X-1", field: "sources", rule: "https_source", reason: "r" };
  const ack: AcknowledgedProblem = { file: "financings.jsonl", id: "X-1", field: "sources", rule: "https_source", reason: "reviewed" };

  it("moves a matching problem out of the errors", () => {
    expect(triageProblems([problem], [ack])).toEqual({ errors: [], acknowledged: [problem], stale: [] });
  });

  it("keeps any other problem an error, and flags an acknowledgement that matches nothing as stale", () => {
    const other = { ...problem, field: "quarter", rule: "quarter" as const };
    expect(triageProblems([other], [ack])).toEqual({ errors: [other], acknowledged: [], stale: [ack] });
  });
});

describe("coverage.json", () => {
  const coverage = JSON.parse(readFileSync(join(REPO, "data", "coverage.json"), "utf8")) as Record<string, unknown>;
  const check = (value: unknown, records: RawRecord[] = real) => validateCoverage(value, lines(records));

  it("passes as committed", () => {
    expect(check(coverage)).toEqual([]);
  });

  it("needs real ISO dates, every key and a note", () => {
    expect(check({ ...coverage, financings_through: "16/06/2026" })).toEqual([expect.objectContaining({ file: "coverage.json", field: "financings_through", rule: "iso_date" })]);
    expect(check({ ...coverage, searched_on: "2026-02-30" })).toEqual([expect.objectContaining({ field: "searched_on", rule: "iso_date" })]);
    const { note: _note, ...withoutNote } = coverage;
    expect(check(withoutNote).map((problem) => `${problem.field} ${problem.rule}`)).toEqual(["note schema", "note required"]);
    expect(check({ ...coverage, extra: 1 })).toEqual([expect.objectContaining({ field: "extra", rule: "schema" })]);
    expect(check([coverage])).toEqual([expect.objectContaining({ field: "(file)", rule: "type" })]);
  });

  it("cannot have been searched before the date it covers", () => {
    expect(check({ ...coverage, searched_on: "2026-06-15" })).toEqual([expect.objectContaining({ field: "searched_on", rule: "coverage" })]);
  });

  it("names a financing priced (else closed) after financings_through", () => {
    // Priced 2026-06-05, closed 2026-06-09: the pricing date is the one that counts.
    const late = byId("HUT-2026-06-SSN-2042");
    expect(check({ ...coverage, financings_through: "2026-06-04" }, [late])).toEqual([
      expect.objectContaining({ file: "financings.jsonl", id: "HUT-2026-06-SSN-2042", field: "priced_date", rule: "coverage", line: 1 }),
    ]);
    expect(check({ ...coverage, financings_through: "2026-06-05" }, [late])).toEqual([]);
    const closedOnly = { ...late, priced_date: null };
    expect(check({ ...coverage, financings_through: "2026-06-08" }, [closedOnly])).toEqual([expect.objectContaining({ field: "closed_date", rule: "coverage" })]);
  });
});
