// Sample subscriptions and their month-by-month recurring revenue (MRR) per product line, from one simulation.

import { MS_PER_DAY } from '../timezone';
import { monthStarts, PRODUCTS, sortBy, weighted, type Ctx, type SampleCell, type SampleTable } from './context';

const PLANS = PRODUCTS;
const PRICE = [49, 99, 199, 399];
/** Seats by segment: the fewest and how many more at most. */
const SEATS: Record<string, [number, number]> = { Enterprise: [5, 20], 'Mid-market': [3, 9], SMB: [1, 4], Startup: [1, 2] };
const FIRST_PLAN: Record<string, number[]> = { Enterprise: [0, 1, 3, 4], 'Mid-market': [1, 3, 3, 1], SMB: [3, 3, 1, 0.2], Startup: [4, 2, 0.5, 0] };
/** Monthly chance of cancelling within the first year, and of not renewing at the first anniversary, by segment. */
const CANCEL: Record<string, number> = { Enterprise: 0.006, 'Mid-market': 0.012, SMB: 0.02, Startup: 0.035 };
const NOT_RENEW: Record<string, number> = { Enterprise: 0.1, 'Mid-market': 0.18, SMB: 0.26, Startup: 0.36 };
/** Monthly chance of moving up a plan (startups grow fastest) and down one. */
const UPGRADE: Record<string, number> = { Enterprise: 0.008, 'Mid-market': 0.012, SMB: 0.015, Startup: 0.02 };
const DOWNGRADE = 0.006;
/** The Support+ add-on's price by segment (Analytics costs 29 plus 12 a seat). */
const SUPPORT_PRICE: Record<string, number> = { Enterprise: 299, 'Mid-market': 149, SMB: 79, Startup: 49 };

/**
 * Subscriptions (one per customer C00001, C00002, …) starting over the span, and the MRR table: a row per month,
 * customer and product line held. Customers may cancel in their first year, and decide at their first anniversary
 * whether to renew (an ended subscription that reached its anniversary ended on it); the chances depend on the segment
 * and on a swing of each month. While active, customers move up or down a plan, add or drop seats, and take up or drop
 * the Analytics and Support+ add-ons. The subscription row holds the plan and total MRR of its last month.
 */
export function subscriptionsAndMrr(c: Ctx, n: number): [SampleTable, SampleTable] {
  const months = monthStarts(c.start, c.end);
  const pressure = months.map(() => 0.4 + 1.2 * c.r());
  const byMonth: SampleCell[][][] = months.map(() => []);
  const subscriptions: SampleCell[][] = [];
  for (let i = 0; i < n; i++) {
    const id = `C${String(i + 1).padStart(5, '0')}`;
    const seg = c.segmentOf(id);
    const start = c.seasonalDay();
    const s = new Date(start);
    const anniversary = Date.UTC(s.getUTCFullYear() + 1, s.getUTCMonth(), s.getUTCDate());
    let plan = weighted(c.r, [0, 1, 2, 3], FIRST_PLAN[seg]);
    let seats = SEATS[seg][0] + Math.floor(c.r() * (SEATS[seg][1] + 1));
    let analytics = false;
    let support = false;
    let endAt = NaN;
    let last = 0;
    for (let k = 0; k < months.length; k++) {
      const from = months[k];
      const next = k + 1 < months.length ? months[k + 1] : Infinity;
      if (next <= start) continue;
      const first = from <= start;
      if (!first && next <= anniversary && c.r() < CANCEL[seg] * pressure[k]) {
        const at = from + Math.floor(c.r() * 28) * MS_PER_DAY;
        if (at <= c.end) endAt = at;
      }
      if (anniversary >= from && anniversary < next && anniversary <= c.end && c.r() < NOT_RENEW[seg] * pressure[k]) endAt = anniversary;
      if (endAt <= from) break;
      if (!first && endAt !== endAt) {
        const u = c.r();
        if (u < UPGRADE[seg] && plan < PLANS.length - 1) plan++;
        else if (u > 1 - DOWNGRADE && plan > 0) plan--;
        const v = c.r();
        if (v < 0.03) seats += 1 + Math.floor(c.r() * (seg === 'Enterprise' ? 4 : 2));
        else if (v > 0.99 && seats > 1) seats--;
        const w = c.r();
        if (!analytics && w < 0.02) analytics = true;
        else if (analytics && w > 0.985) analytics = false;
        const x = c.r();
        if (!support && x < 0.012) support = true;
        else if (support && x > 0.985) support = false;
      }
      const lines: [string, number][] = [['Core', PRICE[plan] * seats]];
      if (analytics) lines.push(['Analytics', 29 + 12 * seats]);
      if (support) lines.push(['Support+', SUPPORT_PRICE[seg]]);
      last = 0;
      for (const [product, mrr] of lines) {
        byMonth[k].push([c.day(from), id, seg, PLANS[plan], product, mrr]);
        last += mrr;
      }
      if (endAt === endAt) break;
    }
    const renewal = endAt === endAt ? (endAt >= anniversary ? 'Not renewed' : '') : anniversary <= c.end ? 'Renewed' : '';
    // The renewal's date: the anniversary it came due on, where one did.
    subscriptions.push([id, seg, PLANS[plan], c.day(start), endAt === endAt ? c.day(endAt) : '', last, renewal, renewal ? c.day(anniversary) : '']);
  }
  return [
    { name: 'Subscriptions', headers: ['Customer', 'Segment', 'Plan', 'Start date', 'End date', 'MRR', 'Renewal', 'Renewal date'], rows: sortBy(subscriptions, 3) },
    { name: 'MRR', headers: ['Month', 'Customer', 'Segment', 'Plan', 'Product', 'MRR'], rows: byMonth.flat() },
  ];
}
