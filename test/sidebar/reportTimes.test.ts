// Saved reports' times in the sidebar: the day and time in the spreadsheet's zone, in the user's language.

import { reportTime } from '../../sidebar/reports';
import { ZONE_CASES } from '../core/zoneCases';

/** ICU may put a no-break or narrow space between parts: compare with plain spaces. */
const shown = (iso: string | undefined, language: string, zone: string): string => reportTime(iso, language, zone).replace(/\s/g, ' ');

describe.each(ZONE_CASES)('a report refreshed in %s', (zone, newYear, dateTime) => {
  it('at midnight of 2025-01-01 there shows that day, not the UTC one', () => {
    expect(shown(newYear, 'en', zone)).toBe('Jan 1, 2025, 12:00 AM');
    expect(shown(newYear, 'cs', zone)).toBe('1. 1. 2025 0:00');
    expect(shown(newYear, 'pl', zone)).toBe('1 sty 2025, 00:00');
  });

  it('at 2025-03-30 01:30 there shows that day and time, in the Gregorian year the sheet shows', () => {
    expect(shown(dateTime, 'en', zone)).toBe('Mar 30, 2025, 1:30 AM');
    expect(shown(dateTime, 'ru', zone)).toBe('30 мар. 2025 г., 01:30');
    expect(shown(dateTime, 'th', zone)).toBe('30 มี.ค. 2025 01:30');
  });
});

describe('a report refreshed on a clock-change day', () => {
  it.each([
    ['America/Los_Angeles', '2025-03-09T09:59:00Z', 'Mar 9, 2025, 1:59 AM'],
    ['America/Los_Angeles', '2025-03-09T10:00:00Z', 'Mar 9, 2025, 3:00 AM'],
    ['Pacific/Auckland', '2025-04-05T13:30:00Z', 'Apr 6, 2025, 2:30 AM'],
    ['Pacific/Auckland', '2025-04-05T14:30:00Z', 'Apr 6, 2025, 2:30 AM'],
  ])('in %s at %s shows %s', (zone, iso, expected) => expect(shown(iso, 'en', zone)).toBe(expected));
});

describe('reportTime', () => {
  it('shows UTC, saying so, when the browser does not know the zone', () => {
    expect(reportTime('2024-12-31T17:00:00.000Z', 'en', 'Not/A_Zone')).toBe('2024-12-31 17:00 UTC');
  });

  it('shows nothing for no time and the text itself for an unreadable one', () => {
    expect(reportTime(undefined, 'en', 'Asia/Bangkok')).toBe('');
    expect(reportTime('yesterday', 'en', 'Asia/Bangkok')).toBe('yesterday');
  });
});
