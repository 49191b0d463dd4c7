// What the summary tab shows: date range, goals and progress, breakdown charts from the function table.

import { sampleTables } from '../../../src/core/sample/generate';
import { findFunction } from '../../../src/functions/catalogue';
import { buildSummary } from '../../../src/server/summary/build';
import { runFunction } from '../../../src/functions/runner';
import { NOW, reportFor, workbookWith } from '../helpers';
import { headlineRow, titleValue } from './tab';

const deals = sampleTables({ rows: 1500, dates: 'date' })[1];
/** The row a metric's display name heads. */
const rowOf = (values: unknown[][], fn: string) => headlineRow(values, findFunction(fn)!.labels.en.name)!;
const dealSpec = (sheetId: number, extra = {}) => ({
  title: 'Deals', grain: 'month' as const, metrics: ['WIN_RATE', 'CLOSE_RATE', 'PIPELINE_VALUE', 'SALES_CYCLE'],
  mapping: { dealId: 0, dealCreated: 1, customer: 2, segment: 3, product: 4, stage: 5, dealOutcome: 6, amount: 7, dealClosed: 8, probability: 9 },
  source: { sheetId, sheetName: 'Deals', hasHeader: true, range: 'A1:J1501' }, ...extra,
});

describe('the summary tab', () => {
  it('charts each trended metric and the pipeline by stage, each stage’s value what PIPELINE_VALUE gives on its rows', () => {
    const { wb, sheetId } = workbookWith(deals);
    const result = buildSummary(wb, { report: reportFor(dealSpec(sheetId)), now: NOW });
    const tab = wb.sheetById(result.sheetId)!;
    expect(result.metrics).toEqual(['WIN_RATE', 'CLOSE_RATE', 'PIPELINE_VALUE', 'SALES_CYCLE']);
    expect(tab.charts.map((c) => c.type)).toEqual(['line', 'line', 'line', 'bar']);
    const stages = tab.values.findIndex((r) => r && r[0] === 'Pipeline value by Stage');
    expect(stages).toBeGreaterThan(0);
    const rows: unknown[][] = [];
    for (let r = stages + 1; tab.values[r] && tab.values[r][0]; r++) rows.push(tab.values[r]);
    expect(rows.map((r) => r[0]).sort()).toEqual(['Closed', 'Lead', 'Negotiation', 'Proposal', 'Qualified']);
    for (const [stage, value] of rows) {
      const own = deals.rows.filter((r) => r[5] === stage);
      const want = runFunction(findFunction('PIPELINE_VALUE')!, [own.map((r) => [r[7]]), own.map((r) => [r[6]]), own.map((r) => [r[9]])]);
      expect(value).toBeCloseTo(want as number, 6);
    }
  });

  it('keeps only periods inside the date range and shows progress toward goals', () => {
    const { wb, sheetId } = workbookWith(deals);
    const spec = dealSpec(sheetId, { from: '2025-01-01', to: '2025-06-30', goals: { WIN_RATE: 0.5, SALES_CYCLE: 30 } });
    const tab = wb.sheetById(buildSummary(wb, { report: reportFor(spec), now: NOW }).sheetId)!;
    const trend = tab.values.findIndex((r) => r && r[0] === 'Period (month)');
    const labels: string[] = [];
    for (let r = trend + 1; tab.values[r] && tab.values[r][0] !== ''; r++) labels.push(String(tab.values[r][0]));
    expect(labels).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    const win = rowOf(tab.values, 'WIN_RATE');
    expect(titleValue(tab.values, 'Headline period')).toBe('month: 2025-06');
    expect(win[4]).toBe(0.5);
    expect(win[5]).toBeCloseTo((win[1] as number) / 0.5, 12);
    const cycle = rowOf(tab.values, 'SALES_CYCLE');
    // Lower is better: 1 − (latest − goal) ÷ goal (progress.ts).
    expect(cycle[5]).toBeCloseTo(1 - ((cycle[1] as number) - 30) / 30, 12);
  });

  it.each([['week', /^\d{4}-W\d{2}$/], ['quarter', /^\d{4}-Q[1-4]$/], ['year', /^\d{4}$/]] as const)('builds by %s', (grain, label) => {
    const { wb, sheetId } = workbookWith(deals);
    const result = buildSummary(wb, { report: reportFor(dealSpec(sheetId, { grain })), now: NOW });
    const tab = wb.sheetById(result.sheetId)!;
    const trend = tab.values.findIndex((r) => r && r[0] === `Period (${grain})`);
    expect(String(tab.values[trend + 1][0])).toMatch(label);
    expect(result.metrics).toHaveLength(4);
  });

  it('adds a customer outlook from CLV_PREDICT on purchase rows', () => {
    const orders = sampleTables({ rows: 3000, dates: 'date' })[3];
    const { wb, sheetId } = workbookWith(orders);
    const spec = {
      title: 'Orders', grain: 'month' as const, metrics: ['APV', 'CLV_PREDICT'],
      mapping: { orderId: 0, date: 1, customer: 2, segment: 3, product: 4, amount: 5 },
      source: { sheetId, sheetName: 'Orders', hasHeader: true, range: 'A1:F3001' },
    };
    const result = buildSummary(wb, { report: reportFor(spec), now: NOW });
    expect(result.metrics).toEqual(['APV', 'CLV_PREDICT']);
    const tab = wb.sheetById(result.sheetId)!;
    const top = tab.values.findIndex((r) => r && String(r[0]).startsWith('Customer outlook: top'));
    expect(tab.values[top + 1]).toEqual(['Customer', 'P(alive)', 'Expected purchases', 'Predicted CLV']);
    const clvs = tab.values.slice(top + 2, top + 12).map((r) => r[3] as number);
    expect(clvs).toHaveLength(10);
    expect([...clvs].sort((a, b) => b - a)).toEqual(clvs);
    expect(tab.values.some((r) => r && String(r[0]).startsWith('Customer outlook: valuable'))).toBe(true);
    expect(tab.values.some((r) => r && String(r[0]).endsWith('(CLV_PREDICT)'))).toBe(true);
  });

  it('says why a metric was left out', () => {
    const { wb, sheetId } = workbookWith(deals);
    const result = buildSummary(wb, { report: reportFor(dealSpec(sheetId, { metrics: ['WIN_RATE', 'NPS', 'NO_SUCH'] })), now: NOW });
    expect(result.metrics).toEqual(['WIN_RATE']);
    expect(result.warnings.filter((w) => w.key === 'metricUnavailable').map((w) => w.params.metric)).toEqual(['NPS', 'NO_SUCH']);
  });
});
