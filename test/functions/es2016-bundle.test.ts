// The BUILT functions.js must run on the JavaScript-only custom functions runtime of older
// Windows builds, an ES2016 engine (docs/taskpane.md "Functions bundle: ES2016"): a syntax
// error there breaks every function. So the file must parse as ES2016 (acorn also checks
// regular expressions against that edition), and it must not call built-ins newer than
// ES2016, which would need polyfills (the bundle has none, bench/budgets.json).
import { readFileSync } from "fs";
import path from "path";
import * as acorn from "acorn";
import { builtDist } from "../support/built-dist";

jest.setTimeout(10 * 60 * 1000);

/** Methods added after ES2016, reached as `x.name` (or x["name"]). */
const NEWER_METHODS = ["flat", "flatMap", "padStart", "padEnd", "trimStart", "trimEnd", "matchAll", "replaceAll", "finally", "allSettled", "at"];
/** Static methods added after ES2016. */
const NEWER_STATICS: Record<string, string[]> = {
  Object: ["entries", "values", "fromEntries", "getOwnPropertyDescriptors", "hasOwn"],
  Promise: ["allSettled", "any"],
};
const NEWER_GLOBALS = ["globalThis", "BigInt", "WeakRef", "FinalizationRegistry", "structuredClone", "AggregateError"];

type Node = acorn.Node & Record<string, unknown>;

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node !== "object" || typeof (node as { type?: unknown }).type !== "string") return;
  visit(node as Node);
  for (const [key, value] of Object.entries(node)) if (key !== "type" && key !== "start" && key !== "end") walk(value, visit);
}

function propertyName(member: Node): string | null {
  const property = member.property as Node;
  if (!member.computed && property.type === "Identifier") return property.name as string;
  if (member.computed && property.type === "Literal" && typeof property.value === "string") return property.value;
  return null;
}

/** What in `code` would not run on an ES2016 engine without polyfills, as "name at offset". */
function newerThanEs2016(code: string): string[] {
  const ast = acorn.parse(code, { ecmaVersion: 2016, sourceType: "script" });
  const found: string[] = [];
  walk(ast, (node) => {
    if (node.type === "MemberExpression") {
      const name = propertyName(node);
      if (name === null) return;
      const object = node.object as Node;
      if (object.type === "Identifier" && NEWER_STATICS[object.name as string]?.includes(name)) found.push(`${object.name}.${name} at ${node.start}`);
      else if (NEWER_METHODS.includes(name)) found.push(`.${name} at ${node.start}`);
    }
    if (node.type === "Identifier" && NEWER_GLOBALS.includes(node.name as string)) found.push(`${node.name} at ${node.start}`);
  });
  return found;
}

describe("functions.js for an ES2016 engine", () => {
  let code = "";
  beforeAll(() => {
    code = readFileSync(path.join(builtDist(), "functions.js"), "utf8");
  });

  test("parses as ES2016 (no ?., ??, object spread, async, optional catch binding, newer regex syntax)", () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  test("calls no built-in newer than ES2016", () => {
    expect(newerThanEs2016(code)).toEqual([]);
  });

  test("the checks catch what they are for", () => {
    expect(() => acorn.parse("const a = b ?? c;", { ecmaVersion: 2016 })).toThrow();
    expect(() => acorn.parse("const a = b?.c;", { ecmaVersion: 2016 })).toThrow();
    expect(() => acorn.parse("const a = { ...b };", { ecmaVersion: 2016 })).toThrow();
    expect(() => acorn.parse("async function f() {}", { ecmaVersion: 2016 })).toThrow();
    expect(() => acorn.parse("const r = /(?<year>\\d{4})/;", { ecmaVersion: 2016 })).toThrow();
    expect(newerThanEs2016("x.flat(2); y.flatMap(f); s.padStart(2, '0'); s.padEnd(3); Object.entries(o); Object.values(o); Object.fromEntries(p);")).toHaveLength(7);
    expect(newerThanEs2016("const m = new Map(); [...m.values()]; [...m.entries()]; a.values; s['padStart'](2);")).toEqual([expect.stringMatching(/^\.padStart/)]);
  });
});
