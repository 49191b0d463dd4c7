// CLV / P(alive) in warehouse mode on all CDNOW purchases: the DuckDB histogram of (frequency, recency, T) fits the same
// BG/NBD model as the customers' own histories (parameters to 1e-6 relative: the optimiser sums the same terms in
// another order), every customer's P(alive) agrees, and the BigQuery rendering parses.

import { Parser } from 'node-sql-parser';
import { fitBgNbd, probabilityAlive } from '../../src/core/metrics/predictive/bg-nbd';
import { summariseCustomers } from '../../src/core/metrics/predictive/rfm';
import { BIGQUERY } from '../../src/warehouse/bigquery';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { fitHistogram, historiesQuery, type HistoryCell } from '../../src/warehouse/histories';
import { CALIBRATION_END, loadCdnowTransactions } from '../core/metrics/predictive/cdnow';
import { loadTable, openDuckDb } from './duckdb';

const PARAMETER_TOLERANCE = 1e-6;
const transactions = loadCdnowTransactions();
const report = { table: 'purchases', timeZone: 'UTC', columns: { customer: 'Customer', date: 'Purchased' } };

async function histogram(calibrationEnd?: string): Promise<HistoryCell[]> {
  const db = await openDuckDb();
  await loadTable(db, 'purchases', ['Customer', 'Purchased'], Array.from(transactions.customerIds, (id, i) => [id, new Date(transactions.dates[i])]));
  const rows = (await db.runAndReadAll(historiesQuery({ ...report, ...(calibrationEnd ? { calibrationEnd } : {}) }, DUCKDB))).getRowObjectsJS();
  db.closeSync();
  return rows.map((r) => ({ frequency: Number(r.frequency), recencyDays: Number(r.recency_days), ageDays: Number(r.age_days), customers: Number(r.customers) }));
}

/** The summary's histories counted by (frequency, recency days, age days), as the histogram holds them. */
function countedHistories(end?: string): Map<string, number> {
  const summary = summariseCustomers('CLV_PREDICT', transactions, 'days', end === undefined ? undefined : Date.parse(end));
  const out = new Map<string, number>();
  summary.ids.forEach((_, i) => {
    const key = `${summary.frequency[i]}|${summary.recency[i]}|${summary.age[i]}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  });
  return out;
}
const counted = (cells: HistoryCell[]): Map<string, number> => new Map(cells.map((c) => [`${c.frequency}|${c.recencyDays}|${c.ageDays}`, c.customers]));

describe('the CDNOW histogram up to the calibration end 1997-09-30', () => {
  const end = new Date(CALIBRATION_END).toISOString().slice(0, 10);
  let cells: HistoryCell[];
  beforeAll(async () => (cells = await histogram(end)));

  it('holds every customer’s history once', () => {
    expect(counted(cells)).toEqual(countedHistories(end));
    expect(cells.length).toBeLessThan(2357);
  });

  it('fits BG/NBD in weeks as the customers’ own histories do, and gives each customer the same P(alive)', () => {
    const summary = summariseCustomers('CLV_PREDICT', transactions, 'weeks', Date.parse(end));
    const direct = fitBgNbd('CLV_PREDICT', summary).params;
    const { fit, alive } = fitHistogram('CLV_PREDICT', cells, 'weeks');
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[key] / direct[key] - 1)).toBeLessThan(PARAMETER_TOLERANCE);
    const byCell = new Map(cells.map((c, k) => [`${c.frequency}|${c.recencyDays}|${c.ageDays}`, alive[k]]));
    summary.ids.forEach((_, i) => {
      const key = `${summary.frequency[i]}|${Math.round(summary.recency[i] * 7)}|${Math.round(summary.age[i] * 7)}`;
      const want = probabilityAlive(direct, summary.frequency[i], summary.recency[i], summary.age[i]);
      expect(Math.abs((byCell.get(key) as number) - want)).toBeLessThan(PARAMETER_TOLERANCE);
    });
  });
});

it('ends the calibration on the last purchase day when no end is given, as the functions do', async () => {
  expect(counted(await histogram())).toEqual(countedHistories());
});

it('renders the histogram query for BigQuery in a form its grammar parses', () => {
  const sql = historiesQuery({ ...report, table: 'my-project.shop.purchases', timeZone: 'Europe/Prague', calibrationEnd: '1997-09-30' }, BIGQUERY);
  expect(() => new Parser().astify(sql, { database: 'bigquery' })).not.toThrow();
  expect(sql).toMatchSnapshot();
});
