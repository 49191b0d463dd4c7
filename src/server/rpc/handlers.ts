// The RPC handlers behind google.script.run: validate the request, do the work on a Workbook, answer with an envelope.

import { columnLetter, parseA1, toA1 } from '../../core/a1';
import { isDate, MetricError } from '../../core/errors';
import { columnType, detectMapping, detectTable, type ColumnType } from '../../core/mapping/detect';
import { languageOfLocale, type Language } from '../../core/languages';
import type { Role } from '../../core/mapping/roles';
import { checkData } from '../../core/quality/checks';
import { sampleTables } from '../../core/sample/generate';
import { civilClock } from '../../core/timezone';
import { showDate, type ToCivil } from '../../core/dateText';
import type { Cell } from '../../core/values';
import { errorMessage, RpcError, unmappedNote } from '../messages';
import { refreshWithinBudget } from '../reports/refreshAll';
import { newReportId, reportsIn } from '../reports/store';
import { checkRules } from '../checks/rules';
import { detectionCatalogue, metricOptions } from '../summary/offer';
import { answeringMetricErrors } from './metricFailed';
import { onlyHeaders } from './headerOnly';
import { titleFor, type IfExists } from './sameTitle';
import { describeAnswer } from './warehouseOffer';
import { bigQueryTableProblem, billingProjectProblem, cleanTableName } from './warehouseNames';
import { summarySqlOf } from './summarySql';
import { buildWarehouseSummaryLocked, deleteWarehouseData, WAREHOUSE_DATA_TAG } from '../warehouse/build';
import { describeWarehouseTable } from '../warehouse/describe';
import { BUILDING_TAG, buildSummaryLocked, deleteReportLocked, freeName, sourceRange, SUMMARY_TAG, withDocumentLock } from '../summary/build';
import type { CellValue, SheetSummary, Workbook } from '../sheets/workbook';
import {
  RPC, type ReportSpec, type RpcData, type RpcHandlers, type RpcMethod, type RpcResponse, type Source, type WarehouseSource,
} from './contract';

export interface HandlerEnvironment {
  /** The current instant (ms); tests and the workbench may fix it. */
  now?: () => number;
  random?: () => number;
  /** Elapsed time (ms) for Refresh all's time budget; real time unless a test speeds it up. */
  clock?: () => number;
}

/** How many rows detectTable reads to find the header and the column types. */
export const DETECT_ROWS = 500;

/** A sample cell as the sheet shows it: a Date as its day (and time) in the spreadsheet's time zone. */
const showCell = (v: CellValue, toCivil: ToCivil): string => (isDate(v) ? showDate(v, toCivil) : String(v));

/** The sheet with this id (one lookup, however many sheets the document has), or a sheetNotFound error. */
function sheetOf(wb: Workbook, id: number): SheetSummary {
  const s = wb.findSheet({ id });
  if (!s) throw new RpcError('sheetNotFound', { sheet: String(id) });
  return s;
}

/** A warehouse source as a report stores it, or a badRequest naming what is wrong with a BigQuery table or billing project. */
function checkedWarehouse<T extends Omit<WarehouseSource, 'columns'>>(source: T): T {
  const table = cleanTableName(source.table);
  const billingProject = source.billingProject?.trim() || undefined;
  if (source.engine === 'bigquery') {
    const problem = bigQueryTableProblem(table);
    if (problem) throw new RpcError('badRequest', { detail: `BigQuery table "${table}": write it as project.dataset.table (the ${problem} is not valid)` });
    if (!billingProject || billingProjectProblem(billingProject)) throw new RpcError('badRequest', { detail: `billing project "${billingProject ?? ''}": a Google Cloud project id such as my-project-123` });
  }
  return { ...source, table, ...(billingProject ? { billingProject } : {}) };
}

/** A spec as it is built: a warehouse report's source checked and its From and To required. */
function checkedSpec(spec: ReportSpec): ReportSpec {
  if (!spec.warehouse) return spec;
  if (!spec.from || !spec.to) throw new RpcError('warehouseRangeNeeded');
  return { ...spec, warehouse: checkedWarehouse(spec.warehouse) };
}

/** Wraps a handler: validates the request, turns thrown errors into keyed messages. */
function handler<M extends RpcMethod>(method: M, fn: (request: never) => RpcData<M>): (request: unknown) => RpcResponse<RpcData<M>> {
  return (request) => {
    const parsed = RPC[method].request.safeParse(request ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
      return { ok: false, error: errorMessage('badRequest', { detail }) };
    }
    try {
      return { ok: true, data: fn(parsed.data as never) };
    } catch (e) {
      if (e instanceof RpcError) return { ok: false, error: errorMessage(e.key, e.params) };
      if (e instanceof MetricError) return { ok: false, error: errorMessage('metricFailed', { metric: e.message.split(':')[0], message: e.message }) };
      return { ok: false, error: errorMessage('internal', { detail: e instanceof Error ? e.message : String(e) }) };
    }
  };
}

/** One handler per RPC method, running on `wb`. */
export function rpcHandlers(wb: Workbook, env: HandlerEnvironment = {}): RpcHandlers {
  const now = env.now ?? (() => Date.now());
  const random = env.random ?? Math.random;
  const clock = env.clock ?? (() => Date.now());

  const language = (): Language => languageOfLocale(wb.environment().locale);
  // A warehouse report's figures are computed where its table lives; a sheet's by the custom functions.
  /** Builds a report from its sheet or its warehouse table; `timeoutSeconds` caps a warehouse query's wait. */
  const build = (report: Parameters<typeof buildSummaryLocked>[1]['report'], timeoutSeconds?: number) =>
    answeringMetricErrors(language(), () => (report.spec.warehouse ? buildWarehouseSummaryLocked : buildSummaryLocked)(wb, { report, now: now(), language: language(), timeoutSeconds }));

  return {
    getLocale: handler('getLocale', () => {
      const e = wb.environment();
      return { language: language(), locale: e.locale, timeZone: e.timeZone, ...(e.warehouse ? { warehouse: e.warehouse } : {}) };
    }),

    listSheets: handler('listSheets', () => {
      // The add-on's hidden sheets (a build's temporary tab, a warehouse report's data sheet) are no source to offer.
      const sheets = wb.listSheets().filter((s) => !s.tags[BUILDING_TAG] && !s.tags[WAREHOUSE_DATA_TAG]);
      const { activeSheetId } = wb.environment();
      return {
        sheets: sheets.map((s) => ({ id: s.id, name: s.name, generated: !!s.tags[SUMMARY_TAG] })),
        activeSheetId,
      };
    }),

    detectTable: handler('detectTable', (req: { sheetId: number; range?: string }) => {
      const sheet = sheetOf(wb, req.sheetId);
      let origin = { row: 1, column: 1 };
      let values: Cell[][];
      let hasHeader = true;
      let top = 0;
      let left = 0;
      let width: number;
      let dataRows: number;
      let headers: string[];
      if (req.range) {
        const given = parseA1(req.range);
        if (!given) throw new RpcError('badRequest', { detail: `range ${req.range}` });
        if (sheet.lastRow > 0 && given.row > sheet.lastRow) throw new RpcError('headerPastData', { sheet: sheet.name, row: given.row, lastRow: sheet.lastRow });
        // Rows below the sheet's data are blank: the range ends at the last row holding data.
        const r = { ...given, rows: Math.max(1, Math.min(given.rows, sheet.lastRow - given.row + 1)) };
        origin = { row: r.row, column: r.column };
        try {
          values = wb.readValues(sheet.id, { ...r, rows: Math.min(r.rows, DETECT_ROWS) }) as Cell[][];
        } catch {
          throw new RpcError('rangeOutsideSheet', { range: req.range });
        }
        width = r.columns;
        dataRows = r.rows - 1;
        headers = (values[0] ?? []).map((h, i) => String(h).trim() || `Column ${columnLetter(r.column + i)}`);
      } else {
        if (!sheet.lastRow) throw new RpcError('noTable', { sheet: sheet.name });
        values = wb.readValues(sheet.id, { row: 1, column: 1, rows: Math.min(sheet.lastRow, DETECT_ROWS), columns: Math.max(sheet.lastColumn, 1) }) as Cell[][];
        const t = detectTable(values);
        if (!t) throw new RpcError('noTable', { sheet: sheet.name });
        if (onlyHeaders(values, t)) throw new RpcError('noDataRows', { sheet: sheet.name, row: t.top + 1 });
        ({ top, left, width, hasHeader, headers } = t);
        dataRows = sheet.lastRow - top - (hasHeader ? 1 : 0);
      }
      const from = top + (hasHeader ? 1 : 0);
      const to = Math.min(values.length, from + dataRows);
      const types: ColumnType[] = headers.map((_, i) => columnType(values, left + i, from, to));
      const table = { top, left, width, hasHeader, headers, rows: to - from };
      const { mapping, kind, notes } = detectMapping(values, table, types, detectionCatalogue());
      const { timeZone } = wb.environment();
      const trialRows = { data: values.slice(from, to).map((row) => row.slice(left, left + width)), timeZone, now: now() };
      const first = { row: origin.row + top, column: origin.column + left };
      const source: Source = {
        sheetId: sheet.id, sheetName: sheet.name, hasHeader,
        range: toA1({ ...first, rows: dataRows + (hasHeader ? 1 : 0), columns: width }),
        ...(hasHeader ? { headers } : {}),
      };
      const columns = headers.map((header, i) => {
        const samples: string[] = [];
        for (let r = from; r < to && samples.length < 3; r++) {
          const v = values[r]?.[left + i];
          if (v !== '' && v !== undefined && v !== null) samples.push(showCell(v as CellValue, civilClock(timeZone)).slice(0, 40));
        }
        return { index: i, letter: columnLetter(first.column + i), header, type: types[i], samples };
      });
      return {
        source, rows: dataRows, columns, mapping, kind, metrics: metricOptions(mapping, kind, language(), trialRows, civilClock(timeZone)),
        notes: notes.map((n) => ({ ...n, message: unmappedNote(headers[n.column], n.role, n.values) })),
      };
    }),

    checkData: handler('checkData', (req: { source: Source; mapping: Partial<Record<Role, number>> }) => {
      const sheet = sheetOf(wb, req.source.sheetId);
      const range = sourceRange(req.source.range, sheet);
      const { timeZone } = wb.environment();
      const values = wb.readValues(sheet.id, range) as Cell[][];
      const toCivil = civilClock(timeZone);
      const issues = checkData({
        values, hasHeader: req.source.hasHeader, mapping: req.mapping, origin: { row: range.row, column: range.column },
        toCivil, today: toCivil(now()), rules: checkRules(req.mapping),
      });
      return { rows: values.length - (req.source.hasHeader ? 1 : 0), issues };
    }),

    buildSummary: handler('buildSummary', (req: { spec: RpcData<'buildSummary'>['report']['spec']; reportId?: string; ifExists?: IfExists }) =>
      withDocumentLock(wb, () => {
        const checked = checkedSpec(req.spec);
        const spec = req.reportId ? checked : titleFor(wb, checked, req.ifExists);
        return build({ version: 1, id: req.reportId ?? newReportId(now(), random), spec, createdAt: new Date(now()).toISOString() });
      })),

    listReports: handler('listReports', () => {
      const reports = reportsIn(wb.readProperties());
      // Only the tagged tabs are looked at, however many sheets the document has; a visible one wins (mid-swap, see swap.ts).
      const tabs = wb.sheetsTagged(SUMMARY_TAG);
      return {
        reports: reports.map((report) => {
          const mine = tabs.filter((s) => s.tags[SUMMARY_TAG] === report.id);
          const tab = mine.find((s) => !s.hidden) ?? mine[0];
          return tab ? { report, sheetId: tab.id, sheetName: tab.name } : { report };
        }),
      };
    }),

    refreshReport: handler('refreshReport', (req: { id: string }) =>
      withDocumentLock(wb, () => {
        const report = reportsIn(wb.readProperties()).find((r) => r.id === req.id);
        if (!report) throw new RpcError('reportNotFound', { id: req.id });
        return build(report);
      })),

    refreshAll: handler('refreshAll', () =>
      withDocumentLock(wb, () => {
        const { done, notStarted } = refreshWithinBudget(reportsIn(wb.readProperties()), (report, leftMs) => {
          try {
            // A warehouse query waits no longer than the budget has left, so the execution ends within Apps Script's limit.
            return { ok: true, sheetName: build(report, Math.max(1, Math.floor(leftMs / 1000))).sheetName };
          } catch (e) {
            const error = e instanceof RpcError ? errorMessage(e.key, e.params)
              : e instanceof MetricError ? errorMessage('metricFailed', { metric: '', message: e.message })
                : errorMessage('internal', { detail: e instanceof Error ? e.message : String(e) });
            return { ok: false, error };
          }
        }, clock);
        return {
          results: done.map(({ report, result }) => ({ id: report.id, title: report.spec.title, ...result })),
          notRefreshed: notStarted.map((r) => ({ id: r.id, title: r.spec.title })),
        };
      })),

    deleteReport: handler('deleteReport', (req: { id: string; deleteSheet: boolean }) =>
      withDocumentLock(wb, () => {
        // A warehouse report's hidden data sheet goes first: were the delete to stop between, the report rebuilds it.
        if (reportsIn(wb.readProperties()).some((r) => r.id === req.id && r.spec.warehouse)) deleteWarehouseData(wb, req.id);
        return deleteReportLocked(wb, req.id, req.deleteSheet);
      })),

    // Under the document lock: its scratch sheet must not meet another user's build (whose repair would delete it).
    describeWarehouse: handler('describeWarehouse', (req: Omit<WarehouseSource, 'columns'>) => {
      const source = checkedWarehouse(req);
      return describeAnswer(source, withDocumentLock(wb, () => describeWarehouseTable(wb, source)), language());
    }),

    summarySql: handler('summarySql', (req: { spec: ReportSpec; dialect: 'bigquery' | 'duckdb' }) =>
      summarySqlOf(req.spec, req.dialect, wb.environment().timeZone, language())),

    selectRange: handler('selectRange', (req: { sheetId: number; ranges: string[] }) => {
      const ranges = req.ranges.map((a1) => {
        const r = parseA1(a1);
        if (!r) throw new RpcError('badRequest', { detail: `range ${a1}` });
        return r;
      });
      try {
        wb.select(req.sheetId, ranges);
      } catch (e) {
        if (!wb.findSheet({ id: req.sheetId })) throw new RpcError('sheetNotFound', { sheet: String(req.sheetId) });
        throw new RpcError('rangeOutsideSheet', { range: req.ranges.join(', ') });
      }
      return { selected: ranges.length };
    }),

    insertSampleData: handler('insertSampleData', (req: { seed?: number; rows?: number }) => {
      const { timeZone } = wb.environment();
      const today = civilClock(timeZone)(now());
      const end = Date.UTC(new Date(today).getUTCFullYear(), new Date(today).getUTCMonth(), new Date(today).getUTCDate()) - 86_400_000;
      const tables = sampleTables({ seed: req.seed ?? 42, rows: req.rows ?? 1000, end, dates: 'text' });
      const taken = wb.listSheets().map((s) => s.name);
      const sheets: { id: number; name: string }[] = [];
      for (const t of tables) {
        const name = freeName(`Sample ${t.name}`, taken);
        taken.push(name);
        const values: CellValue[][] = [t.headers, ...t.rows];
        const id = wb.insertSheet(name, { hidden: false, rows: Math.max(1000, values.length + 10), columns: Math.max(26, t.headers.length) });
        const formats = values.map((row, r) => row.map((v) =>
          r === 0 ? '@' : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? (v.length > 10 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd') : typeof v === 'string' ? '@' : ''));
        wb.writeBlock(id, { row: 1, column: 1, values, formats });
        wb.setFrozenRows(id, 1);
        sheets.push({ id, name });
      }
      return { sheets };
    }),
  };
}
