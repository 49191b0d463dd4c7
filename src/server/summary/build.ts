// Builds a summary tab safely: under the document lock, into a new hidden sheet, swapped in only at the end (swap.ts).

import { parseA1, quoteSheetName, toA1 } from '../../core/a1';
import type { Cell } from '../../core/values';
import { languageOfLocale, type Language } from '../../core/languages';
import { RpcError } from '../messages';
import { MAX_REPORTS, reportsIn, serialiseReport } from '../reports/store';
import type { BuildResult, Message, ReportSpec, SavedReport } from '../rpc/contract';
import type { Block, GridRange, SheetSummary, Workbook } from '../sheets/workbook';
import { computeFigures } from './figures';
import { buildLayout, type SummaryLayout } from './layout';
import { moneyFormatOf } from './moneyFormat';
import { tabText } from './tabText';
import { buildTab, repairLeftovers, SUMMARY_TAG } from './swap';
import { tabName } from './tabName';

export { BUILDING_TAG, deleteReportLocked, SUMMARY_TAG } from './swap';
/** How long a build waits for another user's build to finish. */
export const LOCK_WAIT_MS = 30_000;

export interface BuildRequest {
  /** The report to build: a new one (id fresh, createdAt now) or a saved one being refreshed. */
  report: SavedReport;
  /** The current instant; tests inject it so two builds give identical tabs. */
  now: number;
  /** The language the tab is written in: the builder's or refresher's (default: from the user's locale). */
  language?: Language;
  /** A warehouse report's longest wait for its query (s; default and ceiling 240): Refresh all gives what its budget has left. */
  timeoutSeconds?: number;
}

/** Runs `fn` holding the document lock, after repairing what an interrupted build or delete left (swap.ts). */
export function withDocumentLock<T>(wb: Workbook, fn: () => T): T {
  if (!wb.tryLock(LOCK_WAIT_MS)) throw new RpcError('lockTimeout');
  try {
    repairLeftovers(wb);
    return fn();
  } finally {
    try {
      wb.releaseLock();
    } catch {
      // Apps Script releases the lock when the execution ends; the work itself is done (or has its own error).
    }
  }
}


/** A name no other sheet has (case-insensitively): `base`, else `base (2)`, `base (3)`, … */
export function freeName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const trimmed = base.slice(0, 90);
  if (!lower.has(trimmed.toLowerCase())) return trimmed;
  for (let k = 2; ; k++) {
    const name = `${trimmed} (${k})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** The source rows to read: the saved range, extended down to the sheet's last row so refreshes see new rows. */
export function sourceRange(a1: string, sheet: SheetSummary, followColumns = false): GridRange {
  const r = parseA1(a1);
  if (!r) throw new RpcError('badRequest', { detail: `range ${a1}` });
  const rows = Math.max(r.rows, sheet.lastRow - r.row + 1);
  // With saved headers, columns inserted since are read too, so moved columns can be found by their header.
  const columns = followColumns ? Math.max(r.columns, sheet.lastColumn - r.column + 1) : r.columns;
  return { ...r, rows, columns };
}

/**
 * The spec with its columns found again by their saved headers (the user may have moved or deleted columns since):
 * a mapped column whose header moved follows it; one whose header is gone is dropped.
 */
export function followHeaders(spec: ReportSpec, headerRow: readonly unknown[]): ReportSpec {
  const saved = spec.source.headers;
  if (!spec.source.hasHeader || !saved) return spec;
  const current = headerRow.map((h) => String(h).trim());
  const find = (i: number): number | undefined => {
    const name = saved[i];
    if (!name) return i; // no saved header (blank, or not stored: a saved report keeps only what it maps): stays put
    if (current[i] === name) return i;
    const moved = current.indexOf(name);
    return moved >= 0 ? moved : undefined;
  };
  const mapping: ReportSpec['mapping'] = {};
  for (const [role, i] of Object.entries(spec.mapping) as [keyof ReportSpec['mapping'], number][]) {
    const at = find(i);
    if (at !== undefined) mapping[role] = at;
  }
  const segmentBy = spec.segmentBy === undefined ? undefined : find(spec.segmentBy);
  const { segmentBy: _dropped, ...rest } = spec;
  void _dropped;
  return { ...rest, mapping, ...(segmentBy !== undefined ? { segmentBy } : {}), source: { ...spec.source, headers: current } };
}

/** Builds (or rebuilds) one report's tab and saves the report. Call it holding the document lock. */
export function buildSummaryLocked(wb: Workbook, { report, now, language: asked }: BuildRequest): BuildResult {
  const saved0 = report.spec;
  const source = wb.findSheet({ id: saved0.source.sheetId });
  if (!source) throw new RpcError('sheetNotFound', { sheet: saved0.source.sheetName });
  const range = sourceRange(saved0.source.range, source, !!(saved0.source.hasHeader && saved0.source.headers));
  // The words follow the reader (the user's locale); formula syntax and currency follow the spreadsheet's locale, as Sheets does.
  const { timeZone, locale: userLocale, spreadsheetLocale } = wb.environment();
  const locale = spreadsheetLocale ?? userLocale;
  const language = asked ?? languageOfLocale(userLocale);
  const values = wb.readValues(source.id, range) as Cell[][];
  if (values.length <= (saved0.source.hasHeader ? 1 : 0)) throw new RpcError('sourceEmpty', { sheet: source.name, range: toA1(range) });

  const spec = followHeaders(report.spec, values[0] ?? []);
  const figures = computeFigures({ spec, values, timeZone, now, language });
  if (!figures.metrics.length && !figures.sections.length && !figures.outlook) throw new RpcError('noMetricsAvailable', { reasons: figures.warnings.map((w) => w.message).join('; ') });
  const headers = spec.source.hasHeader ? values[0].map((h) => String(h)) : [];
  const layout = buildLayout({
    spec, figures, headers, refreshedAt: { at: new Date(now), timeZone }, sourceLabel: `${quoteSheetName(source.name)}!${toA1(range)}`,
    language, locale, moneyFormat: moneyFormatOf(wb, source.id, range, spec),
    formulaSource: { sheetName: source.name, range: { ...range, rows: values.length }, hasHeader: spec.source.hasHeader, mapping: spec.mapping },
  });

  return publishSummary(wb, reportToSave(wb, report, spec, now), layout, language);
}

/** The report as a build saves it, serialised (its size checked) before the first write; refuses one report too many. */
export function reportToSave(wb: Workbook, report: SavedReport, spec: ReportSpec, now: number): { saved: SavedReport; text: string } {
  const saved = reportsIn(wb.readProperties());
  if (!saved.some((r) => r.id === report.id) && saved.length >= MAX_REPORTS) throw new RpcError('tooManyReports', { limit: MAX_REPORTS });
  const existing = saved.find((r) => r.id === report.id);
  const saved2: SavedReport = { ...report, spec, createdAt: existing?.createdAt ?? report.createdAt, refreshedAt: new Date(now).toISOString() };
  return { saved: saved2, text: serialiseReport(saved2) };
}

/** Writes a laid-out summary into a new hidden tab and swaps it in for the report's previous one (swap.ts). */
export function publishSummary(wb: Workbook, { saved: saved2, text: reportText }: { saved: SavedReport; text: string }, layout: SummaryLayout, language: Language): BuildResult {
  const reportId = saved2.id;
  // The previous tab is found by its tag, never by name; its name is free for the new one (it goes before the rename).
  const previous = wb.sheetsTagged(SUMMARY_TAG, reportId);
  const warnings: Message[] = [...layout.warnings];
  // Issue 11 (tabName.ts): a title taken by another report's tab is said so, never called a user's sheet.
  const { name, note } = tabName(wb, saved2.spec.title, (previous.find((s) => !s.hidden) ?? previous[0])?.id);
  if (note) warnings.push(note);

  const tab = buildTab(wb, {
    reportId, reportText, previous, name, rows: layout.rows, columns: layout.columns,
    write: (id) => {
      for (const block of layout.blocks) wb.writeBlock(id, asText(block));
      wb.setFrozenRows(id, layout.frozenRows);
      wb.setColumnWidths(id, layout.columnWidths);
      if (layout.styles.length) wb.setStyles(id, layout.styles);
      if (layout.colours.length) wb.setColourRules(id, layout.colours);
      if (layout.charts.length) wb.addCharts(id, layout.charts);
      wb.protectWarningOnly(id, tabText(language).protection);
    },
  });
  return { report: saved2, sheetId: tab.sheetId, sheetName: tab.name, metrics: layout.metrics, warnings };
}

/** Characters that make Sheets read typed input as a formula. */
const FORMULA_START = /^[=+\-@]/;

/**
 * Makes every string land as text: strings are formatted "@" (plain text, so "2025-03" or "007" stay as written);
 * strings that start like a formula also get Sheets' leading apostrophe, which forces text in a General cell and
 * is not shown — so "=IMPORTXML(…)" stays a string even if a plain-text format did not stop formula parsing.
 */
export function asText(block: Block): Block {
  const values = block.values.map((row) => row.map((v) => (typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v)));
  const formats = (block.formats ?? block.values.map((row) => row.map(() => ''))).map((row, r) =>
    row.map((f, c) => {
      const v = block.values[r][c];
      return typeof v === 'string' ? (FORMULA_START.test(v) ? 'General' : '@') : f;
    }));
  return { row: block.row, column: block.column, values, formats };
}

/** Builds one report under the document lock. */
export function buildSummary(wb: Workbook, request: BuildRequest): BuildResult {
  return withDocumentLock(wb, () => buildSummaryLocked(wb, request));
}

