import { column } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg, FunctionSpec } from '../../src/functions/spec';
import { AVG_RESPONSE_TIME, ENGAGEMENT_RATE, FCR, RESOLUTION_TIME, SLA_COMPLIANCE } from '../../src/functions/table/service';

const call = (spec: FunctionSpec, ...args: Arg[]) => runFunction(spec, args);
const at = (iso: string) => new Date(`${iso}:00Z`);

// Four tickets: answered after 2 h, 0.5 h, never, 4 h; resolved after 8 h, 20 h, 2 h, not yet.
const opened = column(at('2025-03-03T09:00'), at('2025-03-03T10:00'), at('2025-03-03T14:00'), at('2025-03-04T08:00'));
const responded = column(at('2025-03-03T11:00'), at('2025-03-03T10:30'), '', at('2025-03-04T12:00'));
const resolved = column(at('2025-03-03T17:00'), at('2025-03-04T06:00'), at('2025-03-03T16:00'), '');

describe('AVG_RESPONSE_TIME', () => {
  it('gives the mean hours to the first response, skipping unanswered tickets: 6.5 ÷ 3', () => {
    expect(call(AVG_RESPONSE_TIME, opened, responded)).toBeCloseTo(6.5 / 3, 12);
  });

  it('answers in minutes when asked', () => expect(call(AVG_RESPONSE_TIME, opened, responded, 'minutes')).toBe(130));

  it('reads dates written as text', () => {
    expect(call(AVG_RESPONSE_TIME, column('2025-03-03 09:00', '2025-03-03 10:00'), column('2025-03-03 11:00', '2025-03-03 10:30'))).toBe(1.25);
  });

  it('reads Date cells and text dates mixed in one column, and names an invalid Date', () => {
    const at = (iso: string) => new Date(`${iso}:00Z`);
    expect(call(AVG_RESPONSE_TIME, column(at('2025-03-03T09:00'), '', '2025-03-03 10:00'), column(at('2025-03-03T11:00'), at('2025-03-03T12:00'), at('2025-03-03T10:30')))).toBe(1.25);
    expect(() => call(AVG_RESPONSE_TIME, column(at('2025-03-03T09:00'), new Date(NaN)), column('', ''))).toThrow(/^AVG_RESPONSE_TIME: 1 value is not dates \(first: an invalid date in row 2 of opened\)/);
  });

  it('refuses ranges of different sizes, Date cells or not', () => {
    expect(() => call(AVG_RESPONSE_TIME, opened, column(at('2025-03-03T11:00'), '')))
      .toThrow('AVG_RESPONSE_TIME: responded has 2 cells but opened has 4; give ranges of the same size');
  });

  it('rejects a response before the ticket was opened, naming the row', () => {
    expect(() => call(AVG_RESPONSE_TIME, opened, column(at('2025-03-03T11:00'), at('2025-03-03T09:59'), '', ''))).toThrow(
      'AVG_RESPONSE_TIME: 1 row ends before it starts (first: row 2 of responded)');
  });

  it('says when no ticket was answered', () => {
    expect(() => call(AVG_RESPONSE_TIME, opened, column('', '', '', ''))).toThrow('AVG_RESPONSE_TIME: no answered tickets to compute on');
  });

  it('spills a daily series dated by opening', () => {
    expect(call(AVG_RESPONSE_TIME, opened, responded, 'hours', 'day')).toEqual([
      ['period', 'response time', 'tickets'], ['2025-03-03', 1.25, 2], ['2025-03-04', 4, 1],
    ]);
  });
});

describe('RESOLUTION_TIME', () => {
  it('gives the mean hours to resolution of resolved tickets: (8 + 20 + 2) ÷ 3', () => expect(call(RESOLUTION_TIME, opened, resolved)).toBe(10));

  it('gives the median, or days, on request', () => {
    expect(call(RESOLUTION_TIME, opened, resolved, '', 'median')).toBe(8);
    expect(call(RESOLUTION_TIME, opened, resolved, 'days')).toBeCloseTo(10 / 24, 12);
  });

  it('dates tickets by their resolution in a period', () => {
    expect(call(RESOLUTION_TIME, opened, resolved, 'hours', 'mean', '2025-03-03')).toBe(5);
    expect(call(RESOLUTION_TIME, opened, resolved, 'hours', 'mean', '2025-03-04')).toBe(20);
  });

  it('rejects an unknown unit and a resolution range of another size', () => {
    expect(() => call(RESOLUTION_TIME, opened, resolved, 'ages')).toThrow('RESOLUTION_TIME: unit must be one of');
    expect(() => call(RESOLUTION_TIME, opened, column(at('2025-03-03T17:00')))).toThrow('RESOLUTION_TIME: resolved has 1 cell but opened has 4');
  });
});

describe('FCR', () => {
  it('gives the share of tickets closed in one contact from contact counts: 2 of 4', () => {
    expect(call(FCR, column(1, 2, 1, 3, ''))).toBe(0.5);
  });

  it('reads checkboxes, yes/no words and 1/0 flags', () => {
    expect(call(FCR, column(true, false, true, true))).toBe(0.75);
    expect(call(FCR, column('yes', 'No', 1, 0))).toBe(0.5);
  });

  it('rejects cells that are neither counts nor yes/no, naming the first', () => {
    expect(() => call(FCR, column(1, 'maybe', 2.5))).toThrow('FCR: 2 values are not contact counts (1, 2, …) or TRUE/FALSE (first: "maybe" in row 2 of contacts)');
  });

  it('keeps the tickets dated in a period', () => {
    const dates = column(at('2025-03-01T10:00'), at('2025-03-31T23:00'), at('2025-04-01T00:00'));
    expect(call(FCR, column(1, 2, 1), '2025-03', dates)).toBe(0.5);
  });

  it('says when every cell is blank', () => expect(() => call(FCR, column('', ''))).toThrow('FCR: no tickets to compute on'));
});

describe('SLA_COMPLIANCE', () => {
  it('counts a response exactly on the target as compliant: all three within 4 hours', () => {
    expect(call(SLA_COMPLIANCE, opened, responded, 4)).toBe(1);
  });

  it('gives 1 of 3 within one hour, skipping the unanswered ticket', () => {
    expect(call(SLA_COMPLIANCE, opened, responded, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('keeps the tickets opened in a period', () => expect(call(SLA_COMPLIANCE, opened, responded, 2, '2025-03-04')).toBe(0));

  it('rejects a negative target and a target range', () => {
    expect(() => call(SLA_COMPLIANCE, opened, responded, -1)).toThrow('SLA_COMPLIANCE: target_hours must be a number of hours of 0 or more, got -1');
    expect(() => call(SLA_COMPLIANCE, opened, responded, column(1, 2))).toThrow('SLA_COMPLIANCE: target_hours must be a single number, not a range');
  });
});

describe('ENGAGEMENT_RATE', () => {
  it('divides total engaged by total reached, from ranges or numbers', () => {
    expect(call(ENGAGEMENT_RATE, column(30, 20, ''), column(200, 300, ''))).toBe(0.1);
    expect(call(ENGAGEMENT_RATE, 45, 300)).toBe(0.15);
  });

  it('spills a monthly series from rows beside dates', () => {
    const dates = column(at('2025-01-05T00:00'), at('2025-01-20T00:00'), at('2025-03-01T00:00'));
    expect(call(ENGAGEMENT_RATE, column(10, 20, 5), column(100, 100, 50), 'month', dates)).toEqual([
      ['period', 'engagement rate', 'rows'], ['2025-01', 0.15, 2], ['2025-02', '', 0], ['2025-03', 0.1, 1],
    ]);
  });

  it('refuses a total of zero', () => {
    expect(() => call(ENGAGEMENT_RATE, 3, column(0, ''))).toThrow('ENGAGEMENT_RATE: the total reached is zero, so the rate cannot be computed');
  });
});
