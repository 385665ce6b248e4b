/**
 * The generated modules stay in step with data/*.jsonl, a bad record fails the build naming
 * the id and field, and nothing under src/ or test/ depends on the shared facts folder.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDataset, GENERATED_FILES, type DataTexts } from "../../src/data/build/generate";
import { canonicalJson, diffRecords, formatDiff } from "../../src/data/build/diff";
import { REPO } from "./helpers";

const read = (...parts: string[]) => readFileSync(join(REPO, ...parts), "utf8");

function dataTexts(): DataTexts {
  return {
    financings: read("data", "financings.jsonl"),
    sectorAggregates: read("data", "sector-aggregates.jsonl"),
    issuers: read("data", "issuers.jsonl"),
    coverage: read("data", "coverage.json"),
    events: read("data", "events.jsonl"),
    dataset: read("data", "dataset.json"),
    acknowledgedProblems: read("data", "acknowledged-problems.json"),
  };
}

/** Replace one field of one financing in the JSONL text. */
function withField(texts: DataTexts, id: string, field: string, value: unknown): DataTexts {
  const lines = texts.financings.split("\n").map((line) => {
    if (!line.includes(`"id": "${id}"`)) return line;
    const record = JSON.parse(line);
    record[field] = value;
    return JSON.stringify(record);
  });
  return { ...texts, financings: lines.join("\n") };
}

describe("generated data", () => {
  it("is up to date with data/*.jsonl (regenerated in memory and compared byte for byte)", () => {
    const result = buildDataset(dataTexts());
    expect(result.triage.errors).toEqual([]);
    expect(result.files).not.toBeNull();
    for (const name of GENERATED_FILES) {
      // If this fails: run `npx tsx scripts/build-data.ts` and commit src/data/generated/.
      expect(read("src", "data", "generated", name) === result.files?.[name]).toBe(true);
    }
  });

  it("puts no long text in the core file", () => {
    const core = read("src", "data", "generated", "core.json");
    const wulf = JSON.parse(dataTexts().financings.split("\n").find((line) => line.includes('"WULF-2024-10-CVT-2030"')) as string);
    expect(core).not.toContain(wulf.notes.slice(0, 40));
    expect(core).not.toContain(wulf.sources[0].url);
    expect(core).toContain(`"asOf":"${JSON.parse(read("data", "dataset.json")).asOf}"`);
  });
});

describe("a bad record fails the build", () => {
  it("naming the id and the field", () => {
    const result = buildDataset(withField(dataTexts(), "WULF-2024-10-CVT-2030", "instrument_class", "bond"));
    expect(result.files).toBeNull();
    expect(result.triage.errors).toEqual([expect.objectContaining({ id: "WULF-2024-10-CVT-2030", field: "instrument_class", rule: "enum" })]);
  });

  it("and so does an acknowledgement that no longer matches a problem", () => {
    const texts = dataTexts();
    const stale = JSON.stringify([{ file: "financings.jsonl", id: "WULF-2024-10-CVT-2030", field: "sources", rule: "https_source", reason: "x" }, ...JSON.parse(texts.acknowledgedProblems)]);
    const result = buildDataset({ ...texts, acknowledgedProblems: stale });
    expect(result.files).toBeNull();
    expect(result.triage.stale).toEqual([expect.objectContaining({ id: "WULF-2024-10-CVT-2030" })]);
  });

  it("and a missing or bad coverage.json, naming the file", () => {
    const missing = buildDataset({ ...dataTexts(), coverage: "" });
    expect(missing.files).toBeNull();
    expect(missing.triage.errors).toEqual([expect.objectContaining({ file: "coverage.json", rule: "json", reason: expect.stringContaining("missing") })]);
    const bad = buildDataset({ ...dataTexts(), coverage: '{"financings_through": "mid-June", "searched_on": "2026-12-02", "note": "n"}' });
    expect(bad.triage.errors).toEqual([expect.objectContaining({ file: "coverage.json", field: "financings_through", rule: "iso_date" })]);
  });

  it("carries coverage.json's dates into core.json and its note into detail.json", () => {
    const files = buildDataset(dataTexts()).files;
    expect(JSON.parse(files?.["core.json"] ?? "{}").coverage).toEqual({ financingsThrough: "2026-06-16", searchedOn: "2026-12-02" });
    expect(JSON.parse(files?.["detail.json"] ?? "{}").coverageNote).toMatch(/^Financings priced or closed up to this date were searched for/);
  });

  it("and a bad dataset.json", () => {
    expect(buildDataset({ ...dataTexts(), dataset: '{"asOf": "21/11/2026"}' }).files).toBeNull();
  });

  it("scripts/build-data.ts exits non-zero printing the id and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "minerdebt-data-"));
    try {
      for (const name of ["sector-aggregates.jsonl", "issuers.jsonl", "coverage.json", "dataset.json", "acknowledged-problems.json"]) copyFileSync(join(REPO, "data", name), join(dir, name));
      writeFileSync(join(dir, "financings.jsonl"), withField(dataTexts(), "IREN-2025-06-CVT-2029", "maturity_date", "2029-06-31").financings);
      const tsx = join(REPO, "node_modules", ".bin", "tsx");
      let status = 0;
      let stderr = "";
      try {
        execFileSync(tsx, ["scripts/build-data.ts", "--check", "--data", dir], { cwd: REPO, stdio: "pipe" });
      } catch (error) {
        status = (error as { status: number }).status;
        stderr = String((error as { stderr: Buffer }).stderr);
      }
      expect(status).toBe(1);
      expect(stderr).toContain("IREN-2025-06-CVT-2029 · maturity_date");
      // The committed copy passes the same check.
      expect(execFileSync(tsx, ["scripts/build-data.ts", "--check"], { cwd: REPO, stdio: "pipe" }).toString()).toContain("generated files up to date");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the refresh report", () => {
  it("lists ids added and removed and each changed field old → new", () => {
    const before = [{ id: "A", coupon_pct: 1, sources: [{ url: "https://a", publisher: "p" }] }, { id: "B", x: 1 }];
    const after = [{ id: "A", coupon_pct: 2, sources: [{ publisher: "p", url: "https://a" }] }, { id: "C", x: 1 }];
    const diff = diffRecords(before, after, (row) => String(row.id));
    expect(diff).toEqual({ added: ["C"], removed: ["B"], changed: [{ key: "A", changes: [{ field: "coupon_pct", before: 1, after: 2 }] }] });
    expect(formatDiff("financings.jsonl", diff)).toEqual(["financings.jsonl: 1 added, 1 removed, 1 changed", "  + C", "  - B", "  ~ A", "      coupon_pct: 1 → 2"]);
    expect(formatDiff("x", diffRecords(before, before, (row) => String(row.id)))).toEqual(["x: no changes"]);
    expect(canonicalJson({ b: 1, a: [null, "x"] })).toBe('{"a":[null,"x"],"b":1}');
  });
});

describe("independence from the shared folder", () => {
  it("no file under src/ or test/ refers to it", () => {
    const needles = [["..", "shared"].join("/"), ["", "work", "shared"].join("/")];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|js|json|mjs)$/.test(name) && needles.some((needle) => readFileSync(path, "utf8").includes(needle))) offenders.push(path);
      }
    };
    walk(join(REPO, "src"));
    walk(join(REPO, "test"));
    expect(offenders).toEqual([]);
  });
});
