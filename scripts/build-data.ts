/**
 * Validate data/*.jsonl and regenerate src/data/generated/{core,detail}.json.
 *
 *   npx tsx scripts/build-data.ts           validate, write changed files, print sizes
 *   npx tsx scripts/build-data.ts --check   validate, fail if the committed files are stale
 *   --data <dir>                            read the JSONL from <dir> instead of data/ (with
 *                                           --check: validate another copy without writing)
 *
 * Exit code 1 on any data problem (each printed with file:line, id and field) or, with
 * --check, when a generated file differs from what data/ produces.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDataset, GENERATED_FILES } from "../src/data/build/generate";
import { GENERATED_DIR, readDataTexts, reportTriage, sizeReport, writeGenerated } from "./data-files";

function main(): number {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const dataIndex = args.indexOf("--data");
  const dataDir = dataIndex >= 0 ? args[dataIndex + 1] : undefined;
  if (dataIndex >= 0 && !dataDir) {
    console.error("--data needs a directory");
    return 2;
  }
  const result = buildDataset(readDataTexts(dataDir));
  if (!reportTriage(result.triage) || !result.files) return 1;
  const files = result.files;
  if (check) {
    const stale = GENERATED_FILES.filter((name) => {
      try {
        return readFileSync(join(GENERATED_DIR, name), "utf8") !== files[name];
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      console.error(`error: stale generated data: ${stale.join(", ")}; run npx tsx scripts/build-data.ts`);
      return 1;
    }
    console.log(`data ok: ${result.financings.length} financings; generated files up to date`);
    return 0;
  }
  const written = writeGenerated(files);
  console.log(`data ok: ${result.financings.length} financings; ${written.length > 0 ? `wrote ${written.join(", ")}` : "generated files unchanged"}`);
  console.log(sizeReport(files));
  return 0;
}

process.exitCode = main();
