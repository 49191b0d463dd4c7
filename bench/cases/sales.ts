// Benchmark cases for sales and pipeline functions: Sheets-shaped deals and leads, and tight-loop baselines.

import type { Cell } from '../../src/core/values';
import { amountColumn, columnOf, countColumn, DAY, dateColumn, laterColumn, leadColumn, num, outcomeColumn, START, time, word } from '../crmData';
import type { BenchCase, Random } from '../types';

type Range = Cell[][];
const isWon = (w: string): boolean => w === 'won' || w === 'closed won';
const isLost = (w: string): boolean => w === 'lost' || w === 'closed lost';

/** Won ÷ (won + lost) over an outcome column. */
function winRateLoop(outcomes: Range): number {
  let won = 0;
  let lost = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const w = word(outcomes[i][0]);
    if (isWon(w)) won++;
    else if (isLost(w)) lost++;
  }
  return won / (won + lost);
}

/** Share of non-blank cells whose word is in `words`. */
function shareLoop(cells: Range, words: ReadonlySet<string>): number {
  let hits = 0;
  let n = 0;
  for (let i = 0; i < cells.length; i++) {
    const w = word(cells[i][0]);
    if (w === '') continue;
    n++;
    if (words.has(w)) hits++;
  }
  return hits / n;
}

/** Mean of end − start in `unitMs` over rows with both dates. */
function meanDurationLoop(starts: Range, ends: Range, unitMs: number, keep?: (i: number) => boolean): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < starts.length; i++) {
    const d = time(ends[i][0]) - time(starts[i][0]);
    if (d === d && (!keep || keep(i))) {
      sum += d;
      n++;
    }
  }
  return sum / n / unitMs;
}

const median = (values: number[]): number => {
  values.sort((a, b) => a - b);
  const n = values.length;
  return n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
};

/** Deals created over two years and, unless open, closed up to 120 days later. */
function deals(rows: number, random: Random): { amounts: Range; outcomes: Range; created: Range; closed: Range } {
  const outcomes = outcomeColumn(rows, random);
  const created = dateColumn(rows, random);
  const closed = laterColumn(created, random, 120 * 24, 0);
  outcomes.forEach(([o], i) => {
    const w = word(o);
    if (!isWon(w) && !isLost(w)) closed[i][0] = '';
  });
  return { amounts: amountColumn(rows, random), outcomes, created, closed };
}

const STAGES = ['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Won'];

/** A stage history of about `rows` entries: deals walk the stages in order, rows shuffled. */
function stageHistory(rows: number, random: Random): [Range, Range, Range] {
  const entries: [string, string, Date][] = [];
  for (let deal = 0; entries.length < rows; deal++) {
    let t = START + Math.floor(random() * 700) * DAY;
    const reached = 1 + Math.floor(random() * STAGES.length);
    for (let s = 0; s < reached && entries.length < rows; s++) {
      entries.push([`D-${deal}`, STAGES[s], new Date(t)]);
      t += Math.floor(random() * 30 * 24) * 3_600_000;
    }
  }
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return [entries.map((e) => [e[0]]), entries.map((e) => [e[1]]), entries.map((e) => [e[2]])];
}

/** Time in stage by hand: group by deal, order by date, add up each stay per deal and stage. */
function stageLoop(dealIds: Range, stages: Range, entered: Range): [string, number, number, number][] {
  const byDeal = new Map<string, number[]>();
  for (let i = 0; i < dealIds.length; i++) {
    const id = dealIds[i][0] as string;
    let list = byDeal.get(id);
    if (!list) byDeal.set(id, (list = []));
    list.push(i);
  }
  const totals = new Map<string, number[]>();
  for (const s of STAGES) totals.set(s, []);
  for (const rowsOfDeal of byDeal.values()) {
    rowsOfDeal.sort((a, b) => time(entered[a][0]) - time(entered[b][0]) || a - b);
    const perStage = new Map<string, number>();
    for (let k = 0; k + 1 < rowsOfDeal.length; k++) {
      const stage = stages[rowsOfDeal[k]][0] as string;
      const days = (time(entered[rowsOfDeal[k + 1]][0]) - time(entered[rowsOfDeal[k]][0])) / DAY;
      perStage.set(stage, (perStage.get(stage) ?? 0) + days);
    }
    for (const [stage, days] of perStage) totals.get(stage)!.push(days);
  }
  return [...totals].map(([stage, list]) => [stage, list.length, list.reduce((a, b) => a + b, 0) / list.length, median(list)]);
}

const CONVERTED = new Set(['converted', 'customer', 'won', 'closed won', 'true', 'yes']);
const QUALIFIED = new Set(['qualified', 'mql', 'sql', 'sal', 'marketing qualified', 'sales qualified', 'opportunity', ...CONVERTED]);

export const cases: BenchCase[] = [
  { fn: 'WIN_RATE', cellsPerRow: 1, makeArgs: (rows, random) => [outcomeColumn(rows, random)], baseline: ([o]) => winRateLoop(o as Range) },
  {
    fn: 'WIN_RATE', variant: 'by month', cellsPerRow: 2,
    makeArgs: (rows, random) => [outcomeColumn(rows, random), '', '', 'month', dateColumn(rows, random)],
    baseline: ([o, , , , d]) => {
      const outcomes = o as Range;
      const dates = d as Range;
      const won = new Float64Array(25);
      const closed = new Float64Array(25);
      for (let i = 0; i < outcomes.length; i++) {
        const w = word(outcomes[i][0]);
        const date = new Date(time(dates[i][0]));
        const m = (date.getUTCFullYear() - 2023) * 12 + date.getUTCMonth();
        if (isWon(w)) {
          won[m]++;
          closed[m]++;
        } else if (isLost(w)) closed[m]++;
      }
      return Array.from(won, (x, m) => (closed[m] ? x / closed[m] : ''));
    },
  },
  {
    fn: 'CLOSE_RATE', cellsPerRow: 1, makeArgs: (rows, random) => [outcomeColumn(rows, random)],
    baseline: ([o]) => shareLoop(o as Range, new Set(['won', 'closed won'])),
  },
  { fn: 'LEAD_CONVERSION', cellsPerRow: 1, makeArgs: (rows, random) => [leadColumn(rows, random)], baseline: ([s]) => shareLoop(s as Range, CONVERTED) },
  { fn: 'LEAD_QUALIFICATION_RATE', cellsPerRow: 1, makeArgs: (rows, random) => [leadColumn(rows, random)], baseline: ([s]) => shareLoop(s as Range, QUALIFIED) },
  {
    fn: 'TRAFFIC_TO_LEAD', cellsPerRow: 2,
    makeArgs: (rows, random) => [countColumn(rows, random, 50), countColumn(rows, random, 2000)],
    baseline: ([l, v]) => {
      const leads = l as Range;
      const visitors = v as Range;
      let a = 0;
      let b = 0;
      for (let i = 0; i < leads.length; i++) {
        const x = num(leads[i][0]);
        const y = num(visitors[i][0]);
        if (x === x) a += x;
        if (y === y) b += y;
      }
      return a / b;
    },
  },
  {
    fn: 'PIPELINE_VALUE', variant: 'weighted', cellsPerRow: 3,
    makeArgs: (rows, random) => {
      const d = deals(rows, random);
      return [d.amounts, d.outcomes, columnOf(rows, () => Math.round(random() * 100) / 100)];
    },
    baseline: ([a, o, p]) => {
      const amounts = a as Range;
      const outcomes = o as Range;
      const probabilities = p as Range;
      let sum = 0;
      for (let i = 0; i < amounts.length; i++) {
        const w = word(outcomes[i][0]);
        if (w === '' || isWon(w) || isLost(w)) continue;
        const v = num(amounts[i][0]) * num(probabilities[i][0]);
        if (v === v) sum += v;
      }
      return sum;
    },
  },
  {
    fn: 'SALES_CYCLE', variant: 'won deals', cellsPerRow: 3,
    makeArgs: (rows, random) => {
      const d = deals(rows, random);
      return [d.created, d.closed, d.outcomes];
    },
    baseline: ([c, x, o]) => {
      const outcomes = o as Range;
      return meanDurationLoop(c as Range, x as Range, DAY, (i) => isWon(word(outcomes[i][0])));
    },
  },
  {
    fn: 'SALES_CYCLE', variant: 'median', cellsPerRow: 2,
    makeArgs: (rows, random) => {
      const d = deals(rows, random);
      return [d.created, d.closed, '', 'median'];
    },
    baseline: ([c, x]) => {
      const created = c as Range;
      const closed = x as Range;
      const days: number[] = [];
      for (let i = 0; i < created.length; i++) {
        const d = time(closed[i][0]) - time(created[i][0]);
        if (d === d) days.push(d / DAY);
      }
      return median(days);
    },
  },
  {
    fn: 'SALES_VELOCITY', cellsPerRow: 4,
    makeArgs: (rows, random) => {
      const d = deals(rows, random);
      return [d.amounts, d.outcomes, d.created, d.closed];
    },
    baseline: ([a, o, c, x]) => {
      const amounts = a as Range;
      const outcomes = o as Range;
      const created = c as Range;
      const closed = x as Range;
      let open = 0, won = 0, lost = 0, wonAmount = 0, withAmount = 0, cycle = 0, withCycle = 0;
      for (let i = 0; i < amounts.length; i++) {
        const w = word(outcomes[i][0]);
        if (w === '') continue;
        if (isLost(w)) lost++;
        else if (!isWon(w)) open++;
        else {
          won++;
          const v = num(amounts[i][0]);
          if (v === v) {
            wonAmount += v;
            withAmount++;
          }
          const d = time(closed[i][0]) - time(created[i][0]);
          if (d === d) {
            cycle += d / DAY;
            withCycle++;
          }
        }
      }
      return (open * (wonAmount / withAmount) * (won / (won + lost))) / (cycle / withCycle);
    },
  },
  {
    fn: 'STAGE_DURATION', cellsPerRow: 3,
    makeArgs: (rows, random) => stageHistory(rows, random),
    baseline: ([d, s, e]) => stageLoop(d as Range, s as Range, e as Range),
  },
  {
    fn: 'LEAD_RESPONSE_TIME', cellsPerRow: 2,
    makeArgs: (rows, random) => {
      const created = dateColumn(rows, random);
      return [created, laterColumn(created, random, 72, 0.1)];
    },
    baseline: ([c, r]) => meanDurationLoop(c as Range, r as Range, 3_600_000),
  },
];


