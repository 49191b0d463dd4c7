// Sample sales tables: deals (won, lost and an open pipeline at every stage) and leads moving through their funnel.

import { MS_PER_DAY } from '../timezone';
import { addWorkingHours, money, monthsBetween, PRODUCTS, season, SEGMENTS, sortBy, SPAN_DAYS, toMinute, weighted, type Ctx, type SampleCell, type SampleTable } from './context';

const OPEN_STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation'];
const STAGE_PROBABILITY = [0.1, 0.3, 0.6, 0.8];
/** Chance that a deal is won, by segment: enterprise deals are hard to win, SMB deals easy. */
const WIN: Record<string, number> = { Enterprise: 0.3, 'Mid-market': 0.45, SMB: 0.55, Startup: 0.38 };
/** Days from creation to close, by segment: the shortest and the spread. */
const CYCLE: Record<string, [number, number]> = { Enterprise: [45, 150], 'Mid-market': [25, 90], SMB: [10, 45], Startup: [7, 35] };
const DEAL_SIZE: Record<string, number> = { Enterprise: 40000, 'Mid-market': 12000, SMB: 4000, Startup: 2500 };
const PRODUCT_SIZE = [0.5, 0.8, 1.1, 1.6];

/**
 * Deals created over the span (more in spring and autumn). Each closes after a cycle that depends on its segment;
 * a deal whose close date is still ahead of the end is open, at the stage its progress has reached. Some deals are
 * slow (5 to 14 months) and a few stall and never close, so every recent month keeps an open pipeline. The chance
 * of winning depends on the segment, the season and a swing of each month.
 */
export function deals(c: Ctx, n: number): SampleTable {
  const months = monthsBetween(c.start, c.end) + 1;
  const swing = Array.from({ length: months }, () => (c.r() - 0.5) * 0.2);
  const rows: SampleCell[][] = [];
  for (let i = 0; i < n; i++) {
    // Sales works all year: a milder season than the seasonalDay's, so summer months still have their deals.
    const created = c.r() < 0.6 ? c.seasonalDay() : c.start + Math.floor(c.r() * SPAN_DAYS) * MS_PER_DAY;
    const who = c.customer();
    const seg = c.segmentOf(who);
    const product = Math.floor(c.r() * PRODUCTS.length);
    const kind = c.r();
    const stalled = kind < 0.07;
    const [shortest, spread] = kind < 0.22 ? [150, 270] : CYCLE[seg];
    const days = shortest + c.r() * spread;
    const chance = WIN[seg] + 0.16 * (season(created) - 0.65) + swing[monthsBetween(c.start, created)];
    const won = c.r() < chance;
    const closedAt = created + Math.max(3, Math.round(won ? days : days * 0.75)) * MS_PER_DAY;
    const amount = money(DEAL_SIZE[seg] * PRODUCT_SIZE[product] * (0.6 + c.r() * 0.8));
    const stageDraw = c.r();
    const closed = !stalled && closedAt <= c.end;
    const id = `D${String(i + 1).padStart(6, '0')}`;
    if (closed) {
      rows.push([id, c.day(created), who, seg, PRODUCTS[product], 'Closed', won ? 'Won' : 'Lost', amount, c.day(closedAt), won ? 1 : 0]);
    } else {
      const progress = stalled ? stageDraw : (c.end - created) / (closedAt - created);
      const stage = Math.min(OPEN_STAGES.length - 1, Math.floor(progress * OPEN_STAGES.length));
      rows.push([id, c.day(created), who, seg, PRODUCTS[product], OPEN_STAGES[stage], 'Open', amount, '', STAGE_PROBABILITY[stage]]);
    }
  }
  return { name: 'Deals', headers: ['Deal ID', 'Created', 'Customer', 'Segment', 'Product', 'Stage', 'Outcome', 'Amount', 'Closed', 'Probability'], rows: sortBy(rows, 1) };
}

const SOURCES = ['Web', 'Referral', 'Events', 'Paid search', 'Partner'];
const SOURCE_SHARE = [0.34, 0.12, 0.14, 0.26, 0.14];
/** Of the leads contacted, the share that qualifies, and of those the share that converts, by source. */
const QUALIFY: Record<string, number> = { Web: 0.35, Referral: 0.7, Events: 0.45, 'Paid search': 0.3, Partner: 0.55 };
const CONVERT: Record<string, number> = { Web: 0.3, Referral: 0.5, Events: 0.35, 'Paid search': 0.22, Partner: 0.4 };
/** Working hours to the first answer, typically: referrals and partners are answered fastest. */
const ANSWER_HOURS: Record<string, number> = { Web: 4, Referral: 1.5, Events: 10, 'Paid search': 3, Partner: 2 };

/**
 * Leads created at any hour over the span. Sales answers them in office hours (minutes to days; a few never), decides
 * within a few weeks whether they qualify and, for qualified leads, whether they convert some weeks later. The status
 * is how far a lead got by the end, so recent leads are mostly New or Contacted.
 */
export function leads(c: Ctx, n: number): SampleTable {
  const months = monthsBetween(c.start, c.end) + 1;
  const busy = Array.from({ length: months }, () => 0.5 + c.r());
  const rows: SampleCell[][] = [];
  for (let i = 0; i < n; i++) {
    const created = c.seasonalDay() + Math.floor(c.r() * 24 * 60) * 60_000;
    const source = weighted(c.r, SOURCES, SOURCE_SHARE);
    const segment = weighted(c.r, SEGMENTS, source === 'Events' || source === 'Partner' ? [3, 3, 2, 1] : [1, 2, 3, 3]);
    const ignored = c.r() < 0.04;
    const answered = toMinute(addWorkingHours(created, 0.05 + c.r() ** 3 * ANSWER_HOURS[source] * 6 * busy[monthsBetween(c.start, created)]));
    const decided = answered + (3 + c.r() * 25) * MS_PER_DAY;
    const converts = answered + (3 + c.r() * 25 + 7 + c.r() * 60) * MS_PER_DAY;
    const qualifies = c.r() < QUALIFY[source];
    const converted = qualifies && c.r() < CONVERT[source];
    const nurtured = c.r() < 0.3;
    let status: string;
    if (ignored) status = c.cutoff - created > 45 * MS_PER_DAY ? 'Disqualified' : 'New';
    else if (answered >= c.cutoff) status = 'New';
    else if (decided >= c.cutoff) status = 'Contacted';
    else if (!qualifies) status = nurtured ? 'Contacted' : 'Disqualified';
    else if (converts >= c.cutoff || !converted) status = 'Qualified';
    else status = 'Converted';
    const response = ignored || answered >= c.cutoff ? '' : c.time(answered);
    rows.push([`L${String(i + 1).padStart(6, '0')}`, c.time(created), source, segment, status, response]);
  }
  return { name: 'Leads', headers: ['Lead ID', 'Created', 'Source', 'Segment', 'Lead status', 'First response'], rows: sortBy(rows, 1) };
}
