// A date as the sheet shows it: the day (and time) in the spreadsheet's zone, never the UTC day, whatever the process TZ.

import { showCivil, showDate } from '../../src/core/dateText';
import { messages, showValue } from '../../src/core/errors';
import { civilClock } from '../../src/core/timezone';
import { DST_CASES, ZONE_CASES } from './zoneCases';

describe('showCivil', () => {
  it.each([
    [Date.UTC(2025, 0, 1), '2025-01-01'],
    [Date.UTC(2025, 2, 30, 1, 30), '2025-03-30 01:30'],
    [Date.UTC(2025, 2, 30, 1, 30, 15), '2025-03-30 01:30:15'],
    [Date.UTC(1899, 11, 30, 9, 5), '1899-12-30 09:05'],
    [Date.UTC(12025, 0, 1), '+012025-01-01'],
    [NaN, 'Invalid Date'],
  ])('shows civil ms %p as %p', (civil, shown) => expect(showCivil(civil)).toBe(shown));
});

describe.each(ZONE_CASES)('a date cell in %s', (zone, newYear, dateTime) => {
  const toCivil = civilClock(zone);

  it('shows midnight of 2025-01-01 there as 2025-01-01, not the UTC day', () => {
    expect(showDate(new Date(newYear), toCivil)).toBe('2025-01-01');
    expect(showValue(new Date(newYear), toCivil)).toBe('2025-01-01');
  });

  it('shows a date-time cell with its local time', () => {
    expect(showDate(new Date(dateTime), toCivil)).toBe('2025-03-30 01:30');
  });

  it('names the cell so in every message that shows a value', () => {
    const at = { param: 'scores', row: 1, column: 1, columns: 1 };
    const day = new Date(newYear);
    expect(messages.badCells('NPS', 1, 'scores from 0 to 10', day, toCivil, at).message)
      .toBe('NPS: 1 value is not scores from 0 to 10 (first: 2025-01-01 in row 1 of scores)');
    expect(messages.badScalar('CLV', 'arpa', 'an amount', day, toCivil).message).toBe('CLV: arpa must be an amount, got 2025-01-01');
    expect(messages.badOption('X', 'unit', new Date(dateTime), toCivil, ['hours']).message).toBe('X: unit must be one of "hours", got 2025-03-30 01:30');
    expect(messages.badPeriod('X', day, toCivil).message).toMatch(/^X: 2025-01-01 is not a period;/);
    expect(messages.unknownFunction('METRIC_BY', day, toCivil).message).toBe('METRIC_BY: 2025-01-01 is not a function of this add-on');
  });
});

describe.each(DST_CASES)('on a clock-change day in %s', (zone, instant, shown) => {
  it(`shows ${instant} as ${shown}`, () => expect(showDate(new Date(instant), civilClock(zone))).toBe(shown));
});

describe('showValue', () => {
  it('shows text, numbers and invalid dates without needing a clock for text', () => {
    expect(showValue('abc')).toBe('"abc"');
    expect(showValue(7.5, civilClock('Asia/Bangkok'))).toBe('7.5');
    expect(showValue(new Date(NaN), civilClock('Asia/Bangkok'))).toBe('an invalid date');
  });
});
