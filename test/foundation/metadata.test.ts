// Runs custom-functions-metadata on the functions source, as the webpack plugin does, and fails on
// any error or on a function or parameter that would show without a description in Excel.
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SOURCES: string[] = require("../../config/functions-sources").FUNCTION_SOURCES;

interface ParameterMetadata {
  name: string;
  description?: string;
  type: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

let functions: FunctionMetadata[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCES, false);
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
});

describe("custom functions metadata", () => {
  it("generates without errors and includes VERSION", () => {
    expect(functions.map((f) => f.id)).toContain("VERSION");
  });

  it("gives every function and parameter a description", () => {
    for (const fn of functions) {
      expect(`${fn.id}: ${fn.description ?? ""}`.length).toBeGreaterThan(fn.id.length + 12);
      for (const p of fn.parameters) {
        expect(`${fn.id}(${p.name}): ${p.description ?? ""}`.length).toBeGreaterThan(fn.id.length + p.name.length + 8);
      }
    }
  });

  it("uses upper-case ids equal to names, snake_case parameters", () => {
    for (const fn of functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9]*$/);
      expect(fn.name).toBe(fn.id);
      for (const p of fn.parameters) expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it("declares no volatile, streaming or async function (results depend only on arguments)", () => {
    for (const fn of functions) {
      expect({ id: fn.id, volatile: fn.options?.volatile ?? false, stream: fn.options?.stream ?? false }).toEqual({
        id: fn.id,
        volatile: false,
        stream: false,
      });
    }
  });
});
