// Sample marketing table: a row per ISO week (its Monday) and channel with traffic, leads, engagement, spend and customers.

import { MS_PER_DAY } from '../timezone';
import { binomial, money, season, type Ctx, type SampleCell, type SampleTable } from './context';

const CHANNELS = ['Web', 'Paid search', 'Events', 'Partner'];

/** A number drawn evenly between lo and hi. */
const between = (c: Ctx, lo: number, hi: number): number => lo + c.r() * (hi - lo);

/**
 * Weeks from the first Monday of the span to the last one before its end, for each channel. Traffic follows the season
 * (spring and autumn) and grows over the two years; paid search buys its visitors, events come in bursts (a stand at
 * a trade fair costs a lot and brings many leads), partners are paid per new customer. Leads are 1–5% of visitors,
 * engaged visitors 20–60%, new customers a share of leads; retention spend and retained customers grow with the base.
 */
export function marketing(c: Ctx): SampleTable {
  const rows: SampleCell[][] = [];
  const firstMonday = c.start + ((8 - new Date(c.start).getUTCDay()) % 7) * MS_PER_DAY;
  const weeks = Math.floor((c.end - firstMonday) / (7 * MS_PER_DAY)) + 1;
  for (let w = 0; w < weeks; w++) {
    const monday = firstMonday + w * 7 * MS_PER_DAY;
    const s = season(monday + 3 * MS_PER_DAY);
    const growth = 1 + (0.3 * w) / 104;
    for (const channel of CHANNELS) {
      let visitors: number;
      let spend: number;
      let leadRate: number;
      let engagedRate: number;
      let newRate: number;
      let retained: number;
      if (channel === 'Web') {
        visitors = 4200 * (0.6 + 0.5 * s) * growth * between(c, 0.85, 1.15);
        spend = between(c, 800, 1400);
        [leadRate, engagedRate, newRate, retained] = [(0.012 + 0.012 * s) * between(c, 0.9, 1.1), between(c, 0.28, 0.42), between(c, 0.05, 0.11), 120];
      } else if (channel === 'Paid search') {
        spend = (1500 + 2500 * s) * between(c, 0.8, 1.2);
        visitors = spend / between(c, 1.1, 2.2);
        [leadRate, engagedRate, newRate, retained] = [between(c, 0.02, 0.04), between(c, 0.2, 0.32), between(c, 0.03, 0.08), 80];
      } else if (channel === 'Events') {
        const event = c.r() < 0.05 + 0.35 * s;
        visitors = event ? between(c, 600, 2500) : between(c, 300, 600);
        spend = event ? between(c, 6000, 18000) : between(c, 150, 400);
        [leadRate, engagedRate, newRate, retained] = [between(c, 0.03, 0.046), between(c, 0.45, 0.58), between(c, 0.06, 0.14), 40];
      } else {
        visitors = between(c, 500, 1400) * growth;
        spend = 250;
        [leadRate, engagedRate, newRate, retained] = [between(c, 0.024, 0.045), between(c, 0.35, 0.5), between(c, 0.08, 0.16), 60];
      }
      const v = Math.round(visitors);
      const leads = Math.round(v * leadRate);
      const customers = binomial(c.r, leads, newRate);
      if (channel === 'Partner') spend += customers * between(c, 250, 400);
      const kept = Math.round(retained * growth * between(c, 0.85, 1.15));
      rows.push([c.day(monday), channel, v, leads, Math.round(v * engagedRate), money(spend), customers, money(kept * between(c, 6, 14) + 150), kept]);
    }
  }
  return {
    name: 'Marketing',
    headers: ['Week', 'Channel', 'Visitors', 'Leads', 'Engaged', 'Spend', 'New customers', 'Retention spend', 'Retained customers'],
    rows,
  };
}
