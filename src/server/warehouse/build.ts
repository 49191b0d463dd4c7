// Builds a warehouse report's summary tab: its query runs in a data-source table on a hidden data sheet tagged to the
// report (From and To in control cells the query's parameters read), and the long result becomes the same tab.

import { languageOfLocale, type Language } from '../../core/languages';
import { DIALECTS } from '../../warehouse/dialects';
import { longFigures } from '../../warehouse/longFigures';
import { RANGE_PARAMETERS, splitCompiled, summaryQuery, type WarehouseReport } from '../../warehouse/query';
import { RpcError } from '../messages';
import type { BuildResult, WarehouseSource } from '../rpc/contract';
import type { CellValue, SheetSummary, Workbook } from '../sheets/workbook';
import { reportsIn } from '../reports/store';
import { asText, publishSummary, reportToSave, type BuildRequest } from '../summary/build';
import { buildLayout } from '../summary/layout';
import { freeSheetName } from '../summary/swap';
import { tabText, type TabText } from '../summary/tabText';
import { warehouseReportOf } from './reportOf';
import { ENGINE_NAMES, runWarehouseTable } from './run';

/** Developer metadata on a report's hidden data sheet: its report's id. */
export const WAREHOUSE_DATA_TAG = 'crmMetrics.warehouseData';
/** How long a build waits for the warehouse: a minute stays, within Apps Script's 6, for the tab and the answer. */
export const WAREHOUSE_TIMEOUT_SECONDS = 240;
/**
 * The control cells, in column B beside their labels: the range's first day and the day after its last (the query's
 * `to` is exclusive, as in a report file), written as ISO text that the query casts to DATE — so the value is the same
 * whatever the spreadsheet's locale, and a cell Connected Sheets binds as a DATE casts alike.
 */
const CONTROL_CELLS = { from: 'B1', to: 'B2' } as const;
/** Where the data-source table's header row goes, below the control cells. */
const TABLE_ANCHOR = { row: 4, column: 1 };

/** The labelled control cells in the tab's language. */
const controls = (report: WarehouseReport, T: TabText['warehouse']): CellValue[][] => [[T.from, report.from], [T.toExclusive, report.to]];

/**
 * Runs the report's query on its data sheet (found by its tag, else created) and answers the long table. A data
 * sheet made by this call goes again if the run fails; one found is kept (the next refresh reuses it).
 */
function refreshData(wb: Workbook, reportId: string, report: WarehouseReport, source: WarehouseSource, language: Language, timeoutSeconds: number): CellValue[][] {
  const found = dataSheetOf(wb, reportId);
  const sheetId = found?.id ?? wb.insertSheet(freeSheetName(wb, `~ CRM Metrics data ${reportId}`), { hidden: true, tag: { key: WAREHOUSE_DATA_TAG, value: reportId } });
  try {
    wb.writeBlock(sheetId, asText({ row: 1, column: 1, values: controls(report, tabText(language).warehouse) }));
    return runWarehouseTable(wb, sheetId, TABLE_ANCHOR, {
      engine: source.engine, ...(source.billingProject ? { billingProject: source.billingProject } : {}),
      sql: summaryQuery(report, DIALECTS[source.engine], { parameters: true }),
      parameters: (['from', 'to'] as const).map((field) => ({ name: RANGE_PARAMETERS[field], cell: CONTROL_CELLS[field] })),
    }, timeoutSeconds);
  } catch (e) {
    if (!found) deleteQuietly(wb, sheetId);
    throw e;
  }
}

/**
 * The report's data sheet, if it has one. Data sheets of reports that are not saved — left by a first build whose run
 * failed and whose clean-up failed too — are removed on the way (builds hold the document lock, so none is in progress).
 */
function dataSheetOf(wb: Workbook, reportId: string): SheetSummary | undefined {
  const sheets = wb.sheetsTagged(WAREHOUSE_DATA_TAG);
  const saved = new Set(reportsIn(wb.readProperties()).map((r) => r.id));
  for (const s of sheets) if (s.tags[WAREHOUSE_DATA_TAG] !== reportId && !saved.has(s.tags[WAREHOUSE_DATA_TAG])) deleteQuietly(wb, s.id);
  return sheets.find((s) => s.tags[WAREHOUSE_DATA_TAG] === reportId);
}

function deleteQuietly(wb: Workbook, sheetId: number): void {
  try {
    wb.deleteSheet(sheetId);
  } catch {
    // The run's own error is the one to report; a hidden data sheet left behind is reused by the next build.
  }
}

/** Builds (or refreshes) a warehouse report's tab and saves the report. Call it holding the document lock. */
export function buildWarehouseSummaryLocked(wb: Workbook, { report, now, language: asked, timeoutSeconds }: BuildRequest): BuildResult {
  const { spec } = report;
  const source = spec.warehouse;
  if (!source) throw new RpcError('badRequest', { detail: 'not a warehouse report' });
  const { timeZone, locale: userLocale, spreadsheetLocale } = wb.environment();
  const language = asked ?? languageOfLocale(userLocale);
  const query = warehouseReportOf(spec, timeZone, source.columns);
  const { compiled, left } = splitCompiled(query);
  if (!compiled.length) throw new RpcError('noMetricsAvailable', { reasons: left.map((l) => `${l.metric}: ${l.reason}`).join('; ') });
  // Checked and serialised before the first write, as a sheet report's build does.
  const toSave = reportToSave(wb, report, spec, now);

  const wait = Math.max(1, Math.min(WAREHOUSE_TIMEOUT_SECONDS, Math.floor(timeoutSeconds ?? WAREHOUSE_TIMEOUT_SECONDS)));
  const values = refreshData(wb, report.id, { ...query, metrics: compiled }, source, language, wait);
  const figures = longFigures({ spec, values, timeZone, now, language });
  if (!figures.metrics.length) throw new RpcError('noMetricsAvailable', { reasons: figures.warnings.map((w) => w.message).join('; ') });
  const layout = buildLayout({
    spec, figures, headers: source.columns, refreshedAt: { at: new Date(now), timeZone }, sourceLabel: `${ENGINE_NAMES[source.engine]}: ${source.table}`,
    language, locale: spreadsheetLocale ?? userLocale,
  });
  return publishSummary(wb, toSave, layout, language);
}

/** Deletes a report's hidden data sheets (when the report is deleted); how many there were. */
export function deleteWarehouseData(wb: Workbook, reportId: string): number {
  const sheets = wb.sheetsTagged(WAREHOUSE_DATA_TAG, reportId);
  for (const s of sheets) wb.deleteSheet(s.id);
  return sheets.length;
}
