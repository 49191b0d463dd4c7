import { aggregateAll, type Aggregate } from '../../../src/core/aggregate';
import { numberColumn } from '../../../src/core/columns';
import { durationAggregate, durationsBetween, parseDurationUnit } from '../../../src/core/durations';
import { pipelineAggregate, velocityAggregate, velocityOf } from '../../../src/core/metrics/sales';
import { shareAggregate, shareOf } from '../../../src/core/ratios';
import { codeKeys } from '../../../src/core/grouping';
import { stageFigures } from '../../../src/core/metrics/stages';
import { DEFAULT_LOST, DEFAULT_WON, normaliseWord, OUTCOME, sharedWord, splitWords, wordClassifier } from '../../../src/core/outcomes';
import { MS_PER_DAY } from '../../../src/core/timezone';

const { won: W, lost: L, open: O, blank: B } = OUTCOME;
const codes = (...c: number[]) => Int8Array.from(c);
const rateOf = <A>(agg: Aggregate<A>, n: number) => agg.value(aggregateAll(agg, n));
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const dayColumn = (param: string, ...isos: string[]) => numberColumn(param, isos.map((s) => (s ? day(s) : NaN)));

describe('outcome words', () => {
  const classify = wordClassifier([new Set(DEFAULT_WON), new Set(DEFAULT_LOST)]);

  it('reads "Won", " CLOSED WON ", "closed-won" and "Closed_Won" as won', () => {
    for (const text of ['Won', ' CLOSED WON ', 'closed-won', 'Closed_Won', 'closed   won']) expect(classify(text)).toBe(W);
  });

  it('reads "Lost" and "closed lost" as lost, and anything else as open', () => {
    expect([classify('Lost'), classify('closed lost'), classify('Negotiation'), classify('won?')]).toEqual([L, L, O, O]);
  });

  it('splits a word list on commas, semicolons and bars, normalised, blanks dropped', () => {
    expect(splitWords(' Signed, Paid;; closed-won | ')).toEqual(['signed', 'paid', 'closed won']);
    expect(normaliseWord('  Closed _ Won ')).toBe('closed won');
  });

  it('finds a word two lists share', () => {
    expect(sharedWord(new Set(['won', 'paid']), new Set(['lost', 'paid']))).toBe('paid');
    expect(sharedWord(new Set(['won']), new Set(['lost']))).toBeUndefined();
  });
});

describe('win rate and close rate', () => {
  const tenDeals = codes(W, W, W, W, W, W, L, L, O, O);
  const winRateAggregate = (c: Int8Array) => shareAggregate(c, W, [W, L]);
  const closeRateAggregate = (c: Int8Array) => shareAggregate(c, W);

  it('gives 0.75 win rate and 0.6 close rate on 6 won, 2 lost and 2 open deals', () => {
    expect(rateOf(winRateAggregate(tenDeals), 10)).toBe(0.75);
    expect(rateOf(closeRateAggregate(tenDeals), 10)).toBe(0.6);
  });

  it('skips blank rows in both', () => {
    const withBlanks = codes(W, B, L, B, O);
    expect(rateOf(winRateAggregate(withBlanks), 5)).toBe(0.5);
    expect(rateOf(closeRateAggregate(withBlanks), 5)).toBeCloseTo(1 / 3, 12);
  });

  it('counts the same in one direct loop as through the fold', () => {
    expect(shareOf(tenDeals, W, [W, L])).toEqual({ hits: 6, base: 8 });
    expect(shareOf(tenDeals, W)).toEqual({ hits: 6, base: 10 });
  });

  it('has no win rate when every deal is still open', () => {
    expect(rateOf(winRateAggregate(codes(O, O, B)), 3)).toBeUndefined();
  });
});

describe('pipeline value', () => {
  const amounts = Float64Array.from([1000, 5000, 2000, 3000, NaN]);
  const outcomes = codes(O, W, O, L, O);

  it('adds the open deals’ amounts: 1000 + 2000', () => {
    const agg = pipelineAggregate(amounts, outcomes);
    expect(agg.value(aggregateAll(agg, 5))).toBe(3000);
  });

  it('weights each open deal by its probability, and skips one with a blank probability', () => {
    const agg = pipelineAggregate(amounts, outcomes, Float64Array.from([0.5, 1, NaN, 0, 1]));
    const acc = aggregateAll(agg, 5);
    expect(agg.value(acc)).toBe(500);
    expect(agg.count(acc)).toBe(1);
  });

  it('is 0 when deals exist but none is open, and undefined with no deals at all', () => {
    const closed = pipelineAggregate(amounts, codes(W, L, W, L, B));
    expect(closed.value(aggregateAll(closed, 5))).toBe(0);
    const none = pipelineAggregate(amounts, codes(B, B, B, B, B));
    expect(none.value(aggregateAll(none, 5))).toBeUndefined();
  });
});

describe('durations between two date columns', () => {
  it('gives days, hours or minutes per row and NaN where either date is blank', () => {
    const starts = dayColumn('created', '2025-01-01', '2025-01-10', '', '2025-02-01');
    const ends = dayColumn('closed', '2025-01-31', '2025-01-11', '2025-01-05', '');
    expect(Array.from(durationsBetween('X', starts, ends, 'days'))).toEqual([30, 1, NaN, NaN]);
    expect(durationsBetween('X', starts, ends, 'hours')[1]).toBe(24);
    expect(durationsBetween('X', starts, ends, 'minutes')[1]).toBe(1440);
    expect(durationsBetween('X', starts, ends, 'weeks')[0]).toBeCloseTo(30 / 7, 12);
  });

  it('rejects a row that ends before it starts, naming the first and counting them', () => {
    const starts = dayColumn('created', '2025-01-01', '2025-01-10', '2025-01-10');
    const ends = dayColumn('closed', '2025-01-31', '2025-01-09', '2025-01-01');
    expect(() => durationsBetween('SALES_CYCLE', starts, ends, 'days')).toThrow('SALES_CYCLE: 2 rows end before they start (first: row 2 of closed)');
  });

  it('reads unit names and abbreviations', () => {
    expect(['h', 'Hours', 'hr', 'min', 'D', 'week', 'fortnight'].map(parseDurationUnit)).toEqual(['hours', 'hours', 'hours', 'minutes', 'days', 'weeks', undefined]);
  });

  it('folds durations into their mean or median, skipping blanks and rows not kept', () => {
    const d = Float64Array.from([30, 30, 15, NaN, 100]);
    const all = (stat: 'mean' | 'median', keep?: (i: number) => boolean) => {
      const agg = durationAggregate(d, stat, keep);
      return agg.value(aggregateAll(agg, d.length));
    };
    expect(all('mean')).toBe(43.75);
    expect(all('median')).toBe(30);
    expect(all('mean', (i) => i < 3)).toBe(25);
    expect(all('median', (i) => i !== 0 && i < 3)).toBe(22.5);
  });
});

describe('sales velocity', () => {
  // 2 open deals × 1500 average won × 2/3 win rate ÷ 20 days average cycle = 100 a day.
  const amounts = Float64Array.from([1000, 2000, 500, 3000, 4000]);
  const outcomes = codes(W, W, L, O, O);
  const cycle = Float64Array.from([10, 30, 15, NaN, NaN]);

  it('is open deals × average won deal × win rate ÷ average cycle: 100 a day', () => {
    const acc = aggregateAll(velocityAggregate(amounts, outcomes, cycle), 5);
    expect(velocityOf(acc)).toEqual({ ok: true, value: 100 });
  });

  it('says what is missing: closed deals, won amounts, won cycles, or a zero cycle', () => {
    const fold = (o: Int8Array, a = amounts, c = cycle) => velocityOf(aggregateAll(velocityAggregate(a, o, c), 5));
    expect(fold(codes(O, O, O, O, B))).toEqual({ ok: false, missing: 'closed deals' });
    expect(fold(outcomes, Float64Array.from([NaN, NaN, 1, 1, 1]))).toEqual({ ok: false, missing: 'won deals with an amount' });
    expect(fold(outcomes, amounts, Float64Array.from([NaN, NaN, 3, 3, 3]))).toEqual({ ok: false, missing: 'won deals with both dates' });
    expect(fold(outcomes, amounts, Float64Array.from([0, 0, 3, 3, 3]))).toEqual({ ok: false, missing: 'zero cycle' });
  });

  it('is 0 when deals were won but none is open', () => {
    expect(velocityOf(aggregateAll(velocityAggregate(amounts, codes(W, W, L, L, L), cycle), 5))).toEqual({ ok: true, value: 0 });
  });
});

describe('time in stage', () => {
  const history = (deals: string[], stages: string[], dates: string[]) => ({ deals: codeKeys(deals), stages: codeKeys(stages), entered: Float64Array.from(dates.map((s) => (s ? day(s) : NaN))) });

  it('counts a stay until the next stage by date, whatever the row order, and not the current stage', () => {
    // Deal A: Lead 10 days, Proposal 10 days, now Won; deal B: Lead 4 days, now Proposal. Rows shuffled.
    const h = history(['A', 'B', 'A', 'B', 'A'], ['Won', 'Lead', 'Lead', 'Proposal', 'Proposal'], ['2025-01-21', '2025-01-05', '2025-01-01', '2025-01-09', '2025-01-11']);
    const f = stageFigures(h, 1, () => 0);
    expect(h.stages.keys).toEqual(['Won', 'Lead', 'Proposal']);
    expect(Array.from(f.deals)).toEqual([0, 2, 1]);
    expect(Array.from(f.mean)).toEqual([NaN, 7, 10]);
    expect(Array.from(f.median)).toEqual([NaN, 7, 10]);
  });

  it('adds up a deal’s stays when it re-enters a stage, and skips rows with a blank deal, stage or date', () => {
    const h = history(['A', 'A', 'A', 'A', '', 'A'], ['Lead', 'Demo', 'Lead', 'Won', 'Lead', ''], ['2025-01-01', '2025-01-03', '2025-01-04', '2025-01-10', '2025-01-02', '2025-01-02']);
    const f = stageFigures(h, 1, () => 0);
    expect(Array.from(f.deals)).toEqual([1, 1, 0]);
    expect(f.mean[0]).toBe(8); // 2 days, then 6 more after coming back
    expect(f.mean[1]).toBe(1);
  });

  it('gives the median of per-deal totals and buckets stays by the day they began', () => {
    const h = history(['A', 'A', 'B', 'B', 'C', 'C'], ['Lead', 'Won', 'Lead', 'Won', 'Lead', 'Won'], ['2025-01-01', '2025-01-02', '2025-01-01', '2025-01-05', '2025-02-01', '2025-02-11']);
    const all = stageFigures(h, 1, () => 0);
    expect([all.deals[0], all.mean[0], all.median[0]]).toEqual([3, 5, 4]);
    const feb = day('2025-02-01');
    const byMonth = stageFigures(h, 2, (t) => (t < feb ? 0 : 1));
    expect([byMonth.deals[0], byMonth.mean[0], byMonth.deals[2], byMonth.mean[2]]).toEqual([2, 2.5, 1, 10]);
  });

  it('orders a long history of one deal by date', () => {
    const n = 100;
    const stages = Array.from({ length: n }, (_, i) => `S${i}`);
    const dates = stages.map((_, i) => new Date(day('2025-01-01') + i * MS_PER_DAY).toISOString().slice(0, 10)).reverse();
    const f = stageFigures(history(Array(n).fill('A'), stages, dates), 1, () => 0);
    expect(f.deals[0]).toBe(0); // S0 is the latest entry: the current stage
    expect(f.mean[1]).toBe(1);
  });
});
