// The sample workbook's shape: its sheets and headers, determinism, dates inside the span, no repeated rows.

import { crmExport, sampleTables } from '../../../src/core/sample/generate';
import { DAY, END, ms, SPAN_START, workbook } from './helpers';

const HEADERS: Record<string, string[]> = {
  Surveys: ['Date', 'Customer', 'Segment', 'NPS score', 'CSAT', 'Effort'],
  Deals: ['Deal ID', 'Created', 'Customer', 'Segment', 'Product', 'Stage', 'Outcome', 'Amount', 'Closed', 'Probability'],
  Subscriptions: ['Customer', 'Segment', 'Plan', 'Start date', 'End date', 'MRR', 'Renewal', 'Renewal date'],
  Orders: ['Order ID', 'Date', 'Customer', 'Segment', 'Product', 'Amount'],
  Tickets: ['Ticket ID', 'Customer', 'Segment', 'Opened', 'First response', 'Resolved', 'Contacts', 'Priority'],
  MRR: ['Month', 'Customer', 'Segment', 'Plan', 'Product', 'MRR'],
  Leads: ['Lead ID', 'Created', 'Source', 'Segment', 'Lead status', 'First response'],
  Marketing: ['Week', 'Channel', 'Visitors', 'Leads', 'Engaged', 'Spend', 'New customers', 'Retention spend', 'Retained customers'],
};
const DATE_COLUMNS = new Set(['Date', 'Created', 'Closed', 'Start date', 'End date', 'Opened', 'First response', 'Resolved', 'Month', 'Week']);

describe('the sample workbook', () => {
  it('has eight sheets with their headers, the five older ones first and in their old places', () => {
    const tables = workbook();
    expect(tables.map((t) => t.name)).toEqual(['Surveys', 'Deals', 'Subscriptions', 'Orders', 'Tickets', 'MRR', 'Leads', 'Marketing']);
    for (const t of tables) expect([t.name, t.headers]).toEqual([t.name, HEADERS[t.name]]);
    for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.headers.length);
  });

  it('keeps `rows` as the length of the row-per-event tables; MRR and Marketing are as long as the span needs', () => {
    for (const rows of [300, 1000]) {
      const tables = sampleTables({ rows, end: END });
      for (const t of tables.filter((x) => !['MRR', 'Marketing'].includes(x.name))) expect([t.name, t.rows.length]).toEqual([t.name, rows]);
      expect(tables[5].rows.length).toBeGreaterThan(rows * 5);
      expect(tables[7].rows).toHaveLength(4 * 104);
    }
  });

  it('is the same for the same seed and end, and different for another seed', () => {
    const a = sampleTables({ seed: 9, rows: 400, end: END });
    expect(sampleTables({ seed: 9, rows: 400, end: END })).toEqual(a);
    const b = sampleTables({ seed: 10, rows: 400, end: END });
    for (let k = 0; k < a.length; k++) expect(b[k].rows).not.toEqual(a[k].rows);
  });

  it('writes the same values as Date objects and as text', () => {
    const text = sampleTables({ rows: 300, end: END, dates: 'text' });
    const dates = sampleTables({ rows: 300, end: END, dates: 'date' });
    for (let k = 0; k < text.length; k++) {
      const got = dates[k].rows.map((row, r) => row.map((v, i) => {
        if (!(v instanceof Date)) return v;
        const iso = v.toISOString();
        return String(text[k].rows[r][i]).length === 16 ? iso.slice(0, 16).replace('T', ' ') : iso.slice(0, 10);
      }));
      expect(got).toEqual(text[k].rows);
    }
  });

  it('holds dates (YYYY-MM-DD) and date-times (YYYY-MM-DD hh:mm) inside the two years before the end', () => {
    for (const t of workbook()) {
      t.headers.forEach((h, i) => {
        if (!DATE_COLUMNS.has(h)) return;
        for (const row of t.rows) {
          if (row[i] === '') continue;
          expect(String(row[i])).toMatch(/^\d{4}-\d\d-\d\d( \d\d:\d\d)?$/);
          const at = ms(row[i]);
          // A month is labelled by its first day, so the span's first month may start a day or so before the span.
          const from = h === 'Month' ? Date.UTC(new Date(SPAN_START).getUTCFullYear(), new Date(SPAN_START).getUTCMonth(), 1) : SPAN_START;
          if (at < from || at >= END + DAY) throw new Error(`${t.name} ${h} ${row[i]} is outside the span`);
        }
      });
    }
  });

  it('repeats no row and no id', () => {
    for (const t of workbook()) {
      expect([t.name, new Set(t.rows.map((r) => JSON.stringify(r))).size]).toEqual([t.name, t.rows.length]);
      if (/ID$/.test(t.headers[0])) expect(new Set(t.rows.map((r) => r[0])).size).toBe(t.rows.length);
    }
    const subscriptions = workbook()[2];
    expect(new Set(subscriptions.rows.map((r) => r[0])).size).toBe(subscriptions.rows.length);
  });

  it('leaves the wide CRM export of the benchmark, the surveys and the orders as they were', () => {
    expect(crmExport({ rows: 3, seed: 7, end: END }).rows).toEqual([
      ['2024-01-10', 'C00020', 'Enterprise', 9, 4, 2, 315.93, 'Lost', '2024-01-10', '2025-05-23'],
      ['2024-07-08', 'C00015', 'Startup', 8, 4, 3, 581.27, 'Won', '2024-07-08', '2025-01-31'],
      ['2024-05-20', 'C00002', 'SMB', 7, 4, 3, 921.65, 'Won', '2024-05-20', '2025-10-25'],
    ]);
    expect(sampleTables({ rows: 3, seed: 7, end: END })[3].rows).toEqual([
      ['O000001', '2025-08-09', 'C00009', 'Mid-market', 'Pro', 39.64],
      ['O000002', '2025-11-05', 'C00001', 'Mid-market', 'Pro', 92.28],
      ['O000003', '2025-11-07', 'C00007', 'Startup', 'Enterprise', 440.56],
    ]);
  });
});
