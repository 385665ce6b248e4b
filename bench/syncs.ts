/**
 * `node_modules/.bin/tsx bench/syncs.ts` (run by bench/run.mjs; prints one JSON object):
 * context.sync calls per insert, through the task pane's Excel adapter (src/taskpane/excel)
 * against the fake Excel object model its tests use (test/taskpane/support/fakeExcel.ts),
 * which counts syncs. The plans are the real "Insert table" plans built from the dataset,
 * with 10 and 1,000 rows (the 1,000 rows repeat the real records).
 */
import { allFinancings, datasetVersion, loadSourceLinks } from "../src/data";
import { createExcelAdapter } from "../src/taskpane/excel/excelAdapter";
import { offeringsTablePlan } from "../src/taskpane/plans/offeringsTable";
import { FakeWorkbook } from "../test/taskpane/support/fakeExcel";

interface SyncCount {
  rows: number;
  target: "selection" | "newSheet";
  syncs: number;
  runs: number;
  status: string;
}

function records(n: number) {
  const all = allFinancings();
  return Array.from({ length: n }, (_, i) => all[i % all.length]);
}

async function insertSyncCounts(): Promise<Record<string, SyncCount>> {
  await loadSourceLinks();
  const out: Record<string, SyncCount> = {};
  for (const rows of [10, 1000]) {
    for (const target of ["selection", "newSheet"] as const) {
      const plan = offeringsTablePlan({ records: records(rows), version: datasetVersion(), filters: "bench" });
      const book = new FakeWorkbook({ selection: "B3" });
      const adapter = createExcelAdapter(book.run, book.isSetSupported);
      const result = await adapter.insertPlan(plan, target);
      if (result.status !== "inserted") throw new Error(`insert of ${rows} rows (${target}) did not succeed: ${JSON.stringify(result)}`);
      out[`rows${rows}_${target}`] = { rows, target, syncs: book.syncCount, runs: book.runCount, status: result.status };
    }
  }
  return out;
}

insertSyncCounts().then(
  (counts) => process.stdout.write(`${JSON.stringify(counts)}\n`),
  (error: unknown) => {
    process.stderr.write(`bench/syncs.ts: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
