/**
 * Refresh the repo's copy of the facts from a newer export.
 *
 *   npx tsx scripts/refresh-data.ts <dir | path/to/financings.jsonl> [--as-of YYYY-MM-DD] [--dry-run]
 *
 * <dir> holds financings.jsonl and optionally the other files of DATA_FILES (scripts/data-files.ts:
 * sector-aggregates.jsonl, issuers.jsonl, coverage.json, events.jsonl); files missing there keep their current
 * copy. A single .jsonl path replaces financings.jsonl only. The new files are validated together
 * first: on any problem nothing is written and the exit code is 1. Otherwise the script prints
 * what changed (per file: records added, removed, and per record each changed field old → new),
 * copies the files byte for byte into data/, sets data/dataset.json's asOf to today's date (UTC)
 * or --as-of, and regenerates src/data/generated/. When nothing changed it writes nothing, so
 * asOf keeps meaning "the data last changed on".
 *
 * Another file is one entry in DATA_FILES, DataTexts and COMPARISONS below.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildDataset, type DataTexts } from "../src/data/build/generate";
import { diffRecords, formatDiff, isEmptyDiff } from "../src/data/build/diff";
import { isIsoDate } from "../src/data/quarters";
import { parseJsonLines, type DataFile } from "../src/data/validate";
import { DATA_DIR, DATA_FILES, readDataTexts, reportTriage, sizeReport, writeGenerated, type DataFileKey } from "./data-files";

type Row = Record<string, unknown>;

/** How each file's old and new versions are compared: its records, and each record's key. */
interface Comparison {
  records(text: string): Row[];
  keyOf(row: Row): string;
}

function jsonLines(file: DataFile, keyOf: (row: Row) => string): Comparison {
  return { records: (text) => parseJsonLines(text, file).lines.map((line) => line.value as Row), keyOf };
}

/** A single JSON object is one record (an absent file: none). */
function jsonObject(key: string): Comparison {
  return {
    records: (text) => {
      if (text.trim() === "") return [];
      try {
        return [JSON.parse(text) as Row];
      } catch {
        return [];
      }
    },
    keyOf: () => key,
  };
}

const COMPARISONS: Record<DataFileKey, Comparison> = {
  financings: jsonLines("financings.jsonl", (row) => String(row.id)),
  sectorAggregates: jsonLines("sector-aggregates.jsonl", (row) => `${String(row.metric)} | ${String(row.scope)} | ${String(row.period)}`),
  issuers: jsonLines("issuers.jsonl", (row) => String(row.ticker)),
  coverage: jsonObject("coverage"),
  events: jsonLines("events.jsonl", (row) => `${String(row.financing_id)} | ${String(row.date)} | ${String(row.event)}`),
};

const FILE_KEYS = Object.keys(DATA_FILES) as DataFileKey[];

function usage(message: string): number {
  console.error(`${message}\nusage: npx tsx scripts/refresh-data.ts <dir | financings.jsonl> [--as-of YYYY-MM-DD] [--dry-run]`);
  return 2;
}

/** The incoming files: which data/ file each replaces, and its text. */
function incoming(input: string): Partial<Record<DataFileKey, string>> | string {
  if (!existsSync(input)) return `no such file or directory: ${input}`;
  if (statSync(input).isDirectory()) {
    const found: Partial<Record<DataFileKey, string>> = {};
    for (const key of FILE_KEYS) {
      const path = join(input, DATA_FILES[key]);
      if (existsSync(path)) found[key] = readFileSync(path, "utf8");
    }
    if (found.financings === undefined) return `${input} has no ${DATA_FILES.financings}`;
    return found;
  }
  if (!input.endsWith(".jsonl")) return `expected a directory or a .jsonl file, got ${basename(input)}`;
  return { financings: readFileSync(input, "utf8") };
}

function main(): number {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const asOfIndex = args.indexOf("--as-of");
  const asOf = asOfIndex >= 0 ? args[asOfIndex + 1] : new Date().toISOString().slice(0, 10);
  if (!asOf || !isIsoDate(asOf)) return usage(`--as-of needs a date YYYY-MM-DD, got ${asOf}`);
  const positional = args.filter((arg, i) => !arg.startsWith("--") && (asOfIndex < 0 || i !== asOfIndex + 1));
  if (positional.length !== 1) return usage("give one directory or financings.jsonl path");

  const found = incoming(positional[0]);
  if (typeof found === "string") return usage(found);
  const current = readDataTexts();
  const next: DataTexts = { ...current, dataset: `${JSON.stringify({ asOf }, null, 2)}\n` };
  for (const key of FILE_KEYS) next[key] = found[key] ?? current[key];

  const result = buildDataset(next);
  if (!reportTriage(result.triage) || !result.files) {
    console.error("Nothing was written: fix the new data (or, for a reviewed exception, data/acknowledged-problems.json).");
    return 1;
  }

  const diffs = FILE_KEYS.map((key) => {
    const { records, keyOf } = COMPARISONS[key];
    return { title: DATA_FILES[key], diff: diffRecords(records(current[key]), records(next[key]), keyOf) };
  });
  for (const { title, diff } of diffs) console.log(formatDiff(title, diff).join("\n"));

  if (FILE_KEYS.every((key) => next[key] === current[key])) {
    console.log("The data files are identical: nothing written (asOf stays as it was).");
    return 0;
  }
  if (diffs.every(({ diff }) => isEmptyDiff(diff))) console.log("No record changed (only formatting); copying the files anyway.");
  if (dryRun) {
    console.log("--dry-run: nothing written.");
    return 0;
  }
  for (const key of FILE_KEYS) writeFileSync(join(DATA_DIR, DATA_FILES[key]), next[key]);
  writeFileSync(join(DATA_DIR, "dataset.json"), next.dataset);
  const written = writeGenerated(result.files);
  console.log(`Copied into data/ (asOf ${asOf}, ${result.financings.length} financings); regenerated ${written.join(", ") || "nothing"}.`);
  console.log(sizeReport(result.files));
  console.log("Review with git diff, run npm test, then commit data/ and src/data/generated/ together.");
  return 0;
}

process.exitCode = main();
