// The add-on's error type and every custom-function error message, by key: errorTexts/en.ts holds their English texts
// (errorTexts/ their translations, for the sidebar), this file the builders the functions raise them with.

import { showDate, type ToCivil } from './dateText';
import { EN, EN_MESSAGES, EN_PREDICTIVE, englishPlural, type ErrorKey } from './errorTexts/en';
import { fill, type Param, type Params, type Said } from './errorTexts/render';

export type { Said };

/** A message by key: `args` fill its template's placeholders in the order they first appear; the English text. */
function say(key: ErrorKey, args: readonly (Param | undefined)[]): Said {
  const params: Params = {};
  let i = 0;
  EN[key].replace(/\{(\w+)/g, (whole, name: string) => {
    if (!(name in params)) params[name] = args[i++] ?? '';
    return whole;
  });
  return { key, params, message: fill(key, params, { template: (k) => EN[k as ErrorKey], plural: englishPlural }) };
}

/**
 * An error the user caused and can fix; its message is shown as the cell's #ERROR! tooltip. `said` keeps its key and
 * parameters, so the sidebar can show it in the user's language (a bare text is kept as the key `text`).
 */
export class MetricError extends Error {
  readonly said: Said;
  constructor(message: string | Said) {
    const said = typeof message === 'string' ? say('text', [message]) : message;
    super(said.message);
    this.name = 'MetricError';
    this.said = said;
  }
}

/** Where a cell sits inside the argument it came from (1-based, as the user sees it). */
export interface CellPosition {
  param: string;
  row: number;
  column: number;
  columns: number;
}

/** A Date from any realm (Apps Script, a vm context, a test): instanceof would miss foreign ones. */
export const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/**
 * A value a message shows: text as typed, or any cell with the spreadsheet's clock, which shows a Date cell as the
 * day (and time) the sheet shows, in the spreadsheet's time zone.
 */
export type Shown = [value: string] | [value: unknown, toCivil: ToCivil];

/** Renders a cell value the way the user sees it, shortened for a tooltip. */
export function showValue(...[value, toCivil]: Shown): string {
  if (isDate(value)) return isNaN(value.getTime()) ? 'an invalid date' : showDate(value, toCivil ?? civilIsUtc);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number out of range';
  return String(value);
}
/** Only for the text form of `Shown`, which holds no Date (the types see to it). */
const civilIsUtc: ToCivil = (t) => t;

/** "row 5 of scores" or "row 5, column 2 of range" for multi-column arguments. */
export function showPosition(p: CellPosition): Said {
  return p.columns > 1 ? say('cellOf', [p.row, p.column, p.param]) : say('rowOf', [p.row, p.param]);
}

/** Each message's arguments (its template's placeholders in order, unless SHOWN turns them into those). */
interface MessageArgs {
  badCells: [fn: string, count: number, what: string, first: unknown, toCivil: ToCivil, at: CellPosition, hint?: Said];
  ambiguousDate: [text: string];
  ambiguousNumber: [text: string];
  missingArgument: [fn: string, param: string];
  notASingleValue: [fn: string, param: string, what: string];
  badScalar: [fn: string, param: string, what: string, value: unknown, toCivil: ToCivil];
  sizeMismatch: [fn: string, param: string, cells: number, other: string, otherCells: number];
  badShape: [fn: string, param: string, expected: string, rows: number, columns: number];
  badPeriod: [fn: string, value: unknown, toCivil: ToCivil];
  periodNeedsDates: [fn: string, datesParam: string];
  noData: [fn: string, what: string];
  noDataInPeriod: [fn: string, what: string, period: string];
  noneActiveAtStart: [fn: string, period: string];
  endBeforeStart: [fn: string, at: CellPosition];
  negativeDuration: [fn: string, count: number, at: CellPosition];
  missingStart: [fn: string, at: CellPosition];
  rowsMissingStart: [fn: string, count: number];
  rowsEndBeforeStart: [fn: string, count: number];
  spansNeedPeriod: [fn: string];
  zeroDenominator: [fn: string, what: string];
  spanTooLong: [fn: string, periods: number, limit: number];
  badOption: [fn: string, param: string, value: unknown, toCivil: ToCivil, options: readonly string[]];
  unknownFunction: [fn: string, ...name: Shown];
  internal: [fn: string, detail: string];
  notFinite: [fn: string];
  zeroCount: [fn: string, param: string, what: string];
  clvZeroChurn: [fn: string];
  noPayersBefore: [fn: string, previous: string, period: string];
  noRepeatCustomers: [fn: string];
  tooManyCohorts: [fn: string, periods: number, limit: number];
  cohortPeriodIsGrain: [fn: string];
  weightsPerColumn: [fn: string, given: number, columns: number];
  directionsPerColumn: [fn: string, given: number, columns: number];
  zeroWeights: [fn: string];
  nothingVaries: [fn: string];
  metricByItself: [fn: string];
  metricByNeedsNumber: [fn: string, metric: string];
  /** The metric's own message for a segment, after METRIC_BY's name. */
  metricByInner: [fn: string, inner: Said];
  metricByRows: [fn: string, rows: number, param: string, paramRows: number];
  metricByTooManyArguments: [fn: string, max: number, given: number];
  metricByTooManyForMetric: [fn: string, metric: string, takes: number, given: number];
  emptyWordList: [fn: string, param: string];
  wordInTwoLists: [fn: string, word: string, a: string, b: string];
  rangesForPeriod: [fn: string, ranges: string];
  // The predictive models.
  lengthMismatch: [fn: string, name: string, count: number, other: string, otherCount: number];
  badDates: [fn: string, count: number, row: number];
  negativeAmounts: [fn: string, count: number, first: number, row: number];
  badAmounts: [fn: string, count: number, row: number];
  rowsWithoutDate: [fn: string, count: number];
  rowsWithoutAmount: [fn: string, count: number];
  negativeAmountsLowest: [fn: string, count: number, lowest: number];
  noPurchases: [fn: string];
  noneBeforeCalibrationEnd: [fn: string, calibrationEnd: string];
  allBoughtOnce: [fn: string, customers: number];
  tooFewRepeatCustomers: [fn: string, repeat: number, customers: number, needed: number];
  tooFewSpenders: [fn: string, spenders: number, needed: number];
  identicalSpend: [fn: string, spenders: number, spend: number];
  spendTooVaried: [fn: string, q: number];
  fitFailed: [fn: string, model: string];
  notPositive: [fn: string, param: string, value: number];
  horizonTooLong: [fn: string, years: number];
  notNonNegative: [fn: string, param: string, value: number];
  notWholeNumber: [fn: string, param: string, value: number];
  tooFewPeriods: [fn: string, count: number];
  firstCountNotPositive: [fn: string, first: number];
  badCount: [fn: string, value: number, row: number];
  countsIncrease: [fn: string, row: number, value: number, previous: number];
  noChurn: [fn: string];
}

/** Messages whose arguments are not yet their placeholders: values and positions as the user sees them, reordered. */
const SHOWN: { [K in keyof MessageArgs]?: (...args: MessageArgs[K]) => Param[] } = {
  badCells: (fn, count, what, first, toCivil, at, hint) =>
    [fn, count, what, showValue(first, toCivil), showPosition(at), hint ? say('then', [hint]) : ''],
  ambiguousDate: (text) => [showValue(text)],
  ambiguousNumber: (text) => [showValue(text)],
  badScalar: (fn, param, what, value, toCivil) => [fn, param, what, showValue(value, toCivil)],
  badPeriod: (fn, value, toCivil) => [fn, showValue(value, toCivil)],
  endBeforeStart: (fn, at) => [fn, showPosition(at)],
  negativeDuration: (fn, count, at) => [fn, count, showPosition(at)],
  missingStart: (fn, at) => [fn, showPosition(at)],
  badOption: (fn, param, value, toCivil, options) => [fn, param, options.map((o) => `"${o}"`).join(', '), showValue(value, toCivil)],
  unknownFunction: (fn, ...name) => [fn, showValue(...(name as Shown))],
  wordInTwoLists: (fn, word, a, b) => [fn, showValue(word), a, b],
  spendTooVaried: (fn, q) => [fn, q.toPrecision(3)],
  badCount: (fn, value, row) => [fn, row, value],
};

type Sayers<T> = { [K in keyof T]: K extends keyof MessageArgs ? (...args: MessageArgs[K]) => Said : never };
/** One builder per template of `texts`: its arguments, as SHOWN turns them, fill the template. */
function sayers<T extends object>(texts: T): Sayers<T> {
  const out: Record<string, (...args: never[]) => Said> = {};
  for (const key of Object.keys(texts) as (keyof MessageArgs & ErrorKey)[]) {
    const shown = SHOWN[key] as ((...args: unknown[]) => Param[]) | undefined;
    out[key] = (...args: unknown[]) => say(key, shown ? shown(...args) : (args as Param[]));
  }
  return out as unknown as Sayers<T>;
}

export const messages = {
  ...sayers(EN_MESSAGES),
  cohortsNeedSpans: (fn: string, rows: number, columns: number): Said =>
    say('badShape', [fn, 'range', 'two columns: start date | end date', rows, columns]),
  segmentsColumn: (fn: string, rows: number, columns: number): Said =>
    say('badShape', [fn, 'segments', 'one column of segment names', rows, columns]),
};

/** The predictive models' messages (CLV_PREDICT, PROB_ALIVE, RETENTION_FORECAST, MODEL_FIT and their cores). */
export const predictiveMessages = sayers(EN_PREDICTIVE);
