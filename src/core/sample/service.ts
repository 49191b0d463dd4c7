// Sample support tickets: office-hours responses (weekend tickets breach a 24-hour SLA), busy months slower, open ones at the end.

import { MS_PER_DAY } from '../timezone';
import { addWorkingHours, HOUR, monthsBetween, sortBy, SPAN_DAYS, toMinute, weighted, type Ctx, type SampleCell, type SampleTable } from './context';

const PRIORITIES = ['Low', 'Normal', 'High'];
/** Working hours to the first response and to the resolution after it, typically, by priority. */
const RESPOND: Record<string, number> = { Low: 8, Normal: 3, High: 0.75 };
const RESOLVE: Record<string, number> = { Low: 30, Normal: 16, High: 6 };

/**
 * Tickets opened over the span (fewer at weekends). Normal and low-priority tickets are answered and worked on in
 * office hours, so a ticket from Friday evening waits for Monday; high-priority ones are answered around the clock.
 * Each month has its own load, which stretches response and resolution times. Some tickets wait days on the customer
 * or weeks on engineering; a response or resolution after the end is blank (still open). Most tickets need one contact, some several.
 */
export function tickets(c: Ctx, n: number): SampleTable {
  const months = monthsBetween(c.start, c.end) + 1;
  const load = Array.from({ length: months }, () => 0.6 + 0.9 * c.r());
  const rows: SampleCell[][] = [];
  for (let i = 0; i < n; i++) {
    // Support follows usage, which the season moves less than sales: half the tickets come on any day of the year.
    let day: number;
    do day = c.r() < 0.5 ? c.seasonalDay() : c.start + Math.floor(c.r() * SPAN_DAYS) * MS_PER_DAY;
    while ([0, 6].includes(new Date(day).getUTCDay()) && c.r() < 0.5);
    const opened = day + Math.floor((7 + c.r() * 14) * 60) * 60_000;
    const who = c.customer();
    const priority = weighted(c.r, PRIORITIES, [0.3, 0.55, 0.15]);
    const busy = load[monthsBetween(c.start, day)];
    // A ticket now and then lands in the wrong queue and waits one to three working days for its first answer.
    const missed = c.r() < 0.07;
    const respondHours = missed ? 10 + c.r() * 20 : RESPOND[priority] * busy * (0.1 + 1.8 * c.r() ** 2);
    const responded = toMinute(priority === 'High' && !missed ? opened + respondHours * HOUR : addWorkingHours(opened, respondHours));
    // Some tickets wait on the customer for days, a few are escalated to engineering for weeks.
    const stuck = c.r();
    const waiting = (stuck < 0.15 ? 2 + c.r() * 23 : stuck > 0.95 ? 5 + c.r() * 35 : 0) * MS_PER_DAY;
    const resolved = toMinute(addWorkingHours(responded, RESOLVE[priority] * busy * (0.1 + 2 * c.r() ** 2)) + waiting);
    const contacts = 1 + Math.floor(c.r() ** 3 * (priority === 'High' ? 4.5 : 3.2) + (waiting ? 1 : 0));
    rows.push([
      `T${String(i + 1).padStart(6, '0')}`, who, c.segmentOf(who), c.time(opened), responded < c.cutoff ? c.time(responded) : '',
      resolved < c.cutoff ? c.time(resolved) : '', contacts, priority,
    ]);
  }
  return { name: 'Tickets', headers: ['Ticket ID', 'Customer', 'Segment', 'Opened', 'First response', 'Resolved', 'Contacts', 'Priority'], rows: sortBy(rows, 3) };
}
