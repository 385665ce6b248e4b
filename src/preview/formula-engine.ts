// Registers the add-in's custom functions with HyperFormula under MINERDEBT.<ID>, so formulas in the
// preview grid call the very functions Excel would. The translation follows Excel's custom
// functions contract: ranges arrive as 2-D arrays, an omitted argument as null, a returned any[][]
// spills like a dynamic array, and a thrown CustomFunctions.Error shows as its error code (with its
// message for #VALUE! and #N/A only, as in Excel).
//
// HyperFormula sizes an array formula once, when the formula is entered, while a MINERDEBT table's
// size depends on its arguments (OFFERINGS("MARA") vs OFFERINGS("CLSK")). So the size is predicted by
// calling the function with the arguments' current values; when a later recalculation returns a
// different size, the result is fitted into the reserved block and the cell is queued for re-entry
// (see takeCellsToReenter), which the workbook does after the change, as Excel re-spills.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
  type SimpleCellAddress,
} from "hyperformula";
import { CODES_WITH_MESSAGE, ErrorCode, isCustomFunctionError } from "./custom-functions-shim";

export const NAMESPACE = "MINERDEBT";

/** One function as custom-functions-metadata writes it into functions.json. */
export interface CustomFunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: Array<{
    name: string;
    description?: string;
    type?: string;
    dimensionality?: "scalar" | "matrix";
    optional?: boolean;
    repeating?: boolean;
  }>;
  result?: { type?: string; dimensionality?: "scalar" | "matrix" };
  options?: Record<string, unknown>;
}

export interface CustomFunctionsMetadataFile {
  functions: CustomFunctionMetadata[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CustomFunctionImplementation = (...args: any[]) => unknown;

export interface RegisteredFunction {
  /** Upper-case id, e.g. QUARTER. */
  id: string;
  /** As typed in a cell, e.g. MINERDEBT.QUARTER. */
  formulaName: string;
  metadata: CustomFunctionMetadata;
  implementation: CustomFunctionImplementation;
}

/** What the shipped functions module exports, plus what it passed to CustomFunctions.associate. */
export interface FunctionsModule {
  exports: Record<string, unknown>;
  associations: ReadonlyMap<string, CustomFunctionImplementation>;
}

/** Pairs each metadata entry with its implementation: the associate() call first, else the export of that name. */
export function resolveFunctions(metadata: CustomFunctionsMetadataFile, module: FunctionsModule): RegisteredFunction[] {
  const byLowerName = new Map<string, CustomFunctionImplementation>();
  for (const [name, value] of Object.entries(module.exports)) {
    if (typeof value === "function") byLowerName.set(name.toLowerCase(), value as CustomFunctionImplementation);
  }
  return metadata.functions.map((entry) => {
    const id = entry.id.toUpperCase();
    const implementation = module.associations.get(id) ?? byLowerName.get(id.toLowerCase());
    if (!implementation) throw new Error(`functions.json lists ${id}, but the functions module has no such function`);
    return { id, formulaName: `${NAMESPACE}.${entry.name.toUpperCase()}`, metadata: entry, implementation };
  });
}

// ---------------------------------------------------------------------------------------------
// Values across the boundary

type CellScalar = number | string | boolean | null;

interface RichNumberLike {
  val: number;
}

function isRichNumber(value: unknown): value is RichNumberLike {
  return typeof value === "object" && value !== null && !(value instanceof CellError) && typeof (value as RichNumberLike).val === "number";
}

/** A HyperFormula scalar as Excel hands it to a custom function; a CellError is returned as is. */
function toExcelScalar(value: unknown): CellScalar | CellError {
  if (value instanceof CellError) return value;
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (isRichNumber(value)) return value.val;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

function rangeToArray(range: SimpleRangeValue): CellScalar[][] | CellError {
  const rows: CellScalar[][] = [];
  for (const row of range.data) {
    const converted: CellScalar[] = [];
    for (const cell of row) {
      const value = toExcelScalar(cell);
      // Excel does not call a function whose argument holds an error: the error propagates.
      if (value instanceof CellError) return value;
      converted.push(value);
    }
    rows.push(converted);
  }
  return rows;
}

type ExcelArgument = CellScalar | CellScalar[][] | Array<CellScalar | CellScalar[][]>;

/** Evaluated HyperFormula arguments → Excel custom-function arguments, by the metadata's dimensionality. */
export function toExcelArguments(fn: RegisteredFunction, values: unknown[]): ExcelArgument[] | CellError {
  const parameters = fn.metadata.parameters ?? [];
  const converted: Array<CellScalar | CellScalar[][]> = [];
  values.forEach((value, index) => {
    const parameter = parameters[Math.min(index, parameters.length - 1)];
    const matrix = parameter?.dimensionality === "matrix";
    if (value instanceof SimpleRangeValue) {
      const array = rangeToArray(value);
      if (array instanceof CellError) throw array;
      // A one-cell reference to a scalar parameter is that cell's value, as in Excel.
      converted.push(!matrix && array.length === 1 && array[0].length === 1 ? array[0][0] : array);
      return;
    }
    const scalar = toExcelScalar(value);
    if (scalar instanceof CellError) throw scalar;
    converted.push(matrix && scalar !== null ? [[scalar]] : scalar);
  });
  // Omitted trailing optional arguments arrive as null.
  while (converted.length < parameters.length && !parameters[converted.length].repeating) converted.push(null);
  const repeatingFrom = parameters.findIndex((parameter) => parameter.repeating);
  if (repeatingFrom < 0) return converted;
  // A repeating parameter arrives as one array of the values given for it.
  return [...converted.slice(0, repeatingFrom), converted.slice(repeatingFrom)] as ExcelArgument[];
}

const ERROR_TYPES: Record<string, ErrorType> = {
  [ErrorCode.invalidValue]: ErrorType.VALUE,
  [ErrorCode.notAvailable]: ErrorType.NA,
  [ErrorCode.divisionByZero]: ErrorType.DIV_BY_ZERO,
  [ErrorCode.invalidNumber]: ErrorType.NUM,
  [ErrorCode.invalidName]: ErrorType.NAME,
  [ErrorCode.invalidReference]: ErrorType.REF,
  // HyperFormula has no #NULL!; its generic #ERROR! stands in.
  [ErrorCode.nullReference]: ErrorType.ERROR,
};

/** Marks a message Excel would not display, so the preview can say so instead of pretending. */
export const HIDDEN_MESSAGE_PREFIX = "Excel shows no message for this error code. The function said: ";

export function toCellError(error: unknown): CellError {
  if (isCustomFunctionError(error)) {
    const type = ERROR_TYPES[error.code] ?? ErrorType.VALUE;
    const message = error.message || undefined;
    if (message === undefined) return new CellError(type);
    return new CellError(type, CODES_WITH_MESSAGE.has(error.code) ? message : `${HIDDEN_MESSAGE_PREFIX}${message}`);
  }
  // Excel shows an unhandled exception in a custom function as a bare #VALUE!.
  return new CellError(ErrorType.VALUE);
}

type InternalCell = number | string | boolean | CellError | typeof EmptyValue;

function toInternalCell(value: unknown): InternalCell {
  if (isCustomFunctionError(value)) return toCellError(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM);
  if (typeof value === "string" || typeof value === "boolean") return value;
  // null/undefined: Excel's custom functions contract forbids them in results; show a blank.
  return EmptyValue;
}

export interface ExcelResult {
  value: InternalCell | SimpleRangeValue;
  width: number;
  height: number;
}

/** A custom function's return value (or thrown error) → a HyperFormula value and its size. */
export function fromExcelResult(result: unknown): ExcelResult {
  if (result instanceof Promise) {
    return { value: new CellError(ErrorType.VALUE, "The preview evaluates synchronous functions only"), width: 1, height: 1 };
  }
  if (!Array.isArray(result)) return { value: toInternalCell(result), width: 1, height: 1 };
  const rows = result as unknown[];
  const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
  if (rows.length === 0 || width === 0 || rows.some((row) => !Array.isArray(row) || row.length !== width)) {
    return { value: new CellError(ErrorType.VALUE, "The function returned an empty or ragged array"), width: 1, height: 1 };
  }
  const data = rows.map((row) => (row as unknown[]).map(toInternalCell));
  if (data.length === 1 && width === 1) return { value: data[0][0], width: 1, height: 1 };
  return { value: SimpleRangeValue.onlyValues(data as never), width, height: data.length };
}

function call(fn: RegisteredFunction, values: unknown[]): ExcelResult {
  let args: ExcelArgument[] | CellError;
  try {
    args = toExcelArguments(fn, values);
  } catch (error) {
    if (error instanceof CellError) return { value: error, width: 1, height: 1 };
    throw error;
  }
  if (args instanceof CellError) return { value: args, width: 1, height: 1 };
  try {
    const result = fromExcelResult(fn.implementation(...args));
    if (fn.metadata.result?.dimensionality !== "matrix" && (result.width > 1 || result.height > 1)) {
      // Excel would not spill it either: the metadata promised a single value.
      const message = `${fn.formulaName} returned a ${result.height}×${result.width} table, but functions.json declares a single value (add @returns {any[][]})`;
      return { value: new CellError(ErrorType.VALUE, message), width: 1, height: 1 };
    }
    return result;
  } catch (error) {
    return { value: toCellError(error), width: 1, height: 1 };
  }
}

// ---------------------------------------------------------------------------------------------
// The plugin

/** Cells whose array result no longer fits the block HyperFormula reserved, per engine. */
const cellsToReenter = new WeakMap<object, Map<string, SimpleCellAddress>>();

function queueReentry(graph: object, address: SimpleCellAddress): void {
  let queue = cellsToReenter.get(graph);
  if (!queue) cellsToReenter.set(graph, (queue = new Map()));
  queue.set(`${address.sheet}!${address.row}!${address.col}`, { ...address });
}

/** The formula cells to re-enter so their spill matches their result again (and clears the queue). */
export function takeCellsToReenter(hf: HyperFormula): SimpleCellAddress[] {
  const graph = (hf as unknown as { dependencyGraph: object }).dependencyGraph;
  const queue = cellsToReenter.get(graph);
  if (!queue || queue.size === 0) return [];
  const cells = [...queue.values()];
  queue.clear();
  return cells;
}

// The parts of HyperFormula's internals the plugin reads; they are not in its public typings.
interface AstNode {
  type: string;
  args?: AstNode[];
  expression?: AstNode;
}
interface EvaluationState {
  formulaAddress: SimpleCellAddress;
  formulaVertex?: { formula?: AstNode; array?: { size?: { width: number; height: number; isRef: boolean } } };
}
interface PluginInternals {
  runFunction(args: AstNode[], state: EvaluationState, metadata: unknown, body: (...values: unknown[]) => unknown): unknown;
  metadata(name: string): unknown;
  evaluateAst(ast: AstNode, state: EvaluationState): unknown;
  dependencyGraph: object;
}

function rootCall(formula: AstNode | undefined): AstNode | undefined {
  let node = formula;
  while (node && node.type === "PARENTHESIS") node = node.expression;
  return node;
}

function fitted(result: ExcelResult, width: number, height: number): InternalCell | SimpleRangeValue {
  if (!(result.value instanceof SimpleRangeValue)) return result.value;
  const data = result.value.data.slice(0, height).map((row) => row.slice(0, width));
  if (width === 1 && height === 1) return data[0][0] as InternalCell;
  return SimpleRangeValue.onlyValues(data);
}

let registeredPlugin: FunctionPluginDefinition | undefined;

/**
 * Registers the functions with HyperFormula (a global registry: call before building an engine;
 * calling again replaces the previous registration).
 */
export function registerCustomFunctions(functions: RegisteredFunction[]): void {
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};

  class MinerDebtFunctions extends FunctionPlugin {}
  const prototype = MinerDebtFunctions.prototype as unknown as Record<string, unknown>;

  functions.forEach((fn, index) => {
    const parameters = fn.metadata.parameters ?? [];
    const method = `call${index}`;
    const sizeMethod = `size${index}`;
    const spills = fn.metadata.result?.dimensionality === "matrix";
    const repeating = parameters.some((parameter) => parameter.repeating);
    implemented[fn.formulaName] = {
      method,
      ...(spills ? { sizeOfResultArrayMethod: sizeMethod } : {}),
      parameters: parameters.map((parameter) => ({
        argumentType: FunctionArgumentType.ANY,
        ...(parameter.optional || parameter.repeating ? { optionalArg: true } : {}),
      })),
      ...(repeating ? { repeatLastArgs: 1 } : {}),
      vectorizationForbidden: true,
    };
    translations[fn.formulaName] = fn.formulaName;

    prototype[method] = function (this: PluginInternals, ast: AstNode, state: EvaluationState) {
      return this.runFunction(ast.args ?? [], state, this.metadata(fn.formulaName), (...values: unknown[]) => {
        const result = call(fn, values.map((value) => (value === undefined ? EmptyValue : value)));
        const vertex = state.formulaVertex;
        // Only a call that is the whole formula spills into the formula's block; a nested call
        // hands its array to the enclosing function.
        if (!vertex || rootCall(vertex.formula) !== ast) return result.value;
        const reserved = vertex.array?.size ?? { width: 1, height: 1, isRef: false };
        if (reserved.isRef) return result.value;
        // An error in a multi-cell block would fill the block; Excel shows it in the anchor only.
        const isError = result.value instanceof CellError;
        if (result.width !== reserved.width || result.height !== reserved.height || (isError && (reserved.width > 1 || reserved.height > 1))) {
          queueReentry(this.dependencyGraph, state.formulaAddress);
        }
        return fitted(result, reserved.width, reserved.height);
      });
    };

    if (spills) {
      prototype[sizeMethod] = function (this: PluginInternals, ast: AstNode, state: EvaluationState) {
        try {
          const values = (ast.args ?? []).map((arg) => (arg.type === "EMPTY" ? EmptyValue : this.evaluateAst(arg, state)));
          const result = call(fn, values);
          return result.value instanceof CellError ? ArraySize.scalar() : new ArraySize(result.width, result.height);
        } catch {
          // An argument not computed yet (a formula entered in the same batch): size it as one
          // cell now and correct it once everything has a value.
          queueReentry(this.dependencyGraph, state.formulaAddress);
          return ArraySize.scalar();
        }
      };
    }
  });

  (MinerDebtFunctions as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  if (registeredPlugin) HyperFormula.unregisterFunctionPlugin(registeredPlugin);
  HyperFormula.registerFunctionPlugin(MinerDebtFunctions as unknown as FunctionPluginDefinition, { enGB: translations });
  registeredPlugin = MinerDebtFunctions as unknown as FunctionPluginDefinition;
}
