// MODEL_FIT and CLV_PREDICT (the customer outlook) in warehouse mode: the DuckDB query returns the customers' histograms
// (MODEL_FIT) or their histories and spends (CLV_PREDICT), the models are fitted in TypeScript, and the result equals the
// functions on the same rows — on all 6,919 CDNOW purchases and on the sample Orders table — with counts and texts exact
// and fitted numbers within FIT_TOLERANCE. Refusals are the functions' own.

import type { DuckDBConnection } from '@duckdb/node-api';
import { MetricError } from '../../src/core/errors';
import type { Role } from '../../src/core/mapping/roles';
import type { CustomerOutlook } from '../../src/core/metrics/predictive/customer-outlook';
import { sampleTables } from '../../src/core/sample/generate';
import type { Cell } from '../../src/core/values';
import { findFunction } from '../../src/functions/catalogue';
import type { FunctionSpec } from '../../src/functions/spec';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { summaryQuery, type WarehouseReport } from '../../src/warehouse/query';
import { finishSection } from '../../src/warehouse/sections';
import type { FinishedSection } from '../../src/warehouse/sections/section';
import { detectedSample } from '../server/helpers';
import { loadCdnowTransactions } from '../core/metrics/predictive/cdnow';
import { SheetRows } from './customFunctions';
import { loadTable, openDuckDb, readLongTable, sectionRows } from './duckdb';
import { largest, modelFitMismatches, outlookMismatches } from './fitCompare';

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const SECTIONS = ['MODEL_FIT', 'CLV_PREDICT'];
const spec = (name: string): FunctionSpec => findFunction(name) as FunctionSpec;

interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
  mapping: Partial<Record<Role, number>>;
  timeZone: string;
}

/** The query's rows of each section over `table`, finished; a MetricError where the finisher refuses them. */
async function warehouse(connection: DuckDBConnection, t: Table, metrics = SECTIONS): Promise<Map<string, FinishedSection | MetricError>> {
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, c] of Object.entries(t.mapping)) if (role !== 'segment') columns[role as Role] = t.headers[c as number];
  const report: WarehouseReport = { table: t.name, timeZone: t.timeZone, grain: 'month', from: '2025-01-01', to: '2025-02-01', metrics, columns };
  const rows = await readLongTable(connection, summaryQuery(report, DUCKDB));
  const env = { timeZone: () => t.timeZone, nowMs: () => NOW };
  const out = new Map<string, FinishedSection | MetricError>();
  for (const name of metrics) {
    try {
      out.set(name, finishSection(spec(name), sectionRows(rows.filter((r) => r.metric === name)), { env, grain: 'month' }));
    } catch (e) {
      if (!(e instanceof MetricError)) throw e;
      out.set(name, e);
    }
  }
  return out;
}

/** What the functions give on the same rows, called as the summary calls them; undefined where they refuse them. */
function sheet(t: Table): { table?: (string | number)[][]; outlook?: CustomerOutlook } {
  const rows = new SheetRows(t.rows, t.mapping, t.timeZone, NOW);
  return { table: rows.section(spec('MODEL_FIT')), outlook: rows.outlook(spec('CLV_PREDICT')) };
}

function cdnow(): Table {
  const t = loadCdnowTransactions();
  const rows: Cell[][] = Array.from(t.customerIds, (id, i) => [id, new Date(t.dates[i]), (t.amounts as ArrayLike<number>)[i]]);
  return { name: 'cdnow', headers: ['Customer', 'Purchased', 'Amount'], rows, mapping: { customer: 0, date: 1, amount: 2 }, timeZone: 'UTC' };
}

function orders(): Table {
  const table = sampleTables({ rows: 400, end: Date.UTC(2026, 0, 14), dates: 'date', seed: 11 }).find((s) => s.name === 'Orders');
  if (!table) throw new Error('no sample orders table');
  const { mapping } = detectedSample(table, NOW).detected;
  return { name: 'orders', headers: table.headers, rows: table.rows as Cell[][], mapping, timeZone: 'America/Los_Angeles' };
}

describe.each([['CDNOW purchases', cdnow], ['the sample orders', orders]] as const)('%s', (_label, make) => {
  const t = make();
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await openDuckDb();
    await loadTable(connection, t.name, t.headers, t.rows);
  });
  afterAll(() => connection?.closeSync());

  it('gives MODEL_FIT’s table and CLV_PREDICT’s outlook as the functions do', async () => {
    const got = await warehouse(connection, t);
    const want = sheet(t);
    const fit = got.get('MODEL_FIT');
    const outlook = got.get('CLV_PREDICT');
    if (!(fit && 'table' in fit) || !want.table) throw new Error(`MODEL_FIT: ${String(fit)} / ${String(want.table)}`);
    largest.fitted = 0;
    expect(modelFitMismatches('MODEL_FIT', fit.table, want.table)).toEqual([]);
    const worstFit = largest.fitted;
    if (!(outlook && 'outlook' in outlook) || !want.outlook) throw new Error(`CLV_PREDICT: ${String(outlook)} / ${String(want.outlook)}`);
    largest.fitted = 0;
    expect(outlookMismatches('CLV_PREDICT', outlook.outlook, want.outlook)).toEqual([]);
    expect(outlook.outlook.top.length).toBeGreaterThan(0);
    if (process.env.WAREHOUSE_TRACE) {
      console.log(`${t.name}: MODEL_FIT largest relative difference ${worstFit.toExponential(2)}; outlook ${largest.fitted.toExponential(2)}; ` +
        `top ${outlook.outlook.top.length}, at risk ${outlook.outlook.atRisk.length}`);
    }
  });
});

describe('refusals: the functions’ own errors', () => {
  let connection: DuckDBConnection;
  beforeAll(async () => (connection = await openDuckDb()));
  afterAll(() => connection?.closeSync());
  const day = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
  const table = (rows: Cell[][]): Table => ({ name: 'purchases', headers: ['Customer', 'Purchased', 'Amount'], rows, mapping: { customer: 0, date: 1, amount: 2 }, timeZone: 'UTC' });
  /** Both functions refuse the rows, and the warehouse refuses both sections with the functions' message (`message`). */
  async function refused(rows: Cell[][], message: RegExp): Promise<void> {
    const t = table(rows);
    await loadTable(connection, t.name, t.headers, t.rows);
    const got = await warehouse(connection, t);
    const want = sheet(t);
    expect(want.table).toBeUndefined();
    expect(want.outlook).toBeUndefined();
    for (const name of SECTIONS) {
      const e = got.get(name);
      expect(e).toBeInstanceOf(MetricError);
      expect((e as MetricError).message).toMatch(message);
    }
  }
  const some: Cell[][] = [['ann', day('2025-01-02'), 10], ['ann', day('2025-02-02'), 12], ['bob', day('2025-01-05'), 8], ['bob', day('2025-03-05'), 9], ['cy', day('2025-01-09'), 20]];

  it('a negative amount, also in a row without a customer', () => refused([...some, ['', day('2025-01-03'), -4], ['cy', day('2025-01-04'), -2]], /: 2 amounts are negative \(the lowest: -4\); the spend model needs purchase amounts of 0 or more$/));
  it('a customer’s row without a date', () => refused([...some, ['ann', '', 3]], /: 1 purchase row has a customer but no date$/));
  it('a customer’s row without an amount', () => refused([...some, ['ann', day('2025-04-01'), '']], /: 1 purchase row has a customer but no amount$/));
  it('no purchases', () => refused([['', day('2025-01-01'), 3]], /no purchases/));
  it('customers who all bought once', async () => {
    await refused([['ann', day('2025-01-02'), 10], ['bob', day('2025-01-05'), 8]], /all 2 customers bought on a single day/);
  });
  it('one repeat customer only', () => refused([['ann', day('2025-01-02'), 10], ['ann', day('2025-01-09'), 10], ['bob', day('2025-01-05'), 8]], /only 1 of 2 customers/));
});
