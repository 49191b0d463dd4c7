// Function table entries for churn and retention: CHURN, RETENTION, RENEWAL_RATE, RETENTION_COST, COHORT_RETENTION.

import { roleColumn, roleColumns } from '../../core/mapping/inputs';
import { MetricError, messages } from '../../core/errors';
import { churnInPeriod, churnSeries, shareOfYes, type ChurnCounts, type Spans } from '../../core/metrics/churn';
import { cohortMatrix } from '../../core/metrics/cohorts';
import { countPeriods, type Grain, type Period } from '../../core/periods';
import { shareAggregate } from '../../core/ratios';
import { customerTable, type CustomerTable } from '../customerTable';
import { classified, wordList } from '../outcomes';
import { dates } from '../dateParams';
import { countOf, grain, option, optional, period, withDefault, type PeriodArg } from '../params';
import { amounts, costPerCustomer } from '../sums';
import { aggregateByPeriod, boundedSeries } from '../periodic';
import { column, rows } from '../examples';
import { defineFunction, type CallContext, type Result } from '../spec';

/** The earliest and latest date of the spans (starts and ends), or an error when there is none. */
function spansRange(call: Pick<CallContext, 'fn'>, spans: Spans): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < spans.starts.length; i++) {
    const s = spans.starts[i];
    if (s !== s) continue;
    const e = spans.ends[i];
    min = Math.min(min, s);
    max = Math.max(max, s, e === e ? e : s);
  }
  if (min > max) throw new MetricError(messages.noData(call.fn, 'customers'));
  return { min, max };
}

/** The date-form churn figures: one period's counts, or a series by grain over the table's span. */
function spanCounts(call: CallContext, spans: Spans, p: PeriodArg, inclusive: boolean): { label: string; counts: ChurnCounts }[] {
  if (p.kind === 'period') return [{ label: p.period.label, counts: churnInPeriod(spans, p.period, inclusive) }];
  const { min, max } = spansRange(call, spans);
  const series = boundedSeries(call.fn, min, max, p.grain);
  return churnSeries(spans, series, inclusive).map((counts, k) => ({ label: series[k].label, counts }));
}

/** Churn (or retention, its complement) in the shape the arguments ask for. */
function churnResult(call: CallContext, table: CustomerTable, p: PeriodArg | undefined, inclusive: boolean, retention: boolean): Result {
  const rate = (lost: number, base: number): number => (retention ? 1 - lost / base : lost / base);
  if (table.form === 'statuses') {
    const { yes, n } = shareOfYes(table.flags.values);
    if (!n) throw new MetricError(messages.noData(call.fn, 'statuses'));
    return rate(yes, n);
  }
  if (!p) throw new MetricError(messages.spansNeedPeriod(call.fn));
  const figures = spanCounts(call, table.spans, p, inclusive);
  if (p.kind === 'period') {
    const { activeAtStart, churned } = figures[0].counts;
    if (!activeAtStart) throw new MetricError(messages.noneActiveAtStart(call.fn, p.period.label));
    return rate(churned, activeAtStart);
  }
  const header = retention ? ['period', 'active at start', 'retained', 'retention rate'] : ['period', 'active at start', 'churned', 'churn rate'];
  return [header, ...figures.map(({ label, counts: { activeAtStart: a, churned: c } }) =>
    [label, a, retention ? a - c : c, a ? rate(c, a) : ''])];
}

const churnPeriod = optional(period('period', 'With start/end dates: a period label (2025-Q1, 2025-03) or a grain (month, quarter, …) for a series.'));
const subscriptions = rows(
  ['2024-11-15', ''], ['2024-12-01', '2025-01-20'], ['2024-12-10', '2025-02-01'], ['2025-01-05', '2025-01-25'], ['2024-10-01', '2024-12-31'],
  ['2024-06-01', '2025-01-01'],
);

export const CHURN = defineFunction({
  name: 'CHURN',
  category: 'Retention',
  summary: 'Churn rate as a fraction, from churn statuses or from start/end dates in a period.',
  labels: {
    en: { name: 'Churn rate', summary: 'The share of customers lost, from churn statuses or from start and end dates in a period.' },
    cs: { name: 'Míra odchodu zákazníků', summary: 'Podíl ztracených zákazníků ze stavů odchodu nebo z dat začátku a konce v období.' },
    pl: { name: 'Wskaźnik rezygnacji', summary: 'Odsetek utraconych klientów ze statusów rezygnacji lub z dat początku i końca w okresie.' },
    ru: { name: 'Отток клиентов', summary: 'Доля ушедших клиентов по статусам оттока или по датам начала и конца в периоде.' },
    th: { name: 'อัตราการสูญเสียลูกค้า', summary: 'สัดส่วนลูกค้าที่เลิกใช้ จากสถานะการเลิกใช้ หรือจากวันเริ่มและวันสิ้นสุดในช่วงเวลา' },
  },
  definition: 'Statuses: churned ÷ all non-blank statuses. Dates: of the customers active at the period’s start (started before it, ' +
    'not ended before it), the share whose end date falls within the period. Periods are half-open: an end on the first day of the ' +
    'next period counts there. method "inclusive" also counts customers who started and ended within the period as churned.',
  format: 'fraction',
  direction: 'lower', chart: 'line', kinds: ['subscriptions'], series: { value: 3, n: 1 },
  inputs: { range: [roleColumns('start', 'end'), roleColumn('churnStatus')], period: 'period' },
  returns: 'The churn rate, or a series period | active at start | churned | churn rate when period is a grain.',
  params: [customerTable(), churnPeriod, withDefault(option('method', 'start: customers active at the start only; inclusive: also count those who joined and left within the period.', ['start', 'inclusive'] as const), 'start' as 'start' | 'inclusive', '"start"')],
  examples: [
    { args: [rows(['churned'], ['active'], ['active'], ['yes'])], result: 0.5, note: 'statuses' },
    { args: [subscriptions, '2025-01'], result: 0.5, note: 'two of the four customers active on 1 January left in January' },
    { args: [subscriptions, '2025-01', 'inclusive'], result: 0.75, note: 'the customer who joined and left in January counts too' },
  ],
  compute: ({ range, period, method }, call) => churnResult(call, range, period, method === 'inclusive', false),
});

export const RETENTION = defineFunction({
  name: 'RETENTION',
  category: 'Retention',
  summary: 'Retention rate (1 − churn) as a fraction, from start/end dates in a period.',
  labels: {
    en: { name: 'Retention rate', summary: 'The share of customers active at a period’s start who are still customers at its end.' },
    cs: { name: 'Míra udržení zákazníků', summary: 'Podíl zákazníků aktivních na začátku období, kteří jsou zákazníky i na jeho konci.' },
    pl: { name: 'Wskaźnik retencji', summary: 'Odsetek klientów aktywnych na początku okresu, którzy pozostali klientami do jego końca.' },
    ru: { name: 'Удержание клиентов', summary: 'Доля клиентов, активных в начале периода, которые остались клиентами к его концу.' },
    th: { name: 'อัตราการรักษาลูกค้า', summary: 'สัดส่วนลูกค้าที่มีอยู่ตอนต้นช่วงเวลาซึ่งยังเป็นลูกค้าอยู่ ณ สิ้นช่วง' },
  },
  definition: '1 − CHURN with the same rules: of the customers active at the period’s start, the share still a customer at its end.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['subscriptions'], series: { value: 3, n: 1 },
  inputs: { range: [roleColumns('start', 'end'), roleColumn('churnStatus')], period: 'period' },
  returns: 'The retention rate, or a series period | active at start | retained | retention rate when period is a grain.',
  params: [customerTable(), churnPeriod],
  examples: [{ args: [subscriptions, '2025-01'], result: 0.5 }],
  compute: ({ range, period }, call) => churnResult(call, range, period, false, true),
});

/** Words that mean a contract was renewed (checkboxes arrive as TRUE/FALSE, numbers as 1/0). */
const RENEWED_WORDS = ['renewed', 'renew', 'auto-renewed', 'yes', 'y', 'true', '1', 'won', 'closed won'];

export const RENEWAL_RATE = defineFunction({
  name: 'RENEWAL_RATE',
  category: 'Retention',
  summary: 'Renewal rate: contracts renewed ÷ contracts up for renewal, as a fraction.',
  labels: {
    en: { name: 'Renewal rate', summary: 'The share of contracts up for renewal that were renewed.' },
    cs: { name: 'Míra obnovení smluv', summary: 'Podíl smluv k obnovení, které byly obnoveny.' },
    pl: { name: 'Wskaźnik odnowień', summary: 'Odsetek umów do odnowienia, które zostały odnowione.' },
    ru: { name: 'Доля продлений', summary: 'Доля контрактов, подлежащих продлению, которые были продлены.' },
    th: { name: 'อัตราการต่อสัญญา', summary: 'สัดส่วนสัญญาที่ถึงกำหนดต่ออายุซึ่งได้รับการต่ออายุแล้ว' },
  },
  definition: 'Every non-blank outcome is a contract up for renewal; it counts as renewed when its text is one of the renewed words ' +
    '(case-insensitive). Checkboxes count TRUE as renewed.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['subscriptions'], series: { value: 1, n: 2 },
  inputs: { outcomes: roleColumn('renewalOutcome'), period: 'period', dates: roleColumn('renewalDate') },
  returns: 'The renewal rate, or a series period | renewal rate | contracts when period is a grain.',
  params: [
    classified('outcomes', 'The outcome of each contract up for renewal: renewed, churned, cancelled, TRUE/FALSE …', [{ param: 'renewed', label: 'renewed' }]),
    wordList('renewed', 'The outcome words that mean renewed: one cell "renewed, extended" or a range of words.', RENEWED_WORDS),
    optional(period('period', 'A period label (2025-Q1, …) to keep only renewals due in it, or a grain (month, …) for a series.')),
    optional(dates('dates', 'The renewal (due) date of each contract; needed with period.', 'outcomes')),
  ],
  examples: [
    { args: [column('Renewed', 'churned', 'renewed', '', 'cancelled')], result: 0.5, note: 'two of four contracts renewed' },
    { args: [column('extended', 'cancelled', 'Extended'), 'extended'], result: 0.6666666666666666, note: 'custom renewed word' },
  ],
  compute: ({ outcomes, period, dates }, call) =>
    aggregateByPeriod(call, shareAggregate(outcomes.values, 1), outcomes.values.length, period, dates,
      { what: 'contracts', valueHeader: 'renewal rate', countHeader: 'contracts' }),
});

export const RETENTION_COST = defineFunction({
  name: 'RETENTION_COST',
  category: 'Retention',
  summary: 'Retention cost per customer: retention spend ÷ customers retained.',
  labels: {
    en: { name: 'Retention cost per customer', summary: 'Retention spend divided by the number of customers retained.' },
    cs: { name: 'Náklady na udržení zákazníka', summary: 'Výdaje na udržení zákazníků vydělené počtem udržených zákazníků.' },
    pl: { name: 'Koszt utrzymania klienta', summary: 'Wydatki na utrzymanie klientów podzielone przez liczbę utrzymanych klientów.' },
    ru: { name: 'Стоимость удержания клиента', summary: 'Затраты на удержание, делённые на число удержанных клиентов.' },
    th: { name: 'ต้นทุนการรักษาลูกค้าต่อราย', summary: 'ค่าใช้จ่ายในการรักษาลูกค้าหารด้วยจำนวนลูกค้าที่รักษาไว้ได้' },
  },
  definition: 'The sum of the costs ÷ the number of customers retained. retained_customers is a count, or a range whose non-blank cells ' +
    'are counted (one cell holding text counts as one customer).',
  format: 'money',
  direction: 'lower', chart: 'none', kinds: ['leads'],
  inputs: { costs: roleColumn('retentionSpend'), retained_customers: { sumOf: 'retainedCustomers' } },
  returns: 'The cost of keeping one customer.',
  params: [
    amounts('costs', 'Retention spend (success team, loyalty offers): one amount or a range, added up.', { noun: 'costs', min: 0 }),
    countOf('retained_customers', 'How many customers were kept: a number, or a range listing them (non-blank cells are counted).', 'a count of 0 or more'),
  ],
  examples: [{ args: [column(1200, 800), 50], result: 40 }],
  compute: ({ costs, retained_customers }, call) =>
    costPerCustomer(call, costs.total, retained_customers, 'retained_customers', 'customer to spread the cost over'),
});

/** The spans whose start lies in `period`; the others get a blank start, so they are skipped. */
function startingIn({ starts, ends }: Spans, period: Period): Spans {
  const kept = Float64Array.from(starts, (s) => (s >= period.start && s < period.end ? s : NaN));
  return { starts: kept, ends };
}

/** The most cohorts (rows) a cohort matrix may have. */
const MAX_COHORTS = 400;

/**
 * The cohort table of `spans` by `grain`: cohort | size | 0 | 1 | … of shares, blank past the data's last period. With
 * `weights`, span i stands for weights[i] customers (how a warehouse's counts are finished).
 */
export function cohortRetentionTable(fn: string, spans: Spans, grain: Grain, weights?: ArrayLike<number>): (string | number)[][] {
  const { min, max } = spansRange({ fn }, spans);
  const estimate = countPeriods(min, max, grain);
  if (estimate > MAX_COHORTS) throw new MetricError(messages.tooManyCohorts(fn, estimate, MAX_COHORTS));
  const series = boundedSeries(fn, min, max, grain);
  const { periods: k, sizes, active } = cohortMatrix(spans, series, weights);
  const table: (string | number)[][] = [['cohort', 'size', ...series.map((_, j) => j)]];
  series.forEach((p, c) => {
    const row: (string | number)[] = [p.label, sizes[c]];
    for (let j = 0; j < k; j++) row.push(c + j < k && sizes[c] ? active[c * k + j] / sizes[c] : '');
    table.push(row);
  });
  return table;
}

export const COHORT_RETENTION = defineFunction({
  name: 'COHORT_RETENTION',
  category: 'Retention',
  summary: 'Cohort retention matrix: customers grouped by start period, and the share still active after each period.',
  labels: {
    en: { name: 'Cohort retention', summary: 'Customers grouped by start period, and the share still active after each period.' },
    cs: { name: 'Retence kohort', summary: 'Zákazníci seskupení podle období začátku a podíl stále aktivních po každém období.' },
    pl: { name: 'Retencja kohortowa', summary: 'Klienci pogrupowani według okresu rozpoczęcia i odsetek aktywnych po każdym okresie.' },
    ru: { name: 'Когортное удержание', summary: 'Клиенты по когортам периода начала и доля ещё активных после каждого периода.' },
    th: { name: 'การรักษาลูกค้าตามกลุ่มรุ่น', summary: 'ลูกค้าจัดกลุ่มตามช่วงเวลาที่เริ่ม และสัดส่วนที่ยังแอคทีฟหลังแต่ละช่วง' },
  },
  definition: 'Each customer joins the cohort of the period holding its start date. Column j is the share of the cohort still a customer at ' +
    'the end of the j-th period after its own (j = 0: the end of the start period), i.e. with a blank end date or one on or after that ' +
    'period’s end. Cells past the data’s last period are blank; so are the shares of an empty cohort.',
  format: 'table',
  direction: 'higher', chart: 'heatmap', kinds: ['subscriptions'], section: 'spill',
  inputs: { range: roleColumns('start', 'end'), grain: 'grain' },
  returns: 'A table cohort | size | 0 | 1 | 2 … of shares (fractions).',
  params: [
    customerTable(),
    withDefault(grain('grain', 'The cohort and step length: year, quarter, month, week or day.'), 'month' as const, '"month"'),
    optional(period('period', 'Keep only the customers who started in this period (2025, 2025-Q1, 2025-01-01..2025-06-30).')),
  ],
  examples: [{
    args: [rows(['2025-01-10', ''], ['2025-01-20', '2025-02-15'], ['2025-02-03', '2025-02-20'], ['2025-02-10', ''])],
    result: [['cohort', 'size', 0, 1], ['2025-01', 2, 1, 0.5], ['2025-02', 2, 0.5, '']],
    note: 'January’s two customers were both still there at the end of January, one at the end of February',
  }, {
    args: [rows(['2025-01-10', ''], ['2025-01-20', '2025-02-15'], ['2025-02-03', '2025-02-20'], ['2025-02-10', '']), 'month', '2025-02'],
    result: [['cohort', 'size', 0], ['2025-02', 2, 0.5]],
    note: 'only the customers who started in February',
  }],
  compute: ({ range, grain, period }, call): Result => {
    if (range.form !== 'spans') throw new MetricError(messages.cohortsNeedSpans(call.fn, range.flags.rows, range.flags.columns));
    if (period?.kind === 'grain') throw new MetricError(messages.cohortPeriodIsGrain(call.fn));
    return cohortRetentionTable(call.fn, period ? startingIn(range.spans, period.period) : range.spans, grain);
  },
});
