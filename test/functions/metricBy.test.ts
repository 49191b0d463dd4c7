// METRIC_BY's contracts: ranges of other rows are refused, and every argument up to the widest function's count reaches the metric.

import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS, findFunction } from '../../src/functions/catalogue';
import { column } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg, FunctionSpec, Result } from '../../src/functions/spec';

const METRIC_BY = findFunction('METRIC_BY')!;
const by = (...args: Arg[]): Result => runFunction(METRIC_BY, args);
const range = (n: number, cell: (r: number) => string | number) => column(...Array.from({ length: n }, (_, r) => cell(r)));
/** Rows of a spilled table as segment → value. */
const values = (table: Result): Record<string, string | number> => Object.fromEntries((table as (string | number)[][]).slice(1).map(([s, v]) => [s, v]));

describe('METRIC_BY refuses ranges whose rows differ from the segments', () => {
  const segments = range(1000, (r) => (r % 2 ? 'US' : 'EU'));

  it('refuses ranges of 1000 and 499 rows, naming both', () => {
    expect(() => by('APV', segments, range(499, (r) => r + 1))).toThrow(
      'METRIC_BY: the segments range has 1000 rows but amounts has 499; give ranges of the same rows');
  });

  it('names a later range that is too long, after one that fits (dates beside NPS scores)', () => {
    expect(() => by('NPS', column('a', 'b'), column(9, 10), '2025', column('2025-01-01', '2025-01-02', '2025-01-03'))).toThrow(
      'METRIC_BY: the segments range has 2 rows but dates has 3; give ranges of the same rows');
  });

  it('refuses a single cell given for a range when there are several segments', () => {
    expect(() => by('NPS', column('a', 'b'), 9)).toThrow('METRIC_BY: the segments range has 2 rows but scores has 1; give ranges of the same rows');
  });

  it('passes single values and word lists of any size whole (a period label, won words in a range of the segments’ rows)', () => {
    const outcomes = column('signed', 'lost', 'signed', 'open');
    expect(by('WIN_RATE', column('a', 'a', 'b', 'b'), outcomes, column('signed', 'won', 'x', 'y'))).toEqual([
      ['segment', 'value', 'n'], ['a', 0.5, 2], ['b', 1, 2],
    ]);
  });

  it('gives each segment its APV over 1000 rows of equal ranges: 500 for EU (amounts 1, 3 … 999), 501 for US (2, 4 … 1000)', () => {
    const table = by('APV', segments, range(1000, (r) => r + 1)) as (string | number)[][];
    expect(table[0]).toEqual(['segment', 'value', 'n']);
    expect(table.map((row) => row[0])).toEqual(['segment', 'EU', 'US']);
    expect(table[1][1]).toBeCloseTo(500, 9);
    expect(table[2][1]).toBeCloseTo(501, 9);
    expect(table.slice(1).map((row) => row[2])).toEqual([500, 500]);
  });
});

describe('METRIC_BY takes as many arguments as the widest function', () => {
  const widest = Math.max(...FUNCTIONS.filter((f) => f !== METRIC_BY).map((f) => f.params.length));
  const rest = METRIC_BY.params[METRIC_BY.params.length - 1].rest!;

  it('caps its arguments at the widest entry’s parameter count, seven (PIPELINE_VALUE, SALES_VELOCITY, CLV_PREDICT)', () => {
    expect(widest).toBe(7);
    expect(rest.max).toBe(widest);
    expect(FUNCTIONS.filter((f) => f.params.length === widest).map((f) => f.name)).toEqual(
      expect.arrayContaining(['PIPELINE_VALUE', 'SALES_VELOCITY', 'CLV_PREDICT']));
  });

  it('refuses an eighth argument after the segments, naming the cap', () => {
    const eight: Arg[] = [column(1), column('open'), column(1), '2025', column('2025-01-01'), 'won', 'lost', 'more'];
    expect(() => by('PIPELINE_VALUE', column('a'), ...eight)).toThrow(
      'METRIC_BY: at most 7 arguments may follow metric and segments (as many as the widest function takes), got 8');
  });

  it('refuses more arguments than the metric takes rather than dropping them', () => {
    expect(() => by('NPS', column('a', 'b'), column(9, 10), '2025', column('2025-01-01', '2025-01-02'), 'extra')).toThrow(
      'METRIC_BY: NPS takes at most 3 arguments, got 4 after segments');
  });

  it('has a generated stub that passes every argument on, so a tenth is refused by name, not dropped', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../scripts/stubs.mjs'), 'utf8').replace(/^export /gm, '');
    const customFunctionStub = new Function(`${source}\nreturn customFunctionStub;`)() as (spec: FunctionSpec, global: string) => string;
    const stub = customFunctionStub(METRIC_BY, 'CrmMetrics');
    expect(stub).toContain('function METRIC_BY(metric, segments, arg1, arg2, arg3, arg4, arg5, arg6, arg7)');
    const library = { run: (name: string, args: Arg[]) => runFunction(findFunction(name)!, args) };
    const stubbed = new Function('CrmMetrics', `${stub}\nreturn METRIC_BY;`)(library) as (...args: Arg[]) => Result;
    const seven: Arg[] = [column(1000, 2000), column('Open', 'Dropped'), column(0.5, 0.5), '2025', column('2025-01-01', '2025-01-02'), 'won', 'dropped'];
    expect(stubbed('PIPELINE_VALUE', column('a', 'b'), ...seven)).toEqual([['segment', 'value', 'n'], ['a', 500, 1], ['b', 0, 1]]);
    expect(() => stubbed('PIPELINE_VALUE', column('a', 'b'), ...seven, 'eighth')).toThrow(/^METRIC_BY: at most 7 arguments/);
  });
});

describe('METRIC_BY passes the seventh argument on', () => {
  it('gives PIPELINE_VALUE per region with its lost words: EU 500 and US 1000 (1500 and 1400 with "dropped" deals left open)', () => {
    const regions = column('EU', 'EU', 'US', 'US', 'EU', 'US');
    const amounts = column(1000, 2000, 4000, 3000, 500, 800);
    const outcomes = column('Open', 'Dropped', 'Open', 'Signed', 'Open', 'Dropped');
    const probabilities = column(0.5, 0.5, 0.25, 1, 1, 0.5);
    const dates = column('2025-01-10', '2025-02-01', '2025-03-01', '2025-01-20', '2025-04-02', '2025-02-15');
    const six: Arg[] = [amounts, outcomes, probabilities, '2025-Q1', dates, 'signed'];
    expect(by('PIPELINE_VALUE', regions, ...six, 'dropped')).toEqual([['segment', 'value', 'n'], ['EU', 500, 3], ['US', 1000, 3]]);
    expect(values(by('PIPELINE_VALUE', regions, ...six))).toEqual({ EU: 1500, US: 1400 });
  });

  it('gives SALES_VELOCITY per region in 2025-Q1 with its lost words: EU 100 and US 250 (225 and 1000 without them)', () => {
    // EU: 2 open × mean won 1500 × 2 won of 3 closed ÷ 20 days; US: 1 open × 6000 × 1/2 ÷ 12 days. Row 6 is created in Q2.
    const regions = column('EU', 'EU', 'EU', 'EU', 'EU', 'EU', 'US', 'US', 'US');
    const amounts = column(1000, 2000, 500, 3000, 4000, 9000, 6000, 1000, 2000);
    const outcomes = column('Signed', 'Signed', 'Dropped', 'Open', 'Open', 'Signed', 'Signed', 'Dropped', 'Open');
    const created = column('2025-01-01', '2025-01-01', '2025-01-05', '2025-02-01', '2025-02-10', '2025-04-01', '2025-02-01', '2025-02-02', '2025-03-01');
    const closed = column('2025-01-11', '2025-01-31', '2025-01-20', '', '', '2025-04-05', '2025-02-13', '2025-02-10', '');
    const six: Arg[] = [amounts, outcomes, created, closed, '2025-Q1', 'signed'];
    const seven = values(by('SALES_VELOCITY', regions, ...six, 'dropped'));
    expect(seven.EU).toBeCloseTo(100, 9);
    expect(seven.US).toBeCloseTo(250, 9);
    const withoutLost = values(by('SALES_VELOCITY', regions, ...six));
    expect(withoutLost.EU).toBeCloseTo(225, 9);
    expect(withoutLost.US).toBeCloseTo(1000, 9);
  });

  it('hands CLV_PREDICT its calibration_end: a bad one is its own error, a good one makes its table, which METRIC_BY refuses', () => {
    const example = findFunction('CLV_PREDICT')!.examples.find((e) => e.args.length === 7)!;
    const segments = column(...(example.args[0] as string[][]).map(([id]) => (id < 'e' ? 'early' : 'late')));
    const six = example.args.slice(0, 6);
    expect(() => by('CLV_PREDICT', segments, ...six, 'soon')).toThrow('METRIC_BY: CLV_PREDICT: calibration_end must be a date, got "soon"');
    expect(() => by('CLV_PREDICT', segments, ...six, example.args[6])).toThrow(/^METRIC_BY: CLV_PREDICT returns a table with these arguments/);
  });
});

describe('METRIC_BY over date segments', () => {
  it('names each segment by its day in the spreadsheet’s time zone, as the sheet shows it', () => {
    // Midnight of 2025-01-01 and 2025-01-02 in Bangkok (UTC+7): the UTC days would be 2024-12-31 and 2025-01-01.
    const days = [new Date(Date.UTC(2024, 11, 31, 17)), new Date(Date.UTC(2025, 0, 1, 17)), new Date(Date.UTC(2024, 11, 31, 17))];
    const got = runFunction(findFunction('METRIC_BY')!, ['APV', days.map((d) => [d]), [[10], [20], [30]]], { timeZone: () => 'Asia/Bangkok' }) as (string | number)[][];
    expect(got.slice(1).map((r) => [r[0], r[1]])).toEqual([['2025-01-01', 20], ['2025-01-02', 20]]);
  });
});
