import type { Cell } from '../../../src/core/values';
import { column } from '../../../src/functions/examples';
import { runFunction } from '../../../src/functions/runner';
import type { Arg, Result } from '../../../src/functions/spec';
import { CLV_PREDICT, MODEL_FIT, PROB_ALIVE, RETENTION_FORECAST } from '../../../src/functions/table/predictive';

const entries = [CLV_PREDICT, PROB_ALIVE, RETENTION_FORECAST, MODEL_FIT];
const table = (result: Result): (string | number)[][] => result as (string | number)[][];
const roundedTo = (digits: number | undefined, result: Result) =>
  table(result).map((row) => row.map((cell) => (typeof cell === 'number' && digits !== undefined ? Number(cell.toFixed(digits)) : cell)));

const [ids, dates, amounts] = CLV_PREDICT.examples[0].args;
const END = CLV_PREDICT.examples[0].args[6];

describe('the predictive function table entries', () => {
  it.each(entries.flatMap((f) => f.examples.map((e, k) => [`${f.name} example ${k + 1}`, f, e] as const)))(
    '%s evaluates to the table the docs show', (_, f, example) => {
      expect(roundedTo(example.digits, runFunction(f, example.args))).toEqual(example.result);
    });

  it('CLV_PREDICT spills a header and one row per customer, highest CLV first, every number finite', () => {
    const result = table(runFunction(CLV_PREDICT, [ids, dates, amounts]));
    expect(result[0]).toEqual(['customer', 'frequency', 'recency', 'T', 'P(alive)', 'expected purchases', 'expected spend', 'CLV']);
    const clv = result.slice(1).map((row) => row[7] as number);
    expect(clv).toEqual([...clv].sort((p, q) => q - p));
    for (const row of result.slice(1)) for (const cell of row.slice(1)) expect(Number.isFinite(cell)).toBe(true);
  });

  it('CLV_PREDICT skips blank rows below the data', () => {
    const padded = (range: Arg): Arg => [...(range as Cell[][]), [''], ['']];
    const plain = runFunction(CLV_PREDICT, [ids, dates, amounts, 12, 'months', 0.01, END]);
    expect(runFunction(CLV_PREDICT, [padded(ids), padded(dates), padded(amounts), 12, 'months', 0.01, END])).toEqual(plain);
  });

  it('CLV_PREDICT names the first negative amount by its row', () => {
    const withRefund = column(...(amounts as number[][]).map((row, i) => (i === 2 ? -5 : row[0])));
    expect(() => runFunction(CLV_PREDICT, [ids, dates, withRefund])).toThrow(/^CLV_PREDICT: 1 value is not amounts of 0 or more \(first: -5 in row 3 of amounts\)/);
  });

  it('CLV_PREDICT refuses a horizon longer than a century instead of valuing it month by month', () => {
    expect(() => runFunction(CLV_PREDICT, [ids, dates, amounts, 41086, 'months'])).toThrow('CLV_PREDICT: the horizon may be at most 100 years');
    expect(table(runFunction(CLV_PREDICT, [ids, dates, amounts, 1200, 'months'])).length).toBeGreaterThan(1);
  });

  it('CLV_PREDICT rejects a unit it does not know', () => {
    expect(() => runFunction(CLV_PREDICT, [ids, dates, amounts, 12, 'fortnights'])).toThrow(/^CLV_PREDICT: /);
  });

  it('PROB_ALIVE explains that everyone bought only once', () => {
    const once = [column('a', 'b', 'c'), column('2025-01-01', '2025-01-05', '2025-02-01')];
    expect(() => runFunction(PROB_ALIVE, once)).toThrow(/^PROB_ALIVE: all 3 customers bought on a single day/);
  });

  it('RETENTION_FORECAST skips blank cells and projects 6 periods by default', () => {
    const result = table(runFunction(RETENTION_FORECAST, [column(1000, 869, 743, '', 653)]));
    expect(result.map((row) => row[0])).toEqual(['period', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.filter((row) => row[3] === 'projected')).toHaveLength(6);
  });

  it('RETENTION_FORECAST says which count increased', () => {
    expect(() => runFunction(RETENTION_FORECAST, [column(100, 80, 90)])).toThrow('RETENTION_FORECAST: active counts must not increase from one period to the next (row 3: 90 after 80)');
  });

  it('MODEL_FIT reports α seven times larger when the unit is days instead of weeks', () => {
    const alpha = (unit: string) => table(runFunction(MODEL_FIT, [ids, dates, amounts, END, unit])).find((row) => row[1] === 'alpha')![2] as number;
    expect(alpha('days') / alpha('weeks')).toBeCloseTo(7, 4);
  });
});
