// The DuckDB rendering equals the custom functions on real data: CDNOW purchases (all 6,919 rows, dated, orders of
// several lines) and the Telco customer table (7,043 rows, money columns with blanks). Roles are mapped to the columns
// that carry that kind of value, so the same rows feed both engines.

import { readFileSync } from 'node:fs';
import type { Cell } from '../../src/core/values';
import { SUMMARY_GRAINS } from '../../src/server/rpc/contract';
import { fixturePath } from '../fixtures/fixtures';
import { describeTableCase } from './cases';
import { openDuckDb, loadTable, readLongTable } from './duckdb';
import { summaryQuery } from '../../src/warehouse/query';
import { DUCKDB } from '../../src/warehouse/duckdb';

const NOW = Date.UTC(2026, 0, 15, 9, 30);

/** CDNOW transactions: customer, day, CDs, amount; an order is a customer's purchases of one day; a band of CDs as segment. */
function cdnowTable(): { headers: string[]; rows: Cell[][] } {
  const rows: Cell[][] = [];
  for (const line of readFileSync(fixturePath('cdnow', 'CDNOW_sample.txt'), 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const day = new Date(Date.UTC(Number(f[2].slice(0, 4)), Number(f[2].slice(4, 6)) - 1, Number(f[2].slice(6, 8))));
    const cds = Number(f[3]);
    rows.push([String(Number(f[1])), day, cds, Number(f[4]), `${Number(f[1])}/${f[2]}`, cds <= 1 ? 'one CD' : cds <= 3 ? 'two or three CDs' : 'four or more CDs']);
  }
  return { headers: ['Customer', 'Purchase date', 'CDs', 'Amount (USD)', 'Order', 'Basket'], rows };
}

/** The Telco CSV as Sheets holds it after an import: numbers as numbers, the rest as text (" " stays a blank text). */
function telcoTable(): { headers: string[]; rows: Cell[][] } {
  const [header, ...lines] = readFileSync(fixturePath('telco', 'Telco-Customer-Churn.csv'), 'utf8').trim().split(/\r?\n/);
  const rows = lines.map((line) => line.split(',').map((c) => (c.trim() !== '' && !Number.isNaN(Number(c)) ? Number(c) : c)));
  return { headers: header.split(','), rows };
}

describe('CDNOW purchases', () => {
  const { headers, rows } = cdnowTable();
  describeTableCase({
    name: 'cdnow', headers, rows, timeZone: 'UTC', grains: SUMMARY_GRAINS, now: NOW, segmentColumn: 5,
    // APV (orders of several lines), historic CLV, cross-sell; CDs ÷ dollars as a ratio of real sums.
    // Products: the basket band, so a customer who bought baskets of two sizes counts as cross-sold. The amounts are also
    // the recurring revenue NRR reads (customers who buy irregularly: many leave the base, some come back).
    mapping: { customer: 0, date: 1, amount: 3, recurringRevenue: 3, orderId: 4, leads: 2, visitors: 3, product: 5 },
  });
});

describe('the Telco customer table', () => {
  const { headers, rows } = telcoTable();
  const col = (name: string): number => headers.indexOf(name);
  const mapping = {
    customer: col('customerID'), amount: col('TotalCharges'), product: col('InternetService'), churnStatus: col('Churn'), renewalOutcome: col('Churn'), dealOutcome: col('Churn'),
    contacts: col('SeniorCitizen'), retentionSpend: col('MonthlyCharges'), retainedCustomers: col('tenure'),
  };
  describeTableCase({ name: 'telco', headers, rows, timeZone: 'UTC', grains: ['month'], now: NOW, segmentColumn: col('Contract'), mapping });

  it('gives the known churn share as the share of "Yes" outcomes: 1869 of 7043, and 1655 of 3875 month-to-month', async () => {
    const connection = await openDuckDb();
    await loadTable(connection, 'telco', headers, rows);
    const sql = summaryQuery({
      table: 'telco', timeZone: 'UTC', grain: 'month', from: '2025-01-01', to: '2025-02-01', metrics: ['RENEWAL_RATE'],
      columns: { renewalOutcome: 'Churn' }, segment: 'Contract',
    }, DUCKDB);
    const got = (await readLongTable(connection, sql)).filter((r) => r.metric === 'RENEWAL_RATE');
    connection.closeSync();
    expect(got.find((r) => r.segment === null)?.value).toBeCloseTo(1869 / 7043, 12);
    expect(got.find((r) => r.segment === 'Month-to-month')?.value).toBeCloseTo(1655 / 3875, 12);
  });
});
