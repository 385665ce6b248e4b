/**
 * How core.json stores a text column (see layout.ts): the values joined by "|", "" for null.
 * A leaf module (imports nothing) so that links.ts can read the id column without importing
 * layout.ts, which reads the field catalogue when it loads (fields.ts imports links.ts).
 */
export const TEXT_SEPARATOR = "|";

/** A stored text column back to its values: a joined string, or an array kept as it was. */
export function unpackTexts(column: string | readonly (string | null)[]): (string | null)[] {
  return typeof column === "string" ? column.split(TEXT_SEPARATOR).map((text) => (text === "" ? null : text)) : [...column];
}
