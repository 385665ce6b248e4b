/**
 * Refresh the repo's copy of the facts from a newer export.
 *
 *   npx tsx scripts/refresh-data.ts <dir | path/to/financings.jsonl> [--as-of YYYY-MM-DD] [--dry-run]
 *
 * <dir> holds financings.jsonl and optionally sector-aggregates.jsonl and issuers.jsonl (files
 * missing there keep their current copy); a single .jsonl path replaces financings.jsonl only.
 * The new files are validated together first: on any problem nothing is written and the exit
 * code is 1. Otherwise the script prints what changed (ids added, removed, and per id each
 * changed field old → new), copies the files byte for byte into data/, sets data/dataset.json's
 * asOf to today's date (UTC) or --as-of, and regenerates src/data/generated/. When nothing
 * changed it writes nothing, so asOf keeps meaning "the data last changed on".
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildDataset, type DataTexts } from "../src/data/build/generate";
import { diffRecords, formatDiff, isEmptyDiff } from "../src/data/build/diff";
import { isIsoDate } from "../src/data/quarters";
import { parseJsonLines, type DataFile } from "../src/data/validate";
import { DATA_DIR, DATA_FILES, readDataTexts, reportTriage, sizeReport, writeGenerated } from "./data-files";

type Row = Record<string, unknown>;

function usage(message: string): number {
  console.error(`${message}\nusage: npx tsx scripts/refresh-data.ts <dir | financings.jsonl> [--as-of YYYY-MM-DD] [--dry-run]`);
  return 2;
}

/** The incoming files: which data/ file each replaces, and its text. */
function incoming(input: string): Partial<Record<keyof typeof DATA_FILES, string>> | string {
  if (!existsSync(input)) return `no such file or directory: ${input}`;
  if (statSync(input).isDirectory()) {
    const found: Partial<Record<keyof typeof DATA_FILES, string>> = {};
    for (const [key, name] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][]) {
      const path = join(input, name);
      if (existsSync(path)) found[key] = readFileSync(path, "utf8");
    }
    if (found.financings === undefined) return `${input} has no ${DATA_FILES.financings}`;
    return found;
  }
  if (!input.endsWith(".jsonl")) return `expected a directory or a .jsonl file, got ${basename(input)}`;
  return { financings: readFileSync(input, "utf8") };
}

function rows(text: string, file: DataFile): Row[] {
  return parseJsonLines(text, file).lines.map((line) => line.value as Row);
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
  const next: DataTexts = {
    ...current,
    financings: found.financings ?? current.financings,
    sectorAggregates: found.sectorAggregates ?? current.sectorAggregates,
    issuers: found.issuers ?? current.issuers,
    dataset: `${JSON.stringify({ asOf }, null, 2)}\n`,
  };

  const result = buildDataset(next);
  if (!reportTriage(result.triage) || !result.files) {
    console.error("Nothing was written: fix the new data (or, for a reviewed exception, data/acknowledged-problems.json).");
    return 1;
  }

  const diffs = [
    { title: DATA_FILES.financings, diff: diffRecords(rows(current.financings, "financings.jsonl"), rows(next.financings, "financings.jsonl"), (row) => String(row.id)) },
    {
      title: DATA_FILES.sectorAggregates,
      diff: diffRecords(rows(current.sectorAggregates, "sector-aggregates.jsonl"), rows(next.sectorAggregates, "sector-aggregates.jsonl"), (row) => `${String(row.metric)} | ${String(row.scope)} | ${String(row.period)}`),
    },
    { title: DATA_FILES.issuers, diff: diffRecords(rows(current.issuers, "issuers.jsonl"), rows(next.issuers, "issuers.jsonl"), (row) => String(row.ticker)) },
  ];
  for (const { title, diff } of diffs) console.log(formatDiff(title, diff).join("\n"));

  const textChanged = next.financings !== current.financings || next.sectorAggregates !== current.sectorAggregates || next.issuers !== current.issuers;
  if (!textChanged) {
    console.log("The data files are identical: nothing written (asOf stays as it was).");
    return 0;
  }
  if (diffs.every(({ diff }) => isEmptyDiff(diff))) console.log("No record changed (only formatting); copying the files anyway.");
  if (dryRun) {
    console.log("--dry-run: nothing written.");
    return 0;
  }
  writeFileSync(join(DATA_DIR, DATA_FILES.financings), next.financings);
  writeFileSync(join(DATA_DIR, DATA_FILES.sectorAggregates), next.sectorAggregates);
  writeFileSync(join(DATA_DIR, DATA_FILES.issuers), next.issuers);
  writeFileSync(join(DATA_DIR, "dataset.json"), next.dataset);
  const written = writeGenerated(result.files);
  console.log(`Copied into data/ (asOf ${asOf}, ${result.financings.length} financings); regenerated ${written.join(", ") || "nothing"}.`);
  console.log(sizeReport(result.files));
  console.log("Review with git diff, run npm test, then commit data/ and src/data/generated/ together.");
  return 0;
}

process.exitCode = main();
