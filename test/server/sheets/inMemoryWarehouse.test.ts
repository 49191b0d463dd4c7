// InMemoryWorkbook's data-source tables: set, re-point, refresh through the runner, timeout, failure, counting.

import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import type { CellValue, WarehouseQuery } from '../../../src/server/sheets/workbook';

const QUERY: WarehouseQuery = { engine: 'duckdb', sql: 'SELECT 1', parameters: [{ name: 'from', cell: 'B1' }, { name: 'segment', cell: "'Data 1'!B2" }] };

function workbook(): { wb: InMemoryWorkbook; id: number; seen: Record<string, CellValue>[] } {
  const wb = new InMemoryWorkbook([{ name: 'Data 1', values: [['From', '2025-01-01'], ['Segment', '']] }]);
  const seen: Record<string, CellValue>[] = [];
  wb.warehouseRunner = (q) => {
    seen.push(q.parameters);
    return [['period', 'value'], ['2025-01', 3], ['2025-02', 4]];
  };
  return { wb, id: wb.sheets[0].id, seen };
}

describe('InMemoryWorkbook data-source tables', () => {
  it('keeps the table, then refreshes it: parameters read from their cells, values written at the anchor', () => {
    const { wb, id, seen } = workbook();
    wb.setWarehouseTable(id, { row: 4, column: 1 }, QUERY);
    expect(wb.sheets[0].warehouseTables).toEqual([{ anchor: { row: 4, column: 1 }, query: QUERY }]);
    expect(wb.readValues(id, { row: 4, column: 1, rows: 1, columns: 1 })).toEqual([['']]);
    const run = wb.refreshWarehouseTable(id, { row: 4, column: 1 }, 60);
    expect(run).toEqual({ state: 'done', values: [['period', 'value'], ['2025-01', 3], ['2025-02', 4]] });
    expect(seen).toEqual([{ from: '2025-01-01', segment: '' }]);
    expect(wb.readValues(id, { row: 4, column: 1, rows: 3, columns: 2 })).toEqual(run.state === 'done' ? run.values : []);
  });

  it('re-points the table anchored there and clears the previous result before writing the new one', () => {
    const { wb, id } = workbook();
    wb.setWarehouseTable(id, { row: 4, column: 1 }, QUERY);
    wb.refreshWarehouseTable(id, { row: 4, column: 1 }, 60);
    wb.setWarehouseTable(id, { row: 4, column: 1 }, { ...QUERY, sql: 'SELECT 2' });
    expect(wb.sheets[0].warehouseTables.map((t) => t.query.sql)).toEqual(['SELECT 2']);
    wb.warehouseRunner = () => [['only'], ['x']];
    wb.refreshWarehouseTable(id, { row: 4, column: 1 }, 60);
    expect(wb.readValues(id, { row: 4, column: 1, rows: 3, columns: 2 })).toEqual([['only', ''], ['x', ''], ['', '']]);
  });

  it('writes text from the engine as text, never as a formula or a number', () => {
    const { wb, id } = workbook();
    wb.warehouseRunner = () => [['segment'], ['=IMPORTXML("x")'], ['007']];
    wb.setWarehouseTable(id, { row: 4, column: 1 }, QUERY);
    wb.refreshWarehouseTable(id, { row: 4, column: 1 }, 60);
    expect(wb.readValues(id, { row: 5, column: 1, rows: 2, columns: 1 })).toEqual([['=IMPORTXML("x")'], ['007']]);
    expect(wb.sheets[0].formulas).toEqual([]);
  });

  it('answers timeout, or failed with the engine\'s message, or failed without a runner', () => {
    const { wb, id } = workbook();
    wb.setWarehouseTable(id, { row: 4, column: 1 }, QUERY);
    wb.warehouseTimesOut = true;
    expect(wb.refreshWarehouseTable(id, { row: 4, column: 1 }, 1)).toEqual({ state: 'timeout' });
    wb.warehouseTimesOut = false;
    wb.warehouseRunner = () => {
      throw new Error('Binder Error: column "x" not found');
    };
    expect(wb.refreshWarehouseTable(id, { row: 4, column: 1 }, 1)).toEqual({ state: 'failed', message: 'Binder Error: column "x" not found' });
    wb.warehouseRunner = undefined;
    expect(wb.refreshWarehouseTable(id, { row: 4, column: 1 }, 1)).toMatchObject({ state: 'failed', message: expect.stringMatching(/No warehouse engine/) });
  });

  it('throws when no table is anchored there', () => {
    const { wb, id } = workbook();
    expect(() => wb.refreshWarehouseTable(id, { row: 9, column: 9 }, 1)).toThrow(/no data-source table/);
  });

  it('counts both as writes, so an injected failure stops them', () => {
    const { wb, id } = workbook();
    wb.failAtWrite = 2;
    wb.setWarehouseTable(id, { row: 4, column: 1 }, QUERY);
    expect(() => wb.refreshWarehouseTable(id, { row: 4, column: 1 }, 1)).toThrow(/Injected failure at write 2 \(refreshWarehouseTable\)/);
    expect(wb.calls).toEqual({ setWarehouseTable: 1, refreshWarehouseTable: 1 });
    expect(wb.readValues(id, { row: 4, column: 1, rows: 1, columns: 1 })).toEqual([['']]);
  });

  it('tells its engine and spreadsheet locale in environment()', () => {
    const { wb } = workbook();
    wb.locale = 'cs';
    expect(wb.environment()).toMatchObject({ locale: 'cs', spreadsheetLocale: 'cs', warehouse: 'duckdb' });
    wb.spreadsheetLocale = 'en_GB';
    wb.warehouseRunner = undefined;
    const env = wb.environment();
    expect(env.spreadsheetLocale).toBe('en_GB');
    expect(env.warehouse).toBeUndefined();
  });
});
