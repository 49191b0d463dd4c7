// Registers every custom function of the function table in HyperFormula (workbench and engine tests only: GPL-3.0).

import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type ImplementedFunctions,
} from 'hyperformula';
import { FUNCTIONS } from '../../src/functions/catalogue';
import { runFunction, type CallEnvironment } from '../../src/functions/runner';
import type { Arg, FunctionSpec, Result } from '../../src/functions/spec';
import type { Cell } from '../../src/core/values';

/** Days between Sheets' (and HyperFormula's) serial-date epoch, 1899-12-30, and the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

/** HyperFormula's internal values we meet in arguments (its RichNumber and EmptyValue are not all exported). */
type EngineScalar = unknown;

/** A date cell as Sheets hands it to a custom function: a Date at that civil time (the workbench runs in UTC). */
function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_EPOCH_DAYS) * MS_PER_DAY));
}

const isRichNumber = (v: EngineScalar): v is { val: number; getDetailedType(): string } =>
  typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number' && typeof (v as { getDetailedType?: unknown }).getDetailedType === 'function';

/** One engine value as a Sheets cell: dates as Date, percents as fractions, empty as "". */
function toCell(v: EngineScalar): Cell | CellError {
  if (v instanceof CellError) return v;
  if (isRichNumber(v)) {
    const type = v.getDetailedType();
    return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' ? dateFromSerial(v.val) : v.val;
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return ''; // EmptyValue (a symbol) and anything unknown arrive as a blank, as in Sheets
}

/** An engine argument as Sheets would pass it, or the first error inside it (errors propagate, as in Sheets). */
function toArg(v: EngineScalar): Arg | CellError {
  if (v === undefined) return undefined;
  if (v instanceof SimpleRangeValue) {
    const rows: Cell[][] = [];
    for (const row of v.data) {
      const out: Cell[] = [];
      for (const item of row) {
        const cell = toCell(item);
        if (cell instanceof CellError) return cell;
        out.push(cell);
      }
      rows.push(out);
    }
    return rows;
  }
  return toCell(v);
}

/** The clock the workbench's custom functions use: the sample spreadsheet's zone is UTC. */
export const ENGINE_ENVIRONMENT: CallEnvironment = { timeZone: () => 'UTC' };

/** Runs one function on engine arguments: a number or text, a table for spills, or an #ERROR! with the message. */
function evaluate(spec: FunctionSpec, engineArgs: EngineScalar[]): Result | CellError {
  const args: Arg[] = [];
  for (const a of engineArgs) {
    const arg = toArg(a);
    if (arg instanceof CellError) return arg;
    args.push(arg);
  }
  while (args.length && args[args.length - 1] === undefined) args.pop();
  try {
    return runFunction(spec, args, ENGINE_ENVIRONMENT);
  } catch (e) {
    return new CellError(ErrorType.ERROR, e instanceof Error ? e.message : String(e));
  }
}

const methodName = (spec: FunctionSpec): string => `run${spec.name}`;
const sizeMethodName = (spec: FunctionSpec): string => `size${spec.name}`;

/**
 * The plugin: one method per FunctionSpec, each wrapped in HyperFormula's runFunction (argument count and
 * evaluation), with every parameter declared ANY so ranges arrive whole as SimpleRangeValue.
 */
export class CrmMetricsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};
}

/**
 * HyperFormula fixes an array formula's size when the formula is entered. The size method runs the function on
 * the values present then; a later result that is larger shows an error asking to re-enter the formula.
 */
function sizeOf(result: Result | CellError): ArraySize {
  if (Array.isArray(result) && result.length && result[0].length) return new ArraySize(result[0].length, result.length);
  return ArraySize.scalar();
}

for (const spec of FUNCTIONS) {
  // A variadic last parameter (METRIC_BY's metric arguments) repeats, up to the count the generated stub passes on.
  const rest = spec.params[spec.params.length - 1]?.rest;
  const maxArgs = spec.params.length - (rest ? 1 : 0) + (rest ? rest.max : 0);
  CrmMetricsPlugin.implementedFunctions[spec.name] = {
    method: methodName(spec),
    sizeOfResultArrayMethod: sizeMethodName(spec),
    parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, passSubtype: true, ...(p.optional || p.rest ? { optionalArg: true } : {}) })),
    ...(rest ? { repeatLastArgs: 1 } : {}),
    vectorizationForbidden: true,
  };
  const proto = CrmMetricsPlugin.prototype as unknown as Record<string, unknown>;
  proto[methodName(spec)] = function run(this: PluginInternals, ast: { args: unknown[] }, state: unknown) {
    if (ast.args.length > maxArgs) return new CellError(ErrorType.NA, `${spec.name}: at most ${maxArgs} arguments`);
    return this.runFunction(ast.args, state, this.metadata(spec.name), (...engineArgs: EngineScalar[]) => {
      const result = evaluate(spec, engineArgs);
      if (result instanceof CellError || !Array.isArray(result)) return result;
      return SimpleRangeValue.onlyValues(result);
    });
  };
  proto[sizeMethodName(spec)] = function size(this: PluginInternals, ast: { args: unknown[] }, state: unknown) {
    try {
      if (ast.args.length > maxArgs) return ArraySize.error();
      return sizeOf(evaluate(spec, ast.args.map((a) => this.evaluateAst(a, state))));
    } catch {
      return ArraySize.scalar();
    }
  };
}

/** The protected members of FunctionPlugin the generated methods call. */
interface PluginInternals {
  runFunction(args: unknown[], state: unknown, metadata: unknown, fn: (...args: EngineScalar[]) => unknown): unknown;
  metadata(name: string): unknown;
  evaluateAst(ast: unknown, state: unknown): EngineScalar;
}

let registered = false;

/** Registers the plugin once per process (HyperFormula's registry is global). */
export function registerCrmFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(FUNCTIONS.map((f) => [f.name, f.name]));
  HyperFormula.registerFunctionPlugin(CrmMetricsPlugin, { enGB: names });
  registered = true;
}

/** Engine settings shared by the workbench and the tests: GPL licence key, ISO dates, Sheets' 1899-12-30 epoch. */
export const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  dateFormats: ['YYYY-MM-DD', 'DD/MM/YYYY'],
  nullDate: { year: 1899, month: 12, day: 30 },
  useArrayArithmetic: false,
};

/** A HyperFormula instance with the custom functions, built from sheets of raw cell contents. */
export function buildEngine(sheets: Record<string, unknown[][]> = { Sheet1: [] }): HyperFormula {
  registerCrmFunctions();
  return HyperFormula.buildFromSheets(sheets as never, ENGINE_CONFIG);
}
