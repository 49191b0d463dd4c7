// Self-test check: the spreadsheet's time zone, read through Intl as the core reads it (src/core/timezone.ts),
// agrees with Apps Script's Utilities.formatDate on instants around the zone's daylight-saving changes.

import { civilClock, isKnownTimeZone, MS_PER_DAY } from '../../core/timezone';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A zone with daylight saving, checked as well when the spreadsheet's zone has none. */
export const REFERENCE_ZONE = 'America/New_York';

const offsetAt = (zone: string, t: number): number => civilClock(zone)(t) - t;

const WEEK = 7 * MS_PER_DAY;

/** The instants (to the minute) in `year` at which the zone's UTC offset changes, by Intl's rules (at most one a week). */
export function offsetChanges(zone: string, year: number): number[] {
  const changes: number[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let week = Date.UTC(year, 0, 1); week < end; week += WEEK) {
    const next = Math.min(week + WEEK, end);
    if (offsetAt(zone, week) === offsetAt(zone, next)) continue;
    // The offset changes within this week: halve the interval down to the minute.
    let [lo, hi] = [week, next];
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, mid) === offsetAt(zone, lo)) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
  }
  return changes;
}

/** "2025-03-30 03:00" by Intl's rules. */
const intlText = (zone: string, t: number): string => new Date(civilClock(zone)(t)).toISOString().slice(0, 16).replace('T', ' ');

/** Compares Intl with Utilities.formatDate in `zone` around its offset changes in `year` (or at two dates, without any). */
function compareZone(zone: string, year: number): { instants: number; changes: number } {
  if (!isKnownTimeZone(zone)) throw new Error(`Intl does not know the time zone ${zone}`);
  const changes = offsetChanges(zone, year);
  const instants = changes.length
    ? changes.flatMap((t) => [t - HOUR, t - MINUTE, t, t + HOUR])
    : [Date.UTC(year, 0, 15, 12), Date.UTC(year, 6, 15, 12)];
  for (const t of instants) {
    const sheets = Utilities.formatDate(new Date(t), zone, 'yyyy-MM-dd HH:mm');
    const intl = intlText(zone, t);
    if (sheets !== intl) throw new Error(`in ${zone} at ${new Date(t).toISOString()}, Intl gives ${intl} but Utilities.formatDate gives ${sheets}`);
  }
  return { instants: instants.length, changes: changes.length };
}

/** Passes when both agree in the spreadsheet's zone (and, when it has no daylight saving, in REFERENCE_ZONE too). */
export function checkTimeZone(zone: string, now: number): string {
  const year = new Date(now).getUTCFullYear();
  const own = compareZone(zone, year);
  const said = own.changes
    ? `${zone}: ${own.instants} instants around its ${own.changes} offset changes in ${year} agree`
    : `${zone} has no offset change in ${year}: ${own.instants} instants agree`;
  if (own.changes) return said;
  const reference = compareZone(REFERENCE_ZONE, year);
  return `${said}; it has no daylight saving, so ${REFERENCE_ZONE} was checked too: ${reference.instants} instants agree`;
}
