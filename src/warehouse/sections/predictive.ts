// MODEL_FIT and CLV_PREDICT on a warehouse: SQL summarises each customer's purchases as the predictive core does
// (purchases on one civil day count once, amounts added; the calibration end is the last purchase day) and returns
// either the histograms the models are fitted on (MODEL_FIT) or each customer's history and spends (CLV_PREDICT's
// outlook names customers); BG/NBD and Gamma-Gamma are fitted in TypeScript by the core, each histogram cell weighing
// the customers it holds.
//
// Row kinds (period | row_key | value | n), integers written as text only where they are keys (exact in both dialects):
//   'bgnbd'            | 'x tx T'  | NULL                         | customers with x repeat days, tx and T days   (MODEL_FIT)
//   'spend'            | 'x'       | the repeat days' spend        | repeat customers with that x and that spend   (MODEL_FIT)
//   'x tx T'           | id        | the first purchase day's spend | 1: the customer's own histogram cell         (CLV_PREDICT)
//   'repeat'           | id        | the repeat days' spend        | x                                             (CLV_PREDICT, x > 0)
//   'end'              | NULL      | NULL                          | the calibration end's civil day number (days since 1970-01-01); no row without purchases
//   'missing dates'    | NULL      | NULL                          | rows with a customer and no date
//   'missing amounts'  | NULL      | NULL                          | rows with a customer and no amount
//   'negative amounts' | NULL      | the lowest amount             | rows with an amount below 0
// x = repeat purchase days, tx = days from the first to the last purchase day, T = days from the first purchase day to
// the calibration end.

import { MetricError, predictiveMessages as say } from '../../core/errors';
import { customerOutlook, DEFAULT_OUTLOOK } from '../../core/metrics/predictive/customer-outlook';
import { fitModels, fitSummary, valueCustomers } from '../../core/metrics/predictive/customer-value';
import type { CustomerSummary } from '../../core/metrics/predictive/rfm';
import { daysPerUnit, type TimeUnit } from '../../core/metrics/predictive/time-units';
import { modelFitTable } from '../../functions/table/predictive';
import type { FunctionSpec } from '../../functions/spec';
import { CompileError, EntryReader } from '../entryReader';
import type { Measure } from '../measures';
import { renderExpr } from '../render';
import { STAGED_ROWS } from '../staged';
import type { SectionRow, TableSection } from './section';

type PurchaseModels = Extract<Measure, { shape: 'purchaseModels' }>;

const END = 'end';
const BG_NBD = 'bgnbd';
const SPEND = 'spend';
const REPEAT = 'repeat';
const MISSING_DATES = 'missing dates';
const MISSING_AMOUNTS = 'missing amounts';
const NEGATIVE_AMOUNTS = 'negative amounts';

/** A histogram cell's key: whole numbers joined by single spaces ('3 120 200'). */
const CELL = /^\d+( \d+)*$/;

/** The whole numbers of a key the query wrote (never silently wrong: a key it cannot read is a bug). */
function wholeNumbers(text: string | undefined, count: number): number[] {
  const got = text !== undefined && CELL.test(text) ? text.split(' ').map(Number) : [];
  if (got.length !== count) throw new Error(`the warehouse wrote "${text}" where ${count} whole numbers belong`);
  return got;
}

/** The parameters the summary leaves at the entry's defaults, read from the entry. */
function defaultsOf(spec: FunctionSpec, measure: PurchaseModels): { unit: TimeUnit; horizon: number; discountRate: number } {
  const entry = new EntryReader(spec, () => false);
  return {
    unit: entry.fixedOrDefault<TimeUnit>(measure.unit),
    horizon: measure.value ? entry.fixedOrDefault<number>(measure.value.horizon) : NaN,
    discountRate: measure.value ? entry.fixedOrDefault<number>(measure.value.discountRate) : NaN,
  };
}

/** The rows of one kind, by their keys (the fits then sum their terms in one order, whatever order the rows came in). */
const ofKind = (rows: readonly SectionRow[], kind: string): SectionRow[] =>
  rows.filter((r) => r.period === kind).sort((p, q) => byText(p.key, q.key) || (p.value as number) - (q.value as number));
const byText = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);
const countOf = (rows: readonly SectionRow[], kind: string): number => ofKind(rows, kind).reduce((n, r) => n + (typeof r.n === 'number' ? r.n : 0), 0);

/**
 * Throws where the function refuses the rows, in its order: a negative amount (its reader reads every cell), a
 * customer's row without a date, then without an amount; no purchases at all. A warehouse row has no cell address:
 * the messages say how many rows (and the lowest amount). Returns the calibration end's civil day.
 */
function refusals(fn: string, rows: readonly SectionRow[]): number {
  const negative = countOf(rows, NEGATIVE_AMOUNTS);
  if (negative) throw new MetricError(say.negativeAmountsLowest(fn, negative, ofKind(rows, NEGATIVE_AMOUNTS)[0]?.value as number));
  const withoutDate = countOf(rows, MISSING_DATES);
  if (withoutDate) throw new MetricError(say.rowsWithoutDate(fn, withoutDate));
  const withoutAmount = countOf(rows, MISSING_AMOUNTS);
  if (withoutAmount) throw new MetricError(say.rowsWithoutAmount(fn, withoutAmount));
  const end = ofKind(rows, END)[0]?.n;
  if (typeof end !== 'number') throw new MetricError(say.noPurchases(fn));
  return end;
}

/** MODEL_FIT: both models fitted on the histograms, each cell weighing its customers. */
function fittedModelsTable(fn: string, rows: readonly SectionRow[], unit: TimeUnit, calibrationEndDay: number): (string | number)[][] {
  const perUnit = daysPerUnit(unit);
  const histories = { frequency: [] as number[], recency: [] as number[], age: [] as number[], weight: [] as number[] };
  let customers = 0;
  let repeatCustomers = 0;
  for (const r of ofKind(rows, BG_NBD)) {
    const [x, tx, T] = wholeNumbers(r.key, 3);
    const n = r.n as number;
    histories.frequency.push(x);
    histories.recency.push(tx / perUnit);
    histories.age.push(T / perUnit);
    histories.weight.push(n);
    customers += n;
    if (x > 0) repeatCustomers += n;
  }
  const spend = { frequency: [] as number[], meanSpend: [] as number[], weight: [] as number[] };
  for (const r of ofKind(rows, SPEND)) {
    const [x] = wholeNumbers(r.key, 1);
    spend.frequency.push(x);
    spend.meanSpend.push((r.value as number) / x);
    spend.weight.push(r.n as number);
  }
  return modelFitTable(fitModels(fn, histories, spend), { customers, repeatCustomers, unit, calibrationEndDay });
}

/** CLV_PREDICT: each customer's calibration summary, as summariseCustomers gives it (customers in id order). */
function summaryOf(rows: readonly SectionRow[], unit: TimeUnit, calibrationEndDay: number): CustomerSummary {
  const repeatSpend = new Map<string, number>();
  for (const r of ofKind(rows, REPEAT)) repeatSpend.set(r.key as string, r.value as number);
  const histories = rows.filter((r) => r.period !== undefined && CELL.test(r.period) && r.key !== undefined)
    .sort((p, q) => byText(p.key, q.key));
  const perUnit = daysPerUnit(unit);
  const summary: CustomerSummary = {
    ids: [], frequency: [], recency: [], age: [], meanRepeatSpend: [], totalSpend: [], firstDay: [], calibrationEndDay, unit,
  };
  for (const r of histories) {
    const [x, tx, T] = wholeNumbers(r.period, 3);
    const id = r.key as string;
    const repeat = x > 0 ? repeatSpend.get(id) : 0;
    if (repeat === undefined) throw new Error(`the warehouse wrote no repeat spend for customer ${id}`);
    summary.ids.push(id);
    summary.frequency.push(x);
    summary.recency.push(tx / perUnit);
    summary.age.push(T / perUnit);
    summary.meanRepeatSpend.push(x > 0 ? repeat / x : 0);
    summary.totalSpend.push(repeat + (r.value as number));
    summary.firstDay.push(calibrationEndDay - T);
  }
  return summary;
}

export const PURCHASE_MODELS: TableSection<PurchaseModels> = {
  compile(measure, entry) {
    if (entry.defaultOf(measure.calibrationEnd) !== undefined) throw new CompileError(`${entry.spec.name}: a default calibration end is not compiled to SQL`);
    const customer = entry.requiredKeys(measure.customers);
    const date = entry.required(measure.dates);
    const amount = entry.required(measure.amounts);
    const perCustomer = measure.value !== undefined;
    return {
      ctes: (name, d) => {
        const [buyer, when, spent] = [customer, date, amount].map((e) => renderExpr(e, d));
        const day = d.dateOf(when);
        const text = (sql: string): string => `CAST(${sql} AS ${d.textType})`;
        const float = (sql: string): string => `CAST(${sql} AS ${d.floatType})`;
        const integer = (sql: string): string => `CAST(${sql} AS ${d.integerType})`;
        const cell = `${d.asText('frequency')} || ' ' || ${d.asText('recency_days')} || ' ' || ${d.asText('age_days')}`;
        const row = (period: string, key: string, value: string, n: string): string =>
          `SELECT ${period} AS period, ${key} AS row_key, ${value} AS value, ${n} AS n`;
        const NO_TEXT = text('NULL');
        const NO_FLOAT = float('NULL');
        const own = perCustomer
          ? [
            `${row(text(cell), 'buyer', float('first_spend'), integer('1'))}\n  FROM ${name}_customers`,
            `${row(d.text(REPEAT), 'buyer', float('repeat_spend'), integer('frequency'))}\n  FROM ${name}_customers\n  WHERE frequency > 0`,
          ]
          : [
            `${row(d.text(BG_NBD), text(cell), NO_FLOAT, integer('COUNT(*)'))}\n  FROM ${name}_customers\n  GROUP BY frequency, recency_days, age_days`,
            `${row(d.text(SPEND), d.asText('frequency'), float('repeat_spend'), integer('COUNT(*)'))}\n  FROM ${name}_customers\n  WHERE frequency > 0\n  GROUP BY frequency, repeat_spend`,
          ];
        const checks = [
          `${row(d.text(END), NO_TEXT, NO_FLOAT, integer(d.daysBetween(d.date('1970-01-01'), 'end_day')))}\n  FROM ${name}_end\n  WHERE end_day IS NOT NULL`,
          `${row(d.text(MISSING_DATES), NO_TEXT, NO_FLOAT, integer('missing_dates'))}\n  FROM ${name}_checks`,
          `${row(d.text(MISSING_AMOUNTS), NO_TEXT, NO_FLOAT, integer('missing_amounts'))}\n  FROM ${name}_checks`,
          `${row(d.text(NEGATIVE_AMOUNTS), NO_TEXT, float('lowest_amount'), integer('negative_amounts'))}\n  FROM ${name}_checks`,
        ];
        const countIf = (cond: string): string => `COALESCE(SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`;
        return [
          // The rows the function refuses, counted over every row (its amounts reader reads every cell).
          `${name}_checks AS (\n  SELECT ${countIf(`${buyer} IS NOT NULL AND ${when} IS NULL`)} AS missing_dates,\n` +
          `    ${countIf(`${buyer} IS NOT NULL AND ${spent} IS NULL`)} AS missing_amounts,\n` +
          `    ${countIf(`${spent} < 0`)} AS negative_amounts,\n    MIN(CASE WHEN ${spent} < 0 THEN ${spent} END) AS lowest_amount\n  FROM ${STAGED_ROWS}\n)`,
          // One row per customer and civil purchase day, its amounts added, beside the customer's first purchase day.
          `${name}_days AS (\n  SELECT buyer, buy_day, spend, MIN(buy_day) OVER (PARTITION BY buyer) AS first_day\n  FROM (\n` +
          `    SELECT ${buyer} AS buyer, ${day} AS buy_day, SUM(${spent}) AS spend\n    FROM ${STAGED_ROWS}\n` +
          `    WHERE ${buyer} IS NOT NULL AND ${when} IS NOT NULL\n    GROUP BY ${buyer}, ${day}\n  ) AS purchase_days\n)`,
          // The calibration end: the last purchase day (the entry's default).
          `${name}_end AS (\n  SELECT MAX(buy_day) AS end_day FROM ${name}_days\n)`,
          `${name}_customers AS (\n  SELECT buyer, COUNT(*) - 1 AS frequency, ${d.daysBetween('MIN(buy_day)', 'MAX(buy_day)')} AS recency_days,\n` +
          `    ${d.daysBetween('MIN(buy_day)', 'MIN(end_day)')} AS age_days,\n` +
          `    SUM(CASE WHEN buy_day = first_day THEN spend END) AS first_spend,\n` +
          `    COALESCE(SUM(CASE WHEN buy_day > first_day THEN spend END), 0) AS repeat_spend\n` +
          `  FROM ${name}_days CROSS JOIN ${name}_end\n  GROUP BY buyer\n)`,
          `${name} AS (\n  ${[...own, ...checks].join('\n  UNION ALL\n  ')}\n)`,
        ];
      },
    };
  },

  finish(spec, measure, rows) {
    const { unit, horizon, discountRate } = defaultsOf(spec, measure);
    const end = refusals(spec.name, rows);
    if (!measure.value) return { table: fittedModelsTable(spec.name, rows, unit, end) };
    const fits = fitSummary(spec.name, summaryOf(rows, unit, end));
    const { customers } = valueCustomers(spec.name, fits, { horizon, unit, monthlyDiscountRate: discountRate });
    return { outlook: customerOutlook(customers, DEFAULT_OUTLOOK) };
  },
};
