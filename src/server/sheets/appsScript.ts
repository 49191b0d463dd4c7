// The Workbook on Apps Script: the only module (besides menu glue) that touches SpreadsheetApp, LockService and
// PropertiesService. Sheets are looked up once per execution; idempotent calls are retried on service errors.

import { ConnectedSheets } from './connectedSheets';
import { ServiceCalls } from './serviceCalls';
import { SheetDirectory, TAG_PREFIX } from './sheetDirectory';
import type {
  Block, CellStyle, CellValue, ChartSpec, ColourRule, GridRange, NewSheetOptions, SheetSummary, Tag, WarehouseQuery, WarehouseRun, Workbook,
  WorkbookEnvironment,
} from './workbook';

export { TAG_PREFIX };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Apps Script services the workbook uses: the globals in Apps Script, a simulation in tests. */
export interface AppsScriptServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Charts: GoogleAppsScript.Charts.Charts;
  Utilities: GoogleAppsScript.Utilities.Utilities;
}

export interface AppsScriptWorkbookOptions {
  /** Waits between retries (Utilities.sleep in Apps Script; tests record the waits instead). */
  sleep?: (ms: number) => void;
}

/** Apps Script's globals (read with typeof, so a context lacking one fails only when it is used). */
const globalServices = (): AppsScriptServices => ({
  SpreadsheetApp: typeof SpreadsheetApp === 'undefined' ? undefined! : SpreadsheetApp,
  PropertiesService: typeof PropertiesService === 'undefined' ? undefined! : PropertiesService,
  LockService: typeof LockService === 'undefined' ? undefined! : LockService,
  Session: typeof Session === 'undefined' ? undefined! : Session,
  Charts: typeof Charts === 'undefined' ? undefined! : Charts,
  Utilities: typeof Utilities === 'undefined' ? undefined! : Utilities,
});

function rangeOf(sheet: Sheet, r: GridRange): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(r.row, r.column, r.rows, r.columns);
}

/** "B3:D4" (RangeList takes A1 notations). */
function a1Of(r: GridRange): string {
  const letters = (c: number): string => (c > 26 ? letters(Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));
  return `${letters(r.column)}${r.row}:${letters(r.column + r.columns - 1)}${r.row + r.rows - 1}`;
}

/**
 * Rules alike but for their range as one rule over all their ranges, where it first came (fewer builder calls). A
 * gradient scales over all its ranges together, so gradients stay one rule each.
 */
function sameRules(rules: ColourRule[]): { rule: ColourRule; ranges: GridRange[] }[] {
  const out: { rule: ColourRule; ranges: GridRange[] }[] = [];
  const byLook = new Map<string, { rule: ColourRule; ranges: GridRange[] }>();
  for (const rule of rules) {
    const { range, ...look } = rule;
    const key = rule.when === 'gradient' ? undefined : JSON.stringify(look);
    const same = key === undefined ? undefined : byLook.get(key);
    if (same) same.ranges.push(range);
    else {
      const entry = { rule, ranges: [range] };
      out.push(entry);
      if (key !== undefined) byLook.set(key, entry);
    }
  }
  return out;
}

/** The Charts options of a chart spec beyond type, ranges and position: axis, colours, goal lines. */
export function chartOptions(c: ChartSpec): [string, unknown][] {
  const options: [string, unknown][] = [['title', c.title], ['width', c.width], ['height', c.height], ['legend.position', 'bottom']];
  const axis = c.type === 'bar' || c.type === 'stackedBar' ? 'hAxis' : 'vAxis';
  if (c.type === 'stackedColumn' || c.type === 'stackedBar') options.push(['isStacked', true]);
  if (c.percent) options.push([`${axis}.format`, 'percent']);
  if (c.axis) {
    options.push([`${axis}.format`, c.axis.format], [`${axis}.viewWindowMode`, 'explicit'], [`${axis}.viewWindow.min`, c.axis.min], [`${axis}.viewWindow.max`, c.axis.max]);
  }
  if (c.colours) options.push(['colors', c.colours]);
  if (c.goalSeries?.length) {
    // A goal is a dashed grey line, also in a column chart (a combo chart whose other series stay bars).
    const series: Record<number, Record<string, unknown>> = {};
    for (const k of c.goalSeries) series[k] = { type: 'line', color: '#5f6368', lineDashStyle: [6, 4], lineWidth: 2, pointSize: 0 };
    options.push(['series', series]);
    if (c.type === 'column') options.push(['seriesType', 'bars']);
  }
  return options;
}

/** The Charts type a spec is drawn as (a column chart with a goal line is a combo chart). */
function chartType(c: ChartSpec, t: GoogleAppsScript.Charts.ChartType & Record<string, GoogleAppsScript.Charts.ChartType>): GoogleAppsScript.Charts.ChartType {
  if (c.type === 'line') return t.LINE;
  if (c.type === 'bar' || c.type === 'stackedBar') return t.BAR;
  return c.type === 'column' && c.goalSeries?.length ? t.COMBO : t.COLUMN;
}

/** Consecutive columns of the same width, as one setColumnWidths(start, count, width) each. */
function widthRuns(widths: { column: number; width: number }[]): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  for (const w of [...widths].sort((a, b) => a.column - b.column)) {
    const last = runs[runs.length - 1];
    if (last && last.width === w.width && last.start + last.count === w.column) last.count++;
    else runs.push({ start: w.column, count: 1, width: w.width });
  }
  return runs;
}

export class AppsScriptWorkbook implements Workbook {
  /** Retries and their count (read by the bench). */
  readonly calls: ServiceCalls;
  private readonly services: AppsScriptServices;
  private spreadsheet: Spreadsheet | undefined;
  private lock: GoogleAppsScript.Lock.Lock | undefined;
  /** Every sheet looked up in this execution. */
  private readonly sheets: SheetDirectory;
  private zone: { locale: string; timeZone: string } | undefined;
  private sheetLocale: string | undefined;
  /** Data-source tables (Connected Sheets). */
  private readonly connected: ConnectedSheets;

  /** `source`: the services (default: Apps Script's globals), or a spreadsheet to work on with the global services. */
  constructor(source?: AppsScriptServices | Spreadsheet, options: AppsScriptWorkbookOptions = {}) {
    const given = source && 'SpreadsheetApp' in source ? source : undefined;
    this.services = given ?? globalServices();
    if (source && !given) this.spreadsheet = source as Spreadsheet;
    // A context without Utilities.sleep (a bare simulation) retries without waiting rather than failing.
    this.calls = new ServiceCalls(options.sleep ?? ((ms) => this.services.Utilities?.sleep?.(ms)));
    this.sheets = new SheetDirectory(this.calls, () => this.ss(), this.services.SpreadsheetApp);
    this.connected = new ConnectedSheets(this.calls, () => this.services.SpreadsheetApp, () => this.ss());
  }

  private ss(): Spreadsheet {
    this.spreadsheet ??= this.calls.retried(() => this.services.SpreadsheetApp.getActive());
    return this.spreadsheet;
  }

  environment(): WorkbookEnvironment {
    const { Session: session } = this.services;
    // The spreadsheet's locale is read when first asked for (one call), so environment() costs what it did before.
    const read = (): string => (this.sheetLocale ??= this.calls.retried(() => this.ss().getSpreadsheetLocale()));
    this.zone ??= {
      locale: this.calls.retried(() => session.getActiveUserLocale()) || read(),
      timeZone: this.calls.retried(() => this.ss().getSpreadsheetTimeZone()),
    };
    const env: WorkbookEnvironment = {
      ...this.zone, warehouse: 'bigquery', activeSheetId: this.calls.retried(() => this.ss().getActiveSheet().getSheetId()),
    };
    Object.defineProperty(env, 'spreadsheetLocale', { get: read, enumerable: true, configurable: true });
    return env;
  }

  /** Every sheet: one call for the list, one per sheet for its id, one search for all tags; other fields when read. */
  listSheets(): SheetSummary[] {
    return this.sheets.all();
  }

  findSheet(by: { id: number } | { name: string }): SheetSummary | undefined {
    return this.sheets.find(by);
  }

  sheetsTagged(key: string, value?: string): SheetSummary[] {
    return this.sheets.tagged(key, value);
  }

  readValues(sheetId: number, range?: GridRange): CellValue[][] {
    const s = this.sheets.sheet(sheetId);
    return this.calls.retried(() => (range ? rangeOf(s, range) : s.getDataRange()).getValues()) as CellValue[][];
  }

  readNumberFormats(sheetId: number, range: GridRange): string[][] {
    const s = this.sheets.sheet(sheetId);
    return this.calls.retried(() => rangeOf(s, range).getNumberFormats());
  }

  /**
   * Inserts at the end and tags at once (so it is found by its tag from the next call on), puts the user back on
   * their sheet (Apps Script activates an inserted sheet), hides it and grows it to the size asked for.
   */
  insertSheet(name: string, options: NewSheetOptions): number {
    const ss = this.ss();
    const active = this.calls.retried(() => ss.getActiveSheet());
    const at = this.calls.retried(() => ss.getNumSheets());
    const s = this.calls.once(() => ss.insertSheet(name, at));
    const id = this.sheets.remember(s);
    if (options.tag) this.calls.once(() => s.addDeveloperMetadata(options.tag!.key, options.tag!.value));
    if (active) this.calls.retried(() => active.activate());
    if (options.hidden) this.calls.retried(() => s.hideSheet());
    const rows = options.rows ?? 1000;
    const columns = options.columns ?? 26;
    // Read and grow in one retried step: a retry sees what an earlier attempt added.
    this.calls.retried(() => {
      const max = s.getMaxRows();
      if (rows > max) s.insertRowsAfter(max, rows - max);
    });
    this.calls.retried(() => {
      const max = s.getMaxColumns();
      if (columns > max) s.insertColumnsAfter(max, columns - max);
    });
    return id;
  }

  writeBlock(sheetId: number, block: Block): void {
    const rows = block.values.length;
    const s = this.sheets.sheet(sheetId);
    const range = this.calls.retried(() => s.getRange(block.row, block.column, rows, rows ? block.values[0].length : 0));
    // Formats first: a cell formatted as plain text ("@") keeps "=1+1" as text instead of parsing it.
    if (block.formats) this.calls.retried(() => range.setNumberFormats(block.formats!.map((r) => r.map((f) => f || 'General'))));
    this.calls.retried(() => range.setValues(block.values));
  }

  setFrozenRows(sheetId: number, rows: number): void {
    const s = this.sheets.sheet(sheetId);
    this.calls.retried(() => s.setFrozenRows(rows));
  }

  setColumnWidths(sheetId: number, widths: { column: number; width: number }[]): void {
    const s = this.sheets.sheet(sheetId);
    for (const w of widthRuns(widths)) this.calls.retried(() => s.setColumnWidths(w.start, w.count, w.width));
  }

  /** One RangeList per style, then one call per property it sets. */
  setStyles(sheetId: number, styles: CellStyle[]): void {
    const s = this.sheets.sheet(sheetId);
    for (const style of styles) {
      const list = this.calls.retried(() => s.getRangeList(style.ranges.map(a1Of)));
      if (style.bold !== undefined) this.calls.retried(() => list.setFontWeight(style.bold ? 'bold' : 'normal'));
      if (style.fontSize !== undefined) this.calls.retried(() => list.setFontSize(style.fontSize!));
      if (style.fontColour !== undefined) this.calls.retried(() => list.setFontColor(style.fontColour!));
      if (style.background !== undefined) this.calls.retried(() => list.setBackground(style.background!));
      if (style.wrap !== undefined) this.calls.retried(() => list.setWrap(style.wrap!));
    }
  }

  setColourRules(sheetId: number, rules: ColourRule[]): void {
    const s = this.sheets.sheet(sheetId);
    const app = this.services.SpreadsheetApp;
    // Building rules changes nothing until they are set: the whole step is safe to repeat.
    const built = this.calls.retried(() => sameRules(rules).map(({ rule, ranges }) => {
      const b = app.newConditionalFormatRule().setRanges(ranges.map((r) => rangeOf(s, r)));
      if (rule.when === 'gradient') return b.setGradientMinpoint(rule.min).setGradientMaxpoint(rule.max).build();
      const when = rule.when === 'between' ? b.whenNumberBetween(rule.value, rule.to)
        : rule.when === 'lessThan' ? b.whenNumberLessThan(rule.value) : b.whenNumberGreaterThanOrEqualTo(rule.value);
      const coloured = when.setBackground(rule.background);
      return (rule.fontColour ? coloured.setFontColor(rule.fontColour) : coloured).build();
    }));
    this.calls.retried(() => s.setConditionalFormatRules(built));
  }

  protectWarningOnly(sheetId: number, description: string): void {
    const s = this.sheets.sheet(sheetId);
    const p = this.calls.once(() => s.protect());
    this.calls.retried(() => p.setDescription(description));
    this.calls.retried(() => p.setWarningOnly(true));
  }

  addCharts(sheetId: number, charts: ChartSpec[]): void {
    const s = this.sheets.sheet(sheetId);
    const t = this.services.Charts.ChartType;
    for (const c of charts) {
      const chart = this.calls.retried(() => {
        let b = s.newChart().setChartType(chartType(c, t as never));
        for (const r of c.ranges) b = b.addRange(rangeOf(s, r));
        b = b.setNumHeaders(1).setPosition(c.anchor.row, c.anchor.column, 0, 0);
        for (const [name, value] of chartOptions(c)) b = b.setOption(name, value);
        return b.build();
      });
      this.calls.once(() => s.insertChart(chart));
    }
  }

  deleteSheet(sheetId: number): void {
    const s = this.sheets.sheet(sheetId);
    this.calls.once(() => this.ss().deleteSheet(s));
    this.sheets.forget(sheetId);
  }

  /** Shows the sheet, then moves `tag` onto it from `from` in one call (marking `from` first), or adds it. */
  publishSheet(args: { sheetId: number; tag: Tag; from?: number; mark?: Tag }): void {
    const keep = this.sheets.sheet(args.sheetId);
    this.calls.retried(() => keep.showSheet());
    if (this.sheets.metadata(keep, args.tag.key, args.tag.value).length) return;
    const old = args.from === undefined ? undefined : this.sheets.lookUp(args.from);
    const moving = old ? this.sheets.metadata(old, args.tag.key, args.tag.value)[0] : undefined;
    if (old && moving) {
      const mark = args.mark;
      if (mark && !this.sheets.metadata(old, mark.key, mark.value).length) this.calls.once(() => old.addDeveloperMetadata(mark.key, mark.value));
      this.calls.once(() => moving.moveToSheet(keep));
    } else {
      this.calls.once(() => keep.addDeveloperMetadata(args.tag.key, args.tag.value));
    }
  }

  /** Names the sheet (when its name differs), removes the tags with `removeTags` keys, activates it when asked. */
  finishSheet(args: { sheetId: number; name: string; removeTags: string[]; activate: boolean }): void {
    const s = this.sheets.sheet(args.sheetId);
    if (this.calls.retried(() => s.getName()) !== args.name) this.calls.retried(() => s.setName(args.name));
    for (const key of args.removeTags) for (const m of this.sheets.metadata(s, key)) this.calls.once(() => m.remove());
    if (args.activate) this.calls.retried(() => s.activate());
  }

  select(sheetId: number, ranges: GridRange[]): void {
    const s = this.sheets.sheet(sheetId);
    this.calls.retried(() => s.activate());
    this.calls.retried(() => s.getRangeList(ranges.map((r) => rangeOf(s, r).getA1Notation())).activate());
  }

  private props: GoogleAppsScript.Properties.Properties | undefined;

  private properties(): GoogleAppsScript.Properties.Properties {
    this.props ??= this.calls.retried(() => this.services.PropertiesService.getDocumentProperties());
    return this.props;
  }

  readProperties(): Record<string, string> {
    const p = this.properties();
    return this.calls.retried(() => p.getProperties());
  }

  setProperty(key: string, value: string): void {
    const p = this.properties();
    this.calls.retried(() => p.setProperty(key, value));
  }

  setProperties(values: Record<string, string>): void {
    const p = this.properties();
    this.calls.retried(() => p.setProperties(values));
  }

  deleteProperty(key: string): void {
    const p = this.properties();
    this.calls.retried(() => p.deleteProperty(key));
  }

  setWarehouseTable(sheetId: number, anchor: { row: number; column: number }, query: WarehouseQuery): void {
    this.connected.setTable(this.sheets.sheet(sheetId), anchor, query);
  }

  refreshWarehouseTable(sheetId: number, anchor: { row: number; column: number }, timeoutSeconds: number): WarehouseRun {
    return this.connected.refresh(this.sheets.sheet(sheetId), anchor, timeoutSeconds);
  }

  tryLock(ms: number): boolean {
    const lock = this.calls.retried(() => this.services.LockService.getDocumentLock());
    if (!lock || !this.calls.retried(() => lock.tryLock(ms))) return false;
    this.lock = lock;
    return true;
  }

  releaseLock(): void {
    const lock = this.lock;
    this.lock = undefined;
    if (!lock) return;
    try {
      // Apply pending writes before another user's build may take the lock and read them.
      this.calls.retried(() => this.services.SpreadsheetApp.flush());
    } finally {
      this.calls.retried(() => lock.releaseLock());
    }
  }
}
