/**
 * The example formula per function id, from src/functions/catalogue.ts (the functions
 * helper's single list of examples, also used by its tests).
 */
export function exampleFor(id: string): string | null {
  void id;
  return null;
}
