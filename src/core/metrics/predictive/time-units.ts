// Time units of the predictive models: their length in days, and the month used for discounting.

export const DAY_MS = 86400000;
/** An average calendar month (365.25 / 12 days); lifetimes uses 30 days or 4.345 weeks. */
export const DAYS_PER_MONTH = 365.25 / 12;

export const TIME_UNITS = ['days', 'weeks', 'months'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7, months: DAYS_PER_MONTH };

/** The number of days in one unit. */
export function daysPerUnit(unit: TimeUnit): number {
  return DAYS_PER_UNIT[unit];
}
