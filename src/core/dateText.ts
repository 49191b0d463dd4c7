// A date as the sheet shows it: the calendar day, and the time when there is one, on the spreadsheet's clock.

import { MS_PER_DAY } from './timezone';

/** Maps an instant (ms since epoch) to civil ms in the spreadsheet's time zone (`civilClock`, `CallContext.toCivil`). */
export type ToCivil = (instant: number) => number;

/** Civil ms as "2025-01-01", "2025-03-30 01:30" or "2025-03-30 01:30:15": the time only when it is not midnight. */
export function showCivil(civil: number): string {
  const date = new Date(civil);
  if (isNaN(date.getTime())) return 'Invalid Date';
  const iso = date.toISOString(); // [+-YY]YYYY-MM-DDTHH:MM:SS.sssZ
  const t = iso.indexOf('T');
  const sinceMidnight = ((civil % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  if (sinceMidnight === 0) return iso.slice(0, t);
  return `${iso.slice(0, t)} ${iso.slice(t + 1, t + (sinceMidnight % 60_000 ? 9 : 6))}`;
}

/** A Date cell (an instant) as the day and time it shows in the spreadsheet's time zone. */
export const showDate = (date: Date, toCivil: ToCivil): string => showCivil(toCivil(date.getTime()));
