// Answers remembered by the raw arguments a cell passed, for the functions a sheet may hold in
// hundreds of cells with the same few argument sets (OUTSTANDING down a column, OVERHANG across
// share prices): a recalculation is a few map lookups instead of the outstanding rule again.
import { derived, type DatasetView } from "../data/view";
import { dealsView } from "./arguments";
import { excel, toExcelError } from "./excel-errors";

const MEMO_LIMIT = 4096;

/** Nested maps, one level per argument: Map keys compare primitives by value (1 ≠ "1", null ≠ undefined). */
type Trie = Map<unknown, Trie> & { answer?: unknown };

/**
 * `fn`'s checked answer (through excel()) for `args`, remembered in the memo of the dataset
 * view that `my_deals` gives. That view is keyed on the table's content (workbook-deals.ts):
 * the same table gives the same view and memo, a changed table another view with a memo of its
 * own, so an answer never outlives the table it was computed from. Ranges among `args` are not
 * remembered; errors are thrown again each time, never stored. Every caller with the same
 * arguments is handed the same answer (a table too).
 */
export function remembered<T>(fn: string, args: readonly unknown[], my_deals: unknown, compute: (view: DatasetView) => T): T {
  let view: DatasetView;
  try {
    view = dealsView(my_deals);
  } catch (error) {
    throw toExcelError(fn, error);
  }
  const memo = derived(view, `answers:${fn}`, () => ({ root: new Map() as Trie, size: 0 }));
  let at: Trie | undefined = memo.root;
  for (const arg of args) {
    if (arg !== null && typeof arg === "object") return excel(fn, () => compute(view));
    at = at?.get(arg);
  }
  if (at && "answer" in at) return at.answer as T;
  const answer = excel(fn, () => compute(view));
  if (memo.size++ >= MEMO_LIMIT) {
    memo.root = new Map();
    memo.size = 1;
  }
  let slot = memo.root;
  for (const arg of args) {
    let next = slot.get(arg);
    if (!next) slot.set(arg, (next = new Map()));
    slot = next;
  }
  slot.answer = answer;
  return answer;
}
