// Sample subscriptions and MRR: renewals both ways each quarter, churn that varies, and MRR rows that give NRR, upsell and cross-sell.

import { DAY, END, MONTHS, monthOf, ms, quarterOf, records, spread } from './helpers';

const SEGMENTS = ['Enterprise', 'Mid-market', 'SMB', 'Startup'];
const PLANS = ['Basic', 'Pro', 'Team', 'Enterprise'];
const anniversaryOf = (start: number): number => {
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate());
};

describe('the sample subscriptions', () => {
  const subs = records('Subscriptions');

  it('end after they start, or are active (blank end)', () => {
    for (const s of subs) if (s['End date'] !== '') expect(ms(s['End date'])).toBeGreaterThan(ms(s['Start date']));
    expect(subs.filter((s) => s['End date'] === '').length).toBeGreaterThan(subs.length / 2);
  });

  it('record the yearly renewal: Not renewed when it ended at or after its anniversary, Renewed when it is past it, else blank', () => {
    for (const s of subs) {
      const anniversary = anniversaryOf(ms(s['Start date']));
      const expected = s['End date'] !== '' ? (ms(s['End date']) >= anniversary ? 'Not renewed' : '') : anniversary <= END ? 'Renewed' : '';
      expect([s.Customer, s.Renewal]).toEqual([s.Customer, expected]);
      // The renewal date is the anniversary it came due on.
      expect([s.Customer, s['Renewal date']]).toEqual([s.Customer, expected ? new Date(anniversary).toISOString().slice(0, 10) : '']);
    }
  });

  it('hold both renewal outcomes in every quarter a renewal came due, and in every quarter of the starts that reached one', () => {
    const byDue = new Map<string, Set<string>>();
    const byStart = new Map<string, Set<string>>();
    for (const s of subs) {
      if (s.Renewal === '') continue;
      const due = new Date(anniversaryOf(ms(s['Start date']))).toISOString().slice(0, 10);
      for (const [map, key] of [[byDue, quarterOf(due)], [byStart, quarterOf(s['Start date'])]] as const) {
        if (!map.has(key)) map.set(key, new Set());
        map.get(key)!.add(String(s.Renewal));
      }
    }
    // Subscriptions start inside the span, so renewals come due in its second year only.
    expect([...byDue.keys()].sort()).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect([...byStart.keys()].sort()).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    for (const outcomes of [...byDue.values(), ...byStart.values()]) expect([...outcomes].sort()).toEqual(['Not renewed', 'Renewed']);
  });

  it('churn at a rate that varies by month and by segment', () => {
    const churn = (segment?: string): number[] => {
      const rates: number[] = [];
      for (let k = 2; k < MONTHS.length; k++) {
        const from = ms(`${MONTHS[k]}-01`);
        const to = k + 1 < MONTHS.length ? ms(`${MONTHS[k + 1]}-01`) : END + DAY;
        let active = 0;
        let churned = 0;
        for (const s of subs) {
          if (segment && s.Segment !== segment) continue;
          const ended = s['End date'] === '' ? Infinity : ms(s['End date']);
          if (ms(s['Start date']) < from && ended >= from) {
            active++;
            if (ended < to) churned++;
          }
        }
        rates.push(churned / active);
      }
      return rates;
    };
    const monthly = churn();
    expect(spread(monthly)).toBeGreaterThan(0.02);
    expect(new Set(monthly.map((r) => r.toFixed(4))).size).toBeGreaterThan(15);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const bySegment = SEGMENTS.map((segment) => mean(churn(segment)));
    expect(bySegment[3]).toBeGreaterThan(2 * bySegment[0]);
  });
});

describe('the sample MRR table', () => {
  const subs = records('Subscriptions');
  const mrr = records('MRR');
  const subOf = new Map(subs.map((s) => [String(s.Customer), s]));
  /** Revenue per customer in each month. */
  const revenue = new Map<string, Map<string, number>>(MONTHS.map((m) => [m, new Map()]));
  for (const r of mrr) {
    const month = revenue.get(monthOf(r.Month))!;
    month.set(String(r.Customer), (month.get(String(r.Customer)) ?? 0) + Number(r.MRR));
  }

  it('has a row per month each subscription was active, per product line, with the subscription’s customer and segment', () => {
    const core = new Map<string, string[]>();
    const wrong: unknown[] = [];
    for (const r of mrr) {
      const s = subOf.get(String(r.Customer));
      const fits = s && r.Segment === s.Segment && /^\d{4}-\d\d-01$/.test(String(r.Month)) && PLANS.includes(String(r.Plan)) &&
        ['Core', 'Analytics', 'Support+'].includes(String(r.Product)) && Number(r.MRR) > 0;
      if (!fits) wrong.push(r);
      if (r.Product === 'Core') core.set(String(r.Customer), [...(core.get(String(r.Customer)) ?? []), monthOf(r.Month)]);
    }
    for (const s of subs) {
      const first = monthOf(s['Start date']);
      const last = s['End date'] === '' ? MONTHS[MONTHS.length - 1] : monthOf(s['End date']);
      const expected = MONTHS.filter((m) => m >= first && m <= last);
      // A subscription that ended on the first of a month is not active in it.
      if (s['End date'] !== '' && String(s['End date']).endsWith('-01')) expected.pop();
      if (JSON.stringify(core.get(String(s.Customer))) !== JSON.stringify(expected)) wrong.push([s, core.get(String(s.Customer))]);
    }
    expect(wrong).toEqual([]);
  });

  it('gives each subscription its last month’s plan and total MRR', () => {
    const lastMonth = new Map<string, string>();
    for (const r of mrr) lastMonth.set(String(r.Customer), monthOf(r.Month));
    const lastPlan = new Map<string, string>();
    for (const r of mrr) lastPlan.set(String(r.Customer), String(r.Plan));
    const wrong = subs.filter((s) => s.MRR !== revenue.get(lastMonth.get(String(s.Customer))!)!.get(String(s.Customer)) || s.Plan !== lastPlan.get(String(s.Customer)));
    expect(wrong).toEqual([]);
  });

  it('has an NRR (last month’s payers: revenue now ÷ revenue then) that is neither 0 nor 100% and varies', () => {
    const nrr: number[] = [];
    for (let k = 1; k < MONTHS.length; k++) {
      let before = 0;
      let now = 0;
      for (const [customer, paid] of revenue.get(MONTHS[k - 1])!) {
        before += paid;
        now += revenue.get(MONTHS[k])!.get(customer) ?? 0;
      }
      nrr.push(now / before);
    }
    for (const x of nrr) {
      expect(x).toBeGreaterThan(0.8);
      expect(x).toBeLessThan(1.2);
    }
    expect(nrr.filter((x) => Math.abs(x - 1) > 0.001).length).toBeGreaterThanOrEqual(0.8 * nrr.length);
    expect(nrr.some((x) => x > 1.005)).toBe(true);
    expect(nrr.some((x) => x < 0.995)).toBe(true);
    expect(spread(nrr)).toBeGreaterThan(0.02);
  });

  it('shows upgrades and downgrades of plans, revenue that grows for some customers, and add-ons bought later', () => {
    let upgrades = 0;
    let downgrades = 0;
    const plan = new Map<string, number>();
    for (const r of mrr) {
      if (r.Product !== 'Core') continue;
      const before = plan.get(String(r.Customer));
      const now = PLANS.indexOf(String(r.Plan));
      if (before !== undefined && now > before) upgrades++;
      if (before !== undefined && now < before) downgrades++;
      plan.set(String(r.Customer), now);
    }
    expect(upgrades).toBeGreaterThan(20);
    expect(downgrades).toBeGreaterThan(5);

    let grew = 0;
    for (let k = 1; k < MONTHS.length; k++) {
      for (const [customer, paid] of revenue.get(MONTHS[k])!) if (paid > (revenue.get(MONTHS[k - 1])!.get(customer) ?? Infinity)) grew++;
    }
    const customers = new Set(mrr.map((r) => r.Customer));
    expect(grew / customers.size).toBeGreaterThan(0.05);

    const products = new Map<string, Set<string>>();
    const firstMonth = new Map<string, string>();
    let later = 0;
    let addOns = 0;
    for (const r of mrr) {
      const c = String(r.Customer);
      if (!firstMonth.has(c)) firstMonth.set(c, monthOf(r.Month));
      if (!products.has(c)) products.set(c, new Set());
      const held = products.get(c)!;
      if (r.Product !== 'Core' && !held.has(String(r.Product))) {
        addOns++;
        if (monthOf(r.Month) > firstMonth.get(c)!) later++;
      }
      held.add(String(r.Product));
    }
    const crossSold = [...products.values()].filter((p) => p.size >= 2).length;
    expect(crossSold / customers.size).toBeGreaterThan(0.1);
    expect(crossSold / customers.size).toBeLessThan(0.6);
    expect(later).toBe(addOns);
  });
});
