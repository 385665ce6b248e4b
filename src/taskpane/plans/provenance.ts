import type { DatasetVersion } from "../../data";

/** The provenance note every insert starts with: where the numbers come from and their units. */
export function provenanceNote(version: DatasetVersion, what: string, units: string): string {
  return `Source: MinerDebt dataset ${version.label}. ${what}. ${units}`;
}

export const UNITS_NOTE =
  "Amounts are stored in USD and displayed in $ millions; percentages are stored as fractions; dates are Excel dates.";
