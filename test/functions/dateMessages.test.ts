// Custom-function messages show a date cell as the sheet shows it: the day (and time) in the spreadsheet's zone.

import { findFunction } from '../../src/functions/catalogue';
import { column } from '../../src/functions/examples';
import { runFunction, type CallEnvironment } from '../../src/functions/runner';
import type { Arg } from '../../src/functions/spec';
import { ZONE_CASES } from '../core/zoneCases';

const DAY = 86_400_000;
const run = (env: CallEnvironment, name: string, ...args: Arg[]) => runFunction(findFunction(name)!, args, env);
const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error was thrown');
};

/** 2025-06-30 00:00 in each zone (Auckland on winter time, Los Angeles on summer time), written out by hand. */
const JUNE_30: Record<string, string> = {
  'Asia/Bangkok': '2025-06-29T17:00:00Z', 'Pacific/Auckland': '2025-06-29T12:00:00Z', 'America/Los_Angeles': '2025-06-30T07:00:00Z',
};

describe.each(ZONE_CASES)('in %s', (zone, newYear, dateTime) => {
  const env: CallEnvironment = { timeZone: () => zone };
  const day = new Date(newYear);
  const dayAndTime = new Date(dateTime);

  it('a rejected date cell is named by its day there', () => {
    expect(failure(() => run(env, 'NPS', column(day))))
      .toBe('NPS: 1 value is not scores from 0 to 10 (first: 2025-01-01 in row 1 of scores)');
    expect(failure(() => run(env, 'NPS', [[10, 9], [day, 'x']])))
      .toBe('NPS: 2 values are not scores from 0 to 10 (first: 2025-01-01 in row 2, column 1 of scores)');
  });

  it('a rejected date-time cell is named by its day and time there', () => {
    expect(failure(() => run(env, 'CSAT', column(4, dayAndTime))))
      .toMatch(/^CSAT: 1 value is not .* \(first: 2025-03-30 01:30 in row 2 of scores\)$/);
  });

  it('every kind of message that shows a cell shows the day there', () => {
    expect(failure(() => run(env, 'CLV', day, 0.8, 0.05))).toMatch(/^CLV: arpa must be .*, got 2025-01-01$/);
    expect(failure(() => run(env, 'LEAD_RESPONSE_TIME', column(day), column(day), dayAndTime)))
      .toMatch(/^LEAD_RESPONSE_TIME: unit must be one of .*, got 2025-03-30 01:30$/);
    expect(failure(() => run(env, 'METRIC_BY', day, column('north'), column(9))))
      .toBe('METRIC_BY: 2025-01-01 is not a function of this add-on');
    expect(failure(() => run(env, 'HEALTH_SCORE', [[1, 2], [3, 4]], [[1, 1]], [['higher', day]])))
      .toBe('HEALTH_SCORE: 1 value is not "higher" or "lower" (first: 2025-01-01 in row 1, column 2 of directions)');
    expect(failure(() => run(env, 'FCR', column(1, dayAndTime)))).toMatch(/\(first: 2025-03-30 01:30 in row 2 of contacts\)$/);
  });

  it('a date cell as the period names that day', () => {
    const scores = column(9, 10);
    const dates = column(new Date(Date.parse(newYear) + DAY), new Date(Date.parse(newYear) + 2 * DAY));
    expect(failure(() => run(env, 'NPS', scores, day, dates))).toBe('NPS: no scores in 2025-01-01');
  });

  it('MODEL_FIT shows its calibration end as the day there, in its table and in its message', () => {
    const [ids, dates, amounts] = findFunction('MODEL_FIT')!.examples[0].args;
    const table = run(env, 'MODEL_FIT', ids, dates, amounts, new Date(JUNE_30[zone])) as (string | number)[][];
    expect(table[table.length - 1]).toEqual(['data', 'calibration end', '2025-06-30']);
    expect(failure(() => run(env, 'MODEL_FIT', ids, dates, amounts, new Date(Date.parse(newYear) - DAY))))
      .toBe('MODEL_FIT: no customer made a first purchase on or before the calibration end 2024-12-31');
  });
});

describe('a message without dates', () => {
  it('never asks for the time zone', () => {
    const env: CallEnvironment = { timeZone: () => { throw new Error('the zone was read'); } };
    expect(failure(() => run(env, 'NPS', column(10, 'abc')))).toBe('NPS: 1 value is not scores from 0 to 10 (first: "abc" in row 2 of scores)');
  });
});
