// Sample deals: consistent outcomes, stages and probabilities; an open pipeline every recent month; win and close rates that vary.

import { MONTHS, monthOf, ms, records, spread } from './helpers';

const OPEN_STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation'];

describe('the sample deals', () => {
  const deals = records('Deals');
  const open = deals.filter((d) => d.Outcome === 'Open');
  const closed = deals.filter((d) => d.Outcome !== 'Open');
  const rate = (won: number, all: number): number => won / all;

  it('close with Stage "Closed", a close date after creation and probability 1 (won) or 0 (lost)', () => {
    expect(new Set(deals.map((d) => d.Outcome))).toEqual(new Set(['Won', 'Lost', 'Open']));
    for (const d of closed) {
      expect(d.Stage).toBe('Closed');
      expect(ms(d.Closed)).toBeGreaterThan(ms(d.Created));
      expect(d.Probability).toBe(d.Outcome === 'Won' ? 1 : 0);
    }
  });

  it('stay open with a blank close date, an open stage and a probability from 0.1 to 0.9 that rises with the stage', () => {
    const byStage = new Map<string, Set<number>>();
    for (const d of open) {
      expect(d.Closed).toBe('');
      expect(OPEN_STAGES).toContain(d.Stage);
      expect(d.Probability).toBeGreaterThanOrEqual(0.1);
      expect(d.Probability).toBeLessThanOrEqual(0.9);
      if (!byStage.has(String(d.Stage))) byStage.set(String(d.Stage), new Set());
      byStage.get(String(d.Stage))!.add(Number(d.Probability));
    }
    expect([...byStage.keys()].sort()).toEqual([...OPEN_STAGES].sort());
    for (let k = 1; k < OPEN_STAGES.length; k++) {
      expect(Math.min(...byStage.get(OPEN_STAGES[k])!)).toBeGreaterThan(Math.max(...byStage.get(OPEN_STAGES[k - 1])!));
    }
  });

  it.each([42, 7, 2024])('keep an open pipeline (amount × probability) well above 0 for deals created in each of the last 6 months (seed %d)', (seed) => {
    const all = records('Deals', seed);
    const low: string[] = [];
    for (const month of MONTHS.slice(-6)) {
      let pipeline = 0;
      for (const d of all) if (d.Outcome === 'Open' && monthOf(d.Created) === month) pipeline += Number(d.Amount) * Number(d.Probability);
      if (pipeline < 1000) low.push(`${month}: ${pipeline}`);
    }
    expect(low).toEqual([]);
  });

  it('win more often in some segments than in others', () => {
    const rates: Record<string, number> = {};
    for (const segment of ['Enterprise', 'Mid-market', 'SMB', 'Startup']) {
      const mine = closed.filter((d) => d.Segment === segment);
      rates[segment] = rate(mine.filter((d) => d.Outcome === 'Won').length, mine.length);
    }
    expect(spread(Object.values(rates))).toBeGreaterThan(0.1);
    expect(rates.SMB).toBeGreaterThan(rates.Enterprise);
  });

  it('have a win rate that changes from month to month', () => {
    const rates: number[] = [];
    for (const month of MONTHS) {
      const inMonth = closed.filter((d) => monthOf(d.Closed) === month);
      if (inMonth.length >= 10) rates.push(rate(inMonth.filter((d) => d.Outcome === 'Won').length, inMonth.length));
    }
    expect(rates.length).toBeGreaterThanOrEqual(20);
    expect(spread(rates)).toBeGreaterThan(0.15);
    expect(new Set(rates.map((r) => r.toFixed(3))).size).toBeGreaterThan(rates.length / 2);
  });

  it('have a close rate (won ÷ all created, open included) unlike the win rate (won ÷ won and lost closed)', () => {
    const overallClose = rate(deals.filter((d) => d.Outcome === 'Won').length, deals.length);
    const overallWin = rate(closed.filter((d) => d.Outcome === 'Won').length, closed.length);
    expect(Math.abs(overallClose - overallWin)).toBeGreaterThan(0.02);
    let differ = 0;
    for (const month of MONTHS) {
      const created = deals.filter((d) => monthOf(d.Created) === month);
      const closedIn = closed.filter((d) => monthOf(d.Closed) === month);
      if (!created.length || !closedIn.length) continue;
      const close = rate(created.filter((d) => d.Outcome === 'Won').length, created.length);
      const win = rate(closedIn.filter((d) => d.Outcome === 'Won').length, closedIn.length);
      if (Math.abs(close - win) > 0.01) differ++;
    }
    expect(differ).toBeGreaterThanOrEqual(20);
  });
});
