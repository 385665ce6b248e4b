/**
 * File access shared by scripts/build-data.ts and scripts/refresh-data.ts (Node only).
 * The pure work (validation, generation, diff) lives in src/data so tests can run it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { GENERATED_FILES, type DataTexts, type GeneratedFileName } from "../src/data/build/generate";
import { formatProblem, type ProblemTriage } from "../src/data/validate";

export const REPO_ROOT = resolve(__dirname, "..");
export const DATA_DIR = join(REPO_ROOT, "data");
export const GENERATED_DIR = join(REPO_ROOT, "src", "data", "generated");

/** The files a refresh copies, by their names in data/ (keys as in DataTexts). */
export const DATA_FILES = {
  financings: "financings.jsonl",
  sectorAggregates: "sector-aggregates.jsonl",
  issuers: "issuers.jsonl",
  coverage: "coverage.json",
  events: "events.jsonl",
} as const;
export type DataFileKey = keyof typeof DATA_FILES;

export function readDataTexts(dataDir = DATA_DIR): DataTexts {
  const read = (name: string) => readFileSync(join(dataDir, name), "utf8");
  // A missing coverage.json reads as "" and fails validation naming the file (never a default).
  const optional = (name: string) => (existsSync(join(dataDir, name)) ? read(name) : "");
  return {
    financings: read(DATA_FILES.financings),
    sectorAggregates: read(DATA_FILES.sectorAggregates),
    issuers: read(DATA_FILES.issuers),
    coverage: optional(DATA_FILES.coverage),
    // Absent before the first refresh that brings it: no events.
    events: optional(DATA_FILES.events),
    dataset: read("dataset.json"),
    acknowledgedProblems: existsSync(join(dataDir, "acknowledged-problems.json")) ? read("acknowledged-problems.json") : "[]",
  };
}

/** Write the generated files that differ (unchanged files keep their mtime: no rebuild loop). */
export function writeGenerated(files: Record<GeneratedFileName, string>): GeneratedFileName[] {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const written: GeneratedFileName[] = [];
  for (const name of GENERATED_FILES) {
    const path = join(GENERATED_DIR, name);
    if (existsSync(path) && readFileSync(path, "utf8") === files[name]) continue;
    writeFileSync(path, files[name]);
    written.push(name);
  }
  return written;
}

export function sizeReport(files: Record<GeneratedFileName, string>): string {
  return GENERATED_FILES.map((name) => {
    const raw = Buffer.byteLength(files[name]);
    const gzip = gzipSync(files[name], { level: 9 }).length;
    return `  src/data/generated/${name}: ${raw.toLocaleString("en-US")} B raw, ${gzip.toLocaleString("en-US")} B gzip`;
  }).join("\n");
}

/** Print the triage; returns true when the build may go on. */
export function reportTriage(triage: ProblemTriage): boolean {
  for (const problem of triage.acknowledged) console.warn(`warning (acknowledged in data/acknowledged-problems.json): ${formatProblem(problem)}`);
  for (const ack of triage.stale) {
    console.error(`error: stale entry in data/acknowledged-problems.json: ${ack.file} ${ack.id} · ${ack.field} [${ack.rule}] no longer fails; delete the entry`);
  }
  for (const problem of triage.errors) console.error(`error: ${formatProblem(problem)}`);
  if (triage.errors.length > 0) console.error(`${triage.errors.length} data problem(s): fix the record(s) named above.`);
  return triage.errors.length === 0 && triage.stale.length === 0;
}
