// STAGE_DURATION on DuckDB: each stage's per-deal totals counted in SQL finish to the function's own table — a
// generated stage history (re-entries, equal date-times within a deal, blank cells, stages no deal left, a clock change
// in a zone west of UTC, rows out of date order), the entry's example — and a history without a stage or a deal is
// refused as the function refuses it.

import type { DuckDBConnection } from '@duckdb/node-api';
import { MetricError } from '../../src/core/errors';
import { seededRandom } from '../../src/core/sample/context';
import type { Cell } from '../../src/core/values';
import { findFunction } from '../../src/functions/catalogue';
import { runFunction } from '../../src/functions/runner';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { BIGQUERY } from '../../src/warehouse/bigquery';
import { summaryQuery } from '../../src/warehouse/query';
import { finishSection } from '../../src/warehouse/sections';
import { describeTableCase } from './cases';
import { tableMismatches } from './compare';
import { loadTable, openDuckDb, readLongTable, sectionRows } from './duckdb';

const spec = findFunction('STAGE_DURATION')!;
const ZONE = 'America/Los_Angeles';
const NOW = Date.UTC(2026, 0, 15);
const env = { timeZone: () => ZONE, nowMs: () => NOW };
const HEADERS = ['Deal', 'Stage', 'Entered', 'Region'];
const MAPPING = { dealId: 0, stage: 1, stageEntered: 2 };
const HOUR = 3_600_000;


/**
 * About 300 stage entries of 50 deals, shuffled: paths through the pipeline with re-entries (back to Qualified), entries
 * at the same date-time as the previous one, date-times with hours across the clocks' change (2025-03-09 and 11-02 in
 * Los Angeles), Won and Lost never left, blank deals, stages and dates, padded stage names, and a stage ("On hold") named
 * only on rows without a deal — listed, with no deal.
 */
function stageHistory(): Cell[][] {
  const random = seededRandom(20250309);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const rows: Cell[][] = [];
  for (let k = 1; k <= 50; k++) {
    const deal = `D${String(k).padStart(2, '0')}`;
    let t = Date.UTC(2025, 0, 1) + Math.floor(random() * 300) * 24 * HOUR + Math.floor(random() * 24 * 60) * 60_000;
    const path = ['Lead', 'Qualified'];
    if (random() < 0.3) path.push('Lead', 'Qualified');
    path.push('Proposal');
    if (random() < 0.3) path.push('Qualified', 'Proposal');
    path.push('Negotiation', pick(['Won', 'Lost']));
    const steps = random() < 0.25 ? 1 + Math.floor(random() * path.length) : path.length;
    path.slice(0, steps).forEach((stage, i) => {
      const name = random() < 0.1 ? `  ${stage} ` : stage;
      rows.push([deal, name, new Date(t), pick(['North', 'South', ''])]);
      // The next entry: mostly days later (with hours), sometimes at the very same date-time — never Won or Lost,
      // which stay the last entry of their deal.
      const tie = random() < 0.12 && i + 2 < path.length;
      t += tie ? 0 : 1 + Math.floor(random() * 20 * 24 * HOUR) + Math.floor(random() * 90) * 60_000;
    });
  }
  // Blank cells: the row is skipped for stays (a stage still counts for the stages' order).
  for (const row of rows) {
    const r = random();
    if (r < 0.03) row[0] = '';
    else if (r < 0.06) row[1] = '';
    else if (r < 0.09) row[2] = '';
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  rows.splice(7, 0, ['', 'On hold', new Date(Date.UTC(2025, 2, 9, 10)), 'North']);
  rows.push(['', 'On hold', '', 'South'], ['D99', '', new Date(Date.UTC(2025, 5, 1)), 'South']);
  return rows;
}

const HISTORY = stageHistory();

describe('STAGE_DURATION on a generated stage history (DuckDB, America/Los_Angeles)', () => {
  it('holds what the comparison needs', () => {
    expect(HISTORY.length).toBeGreaterThan(250);
    const want = runFunction(spec, [0, 1, 2].map((c) => HISTORY.map((r) => [r[c]])), env) as (string | number)[][];
    // Every stage, On hold and Won/Lost with no deal, in an order that is not the pipeline's (rows are shuffled).
    expect(want.map((r) => r[0]).slice(1).sort()).toEqual(['Lead', 'Lost', 'Negotiation', 'On hold', 'Proposal', 'Qualified', 'Won']);
    expect(want.filter((r) => r[1] === 0).map((r) => r[0]).sort()).toEqual(['Lost', 'On hold', 'Won']);
    // Entries of one deal at the same date-time, whose order only the rows give.
    const dated = HISTORY.filter((r) => r[0] !== '' && r[1] !== '' && r[2] instanceof Date).map((r) => `${r[0]} ${(r[2] as Date).getTime()}`);
    expect(dated.length - new Set(dated).size).toBeGreaterThan(5);
  });

  describeTableCase({ name: 'stage_history', headers: HEADERS, rows: HISTORY, mapping: MAPPING, segmentColumn: 3, timeZone: ZONE, grains: ['month'], now: NOW });
});

describe('STAGE_DURATION on a warehouse', () => {
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await openDuckDb();
  });
  afterAll(() => db?.closeSync());

  /** The warehouse's table over `rows` (deal | stage | entered), or the MetricError it refuses with. */
  async function warehouseTable(name: string, rows: Cell[][], timeZone = ZONE): Promise<(string | number)[][] | MetricError> {
    await loadTable(db, name, HEADERS.slice(0, 3), rows);
    const sql = summaryQuery({
      table: name, timeZone, grain: 'month', from: '2025-01-01', to: '2025-02-01', metrics: ['STAGE_DURATION'],
      columns: { dealId: 'Deal', stage: 'Stage', stageEntered: 'Entered' },
    }, DUCKDB);
    try {
      const finished = finishSection(spec, sectionRows(await readLongTable(db, sql)), { env: { timeZone: () => timeZone, nowMs: () => NOW }, grain: 'month' });
      if (!('table' in finished)) throw new Error('a stage table finished as an outlook');
      return finished.table;
    } catch (e) {
      if (e instanceof MetricError) return e;
      throw e;
    }
  }

  it('finishes the entry\'s example to its own result', async () => {
    const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
    const rows: Cell[][] = [
      ['A', 'Lead', day('2025-01-01')], ['A', 'Proposal', day('2025-01-11')], ['A', 'Won', day('2025-01-21')],
      ['B', 'Lead', day('2025-01-05')], ['B', 'Proposal', day('2025-01-09')],
    ];
    const want = [['stage', 'deals', 'mean days', 'median days'], ['Lead', 2, 7, 7], ['Proposal', 1, 10, 10], ['Won', 0, '', '']];
    expect(await warehouseTable('example', rows, 'UTC')).toEqual(want);
    expect(runFunction(spec, [0, 1, 2].map((c) => rows.map((r) => [r[c]])))).toEqual(want);
  });

  it('equals the function exactly on ties: equal date-times within a deal follow the rows', async () => {
    const at = new Date(Date.UTC(2025, 2, 9, 9, 30));
    const later = new Date(Date.UTC(2025, 2, 10, 12));
    // B enters Qualified and Lead at the same time: by rows, Qualified lasts 0 days and Lead until `later`. Civil time:
    // 01:30 (PST) to 05:00 (PDT) the next day is 27.5 hours, as the function counts (26.5 elapsed).
    const rows: Cell[][] = [['B', 'Qualified', at], ['A', 'Lead', at], ['B', 'Lead', at], ['A', 'Qualified', later], ['B', 'Won', later]];
    const want = runFunction(spec, [0, 1, 2].map((c) => rows.map((r) => [r[c]])), env);
    expect(want).toEqual([['stage', 'deals', 'mean days', 'median days'], ['Qualified', 1, 0, 0], ['Lead', 2, 27.5 / 24, 27.5 / 24], ['Won', 0, '', '']]);
    expect(tableMismatches('STAGE_DURATION', (await warehouseTable('ties', rows)) as (string | number)[][], want as (string | number)[][])).toEqual([]);
  });

  it('refuses no rows, no stage and no deal with the function\'s MetricError', async () => {
    const at = new Date(Date.UTC(2025, 0, 1));
    const cases: [string, Cell[][]][] = [
      ['empty', []],
      ['no_stage', [['A', '', at], ['A', ' ', at]]],
      ['no_deal', [['', 'Lead', at], ['', 'Won', at]]],
    ];
    for (const [name, rows] of cases) {
      const got = await warehouseTable(name, rows);
      expect(got).toBeInstanceOf(MetricError);
      expect((got as MetricError).message).toBe('STAGE_DURATION: no stage entries to compute on');
      if (rows.length) expect(() => runFunction(spec, [0, 1, 2].map((c) => rows.map((r) => [r[c]])))).toThrow((got as MetricError).message);
    }
  });

  it('orders by row on DuckDB and by the earliest date, then stage text, on BigQuery (which keeps no row order)', () => {
    const report = { table: 't', timeZone: ZONE, grain: 'month' as const, from: '2025-01-01', to: '2025-02-01', metrics: ['STAGE_DURATION'], columns: { dealId: 'd', stage: 's', stageEntered: 'e' } };
    const duck = summaryQuery(report, DUCKDB);
    expect(duck).toContain('row_number() OVER () AS "row__order"');
    expect(duck).toMatch(/ORDER BY "stageEntered", "row__order"\) AS left_at/);
    const big = summaryQuery(report, BIGQUERY);
    expect(big).not.toContain('row__order');
    expect(big).toContain('ROW_NUMBER() OVER (ORDER BY first_at IS NULL, first_at, stage_key)');
  });
});
