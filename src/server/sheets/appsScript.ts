// The Workbook on Apps Script: the only module (besides menu glue) that touches SpreadsheetApp, LockService
// and PropertiesService.

import type { Block, CellValue, ChartSpec, ColourRule, GridRange, NewSheetOptions, SheetSummary, Tag, Workbook, WorkbookEnvironment } from './workbook';

/** Developer metadata keys the add-on owns start with this. */
export const TAG_PREFIX = 'crmMetrics.';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function rangeOf(sheet: Sheet, r: GridRange): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(r.row, r.column, r.rows, r.columns);
}

function chartType(type: ChartSpec['type']): GoogleAppsScript.Charts.ChartType {
  const t = Charts.ChartType;
  return type === 'line' ? t.LINE : type === 'bar' ? t.BAR : t.COLUMN;
}

export class AppsScriptWorkbook implements Workbook {
  private lock: GoogleAppsScript.Lock.Lock | undefined;
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive()) {}

  private sheet(id: number): Sheet {
    const s = this.ss.getSheets().find((x) => x.getSheetId() === id);
    if (!s) throw new Error(`Sheet ${id} not found`);
    return s;
  }

  environment(): WorkbookEnvironment {
    return { locale: Session.getActiveUserLocale() || this.ss.getSpreadsheetLocale(), timeZone: this.ss.getSpreadsheetTimeZone(), activeSheetId: this.ss.getActiveSheet().getSheetId() };
  }

  listSheets(): SheetSummary[] {
    const tags = new Map<number, Record<string, string>>();
    const found = this.ss.createDeveloperMetadataFinder().withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET).find();
    for (const m of found) {
      const key = m.getKey();
      const sheet = m.getLocation().getSheet();
      if (!key.startsWith(TAG_PREFIX) || !sheet) continue;
      const id = sheet.getSheetId();
      tags.set(id, { ...(tags.get(id) ?? {}), [key]: m.getValue() ?? '' });
    }
    return this.ss.getSheets().map((s) => ({
      id: s.getSheetId(), name: s.getName(), hidden: s.isSheetHidden(), lastRow: s.getLastRow(), lastColumn: s.getLastColumn(),
      tags: tags.get(s.getSheetId()) ?? {},
    }));
  }

  readValues(sheetId: number, range?: GridRange): CellValue[][] {
    const s = this.sheet(sheetId);
    return (range ? rangeOf(s, range) : s.getDataRange()).getValues() as CellValue[][];
  }

  insertSheet(name: string, options: NewSheetOptions): number {
    // Apps Script activates an inserted sheet; the user stays where they were (a failed build must not move them).
    const active = this.ss.getActiveSheet();
    const s = this.ss.insertSheet(name, this.ss.getNumSheets());
    active?.activate();
    const rows = options.rows ?? 1000;
    const columns = options.columns ?? 26;
    if (rows > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), rows - s.getMaxRows());
    if (columns > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), columns - s.getMaxColumns());
    if (options.hidden) s.hideSheet();
    if (options.tag) s.addDeveloperMetadata(options.tag.key, options.tag.value);
    return s.getSheetId();
  }

  writeBlock(sheetId: number, block: Block): void {
    const rows = block.values.length;
    const range = this.sheet(sheetId).getRange(block.row, block.column, rows, rows ? block.values[0].length : 0);
    // Formats first: a cell formatted as plain text ("@") keeps "=1+1" as text instead of parsing it.
    if (block.formats) range.setNumberFormats(block.formats.map((r) => r.map((f) => f || 'General')));
    range.setValues(block.values);
  }

  setFrozenRows(sheetId: number, rows: number): void {
    this.sheet(sheetId).setFrozenRows(rows);
  }

  setColumnWidths(sheetId: number, widths: { column: number; width: number }[]): void {
    const s = this.sheet(sheetId);
    for (const w of widths) s.setColumnWidth(w.column, w.width);
  }

  setColourRules(sheetId: number, rules: ColourRule[]): void {
    const s = this.sheet(sheetId);
    s.setConditionalFormatRules(rules.map((rule) => {
      const b = SpreadsheetApp.newConditionalFormatRule().setRanges([rangeOf(s, rule.range)]);
      if (rule.when === 'gradient') return b.setGradientMinpoint(rule.min).setGradientMaxpoint(rule.max).build();
      if (rule.when === 'between') return b.whenNumberBetween(rule.value, rule.to).setBackground(rule.background).build();
      const when = rule.when === 'lessThan' ? b.whenNumberLessThan(rule.value) : b.whenNumberGreaterThanOrEqualTo(rule.value);
      return when.setBackground(rule.background).build();
    }));
  }

  protectWarningOnly(sheetId: number, description: string): void {
    this.sheet(sheetId).protect().setDescription(description).setWarningOnly(true);
  }

  addCharts(sheetId: number, charts: ChartSpec[]): void {
    const s = this.sheet(sheetId);
    for (const c of charts) {
      let b = s.newChart().setChartType(chartType(c.type));
      for (const r of c.ranges) b = b.addRange(rangeOf(s, r));
      b = b.setNumHeaders(1)
        .setPosition(c.anchor.row, c.anchor.column, 0, 0).setOption('title', c.title).setOption('width', c.width).setOption('height', c.height)
        .setOption('legend.position', 'bottom');
      if (c.type === 'stackedColumn') b = b.setOption('isStacked', true);
      if (c.percent) b = b.setOption(c.type === 'bar' ? 'hAxis.format' : 'vAxis.format', 'percent');
      s.insertChart(b.build());
    }
  }

  deleteSheet(sheetId: number): void {
    this.ss.deleteSheet(this.sheet(sheetId));
  }

  replaceSheet(args: { keep: number; remove?: number; name: string; tag: Tag }): void {
    const keep = this.sheet(args.keep);
    if (args.remove !== undefined) this.ss.deleteSheet(this.sheet(args.remove));
    keep.setName(args.name);
    keep.showSheet();
    for (const m of keep.getDeveloperMetadata()) if (m.getKey().startsWith(TAG_PREFIX)) m.remove();
    keep.addDeveloperMetadata(args.tag.key, args.tag.value);
    keep.activate();
  }

  select(sheetId: number, ranges: GridRange[]): void {
    const s = this.sheet(sheetId);
    s.activate();
    s.getRangeList(ranges.map((r) => rangeOf(s, r).getA1Notation())).activate();
  }

  readProperties(): Record<string, string> {
    return PropertiesService.getDocumentProperties().getProperties();
  }

  setProperty(key: string, value: string): void {
    PropertiesService.getDocumentProperties().setProperty(key, value);
  }

  deleteProperty(key: string): void {
    PropertiesService.getDocumentProperties().deleteProperty(key);
  }

  tryLock(ms: number): boolean {
    const lock = LockService.getDocumentLock();
    if (!lock || !lock.tryLock(ms)) return false;
    this.lock = lock;
    return true;
  }

  releaseLock(): void {
    // Apply pending writes before another user's build may take the lock and read them.
    if (this.lock) SpreadsheetApp.flush();
    this.lock?.releaseLock();
    this.lock = undefined;
  }
}
