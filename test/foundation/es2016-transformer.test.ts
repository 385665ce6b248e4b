// config/es2016-transformer.js shortens what TypeScript writes when it lowers ?? / ?. / object
// spread to ES2016 (the functions bundle, webpack.config.js). Each output is run against the
// original ES2020 source, so a rewrite that changed meaning would show.
import ts from "typescript";
import vm from "vm";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const es2016Transformer = require("../../config/es2016-transformer") as () => ts.TransformerFactory<ts.SourceFile>;

function lower(source: string, withTransformer = true): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.CommonJS },
    transformers: withTransformer ? { after: [es2016Transformer()] } : undefined,
  }).outputText;
}

function run(code: string, fn: string, args: unknown[]): unknown {
  const sandbox: Record<string, unknown> = { exports: {}, args, result: undefined };
  vm.runInNewContext(`${code}\nresult = exports.${fn}(...args);`, sandbox);
  return sandbox.result;
}

const SOURCE = `
export function dflt(o: any) { return o.values ?? []; }
export function call(f: any) { return f() ?? "none"; }
export function chain(o: any) { return o?.a?.b; }
export function method(o: any) { return o.list?.join(","); }
export function spread(o: any) { return { ...o, extra: 1 }; }
export function nested(o: any) { return { ...{ ...o, a: 1 }, b: 2 }; }
export function zero(o: any) { return o.n ?? 5; }
export function indexed(m: any) { return m[1] ?? 0; }
`;

const CASES: [string, unknown[]][] = [
  ["dflt", [{ values: [1] }]], ["dflt", [{ values: null }]], ["dflt", [{}]], ["dflt", [{ values: 0 }]],
  ["call", [() => null]], ["call", [() => 0]], ["call", [() => ""]],
  ["chain", [null]], ["chain", [{ a: null }]], ["chain", [{ a: { b: 3 } }]], ["chain", [undefined]],
  ["method", [{ list: ["x", "y"] }]], ["method", [{}]],
  ["spread", [{ a: 1 }]], ["nested", [{ z: 0 }]],
  ["zero", [{ n: 0 }]], ["zero", [{ n: false }]], ["zero", [{}]],
  ["indexed", [["a", "b"]]], ["indexed", [["a"]]],
];

describe("es2016-transformer", () => {
  const plain = lower(SOURCE, false);
  const shortened = lower(SOURCE);

  test("keeps ES2016 syntax and is shorter than TypeScript's own lowering", () => {
    expect(shortened).not.toMatch(/\?\?|\?\.|\.\.\.o/);
    expect(shortened).not.toMatch(/!== null && \w+ !== void 0/);
    expect(shortened).not.toMatch(/Object\.assign\(Object\.assign/);
    expect(shortened.length).toBeLessThan(plain.length);
  });

  test("re-reads only pure chains: a call's result still goes through a temporary", () => {
    expect(shortened).toMatch(/o\.values != null \? o\.values : \[\]/);
    expect(shortened).toMatch(/m\[1\] != null \? m\[1\] : 0/);
    expect(shortened).toMatch(/\(_a = f\(\)\) != null \? _a : "none"/);
  });

  test.each(CASES)("%s(%j) answers as TypeScript's own lowering does", (fn, args) => {
    expect(JSON.stringify(run(shortened, fn, args))).toBe(JSON.stringify(run(plain, fn, args)));
  });
});
