// Sample tickets: ordered times, SLA breaches every month, repeat contacts, open tickets at the end, times that vary by month.

import { DAY, END, HOUR, MONTHS, monthOf, ms, records, spread } from './helpers';

describe('the sample tickets', () => {
  const tickets = records('Tickets');
  const hours = (from: unknown, to: unknown): number => (ms(to as string) - ms(from as string)) / HOUR;

  it('are opened, answered and resolved in that order, with a priority of Low, Normal or High', () => {
    const wrong = tickets.filter((t) =>
      !['Low', 'Normal', 'High'].includes(String(t.Priority)) ||
      (t['First response'] !== '' && hours(t.Opened, t['First response']) < 0) ||
      (t.Resolved !== '' && (t['First response'] === '' || hours(t['First response'], t.Resolved) < 0)));
    expect(wrong).toEqual([]);
    expect(new Set(tickets.map((t) => t.Priority))).toEqual(new Set(['Low', 'Normal', 'High']));
  });

  it('answer some tickets more than 24 hours after they were opened in every month (SLA breaches), but not most', () => {
    const breaches = new Map<string, number>();
    let answered = 0;
    let late = 0;
    for (const t of tickets) {
      if (t['First response'] === '') continue;
      answered++;
      if (hours(t.Opened, t['First response']) > 24) {
        late++;
        breaches.set(monthOf(t.Opened), (breaches.get(monthOf(t.Opened)) ?? 0) + 1);
      }
    }
    expect(MONTHS.filter((m) => !breaches.get(m))).toEqual([]);
    expect(late / answered).toBeGreaterThan(0.05);
    expect(late / answered).toBeLessThan(0.4);
  });

  it('resolve most tickets at the first contact and need two or more contacts for some', () => {
    const once = tickets.filter((t) => t.Contacts === 1).length;
    expect(once / tickets.length).toBeGreaterThan(0.5);
    expect(tickets.filter((t) => Number(t.Contacts) >= 2).length).toBeGreaterThan(100);
    expect(tickets.every((t) => Number.isInteger(t.Contacts) && Number(t.Contacts) >= 1)).toBe(true);
  });

  it('leave tickets opened near the end unresolved, and only those', () => {
    const open = tickets.filter((t) => t.Resolved === '');
    expect(open.filter((t) => ms(t.Opened) > END - 14 * DAY).length).toBeGreaterThan(0);
    expect(open.filter((t) => ms(t.Opened) < END - 60 * DAY)).toEqual([]);
  });

  it('take response and resolution times that vary from month to month', () => {
    const response: number[] = [];
    const resolution: number[] = [];
    for (const month of MONTHS) {
      const mine = tickets.filter((t) => monthOf(t.Opened) === month && t.Resolved !== '');
      response.push(mine.reduce((a, t) => a + hours(t.Opened, t['First response']), 0) / mine.length);
      resolution.push(mine.reduce((a, t) => a + hours(t.Opened, t.Resolved), 0) / mine.length);
    }
    expect(Math.max(...response) / Math.min(...response)).toBeGreaterThan(1.5);
    expect(Math.max(...resolution) / Math.min(...resolution)).toBeGreaterThan(1.5);
    expect(spread(response)).toBeGreaterThan(3);
  });
});
