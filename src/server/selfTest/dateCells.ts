// Self-test check: dates written to cells of the scratch sheet read back as the same calendar days in the
// spreadsheet's zone, as Date values at that day's start (what the custom functions and summaries rely on).

import { civilClock, MS_PER_DAY } from '../../core/timezone';
import type { Scratch } from './scratch';
import { offsetChanges } from './timeZone';
import { isoDay } from '../../core/periods';

/** The instant at which the civil time `civil` (ms, as if UTC) happens in `zone`; on a day that starts with a jump (no 00:00), the jump. */
export function instantOf(zone: string, civil: number): number {
  const clock = civilClock(zone);
  const first = civil - (clock(civil) - civil);
  // Once more, for a day whose offset differs from that of the instant guessed first.
  const second = civil - (clock(first) - first);
  for (const t of [second, first]) if (clock(t) === civil) return t;
  return Math.max(first, second);
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Days to write: a leap day, year ends, and the days of the zone's offset changes this year. */
export function daysToCheck(zone: string, now: number): string[] {
  const year = new Date(now).getUTCFullYear();
  const changes = offsetChanges(zone, year).map((t) => isoDay(Math.floor(civilClock(zone)(t) / MS_PER_DAY) * MS_PER_DAY));
  return [...new Set(['2000-01-01', '2024-02-29', `${year}-01-01`, ...changes, `${year}-12-31`])];
}

export function checkDateCells(scratch: Scratch, zone: string, now: number): string {
  const { id, sheet } = scratch.sheet();
  const days = daysToCheck(zone, now);
  const values = days.map((d) => [new Date(instantOf(zone, Date.parse(d)))]);
  const range = { row: 1, column: 1, rows: days.length, columns: 1 };
  scratch.wb.writeBlock(id, { ...range, values, formats: days.map(() => ['yyyy-mm-dd']) });
  const read = scratch.wb.readValues(id, range);
  const shown = sheet.getRange(1, 1, days.length, 1).getDisplayValues();
  days.forEach((day, k) => {
    const v = read[k][0];
    if (!isDate(v)) throw new Error(`${day} came back as ${JSON.stringify(v)}, not a date`);
    const got = isoDay(civilClock(zone)(v.getTime()));
    if (got !== day) throw new Error(`${day} came back as ${v.toISOString()}, which is ${got} in ${zone}`);
    if (shown[k][0] !== day) throw new Error(`${day} is shown as ${shown[k][0]}`);
  });
  return `${days.length} days (${days.join(', ')}) came back as the same days in ${zone}`;
}
