// longFigures' own rules on hand-made long tables: columns found by name, a series trimmed to its data, the headline
// period as computeFigures picks it, the largest segments by their rows, and each metric left out said so.

import type { ReportSpec } from '../../src/server/rpc/contract';
import type { CellValue } from '../../src/server/sheets/workbook';
import { MAX_SEGMENTS } from '../../src/server/summary/figures';
import { tabText } from '../../src/server/summary/tabText';
import { longFigures } from '../../src/warehouse/longFigures';

const COLUMNS = ['Score', 'Date', 'Region', 'Outcome'];
const spec = (extra: Partial<ReportSpec> = {}): ReportSpec => ({
  title: 'T', grain: 'month', metrics: ['NPS'], from: '2025-01-01', to: '2025-06-30', mapping: { score: 0, date: 1 },
  source: { sheetId: -1, sheetName: 'p.d.t', range: 'A1', hasHeader: true, headers: COLUMNS },
  warehouse: { engine: 'bigquery', table: 'p.d.t', columns: COLUMNS }, ...extra,
});
const HEADER = ['metric', 'period', 'segment', 'n', 'value'];
const row = (period: string, value: number | '', n: number, segment = ''): CellValue[] => ['NPS', period, segment, n, value];
const NOW = Date.UTC(2025, 5, 15);

describe('longFigures', () => {
  it('reads the columns by name, trims the series to its data and takes the last complete period as the headline', () => {
    const f = longFigures({
      spec: spec(), timeZone: 'UTC', now: NOW,
      values: [HEADER, row('2025-01', '', 0), row('2025-02', 10, 4), row('2025-03', '', 0), row('2025-04', 30, 3), row('2025-05', 20, 2), row('2025-06', '', 0)],
    });
    expect(f.metrics[0].series?.map((p) => [p.label, p.value, p.n])).toEqual([['2025-02', 10, 4], ['2025-03', '', 0], ['2025-04', 30, 3], ['2025-05', 20, 2]]);
    expect(f.periods.map((p) => p.label)).toEqual(['2025-02', '2025-03', '2025-04', '2025-05']);
    expect(f.periods[f.latest].label).toBe('2025-05');
    expect(f.warnings).toEqual([]);
  });

  it('shows the running period with noCompletePeriod when none has ended', () => {
    const f = longFigures({ spec: spec(), timeZone: 'UTC', now: Date.UTC(2025, 1, 10), values: [HEADER, row('2025-02', 10, 4)] });
    expect(f.periods[f.latest].label).toBe('2025-02');
    expect(f.warnings.map((w) => w.key)).toEqual(['noCompletePeriod']);
  });

  it('keeps the largest segments by their rows (not by a metric\'s count), each with its headline figure', () => {
    const values: CellValue[][] = [HEADER, row('2025-05', 1, 100)];
    // Segment k has k + 1 rows in the table, but the metric counts the most in s0: the rows decide, as on a sheet.
    for (let k = 0; k < MAX_SEGMENTS + 3; k++) {
      values.push(row('2025-04', k, k === 0 ? 1000 : 1, `s${k}`), row('2025-05', -k, 2 * k + 1, `s${k}`), ['(rows)', '', `s${k}`, k + 1, '']);
    }
    const f = longFigures({ spec: spec({ segmentBy: 2 }), timeZone: 'UTC', now: NOW, values });
    expect(f.segments).toEqual(Array.from({ length: MAX_SEGMENTS }, (_, k) => `s${MAX_SEGMENTS + 2 - k}`));
    expect(f.metrics[0].segments.get('s5')).toEqual({ value: -5, n: 11 });
    expect(f.metrics.map((m) => m.spec.name)).toEqual(['NPS']);
    expect(f.segmentHeader).toBe('Region');
  });

  it('names each metric left out in the reader\'s language: not compiled, unmapped, or with nothing to compute on', () => {
    const f = longFigures({
      spec: spec({ metrics: ['NPS', 'SALES_VELOCITY', 'WIN_RATE', 'CES', 'CSAT'], mapping: { score: 0, date: 1, dealOutcome: 3, satisfaction: 0 } }), timeZone: 'UTC', now: NOW, language: 'pl',
      values: [HEADER, row('2025-05', 1, 3), ['WIN_RATE', '2025-05', '', 0, '']],
    });
    const T = tabText('pl').warehouse;
    expect(f.metrics.map((m) => m.spec.name)).toEqual(['NPS']);
    expect(f.warnings.map((w) => [w.key, w.params.metric, w.params.message])).toEqual([
      ['metricUnavailable', 'SALES_VELOCITY', undefined], ['metricSkipped', 'WIN_RATE', T.noValue], ['metricUnavailable', 'CES', undefined],
      ['metricSkipped', 'CSAT', T.notCompiled],
    ]);
  });

  it('gives a metric without a trend its figure over all rows', () => {
    const f = longFigures({ spec: spec({ metrics: ['NPS'], mapping: { score: 0 } }), timeZone: 'UTC', now: NOW, values: [HEADER, ['NPS', '', '', 12, 25], ['NPS', '', 'north', 5, 40]] });
    expect(f.metrics[0]).toMatchObject({ series: null, overall: { value: 25 } });
    expect(f.latest).toBe(-1);
  });
});
