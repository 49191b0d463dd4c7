// The add-on's error type and every user-facing error message, in one place for review and translation.

import { showDate, type ToCivil } from './dateText';

/** An error the user caused and can fix; its message is shown as the cell's #ERROR! tooltip. */
export class MetricError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricError';
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

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

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
export function showPosition(p: CellPosition): string {
  const column = p.columns > 1 ? `, column ${p.column}` : '';
  return `row ${p.row}${column} of ${p.param}`;
}

export const messages = {
  badCells: (fn: string, count: number, what: string, first: unknown, toCivil: ToCivil, at: CellPosition, hint = ''): string =>
    `${fn}: ${count} ${plural(count, 'value is', 'values are')} not ${what} ` +
    `(first: ${showValue(first, toCivil)} in ${showPosition(at)})${hint ? `. ${hint}` : ''}`,
  ambiguousDate: (text: string): string =>
    `${showValue(text)} could be day/month or month/day: write it as YYYY-MM-DD`,
  ambiguousNumber: (text: string): string =>
    `${showValue(text)} could be a thousands separator or a decimal comma: write it without the separator`,
  missingArgument: (fn: string, param: string): string => `${fn}: the argument ${param} is required`,
  notASingleValue: (fn: string, param: string, what: string): string =>
    `${fn}: ${param} must be a single ${what}, not a range`,
  badScalar: (fn: string, param: string, what: string, value: unknown, toCivil: ToCivil): string =>
    `${fn}: ${param} must be ${what}, got ${showValue(value, toCivil)}`,
  sizeMismatch: (fn: string, param: string, cells: number, other: string, otherCells: number): string =>
    `${fn}: ${param} has ${cells} ${plural(cells, 'cell', 'cells')} but ${other} has ${otherCells}; ` +
    `give ranges of the same size`,
  badShape: (fn: string, param: string, expected: string, rows: number, columns: number): string =>
    `${fn}: ${param} must be ${expected}, got ${rows} ${plural(rows, 'row', 'rows')} × ` +
    `${columns} ${plural(columns, 'column', 'columns')}`,
  badPeriod: (fn: string, value: unknown, toCivil: ToCivil): string =>
    `${fn}: ${showValue(value, toCivil)} is not a period; use 2025, 2025-Q1, 2025-03, 2025-W09, 2025-03-15, ` +
    `2025-01-01..2025-03-31 or a grain: year, quarter, month, week, day`,
  periodNeedsDates: (fn: string, datesParam: string): string =>
    `${fn}: a period was given but no ${datesParam}; add the range of dates that goes with the values`,
  noData: (fn: string, what: string): string => `${fn}: no ${what} to compute on`,
  noDataInPeriod: (fn: string, what: string, period: string): string => `${fn}: no ${what} in ${period}`,
  noneActiveAtStart: (fn: string, period: string): string =>
    `${fn}: no customers were active at the start of ${period}`,
  endBeforeStart: (fn: string, at: CellPosition): string =>
    `${fn}: the end date is before the start date in ${showPosition(at)}`,
  negativeDuration: (fn: string, count: number, at: CellPosition): string =>
    `${fn}: ${count} ${plural(count, 'row ends', 'rows end')} before ${plural(count, 'it starts', 'they start')} ` +
    `(first: ${showPosition(at)})`,
  missingStart: (fn: string, at: CellPosition): string =>
    `${fn}: an end date has no start date in ${showPosition(at)}; fill in the start or clear the end`,
  spansNeedPeriod: (fn: string): string =>
    `${fn}: with start and end dates, give a period (2025-Q1) or a grain (month) as the second argument`,
  zeroDenominator: (fn: string, what: string): string => `${fn}: ${what} is zero, so the rate cannot be computed`,
  spanTooLong: (fn: string, periods: number, limit: number): string =>
    `${fn}: the series would have ${periods} periods (more than ${limit}); choose a coarser grain or a date range`,
  badOption: (fn: string, param: string, value: unknown, toCivil: ToCivil, options: readonly string[]): string =>
    `${fn}: ${param} must be one of ${options.map((o) => `"${o}"`).join(', ')}, got ${showValue(value, toCivil)}`,
  unknownFunction: (fn: string, ...name: Shown): string => `${fn}: ${showValue(...name)} is not a function of this add-on`,
  internal: (fn: string, detail: string): string =>
    `${fn}: an internal error occurred (${detail}); please report it with the cells you used`,
  notFinite: (fn: string): string => `${fn}: the result is not a finite number; check the input for extreme values`,
  // Revenue and customer value, retention, health and generic (METRIC_BY).
  zeroCount: (fn: string, param: string, what: string): string =>
    `${fn}: ${param} is 0, so there is no ${what}; give a count above 0 or a range listing them`,
  clvZeroChurn: (fn: string): string =>
    `${fn}: churn_rate is 0, so customers never leave and the lifetime value is unbounded; give a churn rate above 0`,
  noPayersBefore: (fn: string, previous: string, period: string): string =>
    `${fn}: no customer paid in ${previous}, the period before ${period}, so there is no revenue to retain`,
  noRepeatCustomers: (fn: string): string => `${fn}: no customer bought again after their first order`,
  cohortsNeedSpans: (fn: string, rows: number, columns: number): string =>
    messages.badShape(fn, 'range', 'two columns: start date | end date', rows, columns),
  tooManyCohorts: (fn: string, periods: number, limit: number): string =>
    `${fn}: the data spans ${periods} periods (more than ${limit} cohorts); choose a coarser grain`,
  cohortPeriodIsGrain: (fn: string): string =>
    `${fn}: period must be a label such as 2025 or 2025-Q1 (the cohorts’ length goes in the grain argument)`,
  weightsPerColumn: (fn: string, given: number, columns: number): string =>
    `${fn}: weights has ${given} ${plural(given, 'number', 'numbers')} but signals has ${columns} ` +
    `${plural(columns, 'column', 'columns')}; give one weight per column`,
  directionsPerColumn: (fn: string, given: number, columns: number): string =>
    `${fn}: directions has ${given} ${plural(given, 'cell', 'cells')} but signals has ${columns} ` +
    `${plural(columns, 'column', 'columns')}; give one direction per column ("higher" or "lower")`,
  zeroWeights: (fn: string): string => `${fn}: every weight is 0; give at least one signal a weight above 0`,
  nothingVaries: (fn: string): string =>
    `${fn}: every signal column holds a single value, so no row is healthier than another`,
  metricByItself: (fn: string): string => `${fn}: metric cannot be ${fn} itself; name a metric such as "NPS"`,
  metricByNeedsNumber: (fn: string, metric: string): string =>
    `${fn}: ${metric} returns a table with these arguments, and ${fn} needs one number per segment ` +
    `(where ${metric} takes a period, give a label such as 2025-Q1 rather than a grain)`,
  metricByInner: (fn: string, message: string): string => `${fn}: ${message}`,
  segmentsColumn: (fn: string, rows: number, columns: number): string =>
    messages.badShape(fn, 'segments', 'one column of segment names', rows, columns),
  metricByRows: (fn: string, rows: number, param: string, paramRows: number): string =>
    `${fn}: the segments range has ${rows} ${plural(rows, 'row', 'rows')} but ${param} has ${paramRows}; give ranges of the same rows`,
  metricByTooManyArguments: (fn: string, max: number, given: number): string =>
    `${fn}: at most ${max} arguments may follow metric and segments (as many as the widest function takes), got ${given}`,
  metricByTooManyForMetric: (fn: string, metric: string, takes: number, given: number): string =>
    `${fn}: ${metric} takes at most ${takes} ${plural(takes, 'argument', 'arguments')}, got ${given} after segments`,
  // Sales and pipeline, service: outcome words and durations.
  emptyWordList: (fn: string, param: string): string =>
    `${fn}: ${param} lists no words; leave it out to use the default words`,
  wordInTwoLists: (fn: string, word: string, a: string, b: string): string =>
    `${fn}: ${showValue(word)} is listed both as ${a} and as ${b}; a row cannot be both`,
  rangesForPeriod: (fn: string, params: string): string =>
    `${fn}: with a period, give ${params} as ranges beside the dates, one row each`,
};

/** The predictive models' messages (CLV_PREDICT, PROB_ALIVE, RETENTION_FORECAST, MODEL_FIT and their cores). */
export const predictiveMessages = {
  lengthMismatch: (fn: string, name: string, count: number, other: string, otherCount: number): string =>
    `${fn}: ${name} has ${count} ${plural(count, 'value', 'values')} but ${other} has ${otherCount}; give ranges of the same size`,
  badDates: (fn: string, count: number, row: number): string =>
    `${fn}: ${count} ${plural(count, 'date is', 'dates are')} missing or not a date (first in row ${row} of dates)`,
  negativeAmounts: (fn: string, count: number, first: number, row: number): string =>
    `${fn}: ${count} ${plural(count, 'amount is', 'amounts are')} negative (first: ${first} in row ${row} of amounts); ` +
    'the spend model needs purchase amounts of 0 or more',
  badAmounts: (fn: string, count: number, row: number): string =>
    `${fn}: ${count} ${plural(count, 'amount is', 'amounts are')} missing or not a number (first in row ${row} of amounts)`,
  noPurchases: (fn: string): string => `${fn}: no purchases to fit the model on`,
  noneBeforeCalibrationEnd: (fn: string, calibrationEnd: string): string =>
    `${fn}: no customer made a first purchase on or before the calibration end ${calibrationEnd}`,
  allBoughtOnce: (fn: string, customers: number): string =>
    `${fn}: all ${customers} ${plural(customers, 'customer', 'customers')} bought on a single day up to the calibration end; ` +
    'the model needs customers who came back to learn how often people buy',
  tooFewRepeatCustomers: (fn: string, repeat: number, customers: number, needed: number): string =>
    `${fn}: only ${repeat} of ${customers} customers bought again after their first purchase day; ` +
    `the model needs at least ${needed} repeat customers`,
  tooFewSpenders: (fn: string, spenders: number, needed: number): string =>
    `${fn}: only ${spenders} repeat ${plural(spenders, 'customer has', 'customers have')} a positive average spend; ` +
    `the spend model needs at least ${needed}`,
  identicalSpend: (fn: string, spenders: number, spend: number): string =>
    `${fn}: all ${spenders} repeat customers have the same average spend (${spend}); ` +
    'the spend model needs repeat customers whose average spends differ',
  spendTooVaried: (fn: string, q: number): string =>
    `${fn}: average spend varies too much between customers for the spend model (fitted q = ${q.toPrecision(3)}, ` +
    'it must exceed 1); remove extreme amounts such as refunds or bulk orders',
  fitFailed: (fn: string, model: string): string =>
    `${fn}: the ${model} model could not be fitted to this data; check for duplicated or extreme rows`,
  notPositive: (fn: string, param: string, value: number): string => `${fn}: ${param} must be greater than 0, got ${value}`,
  horizonTooLong: (fn: string, years: number): string => `${fn}: the horizon may be at most ${years} years`,
  notNonNegative: (fn: string, param: string, value: number): string => `${fn}: ${param} must be 0 or more, got ${value}`,
  notWholeNumber: (fn: string, param: string, value: number): string => `${fn}: ${param} must be a whole number, got ${value}`,
  tooFewPeriods: (fn: string, count: number): string =>
    `${fn}: ${count} active ${plural(count, 'count was', 'counts were')} given; ` +
    'give the cohort size and the number still active after at least 2 periods',
  firstCountNotPositive: (fn: string, first: number): string =>
    `${fn}: the first active count is the cohort size and must be greater than 0, got ${first}`,
  badCount: (fn: string, value: number, row: number): string =>
    `${fn}: active counts must be numbers of 0 or more (row ${row} holds ${value})`,
  countsIncrease: (fn: string, row: number, value: number, previous: number): string =>
    `${fn}: active counts must not increase from one period to the next (row ${row}: ${value} after ${previous})`,
  noChurn: (fn: string): string => `${fn}: no customer left the cohort, so there is no churn to project from`,
};
