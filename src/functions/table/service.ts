// Function table entries for service: AVG_RESPONSE_TIME, RESOLUTION_TIME, FCR, SLA_COMPLIANCE, ENGAGEMENT_RATE.

import { positionOf, type FlagColumn } from '../../core/columns';
import { durationsBetween } from '../../core/durations';
import { MetricError, messages } from '../../core/errors';
import { coerceFirstContact, slaAggregate } from '../../core/metrics/service';
import { isBlank, type Cell } from '../../core/values';
import { durationResult, durationSummary, durationUnit, statistic } from '../durations';
import { column } from '../examples';
import { finiteResult } from '../finite';
import { amounts } from '../sums';
import { dates, durationDates } from '../dateParams';
import { number, optional } from '../params';
import { asRange } from '../ranges';
import { aggregateByPeriod } from '../periodic';
import { datesBeside, periodParam, ratioOfTotals, shareByPeriod } from '../rates';
import { defineFunction, type Param } from '../spec';

const opened = durationDates('opened', 'When each ticket was opened (date and time).');
const tickets = {
  opened: column('2025-03-03 09:00', '2025-03-03 10:00', '2025-03-03 14:00', '2025-03-04 08:00'),
  responded: column('2025-03-03 11:00', '2025-03-03 10:30', '', '2025-03-04 12:00'),
  resolved: column('2025-03-03 17:00', '2025-03-04 06:00', '2025-03-03 16:00', ''),
};

export const AVG_RESPONSE_TIME = defineFunction({
  name: 'AVG_RESPONSE_TIME',
  category: 'Service',
  summary: 'Average first response time of tickets, in hours (or another unit).',
  definition: 'The mean of responded − opened over tickets with both dates; tickets with a blank date are skipped, a response before ' +
    'the ticket was opened is an error naming the row. With a period, tickets are dated by when they were opened.',
  format: 'hours',
  returns: 'The mean response time in the unit, or a series period | response time | tickets when period is a grain.',
  params: [opened, durationDates('responded', 'When each ticket got its first response, beside opened; blank if not yet.', 'opened'), durationUnit('unit', 'hours'), periodParam],
  examples: [
    { args: [tickets.opened, tickets.responded], result: 6.5 / 3, note: '2 h, 0.5 h and 4 h; the unanswered ticket is skipped' },
    { args: [tickets.opened, tickets.responded, 'minutes'], result: 130 },
  ],
  compute: ({ opened, responded, unit, period }, call) =>
    durationResult(call, opened, responded, unit, 'mean', period, opened, { what: 'answered tickets', valueHeader: 'response time', countHeader: 'tickets' }),
});

export const RESOLUTION_TIME = defineFunction({
  name: 'RESOLUTION_TIME',
  category: 'Service',
  summary: 'Time to resolve tickets, mean or median, in hours (or another unit).',
  definition: 'resolved − opened over tickets with both dates, summarised as the mean (default) or the median; open tickets (blank ' +
    'resolved) are skipped, a resolution before the opening is an error naming the row. With a period, tickets are dated by when they were resolved.',
  format: 'hours',
  returns: 'The resolution time in the unit, or a series period | resolution time | tickets when period is a grain.',
  params: [opened, durationDates('resolved', 'When each ticket was resolved, beside opened; blank while open.', 'opened'), durationUnit('unit', 'hours'), statistic, periodParam],
  examples: [
    { args: [tickets.opened, tickets.resolved], result: 10, note: '8, 20 and 2 hours; the open ticket is skipped' },
    { args: [tickets.opened, tickets.resolved, 'hours', 'median'], result: 8 },
    { args: [tickets.opened, tickets.resolved, 'days'], result: 10 / 24 },
  ],
  compute: ({ opened, resolved, unit, statistic, period }, call) =>
    durationResult(call, opened, resolved, unit, statistic, period, resolved, { what: 'resolved tickets', valueHeader: 'resolution time', countHeader: 'tickets' }),
});

const contactWords = 'contact counts (1, 2, …) or TRUE/FALSE';

/** A contacts cell as 1 (resolved at the first contact), 0 (not), -1 (blank), or NaN when it is neither. */
function firstContactFlag(cell: Cell): number {
  // A count: 1 is the first contact, 0 or 2 and more are not (computed without a branch: counts are random).
  if (typeof cell === 'number') return cell >= 0 && Number.isInteger(cell) ? +(cell === 1) : NaN;
  if (typeof cell === 'boolean') return +cell;
  if (isBlank(cell)) return -1;
  const got = coerceFirstContact(cell);
  return got.ok ? +got.value : NaN;
}

/** Per ticket, 1 when it was resolved at the first contact, 0 when not, -1 for a blank cell. */
const firstContacts: Param<'contacts', FlagColumn> = {
  name: 'contacts', type: 'range', optional: false,
  description: 'Per ticket, how many contacts it took to resolve (1 = first contact), or TRUE/FALSE for resolved at first contact.',
  coerce(raw, call) {
    const range = asRange(raw);
    const rows = range.length;
    const columns = rows ? range[0].length : 0;
    const col = { param: 'contacts', values: new Int8Array(rows * columns), rows, columns };
    let bad = 0;
    let first = -1;
    // One flat loop (most ranges are one column; the division only for wider ones).
    for (let i = 0; i < rows * columns; i++) {
      const cell = columns === 1 ? range[i][0] : range[(i / columns) | 0][i % columns];
      const value = firstContactFlag(cell);
      if (value === value) col.values[i] = value;
      else if (bad++ === 0) first = i;
    }
    if (bad) throw new MetricError(messages.badCells(call.fn, bad, contactWords, range[Math.floor(first / columns)][first % columns], positionOf(col, first)));
    return col;
  },
};

export const FCR = defineFunction({
  name: 'FCR',
  category: 'Service',
  summary: 'First contact resolution: the share of tickets resolved in one contact, as a fraction.',
  definition: 'Tickets resolved at the first contact ÷ all tickets. Each cell is a contact count (1 = first contact; 2 or more = not; ' +
    '0 reads as not, as in a 1/0 column) or TRUE/FALSE, yes/no. Blank cells are skipped.',
  format: 'fraction',
  returns: 'The FCR rate, or a series period | FCR | tickets when period is a grain.',
  params: [firstContacts, periodParam, datesBeside('ticket', 'contacts')],
  examples: [
    { args: [column(1, 2, 1, 3, '')], result: 0.5, note: 'contact counts' },
    { args: [column(true, false, true, true)], result: 0.75, note: 'checkboxes' },
  ],
  compute: ({ contacts, period, dates }, call) =>
    shareByPeriod(call, contacts.values, 1, undefined, period, dates, { what: 'tickets', valueHeader: 'FCR', countHeader: 'tickets' }),
});

export const SLA_COMPLIANCE = defineFunction({
  name: 'SLA_COMPLIANCE',
  category: 'Service',
  summary: 'SLA compliance: the share of tickets answered within the target number of hours, as a fraction.',
  definition: 'Tickets whose responded − opened is at most target_hours ÷ tickets with both dates. Tickets not yet answered (blank ' +
    'responded) are skipped; a response before the opening is an error naming the row. With a period, tickets are dated by when they were opened.',
  format: 'fraction',
  returns: 'The compliant share, or a series period | SLA compliance | tickets when period is a grain.',
  params: [
    opened,
    durationDates('responded', 'When each ticket got its response, beside opened.', 'opened'),
    number('target_hours', 'The SLA target in hours (0.5 = 30 minutes).', { what: 'a number of hours of 0 or more', min: 0 }),
    periodParam,
  ],
  examples: [
    { args: [tickets.opened, tickets.responded, 4], result: 1, note: '2, 0.5 and 4 hours: all within 4 hours' },
    { args: [tickets.opened, tickets.responded, 1], result: 1 / 3 },
  ],
  compute: ({ opened, responded, target_hours, period }, call) => {
    if (!period) {
      const { n, within } = durationSummary(call.fn, opened, responded, 'hours', 'mean', undefined, target_hours);
      if (!n) throw new MetricError(messages.noData(call.fn, 'answered tickets'));
      return within / n;
    }
    const hours = durationsBetween(call.fn, opened, responded, 'hours');
    return finiteResult(call.fn, aggregateByPeriod(call, slaAggregate(hours, target_hours), hours.length, period, opened, { what: 'answered tickets', valueHeader: 'SLA compliance', countHeader: 'tickets' }));
  },
});

export const ENGAGEMENT_RATE = defineFunction({
  name: 'ENGAGEMENT_RATE',
  category: 'Service',
  summary: 'Engagement rate: engaged ÷ total (customers, recipients, followers), as a fraction.',
  definition: 'The sum of engaged ÷ the sum of total; each may be one number or a range (blanks add nothing). With a period, both are ' +
    'ranges beside the dates and only rows dated in the period are added up.',
  format: 'fraction',
  returns: 'The engagement rate, or a series period | engagement rate | rows when period is a grain.',
  params: [
    amounts('engaged', 'Engaged: a number or a range of counts.', 'counts of 0 or more', 0),
    amounts('total', 'Total reached: a number or a range of counts beside engaged.', 'counts of 0 or more', 0),
    periodParam,
    optional(dates('dates', 'The date of each row of engaged and total; needed with period.')),
  ],
  examples: [
    { args: [column(30, 20), column(200, 300)], result: 0.1 },
    { args: [45, 300], result: 0.15 },
  ],
  compute: ({ engaged, total, period, dates }, call) =>
    ratioOfTotals(call, engaged, total, period, dates, { both: 'engaged and total', denominator: 'the total reached', what: 'reach', header: 'engagement rate' }),
});
