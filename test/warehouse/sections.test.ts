// A section finished from a score histogram is the function's own table: the entry's examples, its refusals (no
// answers, a score it cannot read) and longFigures' warning when the warehouse has nothing to count.

import { MetricError } from '../../src/core/errors';
import { findFunction } from '../../src/functions/catalogue';
import { runFunction, UTC_ENVIRONMENT } from '../../src/functions/runner';
import type { ReportSpec } from '../../src/server/rpc/contract';
import { tabText } from '../../src/server/summary/tabText';
import { longFigures } from '../../src/warehouse/longFigures';
import { sectionFromHistogram, type ScoreCount } from '../../src/warehouse/sections/scores';

const SECTIONS = ['NPS_BREAKDOWN', 'NPS_CI'] as const;
/** Each score's rows in a column of scores (blanks left out). */
const histogramOf = (scores: readonly (number | '')[]): ScoreCount[] => {
  const n = new Map<number, number>();
  for (const s of scores) if (s !== '') n.set(s, (n.get(s) ?? 0) + 1);
  return [...n.entries()].map(([score, rows]) => ({ score, rows }));
};

describe('sectionFromHistogram', () => {
  const scores: (number | '')[] = [10, 10, 9, 9, 8, 7, 6, 3, 0, 10, '', 4, 4, 10];
  it.each(SECTIONS)('%s equals the function on the column the histogram counts', (name) => {
    const spec = findFunction(name)!;
    expect(sectionFromHistogram(spec, histogramOf(scores), UTC_ENVIRONMENT)).toEqual(runFunction(spec, [scores.map((s) => [s])]));
  });

  it.each(SECTIONS)('%s refuses no answers, and a score the function refuses, with a MetricError', (name) => {
    const spec = findFunction(name)!;
    expect(() => sectionFromHistogram(spec, [], UTC_ENVIRONMENT)).toThrow(MetricError);
    expect(() => sectionFromHistogram(spec, [{ score: 11, rows: 2 }, { score: 9, rows: 1 }], UTC_ENVIRONMENT)).toThrow(MetricError);
    expect(() => sectionFromHistogram(spec, [{ score: 9.5, rows: 1 }], UTC_ENVIRONMENT)).toThrow(MetricError);
  });

  it('refuses a metric that is not a histogram section', () => {
    expect(() => sectionFromHistogram(findFunction('NPS')!, histogramOf([9]), UTC_ENVIRONMENT)).toThrow(/not a section compiled from a histogram/);
  });
});

describe('longFigures with sections', () => {
  const spec: ReportSpec = {
    title: 'Summary', grain: 'month', metrics: ['NPS_CI', 'NPS_BREAKDOWN'], from: '2025-01-01', to: '2025-02-01', mapping: { score: 0 },
    source: { sheetId: -1, sheetName: 'answers', range: 'A1', hasHeader: true, headers: ['score'] },
    warehouse: { engine: 'duckdb', table: 'answers', columns: ['score'] },
  };
  const header = ['period', 'segment', 'metric', 'value', 'n'];
  const read = (rows: (string | number)[][]) => longFigures({ spec, values: [header, ...rows], timeZone: 'UTC', now: Date.UTC(2025, 5, 1) });

  it('finishes each section from its rows, in the report\'s order', () => {
    const got = read([['', '', 'NPS_BREAKDOWN', 9, 3], ['', '', 'NPS_BREAKDOWN', 2, 1], ['', '', 'NPS_CI', 2, 1], ['', '', 'NPS_CI', 9, 3]]);
    expect(got.sections.map((s) => s.spec.name)).toEqual(['NPS_CI', 'NPS_BREAKDOWN']);
    expect(got.sections[1].table).toEqual(runFunction(findFunction('NPS_BREAKDOWN')!, [[[9], [9], [2], [9]]]));
    expect(got.sections[0].table).toEqual(runFunction(findFunction('NPS_CI')!, [[[9], [9], [2], [9]]]));
  });

  it('says a section with no answers is skipped, as the function refuses it, not that it is not compiled', () => {
    const got = read([['', '', 'NPS_BREAKDOWN', '', 0], ['', '', 'NPS_CI', '', 0]]);
    expect(got.sections).toEqual([]);
    expect(got.warnings.filter((w) => w.key === 'metricSkipped').map((w) => w.params?.metric)).toEqual(['NPS_CI', 'NPS_BREAKDOWN']);
    expect(got.warnings.filter((w) => w.params?.message === tabText('en').warehouse.notCompiled)).toEqual([]);
  });
});

describe('longFigures with a cohort matrix', () => {
  const spec: ReportSpec = {
    title: 'Summary', grain: 'month', metrics: ['COHORT_RETENTION'], from: '2025-01-01', to: '2025-03-01', mapping: { start: 0, end: 1 },
    source: { sheetId: -1, sheetName: 'subscriptions', range: 'A1', hasHeader: true, headers: ['Start', 'End'] },
    warehouse: { engine: 'duckdb', table: 'subscriptions', columns: ['Start', 'End'] },
  };
  const read = (rows: (string | number)[][]) =>
    longFigures({ spec, values: [['period', 'segment', 'metric', 'value', 'n'], ...rows], timeZone: 'UTC', now: Date.UTC(2025, 5, 1) });

  it('finishes the matrix from the counts by cohort and end period, by the report\'s grain', () => {
    // The entry's example: two January customers (one ends in February), two February ones (one ends in February).
    const got = read([['2025-01', '', 'COHORT_RETENTION', '', 1], ['2025-01', '2025-02', 'COHORT_RETENTION', '', 1], ['2025-02', '', 'COHORT_RETENTION', '', 1],
      ['2025-02', '2025-02', 'COHORT_RETENTION', '', 1], ['', 'missing start', 'COHORT_RETENTION', '', 0], ['', 'end before start', 'COHORT_RETENTION', '', 0]]);
    expect(got.sections.map((s) => s.table)).toEqual([[['cohort', 'size', 0, 1], ['2025-01', 2, 1, 0.5], ['2025-02', 2, 0.5, '']]]);
    expect(got.segments).toEqual([]);
  });

  it('says the section is skipped, with how many rows the function would refuse', () => {
    const got = read([['2025-01', '', 'COHORT_RETENTION', '', 3], ['', 'end before start', 'COHORT_RETENTION', '', 2]]);
    expect(got.sections).toEqual([]);
    expect(got.warnings.find((w) => w.key === 'metricSkipped')?.params?.message).toBe('COHORT_RETENTION: 2 rows have an end date before the start date');
  });
});
