/**
 * What changed between two versions of a JSONL file, for the refresh script's report:
 * keys added and removed, and per key every field whose value changed (old → new).
 * Build time only.
 */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange {
  key: string;
  changes: FieldChange[];
}

export interface RecordsDiff {
  added: string[];
  removed: string[];
  changed: RecordChange[];
}

type Row = Record<string, unknown>;

/** JSON with object keys sorted, so key order alone is never a change. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value as Row)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Row)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

export function diffRecords(before: readonly Row[], after: readonly Row[], keyOf: (row: Row) => string): RecordsDiff {
  const oldByKey = new Map(before.map((row) => [keyOf(row), row]));
  const newByKey = new Map(after.map((row) => [keyOf(row), row]));
  const added = [...newByKey.keys()].filter((key) => !oldByKey.has(key));
  const removed = [...oldByKey.keys()].filter((key) => !newByKey.has(key));
  const changed: RecordChange[] = [];
  for (const [key, row] of newByKey) {
    const old = oldByKey.get(key);
    if (!old) continue;
    const fields = [...new Set([...Object.keys(old), ...Object.keys(row)])];
    const changes = fields
      .filter((field) => canonicalJson(old[field]) !== canonicalJson(row[field]))
      .map((field) => ({ field, before: old[field], after: row[field] }));
    if (changes.length > 0) changed.push({ key, changes });
  }
  return { added, removed, changed };
}

export function isEmptyDiff(diff: RecordsDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

function shorten(value: unknown, limit: number): string {
  const text = value === undefined ? "(absent)" : canonicalJson(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Human-readable report lines: "+ ID", "- ID", "~ ID field: old → new". */
export function formatDiff(title: string, diff: RecordsDiff, limit = 160): string[] {
  if (isEmptyDiff(diff)) return [`${title}: no changes`];
  const lines = [`${title}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`];
  for (const key of diff.added) lines.push(`  + ${key}`);
  for (const key of diff.removed) lines.push(`  - ${key}`);
  for (const { key, changes } of diff.changed) {
    lines.push(`  ~ ${key}`);
    for (const change of changes) lines.push(`      ${change.field}: ${shorten(change.before, limit)} → ${shorten(change.after, limit)}`);
  }
  return lines;
}
