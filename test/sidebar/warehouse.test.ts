// The sidebar's warehouse source: the typed table checked before asking, the title, From–To defaults and required,
// metrics not compiled to SQL blocked whatever is mapped, and the spec of a warehouse report and of Copy SQL.

import { blockedMetrics, defaultTitle, initialState, columnLabel, isAvailable, reportSpec, type Table } from '../../sidebar/app';
import { sqlSpec } from '../../sidebar/sqlView';
import { lastTwelveMonths, sourceKinds, tableLabel, warehouseRequest } from '../../sidebar/warehouse';

const table: Table = {
  source: { sheetId: -1, sheetName: 'my-project.crm.deals', range: 'A1', hasHeader: true, headers: ['Closed', 'Outcome', 'Amount'] },
  rows: 0,
  columns: [
    { index: 0, letter: '', header: 'Closed', type: 'date', samples: [] },
    { index: 1, letter: '', header: 'Outcome', type: 'text', samples: [] },
    { index: 2, letter: '', header: 'Amount', type: 'number', samples: [] },
  ],
  mapping: { dealClosed: 0, dealOutcome: 1, amount: 2 },
  kind: 'deals',
  notes: [],
  metrics: [
    { name: 'WIN_RATE', category: 'Sales', label: 'Win rate', summary: 'Won ÷ closed', format: 'fraction', needs: [['dealOutcome']], trendNeeds: ['dealClosed'], available: true, ofKind: true, kinds: ['deals'] },
    {
      name: 'SALES_VELOCITY', category: 'Sales', label: 'Sales velocity', summary: 'Pipeline speed', format: 'money', needs: [['dealOutcome', 'amount']], trendNeeds: [],
      available: false, ofKind: true, kinds: ['deals'], reason: 'Not available on a warehouse table yet.',
    },
  ],
  warehouse: { engine: 'bigquery', table: 'my-project.crm.deals', billingProject: 'billing-123', columns: ['Closed', 'Outcome', 'Amount'] },
  notCompiled: ['SALES_VELOCITY'],
};

function stateWith(t: Table) {
  const state = initialState('en');
  state.table = t;
  state.mapping = { ...t.mapping };
  state.selected = new Set(['WIN_RATE']);
  return state;
}

describe('a warehouse source in the sidebar', () => {
  it('offers the engine this spreadsheet runs beside its sheets', () => {
    expect(sourceKinds(undefined)).toEqual(['sheet']);
    expect(sourceKinds('bigquery')).toEqual(['sheet', 'bigquery']);
  });

  it('checks a BigQuery table and billing project before asking the server; a file path is the server\'s to check', () => {
    expect(warehouseRequest('bigquery', ' `my-project.crm.deals` ', 'billing-123')).toEqual({ request: { engine: 'bigquery', table: 'my-project.crm.deals', billingProject: 'billing-123' } });
    expect(warehouseRequest('bigquery', 'crm.deals', 'billing-123')).toEqual({ error: 'error.bigQueryTable' });
    expect(warehouseRequest('bigquery', 'my-project.crm.deals', '')).toEqual({ error: 'error.billingProject' });
    expect(warehouseRequest('duckdb', '', '')).toEqual({ error: 'error.warehouseFile' });
    expect(warehouseRequest('duckdb', 'data/deals.parquet', 'ignored')).toEqual({ request: { engine: 'duckdb', table: 'data/deals.parquet' } });
  });

  it('titles a report by the table\'s own name and shows columns by name', () => {
    expect(tableLabel('my-project.crm.deals')).toBe('deals');
    expect(tableLabel('.workbench/warehouse/deals.csv')).toBe('deals');
    expect(tableLabel('C:\\data\\tickets.parquet')).toBe('tickets');
    expect(defaultTitle(stateWith(table), table)).toBe('Summary of deals');
    expect(columnLabel(table.columns[1])).toBe('Outcome');
    expect(columnLabel({ ...table.columns[1], letter: 'B' })).toBe('B · Outcome');
  });

  it('defaults From–To to the last 12 complete months in the spreadsheet\'s zone', () => {
    expect(lastTwelveMonths('UTC', Date.UTC(2026, 0, 15))).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(lastTwelveMonths('UTC', Date.UTC(2024, 2, 31))).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    // 23:30 UTC on 31 March is already 1 April in Prague: March is then complete.
    expect(lastTwelveMonths('Europe/Prague', Date.UTC(2025, 2, 31, 23, 30))).toEqual({ from: '2024-04-01', to: '2025-03-31' });
  });

  it('builds a warehouse report only with From and To, carrying its warehouse source', () => {
    const state = stateWith(table);
    expect(reportSpec(state)).toEqual({ error: 'error.warehouseRangeNeeded' });
    state.from = '2025-01-01';
    state.to = '2025-12-31';
    const made = reportSpec(state);
    expect('spec' in made && made.spec).toMatchObject({ title: 'Summary of deals', warehouse: table.warehouse, metrics: ['WIN_RATE'], from: '2025-01-01' });
  });

  it('keeps a metric not compiled to SQL blocked after a remap', () => {
    const state = stateWith(table);
    state.mapping.dealOutcome = 2;
    const velocity = table.metrics[1];
    expect(isAvailable(velocity, state)).toBe(false);
    expect(blockedMetrics(state).map((b) => b.metric.name)).toEqual(['SALES_VELOCITY']);
  });

  it('writes Copy SQL\'s spec with the default range when From and To are empty, for a sheet too', () => {
    const sheet: Table = { ...table, warehouse: undefined, notCompiled: undefined, source: { sheetId: 3, sheetName: 'Deals', range: 'A1:C9', hasHeader: true } };
    const state = stateWith(sheet);
    const made = sqlSpec(state);
    const range = lastTwelveMonths('UTC');
    expect('spec' in made && made.spec).toMatchObject({ from: range.from, to: range.to });
    expect('spec' in made && made.spec.warehouse).toBeUndefined();
  });

  it('takes the missing end of Copy SQL\'s range from the typed one: a year after From, a year before To', () => {
    const state = stateWith(table);
    expect(sqlSpec({ ...state, from: '2024-02-29', to: '' })).toMatchObject({ spec: { from: '2024-02-29', to: '2025-02-28' } });
    expect(sqlSpec({ ...state, from: '', to: '2025-06-30' })).toMatchObject({ spec: { from: '2024-07-01', to: '2025-06-30' } });
  });
});
