// Function table entries for service: AVG_RESPONSE_TIME, RESOLUTION_TIME, FCR, SLA_COMPLIANCE, ENGAGEMENT_RATE.

import { roleColumn } from '../../core/mapping/inputs';
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
  labels: {
    en: { name: 'First response time', summary: 'Average time to a ticket’s first response, in hours (or another unit).' },
    cs: { name: 'Doba první odpovědi', summary: 'Průměrná doba do první odpovědi na požadavek, v hodinách (nebo jiné jednotce).' },
    pl: { name: 'Czas pierwszej odpowiedzi', summary: 'Średni czas do pierwszej odpowiedzi na zgłoszenie, w godzinach (lub innej jednostce).' },
    ru: { name: 'Время первого ответа', summary: 'Среднее время до первого ответа на обращение, в часах (или другой единице).' },
    th: { name: 'เวลาตอบกลับครั้งแรก', summary: 'เวลาเฉลี่ยจนถึงการตอบกลับทิกเก็ตครั้งแรก เป็นชั่วโมง (หรือหน่วยอื่น)' },
  },
  definition: 'The mean of responded − opened over tickets with both dates; tickets with a blank date are skipped, a response before ' +
    'the ticket was opened is an error naming the row. With a period, tickets are dated by when they were opened.',
  format: 'hours',
  direction: 'lower', chart: 'line', kinds: ['tickets'], series: { value: 1, n: 2 },
  inputs: { opened: roleColumn('opened'), responded: roleColumn('firstResponse'), period: 'period' },
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
  labels: {
    en: { name: 'Resolution time', summary: 'Time to resolve tickets, mean or median, in hours (or another unit).' },
    cs: { name: 'Doba vyřešení', summary: 'Doba do vyřešení požadavků, průměr nebo medián, v hodinách (nebo jiné jednotce).' },
    pl: { name: 'Czas rozwiązania', summary: 'Czas rozwiązania zgłoszeń, średnia lub mediana, w godzinach (lub innej jednostce).' },
    ru: { name: 'Время решения', summary: 'Время решения обращений, среднее или медиана, в часах (или другой единице).' },
    th: { name: 'เวลาในการแก้ไขปัญหา', summary: 'เวลาที่ใช้แก้ไขทิกเก็ต ค่าเฉลี่ยหรือมัธยฐาน เป็นชั่วโมง (หรือหน่วยอื่น)' },
  },
  definition: 'resolved − opened over tickets with both dates, summarised as the mean (default) or the median; open tickets (blank ' +
    'resolved) are skipped, a resolution before the opening is an error naming the row. With a period, tickets are dated by when they were resolved.',
  format: 'hours',
  direction: 'lower', chart: 'line', kinds: ['tickets'], series: { value: 1, n: 2 },
  inputs: { opened: roleColumn('opened'), resolved: roleColumn('resolved'), period: 'period' },
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
    if (bad) throw new MetricError(messages.badCells(call.fn, bad, contactWords, range[Math.floor(first / columns)][first % columns], call.toCivil, positionOf(col, first)));
    return col;
  },
};

export const FCR = defineFunction({
  name: 'FCR',
  category: 'Service',
  summary: 'First contact resolution: the share of tickets resolved in one contact, as a fraction.',
  labels: {
    en: { name: 'First contact resolution', summary: 'The share of tickets resolved in one contact.' },
    cs: { name: 'Vyřešení při prvním kontaktu', summary: 'Podíl požadavků vyřešených při prvním kontaktu.' },
    pl: { name: 'Rozwiązanie przy 1. kontakcie', summary: 'Odsetek zgłoszeń rozwiązanych podczas pierwszego kontaktu.' },
    ru: { name: 'Решение с первого обращения', summary: 'Доля обращений, решённых за один контакт.' },
    th: { name: 'แก้ไขได้ในการติดต่อครั้งแรก', summary: 'สัดส่วนทิกเก็ตที่แก้ไขได้ภายในการติดต่อครั้งเดียว' },
  },
  definition: 'Tickets resolved at the first contact ÷ all tickets. Each cell is a contact count (1 = first contact; 2 or more = not; ' +
    '0 reads as not, as in a 1/0 column) or TRUE/FALSE, yes/no. Blank cells are skipped.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['tickets'], series: { value: 1, n: 2 },
  inputs: { contacts: roleColumn('contacts'), period: 'period', dates: roleColumn('opened') },
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
  labels: {
    en: { name: 'SLA compliance', summary: 'The share of tickets answered within the target number of hours.' },
    cs: { name: 'Dodržení SLA', summary: 'Podíl požadavků zodpovězených do cílového počtu hodin.' },
    pl: { name: 'Zgodność z SLA', summary: 'Odsetek zgłoszeń, na które odpowiedziano w docelowej liczbie godzin.' },
    ru: { name: 'Соблюдение SLA', summary: 'Доля обращений, на которые ответили в пределах целевого числа часов.' },
    th: { name: 'การปฏิบัติตาม SLA', summary: 'สัดส่วนทิกเก็ตที่ได้รับการตอบกลับภายในจำนวนชั่วโมงเป้าหมาย' },
  },
  definition: 'Tickets whose responded − opened is at most target_hours ÷ tickets with both dates. Tickets not yet answered (blank ' +
    'responded) are skipped; a response before the opening is an error naming the row. With a period, tickets are dated by when they were opened.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['tickets'], series: { value: 1, n: 2 },
  inputs: { opened: roleColumn('opened'), responded: roleColumn('firstResponse'), target_hours: { fixed: 24 }, period: 'period' },
  returns: 'The compliant share, or a series period | SLA compliance | tickets when period is a grain.',
  params: [
    opened,
    durationDates('responded', 'When each ticket got its response, beside opened.', 'opened'),
    number('target_hours', 'The SLA target in hours (0.5 = 30 minutes).', { noun: 'a number of hours', min: 0 }),
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
  labels: {
    en: { name: 'Engagement rate', summary: 'Engaged ÷ total: customers, recipients or followers.' },
    cs: { name: 'Míra zapojení', summary: 'Zapojení ÷ celkem: zákazníci, příjemci nebo sledující.' },
    pl: { name: 'Wskaźnik zaangażowania', summary: 'Zaangażowani ÷ wszyscy: klienci, odbiorcy lub obserwujący.' },
    ru: { name: 'Вовлечённость', summary: 'Вовлечённые ÷ все: клиенты, получатели или подписчики.' },
    th: { name: 'อัตราการมีส่วนร่วม', summary: 'ผู้มีส่วนร่วม ÷ ทั้งหมด: ลูกค้า ผู้รับ หรือผู้ติดตาม' },
  },
  definition: 'The sum of engaged ÷ the sum of total; each may be one number or a range (blanks add nothing). With a period, both are ' +
    'ranges beside the dates and only rows dated in the period are added up.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['leads'], series: { value: 1, n: 2 },
  inputs: { engaged: roleColumn('engaged'), total: [roleColumn('audience'), roleColumn('visitors')], period: 'period', dates: roleColumn('date') },
  returns: 'The engagement rate, or a series period | engagement rate | rows when period is a grain.',
  params: [
    amounts('engaged', 'Engaged: a number or a range of counts.', { noun: 'counts', min: 0 }),
    amounts('total', 'Total reached: a number or a range of counts beside engaged.', { noun: 'counts', min: 0 }),
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
