// Seeded, realistic sample CRM tables (surveys, deals, subscriptions, orders, tickets, MRR, leads, marketing) and one wide CRM export.

import { MS_PER_DAY } from '../timezone';
import { clamp, context, money, PRODUCTS, sortBy, type Ctx, type SampleCell, type SampleOptions, type SampleTable } from './context';
import { marketing } from './marketing';
import { deals, leads } from './sales';
import { tickets } from './service';
import { subscriptionsAndMrr } from './subscriptions';

export { seededRandom, type SampleCell, type SampleOptions, type SampleTable } from './context';

/** A score that leans on segment and season: Enterprise happier, winters a little worse. */
const mood = (c: Ctx, segment: string, t: number): number =>
  (segment === 'Enterprise' ? 0.8 : segment === 'Startup' ? -0.6 : 0) - 0.5 * Math.cos((new Date(t).getUTCMonth() / 12) * 2 * Math.PI) + (c.r() - 0.5) * 4;

function surveys(c: Ctx, n: number): SampleTable {
  const rows: SampleCell[][] = [];
  // One answer per customer and day, so the sample never holds a duplicate row whatever its end date.
  const answered = new Set<string>();
  for (let i = 0; i < n; i++) {
    let t: number;
    let who: string;
    do {
      t = c.seasonalDay();
      who = c.customer();
    } while (answered.has(`${t} ${who}`));
    answered.add(`${t} ${who}`);
    const seg = c.segmentOf(who);
    const m = mood(c, seg, t);
    rows.push([c.day(t), who, seg, clamp(7.6 + m, 0, 10), c.r() < 0.1 ? '' : clamp(3.9 + m / 2.5, 1, 5), clamp(3 - m / 2, 1, 7)]);
  }
  return { name: 'Surveys', headers: ['Date', 'Customer', 'Segment', 'NPS score', 'CSAT', 'Effort'], rows: sortBy(rows, 0) };
}

function orders(c: Ctx, n: number): SampleTable {
  const rows: SampleCell[][] = [];
  for (let i = 0; i < n; i++) {
    const who = c.customer();
    rows.push([`O${String(i + 1).padStart(6, '0')}`, c.day(c.seasonalDay()), who, c.segmentOf(who), c.pick(PRODUCTS), money(20 + c.r() ** 2 * 480)]);
  }
  return { name: 'Orders', headers: ['Order ID', 'Date', 'Customer', 'Segment', 'Product', 'Amount'], rows: sortBy(rows, 1) };
}

/** One wide export (10 columns) with survey, deal and subscription fields on every row: the benchmark's table. */
export function crmExport(o: SampleOptions = {}): SampleTable {
  const c = context(o);
  const n = o.rows ?? 1000;
  const rows: SampleCell[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = c.seasonalDay();
    const who = c.customer();
    const seg = c.segmentOf(who);
    const m = mood(c, seg, t);
    const endAt = t + Math.round(30 + c.r() * 900) * MS_PER_DAY;
    const outcome = c.r() < 0.3 ? 'Open' : c.r() < 0.45 ? 'Won' : 'Lost';
    rows[i] = [c.day(t), who, seg, clamp(7.6 + m, 0, 10), clamp(3.9 + m / 2.5, 1, 5), clamp(3 - m / 2, 1, 7),
      money(100 + c.r() * 900), outcome, c.day(t), endAt <= c.end ? c.day(endAt) : ''];
  }
  return { name: 'CRM export', headers: ['Date', 'Customer', 'Segment', 'NPS', 'CSAT', 'Effort', 'Amount', 'Outcome', 'Start date', 'End date'], rows };
}

/**
 * The sample tables from one seed, in this order: Surveys, Deals, Subscriptions, Orders, Tickets (the first five, at
 * the places they always had), then MRR, Leads and Marketing. The row-per-event tables are `rows` long; MRR (a row per
 * customer, month and product line of the subscriptions) and Marketing (a row per week and channel) are as long as
 * the two-year span makes them.
 */
export function sampleTables(o: SampleOptions = {}): SampleTable[] {
  const n = o.rows ?? 1000;
  const ctx = (k: number): Ctx => context({ ...o, seed: (o.seed ?? 42) + k });
  const [subscriptions, mrr] = subscriptionsAndMrr(ctx(2), n);
  return [surveys(ctx(0), n), deals(ctx(1), n), subscriptions, orders(ctx(3), n), tickets(ctx(4), n), mrr, leads(ctx(5), n), marketing(ctx(6))];
}
