/**
 * Test helpers that read the repo's data files directly with fs — independent of the code
 * under test — so expected values are computed by hand-written filters here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MinerDebtError, type MinerDebtErrorCode } from "../../src/errors";

export const REPO = join(__dirname, "..", "..");

export type RawRecord = Record<string, any>;

export function readJsonl(name: string): RawRecord[] {
  return readFileSync(join(REPO, "data", name), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RawRecord);
}

export const rawFinancings = (): RawRecord[] => readJsonl("financings.jsonl");
export const rawSectorFigures = (): RawRecord[] => readJsonl("sector-aggregates.jsonl");
export const rawIssuers = (): RawRecord[] => readJsonl("issuers.jsonl");

/** The aggregation rule, written out independently of src/data. */
export function qualifies(record: RawRecord): boolean {
  return record.new_money === true && record.listed === true && typeof record.amount_usd === "number";
}

export function sumAmounts(records: readonly RawRecord[]): number {
  return records.reduce((sum, record) => sum + record.amount_usd, 0);
}

/** Run fn and return the MinerDebtError it throws (fails the test if it throws nothing else). */
export function caught(fn: () => unknown): MinerDebtError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MinerDebtError) return error;
    throw error;
  }
  throw new Error("expected a MinerDebtError, but nothing was thrown");
}

export function expectError(fn: () => unknown, code: MinerDebtErrorCode, message: RegExp | string): void {
  const error = caught(fn);
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toContain(message);
  else expect(error.message).toMatch(message);
}
