// Limits that hold: a saved report stores only the headers a refresh needs and is refused, before anything is
// written, when it would not fit the 8 KB a report may take (Apps Script holds at most 9 KB per property value).

import { columnLetter } from '../../../src/core/a1';
import { findFunction } from '../../../src/functions/catalogue';
import type { SampleCell } from '../../../src/core/sample/generate';
import { compactReport, MAX_REPORT_BYTES, parseReport, reportKey, serialiseReport, utf8Bytes } from '../../../src/server/reports/store';
import type { ReportSpec, SavedReport } from '../../../src/server/rpc/contract';
import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { SUMMARY_TAG } from '../../../src/server/summary/build';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import type { CellValue } from '../../../src/server/sheets/workbook';
import { NOW, reportFor, surveysTable } from '../helpers';

const COLUMNS = 300;
/** A 30-character header for column i (0-based), unique. */
const header30 = (i: number, what = 'Unused export field'): string => `${what} no. ${String(i + 1).padStart(3, '0')}`.padEnd(30, '.').slice(0, 30);
/** Where the survey's six columns sit among the 300: spread out, the last ones near the end. */
const AT = { Date: 7, Customer: 120, Segment: 260, 'NPS score': 290, CSAT: 296, Effort: 299 } as const;
type SurveyColumn = keyof typeof AT;

/** A 300-column sheet of 30-character headers holding a survey table's columns among filler columns. */
function wideSource(rows = 150): { values: CellValue[][]; headers: string[] } {
  const t = surveysTable(rows);
  const headers = Array.from({ length: COLUMNS }, (_, i) => header30(i));
  const from: number[] = Array(COLUMNS).fill(-1);
  for (const [name, at] of Object.entries(AT) as [SurveyColumn, number][]) {
    headers[at] = header30(at, `Survey ${name}`);
    from[at] = t.headers.indexOf(name);
  }
  const values: CellValue[][] = [headers, ...t.rows.map((row: SampleCell[], r) => from.map((k, c) => (k >= 0 ? row[k] : (r + c) % 7 === 0 ? '' : (r * c) % 101)) as CellValue[])];
  return { values, headers };
}

function wideSpec(sheetId: number, headers: string[], extra: Partial<ReportSpec> = {}): ReportSpec {
  return {
    title: 'Wide survey', grain: 'month', metrics: ['NPS', 'CSAT', 'CES'],
    source: { sheetId, sheetName: 'Export', hasHeader: true, range: `A1:${columnLetter(COLUMNS)}151`, headers },
    mapping: { date: AT.Date, customer: AT.Customer, segment: AT.Segment, score: AT['NPS score'], satisfaction: AT.CSAT, effort: AT.Effort },
    ...extra,
  };
}

describe('a saved report over a 300-column source of 30-character headers', () => {
  it('is the case of the issue: every header would take over 9 KB, the mapped ones take a fraction of 8 KB', () => {
    const { headers } = wideSource(10);
    expect(headers.every((h) => h.length === 30)).toBe(true);
    const report = reportFor(wideSpec(0, headers));
    expect(utf8Bytes(JSON.stringify(report))).toBeGreaterThan(9 * 1024);
    const text = serialiseReport(report);
    expect(utf8Bytes(text)).toBeLessThan(2 * 1024);
    const stored = parseReport(text)!;
    // Only the mapped columns' headers, at their indices; the rest blank, ending at the last mapped column.
    expect(stored.spec.source.headers).toHaveLength(AT.Effort + 1);
    expect(stored.spec.source.headers!.flatMap((h, i) => (h ? [[i, h]] : []))).toEqual(Object.values(AT).map((i) => [i, headers[i]]));
    expect(stored).toEqual(compactReport(report));
    expect(serialiseReport(stored)).toBe(text);
  });

  it('builds, is saved compact, round-trips, and a refresh still finds moved columns by their saved headers', () => {
    const { values, headers } = wideSource();
    const wb = new InMemoryWorkbook([{ name: 'Export', values }]);
    const rpc = rpcHandlers(wb, { now: () => NOW, random: () => 0.5 });
    const built = rpc.buildSummary({ spec: wideSpec(0, headers) });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.data.metrics).toEqual(['NPS', 'CSAT', 'CES']);
    const id = built.data.report.id;
    const text = wb.properties[reportKey(id)];
    expect(utf8Bytes(text)).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect(utf8Bytes(text)).toBeLessThan(2 * 1024);
    const stored = parseReport(text)!;
    expect(stored.spec.mapping).toEqual(wideSpec(0, headers).mapping);
    expect(stored.spec.source.headers!.filter((h) => h !== '')).toEqual(Object.values(AT).map((i) => headers[i]));
    const tab = () => wb.sheets.find((s) => s.tags[SUMMARY_TAG] === id)!;
    const row = (name: string) => tab().values.find((r) => r && r[0] === findFunction(name)!.labels.en.name);
    /** A headline row without its formula (the formula names the columns, which move). */
    const figure = (name: string) => row(name)?.filter((v) => !(typeof v === 'string' && v.startsWith('=')));
    const before = ['NPS', 'CSAT', 'CES'].map(figure);
    expect(before.every((r) => r !== undefined)).toBe(true);

    // The user inserts two columns at the front and swaps the NPS and CSAT columns: each mapped column moves.
    const sheet = wb.sheetById(0)!;
    sheet.values = sheet.values.map((row, r) => {
      const next = [r === 0 ? 'Inserted A' : 'x', r === 0 ? 'Inserted B' : 1, ...row];
      [next[AT['NPS score'] + 2], next[AT.CSAT + 2]] = [next[AT.CSAT + 2], next[AT['NPS score'] + 2]];
      return next;
    });
    sheet.maxColumns += 2; // inserting columns widens the grid
    const refreshed = rpc.refreshReport({ id });
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    expect(refreshed.data.metrics).toEqual(['NPS', 'CSAT', 'CES']);
    expect(refreshed.data.warnings.filter((w) => w.key === 'metricUnavailable')).toEqual([]);
    expect(['NPS', 'CSAT', 'CES'].map(figure)).toEqual(before);
    expect(row('NPS')).toContainEqual(expect.stringContaining(`'Export'!${columnLetter(AT.CSAT + 3)}2:`));
    const again = parseReport(wb.properties[reportKey(id)])!;
    expect(again.spec.mapping).toEqual({
      date: AT.Date + 2, customer: AT.Customer + 2, segment: AT.Segment + 2, score: AT.CSAT + 2, satisfaction: AT['NPS score'] + 2, effort: AT.Effort + 2,
    });
    expect(again.spec.source.headers).toHaveLength(AT.Effort + 3);
    expect(again.spec.source.headers![AT.CSAT + 2]).toBe(headers[AT['NPS score']]);
    expect(again.spec.source.headers!.filter((h) => h !== '')).toHaveLength(6);
    expect(utf8Bytes(wb.properties[reportKey(id)])).toBeLessThan(2 * 1024);

    // A second refresh from the compact report (blank headers for unmapped columns) finds the same columns.
    const third = rpc.refreshReport({ id });
    if (!third.ok) throw new Error(third.error.message);
    expect(parseReport(wb.properties[reportKey(id)])!.spec.mapping).toEqual(again.spec.mapping);
    expect(['NPS', 'CSAT', 'CES'].map(figure)).toEqual(before);
  });

  it('a report saved by an earlier version, with every header, is refreshed and saved compact', () => {
    const { values, headers } = wideSource();
    const wb = new InMemoryWorkbook([{ name: 'Export', values }]);
    const old: SavedReport = reportFor(wideSpec(0, headers), 'rold');
    wb.properties[reportKey('rold')] = JSON.stringify(old); // 10 KB: as the earlier version wrote it
    expect(utf8Bytes(wb.properties[reportKey('rold')])).toBeGreaterThan(9 * 1024);
    const rpc = rpcHandlers(wb, { now: () => NOW });
    const refreshed = rpc.refreshReport({ id: 'rold' });
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    expect(refreshed.data.metrics).toEqual(['NPS', 'CSAT', 'CES']);
    expect(utf8Bytes(wb.properties[reportKey('rold')])).toBeLessThan(2 * 1024);
    expect(parseReport(wb.properties[reportKey('rold')])!.spec.mapping).toEqual(old.spec.mapping);
  });

  it('keeps the segment column\'s header when the breakdown is by a column that is not mapped', () => {
    const { headers } = wideSource(5);
    const report = reportFor(wideSpec(0, headers, { mapping: { date: 3, score: 5 }, segmentBy: 9 }));
    expect(compactReport(report).spec.source.headers).toEqual(['', '', '', headers[3], '', headers[5], '', '', '', headers[9]]);
    const noHeaders = reportFor({ ...wideSpec(0, headers), source: { sheetId: 0, sheetName: 'Export', hasHeader: false, range: 'A1:C9' } });
    expect(compactReport(noHeaders)).toEqual(noHeaders);
  });
});

describe('a report that would exceed 8 KB', () => {
  /** The same source, its mapped columns' headers 3,000 characters long: ~9 KB of headers a refresh would need. */
  function hugeHeaders(): { values: CellValue[][]; headers: string[] } {
    const { values, headers } = wideSource();
    for (const at of [AT['NPS score'], AT.CSAT, AT.Effort]) headers[at] = `${headers[at]} ${'long description '.repeat(200)}`.slice(0, 3000).trim();
    values[0] = headers;
    return { values, headers };
  }

  it('is refused by serialiseReport, with the size and the limit in the message', () => {
    const { headers } = hugeHeaders();
    const report = reportFor(wideSpec(0, headers));
    expect(() => serialiseReport(report)).toThrow(/would take \d{1,2},\d{3} bytes when saved, over the 8,192 a saved report may take; shorten the headers of its mapped columns/);
    try {
      serialiseReport(report);
    } catch (e) {
      expect((e as { key?: string }).key).toBe('reportTooLarge');
    }
  });

  it('is refused by a build before any write: the properties and the sheets stay as they were', () => {
    const { values, headers } = hugeHeaders();
    const wb = new InMemoryWorkbook([{ name: 'Export', values }]);
    const rpc = rpcHandlers(wb, { now: () => NOW });
    const sheetsBefore = wb.sheets.map((s) => s.name);
    const got = rpc.buildSummary({ spec: wideSpec(0, headers) });
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.error.key).toBe('reportTooLarge');
    expect(got.error.message).toMatch(/over the 8,192 a saved report may take/);
    expect(wb.properties).toEqual({});
    expect(wb.writes).toBe(0);
    expect(wb.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(wb.sheets.some((s) => s.tags[SUMMARY_TAG])).toBe(false);
  });

  it('measures UTF-8 bytes, as a property value is measured', () => {
    for (const text of ['', 'abc', 'Průměrná spokojenost zákazníků', '日本語', 'emoji 😀 mixed é', '\ud800 lone surrogate']) {
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
