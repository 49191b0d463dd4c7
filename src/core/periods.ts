// Periods on civil time: labels (2025, 2025-Q1, 2025-03, 2025-W09, 2025-03-15, a..b), grains and bucketing.

import { MS_PER_DAY } from './timezone';

export const GRAINS = ['year', 'quarter', 'month', 'week', 'day'] as const;
export type Grain = (typeof GRAINS)[number];

/** A half-open interval [start, end) of civil ms with the label the user sees. */
export interface Period {
  label: string;
  start: number;
  end: number;
  /** The grain a labelled period belongs to; absent for an explicit a..b range. */
  grain?: Grain;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const dayIndex = (t: number): number => Math.floor(t / MS_PER_DAY);
/** The day of a civil instant as YYYY-MM-DD. */
export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** Monday of the ISO week holding civil time `t`. */
function weekStart(t: number): number {
  const day = dayIndex(t);
  return (day - ((((day + 3) % 7) + 7) % 7)) * MS_PER_DAY;
}

/** ISO week label of the week starting at Monday `start`: the year is that of its Thursday. */
function weekLabel(start: number): string {
  const thursday = new Date(start + 3 * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY)) + 1;
  return `${year}-W${pad(week)}`;
}

/** The start of the grain's period that holds civil time `t`. */
export function periodStart(t: number, grain: Grain): number {
  if (grain === 'day') return dayIndex(t) * MS_PER_DAY;
  if (grain === 'week') return weekStart(t);
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (grain === 'year') return Date.UTC(y, 0, 1);
  const m = d.getUTCMonth();
  return Date.UTC(y, grain === 'quarter' ? m - (m % 3) : m, 1);
}

/** The start of the period after the one starting at `start`. */
export function nextStart(start: number, grain: Grain): number {
  if (grain === 'day') return start + MS_PER_DAY;
  if (grain === 'week') return start + 7 * MS_PER_DAY;
  const d = new Date(start);
  const step = grain === 'year' ? 12 : grain === 'quarter' ? 3 : 1;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1);
}

/** The label of the grain's period starting at `start`. */
export function periodLabel(start: number, grain: Grain): string {
  const d = new Date(start);
  const y = d.getUTCFullYear();
  switch (grain) {
    case 'year':
      return String(y);
    case 'quarter':
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'month':
      return `${y}-${pad(d.getUTCMonth() + 1)}`;
    case 'week':
      return weekLabel(start);
    case 'day':
      return isoDay(start);
  }
}

/** The grain's period holding civil time `t`. */
export function periodOf(t: number, grain: Grain): Period {
  const start = periodStart(t, grain);
  return { label: periodLabel(start, grain), start, end: nextStart(start, grain), grain };
}

/** The period just before `p`: the previous one of its grain, or an equally long range for a..b. */
export function previousPeriod(p: Period): Period {
  if (p.grain) return periodOf(p.start - 1, p.grain);
  const start = p.start - (p.end - p.start);
  return { label: `${isoDay(start)}..${isoDay(p.start - MS_PER_DAY)}`, start, end: p.start };
}

const GRAIN_WORDS: Record<string, Grain> = {
  year: 'year', years: 'year', yearly: 'year', annual: 'year',
  quarter: 'quarter', quarters: 'quarter', quarterly: 'quarter',
  month: 'month', months: 'month', monthly: 'month',
  week: 'week', weeks: 'week', weekly: 'week',
  day: 'day', days: 'day', daily: 'day',
};

/** A grain from its name ("month", "Monthly", "months"), or null. */
export function parseGrain(text: string): Grain | null {
  return GRAIN_WORDS[text.trim().toLowerCase()] ?? null;
}

function civilDay(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? t : null;
}

/** A period from its label, or null when the text is not one. */
export function parsePeriod(text: string): Period | null {
  const s = text.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return periodOf(Date.UTC(Number(m[1]), 0, 1), 'year');
  if ((m = /^(\d{4})-?Q([1-4])$/.exec(s))) return periodOf(Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1), 'quarter');
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const t = civilDay(Number(m[1]), Number(m[2]), 1);
    return t === null ? null : periodOf(t, 'month');
  }
  if ((m = /^(\d{4})-?W(\d{2})$/.exec(s))) {
    const year = Number(m[1]);
    const week1 = weekStart(Date.UTC(year, 0, 4));
    const p = periodOf(week1 + (Number(m[2]) - 1) * 7 * MS_PER_DAY, 'week');
    return p.label === `${year}-W${m[2]}` ? p : null;
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    const t = civilDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return t === null ? null : periodOf(t, 'day');
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})\s*\.\.\s*(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    const from = civilDay(Number(m[1]), Number(m[2]), Number(m[3]));
    const to = civilDay(Number(m[4]), Number(m[5]), Number(m[6]));
    if (from === null || to === null || to < from) return null;
    return { label: `${isoDay(from)}..${isoDay(to)}`, start: from, end: to + MS_PER_DAY };
  }
  return null;
}

/** Every period of `grain` from the one holding `min` to the one holding `max`, ascending, none skipped. */
export function periodSeries(min: number, max: number, grain: Grain): Period[] {
  const series: Period[] = [];
  for (let start = periodStart(min, grain); start <= max; ) {
    const end = nextStart(start, grain);
    series.push({ label: periodLabel(start, grain), start, end, grain });
    start = end;
  }
  return series;
}

/** How many periods of `grain` the span min..max covers, without building them. */
export function countPeriods(min: number, max: number, grain: Grain): number {
  const days = (max - min) / MS_PER_DAY;
  const perDay = { year: 1 / 365, quarter: 1 / 90, month: 1 / 28, week: 1 / 7, day: 1 }[grain];
  return Math.ceil(days * perDay) + 1;
}

/** Index of the period in `series` (ascending, contiguous) holding `t`, or -1. Binary search. */
export function indexInSeries(series: readonly Period[], t: number): number {
  let lo = 0;
  let hi = series.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < series[mid].start) hi = mid - 1;
    else if (t >= series[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
