// Function table entries for the pipeline: PIPELINE_VALUE, SALES_CYCLE, SALES_VELOCITY, STAGE_DURATION.

import { roleColumn } from '../../core/mapping/inputs';
import { aggregateAll, aggregateInPeriod, dateSpan } from '../../core/aggregate';
import { durationsBetween } from '../../core/durations';
import { MetricError, messages } from '../../core/errors';
import { pipelineAggregate, velocityAggregate, velocityOf } from '../../core/metrics/sales';
import { codeKeys } from '../../core/grouping';
import { stageFigures, type StageFigures } from '../../core/metrics/stages';
import { OUTCOME } from '../../core/outcomes';
import { indexInSeries } from '../../core/periods';
import { durationResult, statistic } from '../durations';
import { column } from '../examples';
import { finiteResult } from '../finite';
import { classified, lostWords, wonWords } from '../outcomes';
import { dates, durationDates } from '../dateParams';
import { numbers, optional, texts } from '../params';
import { aggregateByPeriod, boundedSeries } from '../periodic';
import { datesBeside, periodParam } from '../rates';
import { defineFunction } from '../spec';

const amounts = numbers('amounts', 'Deal amounts (money), one per deal.', { noun: 'amounts', min: 0 });
const wonAndLost = [{ param: 'won', label: 'won' }, { param: 'lost', label: 'lost' }];
const outcomes = (sameSizeAs: string, lists = wonAndLost) => ({
  ...classified('outcomes', 'Deal outcomes as text: won, lost, anything else is open (case-insensitive).', lists),
  sameSizeAs,
});
const created = durationDates('created', 'When each deal was created.');
const closed = durationDates('closed', 'When each deal was closed, beside created; blank while open.', 'created');

const deals = {
  amounts: column(1000, 5000, 2000, 3000),
  outcomes: column('Open', 'Won', 'Negotiation', 'Lost'),
};

export const PIPELINE_VALUE = defineFunction({
  name: 'PIPELINE_VALUE',
  category: 'Sales and pipeline',
  summary: 'Pipeline value: the sum of open deals’ amounts, weighted by their probability when given.',
  labels: {
    en: { name: 'Pipeline value', summary: 'The sum of open deals’ amounts, weighted by their probability when given.' },
    cs: { name: 'Hodnota pipeline', summary: 'Součet částek otevřených obchodů, vážený jejich pravděpodobností, je-li uvedena.' },
    pl: { name: 'Wartość lejka sprzedaży', summary: 'Suma kwot otwartych szans sprzedaży, ważona ich prawdopodobieństwem, jeśli je podano.' },
    ru: { name: 'Объём воронки продаж', summary: 'Сумма открытых сделок, взвешенная по их вероятности, если она указана.' },
    th: { name: 'มูลค่าไปป์ไลน์', summary: 'ผลรวมมูลค่าดีลที่ยังเปิดอยู่ ถ่วงน้ำหนักด้วยความน่าจะเป็นหากระบุไว้' },
  },
  definition: 'Σ amount (× probability) over open deals — outcomes that are neither won ("won", "closed won") nor lost ("lost", "closed lost") ' +
    'unless the won and lost arguments give other words. An open deal with a blank amount or a blank probability adds nothing. ' +
    'With a period, deals are dated by the dates given (e.g. the expected close date).',
  format: 'money',
  direction: 'higher', chart: 'none', kinds: ['deals'], breakdown: { role: 'stage', chart: 'bar' },
  inputs: { amounts: roleColumn('amount'), outcomes: roleColumn('dealOutcome'), probabilities: roleColumn('probability') },
  returns: 'The pipeline value, or a series period | pipeline value | open deals when period is a grain.',
  params: [
    amounts,
    outcomes('amounts'),
    optional(numbers('probabilities', 'Each deal’s chance to close, from 0 to 1 (60% or 0.6), beside amounts.', { noun: 'probabilities', min: 0, max: 1 }, 'amounts')),
    periodParam,
    datesBeside('deal (e.g. its expected close date)', 'amounts'),
    wonWords,
    lostWords,
  ],
  examples: [
    { args: [deals.amounts, deals.outcomes], result: 3000, note: 'the open deal and the one in negotiation' },
    { args: [deals.amounts, deals.outcomes, column(0.5, 1, 0.25, 0)], result: 1000, note: 'weighted: 1000 × 0.5 + 2000 × 0.25' },
  ],
  compute: ({ amounts, outcomes, probabilities, period, dates }, call) =>
    finiteResult(call.fn, aggregateByPeriod(call, pipelineAggregate(amounts.values, outcomes.values, probabilities?.values), amounts.values.length, period, dates,
      { what: 'deals', valueHeader: 'pipeline value', countHeader: 'open deals' })),
});

const cycle = {
  created: column('2025-01-01', '2025-01-10', '2025-02-01', '2025-02-01'),
  closed: column('2025-01-31', '2025-02-09', '2025-02-16', ''),
  outcomes: column('Won', 'Won', 'Lost', 'Open'),
};

export const SALES_CYCLE = defineFunction({
  name: 'SALES_CYCLE',
  category: 'Sales and pipeline',
  summary: 'Sales cycle length: days from a deal’s creation to its close, mean or median, over won deals.',
  labels: {
    en: { name: 'Sales cycle length', summary: 'Days from a deal’s creation to its close over won deals, mean or median.' },
    cs: { name: 'Délka prodejního cyklu', summary: 'Dny od vytvoření obchodu po jeho uzavření u vyhraných obchodů, průměr nebo medián.' },
    pl: { name: 'Długość cyklu sprzedaży', summary: 'Dni od utworzenia do zamknięcia wygranych transakcji, średnia lub mediana.' },
    ru: { name: 'Длительность цикла продаж', summary: 'Дни от создания сделки до её закрытия по выигранным сделкам, среднее или медиана.' },
    th: { name: 'ระยะเวลารอบการขาย', summary: 'จำนวนวันตั้งแต่สร้างดีลจนปิดดีลของดีลที่ชนะ เป็นค่าเฉลี่ยหรือมัธยฐาน' },
  },
  definition: 'closed − created in days, over rows with both dates; with outcomes, only won deals ("won", "closed won" unless the won ' +
    'argument gives other words). A close before the creation is an error naming the row. With a period, deals are dated by their close date.',
  format: 'days',
  direction: 'lower', chart: 'line', kinds: ['deals'], series: { value: 1, n: 2 },
  inputs: { created: roleColumn('dealCreated'), closed: roleColumn('dealClosed'), outcomes: roleColumn('dealOutcome'), period: 'period' },
  returns: 'The mean (or median) cycle in days, or a series period | sales cycle | won deals when period is a grain.',
  params: [created, closed, optional(outcomes('created', wonAndLost.slice(0, 1))), statistic, periodParam, wonWords],
  examples: [
    { args: [cycle.created, cycle.closed], result: 25, note: '30, 30 and 15 days; the open deal has no close date' },
    { args: [cycle.created, cycle.closed, cycle.outcomes], result: 30, note: 'won deals only' },
    { args: [cycle.created, cycle.closed, '', 'median'], result: 30 },
  ],
  compute: ({ created, closed, outcomes, statistic, period }, call) => {
    const won = outcomes?.values;
    return durationResult(call, created, closed, 'days', statistic, period, closed,
      { what: won ? 'won deals with both dates' : 'deals with both dates', valueHeader: 'sales cycle', countHeader: 'won deals' },
      won && ((i) => won[i] === OUTCOME.won));
  },
});

const velocity = {
  amounts: column(1000, 2000, 500, 3000, 4000),
  outcomes: column('Won', 'Won', 'Lost', 'Open', 'Open'),
  created: column('2025-01-01', '2025-01-01', '2025-01-05', '2025-02-01', '2025-02-10'),
  closed: column('2025-01-11', '2025-01-31', '2025-01-20', '', ''),
};

export const SALES_VELOCITY = defineFunction({
  name: 'SALES_VELOCITY',
  category: 'Sales and pipeline',
  summary: 'Sales velocity: open deals × average won deal × win rate ÷ average sales cycle, in money per day.',
  labels: {
    en: { name: 'Sales velocity', summary: 'Open deals × average won deal × win rate ÷ average sales cycle, in money per day.' },
    cs: { name: 'Rychlost prodeje', summary: 'Otevřené obchody × průměrný vyhraný obchod × míra výher ÷ průměrný cyklus, za den.' },
    pl: { name: 'Tempo sprzedaży', summary: 'Otwarte szanse × średnia wygrana × współczynnik wygranych ÷ średni cykl, na dzień.' },
    ru: { name: 'Скорость продаж', summary: 'Открытые сделки × средняя выигранная сделка × доля выигранных ÷ средний цикл, в день.' },
    th: { name: 'ความเร็วการขาย', summary: 'ดีลที่เปิดอยู่ × มูลค่าเฉลี่ยดีลที่ชนะ × อัตราการชนะ ÷ รอบการขายเฉลี่ย คิดเป็นเงินต่อวัน' },
  },
  definition: 'open deals × (mean amount of won deals) × won ÷ (won + lost) ÷ (mean days from created to closed of won deals). ' +
    'Outcomes: won is "won"/"closed won", lost is "lost"/"closed lost" unless the won and lost arguments say otherwise; anything else is open. ' +
    'With a period, the figure is computed on the deals created in it.',
  format: 'money-per-day',
  direction: 'higher', chart: 'line', kinds: ['deals'], series: { value: 1, n: 2 },
  inputs: { amounts: roleColumn('amount'), outcomes: roleColumn('dealOutcome'), created: roleColumn('dealCreated'), closed: roleColumn('dealClosed'), period: 'period' },
  returns: 'Money per day, or a series period | sales velocity | deals when period is a grain.',
  params: [amounts, outcomes('amounts'), { ...created, sameSizeAs: 'amounts' }, closed, periodParam, wonWords, lostWords],
  examples: [
    { args: [velocity.amounts, velocity.outcomes, velocity.created, velocity.closed], result: 100, note: '2 open × 1500 × 2/3 ÷ 20 days' },
  ],
  compute: ({ amounts, outcomes, created, closed, period }, call) => {
    const days = durationsBetween(call.fn, created, closed, 'days');
    const agg = velocityAggregate(amounts.values, outcomes.values, days);
    const wording = { what: 'deals', valueHeader: 'sales velocity', countHeader: 'deals' };
    if (period?.kind === 'grain') return finiteResult(call.fn, aggregateByPeriod(call, agg, days.length, period, created, wording));
    const acc = period ? aggregateInPeriod(agg, created.values, period.period) : aggregateAll(agg, days.length);
    const v = velocityOf(acc);
    if (v.ok) return finiteResult(call.fn, v.value);
    if (v.missing === 'zero cycle') throw new MetricError(messages.zeroDenominator(call.fn, 'the average sales cycle'));
    throw new MetricError(period ? messages.noDataInPeriod(call.fn, v.missing, period.period.label) : messages.noData(call.fn, v.missing));
  },
});

const history = {
  deals: column('A', 'A', 'A', 'B', 'B'),
  stages: column('Lead', 'Proposal', 'Won', 'Lead', 'Proposal'),
  entered: column('2025-01-01', '2025-01-11', '2025-01-21', '2025-01-05', '2025-01-09'),
};

/** STAGE_DURATION's header (after the period column with a grain). */
export const STAGE_HEADER: readonly string[] = ['stage', 'deals', 'mean days', 'median days'];

/** STAGE_DURATION's refusal of a history without a stage or without a deal. */
export const noStageEntries = (fn: string): MetricError => new MetricError(messages.noData(fn, 'stage entries'));

/** One table row per stage of `bucket`: deals, mean days, median days ("" where no deal left the stage). */
export function stageRows(figures: StageFigures, names: string[], bucket: number): (string | number)[][] {
  return names.map((name, s) => {
    const cell = bucket * figures.stages + s;
    const n = figures.deals[cell];
    return [name, n, n ? figures.mean[cell] : '', n ? figures.median[cell] : ''];
  });
}

export const STAGE_DURATION = defineFunction({
  name: 'STAGE_DURATION',
  category: 'Sales and pipeline',
  summary: 'Time in stage from a stage history: per stage, the deals that left it and their mean and median days.',
  labels: {
    en: { name: 'Time in stage', summary: 'Per pipeline stage, the deals that left it and their mean and median days in it.' },
    cs: { name: 'Doba ve fázi', summary: 'Pro každou fázi obchody, které ji opustily, a průměr a medián dní v ní.' },
    pl: { name: 'Czas w etapie', summary: 'Dla każdego etapu: szanse, które go opuściły, oraz średnia i mediana dni w nim.' },
    ru: { name: 'Время на этапе', summary: 'По каждому этапу: сделки, покинувшие его, и среднее и медиана дней на нём.' },
    th: { name: 'ระยะเวลาในแต่ละขั้น', summary: 'แต่ละขั้นของไปป์ไลน์: ดีลที่ออกจากขั้นนั้น พร้อมจำนวนวันเฉลี่ยและมัธยฐาน' },
  },
  definition: 'Rows are stage entries (deal, stage, date entered). A deal stays in a stage until it enters its next one (by date); its ' +
    'current stage is not counted. Re-entries of the same stage add up per deal. Stages are listed in the order they first appear. ' +
    'With a period, stays are dated by the day they began.',
  format: 'table',
  direction: 'neither', chart: 'none', kinds: ['deals'], section: 'spill',
  inputs: { deal_ids: roleColumn('dealId'), stages: roleColumn('stage'), entered_dates: roleColumn('stageEntered') },
  returns: 'A table stage | deals | mean days | median days; with a grain, period | stage | deals | mean days | median days.',
  params: [
    texts('deal_ids', 'The deal of each stage entry (an id or name).'),
    texts('stages', 'The stage the deal entered, beside deal_ids.', 'deal_ids'),
    dates('entered_dates', 'When the deal entered the stage, beside deal_ids.', 'deal_ids'),
    periodParam,
  ],
  examples: [{
    args: [history.deals, history.stages, history.entered],
    result: [['stage', 'deals', 'mean days', 'median days'], ['Lead', 2, 7, 7], ['Proposal', 1, 10, 10], ['Won', 0, '', '']],
    note: 'A spent 10 days as a lead and 10 in proposal; B 4 days as a lead and is still in proposal',
  }],
  compute: ({ deal_ids, stages, entered_dates, period }, call) => {
    const h = { deals: codeKeys(deal_ids.values), stages: codeKeys(stages.values), entered: entered_dates.values };
    const names = h.stages.keys;
    if (!names.length || !h.deals.keys.length) throw noStageEntries(call.fn);
    const header = [...STAGE_HEADER];
    if (!period) return finiteResult(call.fn, [header, ...stageRows(stageFigures(h, 1, () => 0), names, 0)]);
    if (period.kind === 'period') {
      const { start, end } = period.period;
      return finiteResult(call.fn, [header, ...stageRows(stageFigures(h, 1, (t) => (t >= start && t < end ? 0 : -1)), names, 0)]);
    }
    const span = dateSpan(h.entered, (i) => h.deals.codes[i] >= 0 && h.stages.codes[i] >= 0);
    if (!span) throw new MetricError(messages.noData(call.fn, 'dated stage entries'));
    const series = boundedSeries(call.fn, span.min, span.max, period.grain);
    const figures = stageFigures(h, series.length, (t) => indexInSeries(series, t));
    const table: (string | number)[][] = [['period', ...header]];
    series.forEach((p, b) => stageRows(figures, names, b).forEach((row) => table.push([p.label, ...row])));
    return finiteResult(call.fn, table);
  },
});
