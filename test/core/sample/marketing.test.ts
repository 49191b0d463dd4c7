// Sample leads and marketing weeks: a funnel that converts differently by source, response times, and weekly channel figures.

import { DAY, END, HOUR, MONTHS, monthOf, ms, records, SPAN_START, spread, tally } from './helpers';

const SOURCES = ['Web', 'Referral', 'Events', 'Paid search', 'Partner'];
const STATUSES = ['New', 'Contacted', 'Qualified', 'Disqualified', 'Converted'];
const CHANNELS = ['Web', 'Paid search', 'Events', 'Partner'];

describe('the sample leads', () => {
  const leads = records('Leads');

  it('have a source, a segment and a status from their lists, and a first response after creation or none', () => {
    expect(new Set(leads.map((l) => l.Source))).toEqual(new Set(SOURCES));
    expect(new Set(leads.map((l) => l['Lead status']))).toEqual(new Set(STATUSES));
    const wrong = leads.filter((l) => !/^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(String(l.Created)) ||
      (l['First response'] !== '' && ms(l['First response']) <= ms(l.Created)) ||
      // A lead that got an answer is no longer New; one never answered cannot have progressed.
      (l['First response'] !== '' && l['Lead status'] === 'New') ||
      (l['First response'] === '' && !['New', 'Disqualified'].includes(String(l['Lead status']))));
    expect(wrong).toEqual([]);
    const blank = leads.filter((l) => l['First response'] === '').length;
    expect(blank).toBeGreaterThan(10);
    expect(blank).toBeLessThan(leads.length / 5);
  });

  it('are answered within minutes to days, at times that vary by month', () => {
    const answered = leads.filter((l) => l['First response'] !== '');
    const waits = answered.map((l) => (ms(l['First response']) - ms(l.Created)) / HOUR);
    expect(Math.min(...waits)).toBeLessThan(0.25);
    expect(waits.filter((h) => h < 1).length).toBeGreaterThan(50);
    expect(waits.filter((h) => h > 48).length).toBeGreaterThan(50);
    const byMonth = MONTHS.map((m) => {
      const mine = answered.filter((l) => monthOf(l.Created) === m);
      return mine.reduce((a, l) => a + (ms(l['First response']) - ms(l.Created)) / HOUR, 0) / mine.length;
    });
    expect(Math.max(...byMonth) / Math.min(...byMonth)).toBeGreaterThan(1.5);
  });

  it('convert at rates that differ by source', () => {
    const all = tally(leads, (l) => String(l.Source));
    const converted = tally(leads.filter((l) => l['Lead status'] === 'Converted'), (l) => String(l.Source));
    const rate = Object.fromEntries(SOURCES.map((s) => [s, (converted.get(s) ?? 0) / all.get(s)!]));
    for (const s of SOURCES) expect([s, rate[s] > 0]).toEqual([s, true]);
    expect(spread(Object.values(rate))).toBeGreaterThan(0.1);
    expect(rate.Referral).toBeGreaterThan(rate['Paid search']);
  });

  it('are more often New or Contacted when recent than when older', () => {
    const early = (l: Record<string, unknown>): boolean => ['New', 'Contacted'].includes(String(l['Lead status']));
    const recent = leads.filter((l) => ms(l.Created) > END - 30 * DAY);
    const older = leads.filter((l) => ms(l.Created) < END - 180 * DAY);
    const share = (xs: typeof leads): number => xs.filter(early).length / xs.length;
    expect(share(recent)).toBeGreaterThan(0.5);
    expect(share(recent)).toBeGreaterThan(share(older) + 0.25);
    expect(older.filter((l) => l['Lead status'] === 'New')).toEqual([]);
  });
});

describe('the sample marketing weeks', () => {
  const weeks = records('Marketing');
  const sum = (rows: typeof weeks, key: string): number => rows.reduce((a, r) => a + Number(r[key]), 0);

  it('has a row per ISO week (its Monday) of the span and per channel', () => {
    const mondays = [...new Set(weeks.map((w) => String(w.Week)))];
    expect(weeks).toHaveLength(mondays.length * CHANNELS.length);
    for (const [k, monday] of mondays.entries()) {
      expect(new Date(ms(monday)).getUTCDay()).toBe(1);
      if (k) expect(ms(monday) - ms(mondays[k - 1])).toBe(7 * DAY);
      expect(weeks.filter((w) => w.Week === monday).map((w) => w.Channel)).toEqual(CHANNELS);
    }
    expect(ms(mondays[0])).toBeGreaterThanOrEqual(SPAN_START);
    expect(ms(mondays[0]) - SPAN_START).toBeLessThan(7 * DAY);
    expect(END - ms(mondays[mondays.length - 1])).toBeLessThan(7 * DAY);
  });

  it('holds whole counts, spends in cents, leads 1–5% and engaged 20–60% of visitors, new customers a share of leads', () => {
    const wrong = weeks.filter((w) =>
      ['Visitors', 'Leads', 'Engaged', 'New customers', 'Retained customers'].some((k) => !Number.isInteger(w[k]) || Number(w[k]) < 0) ||
      ['Spend', 'Retention spend'].some((k) => Math.abs(Number(w[k]) * 100 - Math.round(Number(w[k]) * 100)) > 1e-6 || Number(w[k]) <= 0) ||
      Number(w.Leads) / Number(w.Visitors) < 0.01 || Number(w.Leads) / Number(w.Visitors) > 0.05 ||
      Number(w.Engaged) / Number(w.Visitors) < 0.2 || Number(w.Engaged) / Number(w.Visitors) > 0.6 ||
      Number(w['New customers']) > Number(w.Leads));
    expect(wrong).toEqual([]);
    expect(sum(weeks, 'New customers')).toBeGreaterThan(0.03 * sum(weeks, 'Leads'));
  });

  it('varies by channel, by season and from week to week', () => {
    const leadRate = CHANNELS.map((ch) => {
      const mine = weeks.filter((w) => w.Channel === ch);
      return sum(mine, 'Leads') / sum(mine, 'Visitors');
    });
    expect(spread(leadRate)).toBeGreaterThan(0.01);
    const cac = CHANNELS.map((ch) => {
      const mine = weeks.filter((w) => w.Channel === ch);
      return sum(mine, 'Spend') / sum(mine, 'New customers');
    });
    expect(Math.max(...cac) / Math.min(...cac)).toBeGreaterThan(2);
    const web = weeks.filter((w) => w.Channel === 'Web');
    const inMonths = (months: number[]): number => {
      const mine = web.filter((w) => months.includes(new Date(ms(w.Week)).getUTCMonth()));
      return sum(mine, 'Visitors') / mine.length;
    };
    expect(inMonths([2, 3, 8, 9])).toBeGreaterThan(1.15 * inMonths([5, 6, 11, 0]));
    for (const ch of CHANNELS) {
      const mine = weeks.filter((w) => w.Channel === ch);
      expect(new Set(mine.map((w) => w.Leads)).size).toBeGreaterThan(mine.length / 4);
      expect(new Set(mine.map((w) => w['New customers'])).size).toBeGreaterThan(3);
    }
  });
});
