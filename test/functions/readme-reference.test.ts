// The README's function reference is exactly what scripts/function-reference.ts generates from
// the metadata and the catalogue (fix with: npx tsx scripts/function-reference.ts --write).
import { readFileSync } from "fs";
import { BEGIN, END, README, functionsMetadata, renderReference, signature, withReference } from "../../scripts/function-reference";

describe("README function reference", () => {
  it("is up to date with the functions metadata and catalogue", async () => {
    const readme = readFileSync(README, "utf8");
    const generated = withReference(readme, renderReference(await functionsMetadata()));
    const section = (text: string) => text.slice(text.indexOf(BEGIN), text.indexOf(END) + END.length);
    expect(section(readme)).toBe(section(generated));
  }, 60_000);

  it("lists every function's signature in the table", async () => {
    const readme = readFileSync(README, "utf8");
    for (const fn of await functionsMetadata()) expect(readme).toContain(`| \`${signature(fn)}\` |`);
  }, 60_000);
});
