// Metrics read from each customer's whole history on DuckDB, on small tables whose answers are known: the first
// purchase is assigned before any date filter, a tie of first date-times goes to the higher row, as the functions do.

import type { Cell } from '../../src/core/values';
import { findFunction } from '../../src/functions/catalogue';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { summaryQuery, type WarehouseReport } from '../../src/warehouse/query';
import { mismatches } from './compare';
import { SheetRows } from './customFunctions';
import { loadTable, openDuckDb, readLongTable, type LongRow } from './duckdb';

const day = (iso: string): Date => new Date(`${iso}T10:00:00Z`);
const HEADERS = ['Customer', 'Date', 'Amount'];
/** A first bought in January (100, then 50 the same moment, a row lower) and again in March; B first bought in March. */
const ROWS: Cell[][] = [
  ['A', day('2025-01-10'), 100], ['A', day('2025-01-10'), 50], ['A', day('2025-03-05'), 80],
  ['B', day('2025-03-02'), 40], ['B', day('2025-03-20'), 60], ['', day('2025-03-03'), 999], ['B', '', 5],
];

async function run(metric: string, from: string, to: string, rows: Cell[][] = ROWS): Promise<LongRow[]> {
  const db = await openDuckDb();
  await loadTable(db, 'orders', HEADERS, rows);
  const report: WarehouseReport = {
    table: 'orders', timeZone: 'UTC', grain: 'month', from, to, metrics: [metric], columns: { customer: 'Customer', date: 'Date', amount: 'Amount', recurringRevenue: 'Amount' },
  };
  const got = await readLongTable(db, summaryQuery(report, DUCKDB));
  db.closeSync();
  const sheet = new SheetRows(rows, { customer: 0, date: 1, amount: 2, recurringRevenue: 2 }, 'UTC', Date.UTC(2026, 0, 1));
  const span = { first: Date.parse(`${from.slice(0, 7)}-01`), end: Date.parse(to) };
  expect(mismatches(metric, null, got, sheet.expected(findFunction(metric)!, 'month', null), span)).toEqual([]);
  return got;
}

const at = (rows: LongRow[], period: string): [number | null, number] => {
  const row = rows.find((r) => r.period === period);
  return [row?.value ?? null, row?.n ?? -1];
};

describe('customer histories on DuckDB', () => {
  it('counts a customer as new only in the period of its first purchase, also when the range starts after it', async () => {
    expect(at(await run('NET_NEW_REVENUE', '2025-01-01', '2025-04-01'), '2025-03')).toEqual([100, 1]);
    const march = await run('NET_NEW_REVENUE', '2025-03-01', '2025-04-01');
    expect(march.map((r) => [r.period, r.value, r.n])).toEqual([['2025-03', 100, 1]]);
    expect(at(await run('NET_NEW_REVENUE', '2025-01-01', '2025-04-01'), '2025-02')).toEqual([0, 0]);
  });

  it('takes the higher row as the first order on a tie of first date-times (A: 100 first, so 80 later is no upsell)', async () => {
    expect(at(await run('UPSELL_RATE', '2025-01-01', '2025-04-01'), '2025-01')).toEqual([0, 1]);
    const swapped = [ROWS[1], ROWS[0], ...ROWS.slice(2)];
    expect(at(await run('UPSELL_RATE', '2025-01-01', '2025-04-01', swapped), '2025-01')).toEqual([1, 1]);
    expect(at(await run('UPSELL_RATE', '2025-03-01', '2025-04-01'), '2025-03')).toEqual([1, 1]);
  });

  it('keeps last period\'s payers as the base of NRR, the first period having none', async () => {
    const got = await run('NRR', '2025-01-01', '2025-04-01');
    expect(at(got, '2025-01')).toEqual([null, 0]);
    expect(at(got, '2025-02')).toEqual([0, 1]);
    expect(at(got, '2025-03')).toEqual([null, 0]);
  });
});
