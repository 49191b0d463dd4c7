// Every BigQuery rendering parses with node-sql-parser's BigQuery grammar and is kept as a snapshot: each compiled
// metric by each grain, with and without a segment, over a table whose every role is mapped (optional inputs too) but
// start | end, whose spans CHURN and RETENTION would read instead of statuses — mapped for a cohort matrix, and for
// CHURN and RETENTION in renderings of their own.

import { Parser } from 'node-sql-parser';
import { ROLES, type Role } from '../../src/core/mapping/roles';
import { GRAINS } from '../../src/core/periods';
import { BIGQUERY } from '../../src/warehouse/bigquery';
import { MEASURES } from '../../src/warehouse/measures';
import { summaryQuery, type WarehouseReport } from '../../src/warehouse/query';

const parser = new Parser();
/** Every role but start | end mapped to a snake_case column of its name (dealCreated → deal_created). */
const COLUMNS = Object.fromEntries(ROLES.filter((r) => r !== 'start' && r !== 'end').map((r) => [r, r.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)])) as Record<Role, string>;

/** The start | end columns a cohort matrix reads. */
const SPANS = { start: 'start_date', end: 'end_date' };
const readsSpans = (name: string): boolean => MEASURES[name].shape === 'cohorts';

const report = (metrics: string[], grain: WarehouseReport['grain'], segment: boolean): WarehouseReport => ({
  table: 'my-project.crm.events', timeZone: 'Europe/Prague', grain, from: '2025-01-01', to: '2026-01-01', metrics,
  columns: metrics.some(readsSpans) ? { ...COLUMNS, ...SPANS } : COLUMNS,
  ...(segment ? { segment: 'region' } : {}),
});

const parses = (sql: string): void => {
  expect(() => parser.astify(sql, { database: 'bigquery' })).not.toThrow();
};

describe('the BigQuery renderings', () => {
  it('are checked by a grammar that refuses what BigQuery refuses', () => {
    expect(() => parser.astify('SELECT x FROM t WHERE', { database: 'bigquery' })).toThrow();
  });

  const cases = Object.keys(MEASURES).flatMap((name) => GRAINS.flatMap((grain) => [false, true].map((segment) => [name, grain, segment] as const)));
  it.each(cases)('%s by %s (segment: %s) parses and matches its snapshot', (name, grain, segment) => {
    const sql = summaryQuery(report([name], grain, segment), BIGQUERY);
    parses(sql);
    expect(sql).toMatchSnapshot();
  });

  const spanCases = ['CHURN', 'RETENTION'].flatMap((name) => GRAINS.flatMap((grain) => [false, true].map((segment) => [name, grain, segment] as const)));
  it.each(spanCases)('%s from start | end by %s (segment: %s) parses and matches its snapshot', (name, grain, segment) => {
    const sql = summaryQuery({ ...report([name], grain, segment), columns: { ...COLUMNS, ...SPANS } }, BIGQUERY);
    expect(sql).toContain('_pairs AS (');
    parses(sql);
    expect(sql).toMatchSnapshot();
  });

  it('renders a whole summary of every compiled metric (start | end mapped) as one query that parses', () => {
    const metrics = Object.keys(MEASURES);
    const sql = summaryQuery({ ...report(metrics, 'month', true), columns: { ...COLUMNS, ...SPANS } }, BIGQUERY);
    parses(sql);
    expect(sql.match(/\nFROM metric_\d+\n|\nFROM scopes\n|\nFROM periods CROSS JOIN scopes\n/g)?.length).toBe(metrics.length);
  });
});
