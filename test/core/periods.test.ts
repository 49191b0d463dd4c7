import { countPeriods, indexInSeries, parseGrain, parsePeriod, periodOf, periodSeries, previousPeriod } from '../../src/core/periods';
import { civilClock } from '../../src/core/timezone';

const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const span = (label: string): string => {
  const p = parsePeriod(label);
  return p ? `${iso(p.start)}..${iso(p.end)}` : 'null';
};

describe('period labels', () => {
  it.each([
    ['2025', '2025-01-01..2026-01-01'],
    ['2025-Q1', '2025-01-01..2025-04-01'],
    ['2025-q4', '2025-10-01..2026-01-01'],
    ['2025-03', '2025-03-01..2025-04-01'],
    ['2025-W09', '2025-02-24..2025-03-03'],
    ['2026-W01', '2025-12-29..2026-01-05'],
    ['2020-W53', '2020-12-28..2021-01-04'],
    ['2025-03-15', '2025-03-15..2025-03-16'],
    ['2025-01-01..2025-03-31', '2025-01-01..2025-04-01'],
  ])('%s covers the half-open interval %s', (label, expected) => expect(span(label)).toBe(expected));

  it.each(['2025-13', '2025-Q5', '2025-W54', '2021-W53', '2025-02-30', '2025-03-31..2025-01-01', 'March', ''])('refuses %p', (label) => {
    expect(parsePeriod(label)).toBeNull();
  });

  it('labels a date by every grain', () => {
    const t = day(2025, 3, 1);
    expect(['year', 'quarter', 'month', 'week', 'day'].map((g) => periodOf(t, g as never).label)).toEqual(['2025', '2025-Q1', '2025-03', '2025-W09', '2025-03-01']);
  });

  it('gives the ISO year of a week that straddles New Year', () => {
    expect(periodOf(day(2024, 12, 30), 'week').label).toBe('2025-W01');
    expect(periodOf(day(2021, 1, 3), 'week').label).toBe('2020-W53');
  });

  it('steps back one period of the same grain, or one equal span for a range', () => {
    expect(previousPeriod(parsePeriod('2025-Q1')!).label).toBe('2024-Q4');
    expect(previousPeriod(parsePeriod('2025-W01')!).label).toBe('2024-W52');
    expect(previousPeriod(parsePeriod('2025-03-01..2025-03-10')!).label).toBe('2025-02-19..2025-02-28');
  });

  it('reads grain names in several spellings', () => {
    expect(['Month', 'monthly', 'months', ' WEEK '].map(parseGrain)).toEqual(['month', 'month', 'month', 'week']);
    expect(parseGrain('fortnight')).toBeNull();
  });
});

describe('series', () => {
  it('covers the span ascending with no period skipped', () => {
    const series = periodSeries(day(2024, 11, 20), day(2025, 2, 3), 'month');
    expect(series.map((p) => p.label)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    series.slice(1).forEach((p, k) => expect(p.start).toBe(series[k].end));
  });

  it('finds the period holding a date by binary search', () => {
    const series = periodSeries(day(2025, 1, 1), day(2025, 12, 31), 'week');
    expect(series[indexInSeries(series, day(2025, 3, 1))].label).toBe('2025-W09');
    expect(indexInSeries(series, day(2030, 1, 1))).toBe(-1);
  });

  it('estimates the number of periods without building them, never below the truth', () => {
    for (const g of ['year', 'quarter', 'month', 'week', 'day'] as const) {
      expect(countPeriods(day(2020, 1, 15), day(2025, 6, 3), g)).toBeGreaterThanOrEqual(periodSeries(day(2020, 1, 15), day(2025, 6, 3), g).length);
    }
  });
});

describe('time zones', () => {
  it('keeps a date on the 1st of a month in that month when the sheet is in Auckland and the script in New York', () => {
    // Sheets passes a date cell as the instant of midnight in the spreadsheet's zone.
    const midnightInAuckland = new Date('2025-03-01T00:00:00+13:00');
    const previous = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(midnightInAuckland.getDate()).toBe(28); // what the script's zone would wrongly say
      const civil = civilClock('Pacific/Auckland')(midnightInAuckland.getTime());
      expect(periodOf(civil, 'month').label).toBe('2025-03');
      expect(periodOf(civil, 'day').label).toBe('2025-03-01');
    } finally {
      process.env.TZ = previous;
    }
  });

  it('follows daylight saving changes', () => {
    const toCivil = civilClock('Pacific/Auckland');
    expect(toCivil(Date.parse('2025-01-15T00:00:00Z')) - Date.parse('2025-01-15T00:00:00Z')).toBe(13 * 3600_000);
    expect(toCivil(Date.parse('2025-07-15T00:00:00Z')) - Date.parse('2025-07-15T00:00:00Z')).toBe(12 * 3600_000);
  });
});
