// METRIC_BY over every function of the table at its full arity: each segment gets what the function gives that segment's rows.

import { FUNCTIONS, findFunction } from '../../src/functions/catalogue';
import { column } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg, FunctionSpec, Result } from '../../src/functions/spec';
import type { Cell } from '../../src/core/values';

const METRIC_BY = findFunction('METRIC_BY')!;

const stamps = column('2025-03-03 09:00', '2025-03-03 10:00', '2025-03-03 14:00', '2025-03-04 08:00');
const answered = column('2025-03-03 11:00', '2025-03-03 10:30', '', '2025-03-04 12:00');
const marchDates = (n: number) => column(...['2025-03-02', '2025-03-09', '2025-04-01', '2025-03-20', '2025-02-27', '2025-03-31'].slice(0, n));

/** Full-arity arguments for the entries none of whose examples gives every parameter. */
const CONSTRUCTED: Record<string, Arg[]> = {
  CES: [column(7, 6, 5, '', 2), 7, '2025-03', marchDates(5)],
  CSAT: [column(10, 9, 8, 7), 10, 8, '2025-03', marchDates(4)],
  NPS_CI: [column(10, 10, 9, 9, 8, 7, 6, 3, 0, 10), 0.9],
  RENEWAL_RATE: [column('extended', 'cancelled', 'Extended', 'extended'), 'extended', '2025-03', marchDates(4)],
  LEAD_CONVERSION: [column('Signed up', 'Visitor', 'Signed up', 'Visitor'), 'signed up', '2025-03', marchDates(4)],
  LEAD_QUALIFICATION_RATE: [column('MQL', 'New', 'SQL', 'Customer', 'Disqualified'), 'mql, sql', '2025-03', marchDates(5)],
  LEAD_RESPONSE_TIME: [stamps, answered, 'minutes', '2025-03-03'],
  TRAFFIC_TO_LEAD: [column(12, 8, 5, 9), column(400, 600, 100, 300), '2025-03', marchDates(4)],
  PIPELINE_VALUE: [column(1000, 5000, 2000, 3000), column('Open', 'Signed', 'Negotiation', 'Dropped'), column(0.5, 1, 0.25, 0.5), '2025', marchDates(4), 'signed', 'dropped'],
  SALES_CYCLE: [column('2025-01-01', '2025-01-10', '2025-02-01', '2025-02-01'), column('2025-01-31', '2025-02-09', '2025-02-16', '2025-02-11'),
    column('Signed', 'Signed', 'Lost', 'Signed'), 'median', '2025', 'signed'],
  SALES_VELOCITY: [column(1000, 2000, 500, 3000, 4000, 1500), column('Signed', 'Signed', 'Dropped', 'Open', 'Open', 'Dropped'),
    column('2025-01-01', '2025-01-01', '2025-01-05', '2025-02-01', '2025-02-10', '2025-01-02'),
    column('2025-01-11', '2025-01-31', '2025-01-20', '', '', '2025-01-09'), '2025-Q1', 'signed', 'dropped'],
  STAGE_DURATION: [column('A', 'A', 'A', 'B', 'B'), column('Lead', 'Proposal', 'Won', 'Lead', 'Proposal'),
    column('2025-01-01', '2025-01-11', '2025-01-21', '2025-01-05', '2025-01-09'), '2025-01'],
  AVG_RESPONSE_TIME: [stamps, answered, 'minutes', '2025-03-03'],
  ENGAGEMENT_RATE: [column(30, 20, 10, 40), column(200, 300, 100, 400), '2025-03', marchDates(4)],
  FCR: [column(1, 2, 1, 3, ''), '2025-03', marchDates(5)],
  RESOLUTION_TIME: [stamps, column('2025-03-03 17:00', '2025-03-04 06:00', '2025-03-03 16:00', '2025-03-04 09:00'), 'hours', 'median', '2025-03-03'],
  SLA_COMPLIANCE: [stamps, answered, 3, '2025-03-03'],
  APV: [column(100, 50, 150, 70), column('O1', 'O1', 'O2', 'O3'), '2025-03', marchDates(4)],
  MODEL_FIT: [...findFunction('MODEL_FIT')!.examples[0].args.slice(0, 4), 'weeks'],
};

/** HEALTH_SCORE spills a score per row and its weights are one per column, not per row: METRIC_BY cannot segment it. */
const LEFT_OUT = new Set(['METRIC_BY', 'HEALTH_SCORE']);

function fullArgs(spec: FunctionSpec): Arg[] {
  return spec.examples.find((e) => e.args.length === spec.params.length)?.args ?? CONSTRUCTED[spec.name] ?? [];
}

/** Rows of the table: the row count of the data ranges (range parameters, or several cells of "number or range"); 2 when none. */
function rowsOf(spec: FunctionSpec, args: Arg[]): number {
  const data = args.find((a, k) => Array.isArray(a) && (spec.params[k].type === 'range' || (spec.params[k].type === 'number or range' && a.length > 1)));
  return data ? (data as Cell[][]).length : 2;
}

/** The function run directly on one segment's rows: its result, or "" and the error. */
function direct(spec: FunctionSpec, args: Arg[], keep: boolean[]): { value: Result | ''; error?: string } {
  const n = keep.length;
  const sliced = args.map((a, k) => (Array.isArray(a) && a.length === n && ['range', 'number or range'].includes(spec.params[k].type) ? a.filter((_, r) => keep[r]) : a));
  try {
    return { value: runFunction(spec, sliced) };
  } catch (e) {
    return { value: '', error: (e as Error).message };
  }
}

/** A function at full arity over segments a, b, a, b …: METRIC_BY's call and the function's own results per segment. */
function scenario(spec: FunctionSpec) {
  const args = fullArgs(spec);
  const n = rowsOf(spec, args);
  const segments = Array.from({ length: n }, (_, r) => (r % 2 ? 'b' : 'a'));
  const perSegment = (a: Arg[]) => ['a', 'b'].slice(0, Math.min(n, 2)).map((s) => direct(spec, a, segments.map((x) => x === s)));
  const expected = perSegment(args);
  return {
    args, expected, withoutLast: perSegment(args.slice(0, -1)), spills: expected.some((e) => Array.isArray(e.value)),
    call: (): Result => runFunction(METRIC_BY, [spec.name, column(...segments), ...args]),
  };
}

const all = FUNCTIONS.filter((f) => !LEFT_OUT.has(f.name)).map((f) => [f.name, f, scenario(f)] as const);
const numeric = all.filter(([, , s]) => !s.spills);
const spilling = all.filter(([, , s]) => s.spills);

describe('METRIC_BY at every function’s full arity', () => {
  it('has full-arity arguments for every function, seven for PIPELINE_VALUE, SALES_VELOCITY and CLV_PREDICT', () => {
    for (const [name, spec, s] of all) expect([name, s.args.length]).toEqual([name, spec.params.length]);
    expect(['PIPELINE_VALUE', 'SALES_VELOCITY', 'CLV_PREDICT'].map((name) => fullArgs(findFunction(name)!).length)).toEqual([7, 7, 7]);
  });

  it.each(numeric)('gives each segment what %s gives its rows with every argument, the last one changing the answer', (_, spec, s) => {
    expect(s.expected).not.toEqual(s.withoutLast);
    if (s.expected.every((e) => e.error)) {
      expect(s.call).toThrow(`METRIC_BY: ${s.expected[0].error}`);
      return;
    }
    const table = s.call() as (string | number)[][];
    expect(table.slice(1).map((row) => row[0])).toEqual(['a', 'b'].slice(0, s.expected.length));
    table.slice(1).forEach((row, g) => {
      const want = s.expected[g].value;
      if (typeof want === 'number') expect(row[1]).toBeCloseTo(want, 9);
      else expect(row[1]).toBe('');
    });
  });

  it('computes a number for at least one segment of every function that returns one', () => {
    expect(numeric.filter(([, , s]) => !s.expected.some((e) => typeof e.value === 'number')).map(([name]) => name)).toEqual([]);
  });

  it.each(spilling)('refuses %s at full arity, since it spills a table for a segment', (_, spec, s) => {
    expect(s.call).toThrow(`METRIC_BY: ${spec.name} returns a table with these arguments`);
  });
});
