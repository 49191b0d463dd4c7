// The dialect rules as named functions, run on DuckDB and read in BigQuery's text: ISO weeks at year ends, civil days
// and hours across a DST change, safe division, empty periods shown, medians.

import type { DuckDBConnection } from '@duckdb/node-api';
import { parsePeriod, periodOf, type Grain } from '../../src/core/periods';
import { civilClock } from '../../src/core/timezone';
import { findFunction } from '../../src/functions/catalogue';
import { BIGQUERY } from '../../src/warehouse/bigquery';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { summaryQuery } from '../../src/warehouse/query';
import { mismatches } from './compare';
import { SheetRows } from './customFunctions';
import { loadTable, openDuckDb, readLongTable } from './duckdb';

let db: DuckDBConnection;
beforeAll(async () => (db = await openDuckDb()));
afterAll(() => db.closeSync());

const one = async (sql: string): Promise<unknown> => Object.values((await db.runAndReadAll(`SELECT ${sql} AS x`)).getRowObjectsJS()[0])[0];

describe('ISO weeks', () => {
  it.each([
    ['2024-12-31', '2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-12-28', '2020-W53'],
    ['2025-03-02', '2025-02-24', '2025-W09'],
  ])('put %s in the week starting Monday %s, labelled %s as the custom functions do', async (day, monday, label) => {
    const start = DUCKDB.periodStart(DUCKDB.date(day), 'week');
    expect(String(await one(`strftime(${start}, '%Y-%m-%d')`))).toBe(monday);
    expect(await one(DUCKDB.periodLabel(start, 'week'))).toBe(label);
    expect(periodOf((parsePeriod(day) as { start: number }).start, 'week').label).toBe(label);
  });

  it('truncate to ISOWEEK (Monday) and label with %G-W%V in BigQuery, never WEEK (Sunday)', () => {
    expect(BIGQUERY.periodStart('d', 'week')).toBe('DATE_TRUNC(d, ISOWEEK)');
    expect(BIGQUERY.periodLabel('d', 'week')).toBe("FORMAT_DATE('%G-W%V', d)");
  });

  it.each<[Grain, string]>([['day', '2025-03-15'], ['month', '2025-03'], ['quarter', '2025-Q1'], ['year', '2025']])(
    'label a %s as the custom functions do (%s)', async (grain, label) => {
      expect(await one(DUCKDB.periodLabel(DUCKDB.periodStart(DUCKDB.date('2025-03-15'), grain), grain))).toBe(label);
    },
  );
});

describe('local dates in the spreadsheet time zone', () => {
  const zone = 'Europe/Prague';
  it.each([
    // 23:30 UTC on the eve of the spring change is 00:30 CET; 22:30 UTC that evening is 00:30 CEST of the next day.
    ['2025-03-29T23:30:00Z', '2025-03-30'],
    ['2025-03-30T22:30:00Z', '2025-03-31'],
    ['2025-10-25T22:30:00Z', '2025-10-26'],
  ])('place the instant %s on the civil day %s', async (instant, day) => {
    const local = DUCKDB.localDateTime(`TIMESTAMPTZ '${instant}'`, zone);
    expect(String(await one(`strftime(${DUCKDB.dateOf(local)}, '%Y-%m-%d')`))).toBe(day);
    expect(new Date(civilClock(zone)(Date.parse(instant))).toISOString().slice(0, 10)).toBe(day);
  });

  it('reads BigQuery TIMESTAMPs as DATETIMEs in the zone', () => {
    expect(BIGQUERY.localDateTime('t', zone)).toBe("DATETIME(t, 'Europe/Prague')");
  });

  it('count hours across the DST change in civil time, as the functions do (00:30 → 04:30 on 2025-03-30 is 4 hours)', async () => {
    const rows = [
      [new Date('2025-03-29T23:30:00Z'), new Date('2025-03-30T02:30:00Z'), 'A'],
      [new Date('2025-03-30T08:00:00Z'), new Date('2025-03-30T09:00:00Z'), 'B'],
    ];
    await loadTable(db, 'dst_tickets', ['Opened', 'First response', 'Team'], rows);
    const report = { table: 'dst_tickets', timeZone: zone, grain: 'day' as const, from: '2025-03-29', to: '2025-04-01', metrics: ['AVG_RESPONSE_TIME'], columns: { opened: 'Opened', firstResponse: 'First response' }, segment: 'Team' };
    const got = await readLongTable(db, summaryQuery(report, DUCKDB));
    expect(got.find((r) => r.segment === 'A' && r.period === '2025-03-30')?.value).toBe(4);
    const sheet = new SheetRows(rows, { opened: 0, firstResponse: 1 }, zone, Date.UTC(2026, 0, 1));
    const span = { first: Date.UTC(2025, 2, 29), end: Date.UTC(2025, 3, 1) };
    expect(mismatches('AVG_RESPONSE_TIME', null, got.filter((r) => r.segment === null), sheet.expected(findFunction('AVG_RESPONSE_TIME')!, 'day', null), span)).toEqual([]);
  });
});

describe('safe division', () => {
  it('gives NULL for x / 0 on DuckDB (never Infinity) and renders NULLIF for BigQuery (never an error)', async () => {
    expect(await one(DUCKDB.safeDivide('1.0', '0'))).toBeNull();
    expect(await one(DUCKDB.safeDivide('3.0', '4'))).toBe(0.75);
    expect(BIGQUERY.safeDivide('a', 'b')).toBe('a / NULLIF(b, 0)');
  });
});

describe('a summary over a month without rows and a month of zero visitors', () => {
  const rows = [
    [new Date('2025-01-10T12:00:00Z'), 5, 100],
    [new Date('2025-03-05T12:00:00Z'), 2, 0],
    [new Date('2025-04-20T12:00:00Z'), 3, 60],
  ];
  it('shows February empty (n 0, no value), March without a value (n 1), as TRAFFIC_TO_LEAD does', async () => {
    await loadTable(db, 'traffic', ['Day', 'Leads', 'Visitors'], rows);
    const report = { table: 'traffic', timeZone: 'UTC', grain: 'month' as const, from: '2025-01-01', to: '2025-05-01', metrics: ['TRAFFIC_TO_LEAD'], columns: { date: 'Day', leads: 'Leads', visitors: 'Visitors' } };
    const got = await readLongTable(db, summaryQuery(report, DUCKDB));
    expect(got.map((r) => [r.period, r.value, r.n])).toEqual([['2025-01', 0.05, 1], ['2025-02', null, 0], ['2025-03', null, 1], ['2025-04', 0.05, 1]]);
    const sheet = new SheetRows(rows, { date: 0, leads: 1, visitors: 2 }, 'UTC', Date.UTC(2026, 0, 1));
    const span = { first: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 4, 1) };
    expect(mismatches('TRAFFIC_TO_LEAD', null, got, sheet.expected(findFunction('TRAFFIC_TO_LEAD')!, 'month', null), span)).toEqual([]);
  });

  it('covers whole periods of the half-open range: to = 2025-03-02 still holds all of March', async () => {
    const report = { table: 'traffic', timeZone: 'UTC', grain: 'month' as const, from: '2025-02-15', to: '2025-03-02', metrics: ['TRAFFIC_TO_LEAD'], columns: { date: 'Day', leads: 'Leads', visitors: 'Visitors' } };
    const got = await readLongTable(db, summaryQuery(report, DUCKDB));
    expect(got.map((r) => r.period)).toEqual(['2025-02', '2025-03']);
    const march = { ...report, from: '2025-03-01', to: '2025-03-02' };
    expect((await readLongTable(db, summaryQuery(march, DUCKDB))).map((r) => r.period)).toEqual(['2025-03']);
  });
});

describe('medians', () => {
  it('are exact on DuckDB: the mean of the two middle values, as the functions compute them', async () => {
    expect(await one(`(SELECT ${DUCKDB.median('x')} FROM (VALUES (1.0), (10.0), (2.0), (3.0)) AS t(x))`)).toBe(2.5);
  });
  it('are approximate on BigQuery (APPROX_QUANTILES), as documented', () => {
    expect(BIGQUERY.median('x')).toBe('APPROX_QUANTILES(x, 2)[OFFSET(1)]');
  });
});

describe('row order', () => {
  it('numbers a DuckDB table\'s rows in the order they were added; BigQuery keeps none, so ties go to the larger amount', async () => {
    const rows = Array.from({ length: 5000 }, (_, k) => [`r${4999 - k}`]);
    await loadTable(db, 'ordered', ['Label'], rows);
    const got = (await db.runAndReadAll(`SELECT "Label", ${DUCKDB.rowOrder} AS k FROM ordered`)).getRowObjectsJS();
    expect(got.every((r) => r.Label === `r${4999 - (Number(r.k) - 1)}`)).toBe(true);
    expect(BIGQUERY.rowOrder).toBeUndefined();
    const sql = summaryQuery({ table: 'p.d.t', timeZone: 'UTC', grain: 'month', from: '2025-01-01', to: '2025-02-01', metrics: ['UPSELL_RATE'], columns: { customer: 'c', date: 'd', amount: 'a' } }, BIGQUERY);
    expect(sql).toContain('FIRST_VALUE(`amount`) OVER (PARTITION BY `scope`, `customer__key` ORDER BY `date`, `amount` DESC)');
    expect(sql).not.toMatch(/ROW_NUMBER|row__order/i);
  });
});
