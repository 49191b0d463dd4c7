// The simulated Sheet, Range, RangeList, Protection and chart API objects (every method call counted).

import { counted, MODEL, modelOf, type CallLog } from './calls';
import {
  a1, checkGrid, checkName, checkRect, enter, extent, live, parseA1, type ChartModel, type DocumentModel, type GridRect,
  type RuleModel, type SheetModel, type SimValue,
} from './model';
import { addTable, dataSourceTableApi, type DataSourceModel, type SimWarehouse } from './dataSources';
import { formatDate } from './formatDate';
import { metadataApi } from './metadata';

/** What the sheet-level API objects share: the call log and the document. */
export interface SimContext {
  log: CallLog;
  doc: DocumentModel;
  /** The selection made by Range/RangeList.activate: sheet id and A1 ranges. */
  selection?: { sheetId: number; ranges: string[] };
  /** What the user saw: menus, alerts, sidebars, toasts, loaded HTML files ("alert:Title\ntext", "html:sidebar"). */
  events: string[];
  spreadsheet(): unknown;
  /** The simulated BigQuery behind data-source tables. */
  warehouse: SimWarehouse;
}

export function sheetApi(ctx: SimContext, s: SheetModel): unknown {
  const { doc, log } = ctx;
  const self = (): unknown => sheetApi(ctx, s);
  const api = {
    [MODEL]: s,
    getSheetId: () => live(s).id,
    getName: () => live(s).name,
    setName: (name: string) => {
      checkName(doc, name, live(s));
      s.name = name;
      return self();
    },
    getIndex: () => doc.sheets.indexOf(live(s)) + 1,
    getParent: () => ctx.spreadsheet(),
    isSheetHidden: () => live(s).hidden,
    hideSheet: () => {
      if (!live(s).hidden && doc.sheets.filter((x) => !x.hidden).length === 1) throw new Error("Exception: You can't hide all the sheets in a document.");
      s.hidden = true;
      if (doc.activeSheet === s) doc.activeSheet = doc.sheets.find((x) => !x.hidden);
      return self();
    },
    showSheet: () => {
      live(s).hidden = false;
      return self();
    },
    activate: () => {
      doc.activeSheet = live(s);
      return self();
    },
    getRange: (row: number | string, column?: number, rows = 1, columns = 1) => {
      const rect = typeof row === 'string' ? parseA1(row) : { row, column: column ?? 1, rows, columns };
      checkRect(live(s), rect);
      return rangeApi(ctx, s, rect);
    },
    getRangeList: (a1s: string[]) => rangeListApi(ctx, s, a1s.map((t) => {
      const rect = parseA1(t);
      checkRect(live(s), rect);
      return rect;
    })),
    getDataRange: () => {
      const { lastRow, lastColumn } = extent(live(s));
      return rangeApi(ctx, s, { row: 1, column: 1, rows: Math.max(lastRow, 1), columns: Math.max(lastColumn, 1) });
    },
    getLastRow: () => extent(live(s)).lastRow,
    getLastColumn: () => extent(live(s)).lastColumn,
    getMaxRows: () => live(s).maxRows,
    getMaxColumns: () => live(s).maxColumns,
    insertRowsAfter: (after: number, n: number) => {
      if (after < 1 || after > live(s).maxRows || n < 1) throw new Error('Exception: Those rows are out of bounds.');
      s.maxRows += n;
      for (const grid of [s.values, s.formats] as unknown[][][]) if (grid.length > after) grid.splice(after, 0, ...Array.from({ length: n }, () => []));
      return self();
    },
    insertColumnsAfter: (after: number, n: number) => {
      if (after < 1 || after > live(s).maxColumns || n < 1) throw new Error('Exception: Those columns are out of bounds.');
      s.maxColumns += n;
      for (const grid of [s.values, s.formats] as unknown[][][]) for (const row of grid) if (row && row.length > after) row.splice(after, 0, ...Array.from({ length: n }, () => ''));
      return self();
    },
    setFrozenRows: (n: number) => {
      live(s).frozenRows = n;
    },
    getFrozenRows: () => live(s).frozenRows,
    setColumnWidth: (column: number, width: number) => {
      live(s).columnWidths[column] = width;
      return self();
    },
    setColumnWidths: (start: number, n: number, width: number) => {
      for (let c = start; c < start + n; c++) live(s).columnWidths[c] = width;
      return self();
    },
    getColumnWidth: (column: number) => live(s).columnWidths[column] ?? 100,
    setConditionalFormatRules: (rules: unknown[]) => {
      live(s).rules = rules.map((r) => structuredClone(modelOf<RuleModel>(r, 'rules')));
    },
    getConditionalFormatRules: () => live(s).rules.map((r) => counted(log, 'ConditionalFormatRule', {
      [MODEL]: r, getRanges: () => r.ranges.map((g) => rangeApi(ctx, s, g)),
      // Read back by the self-test (src/server/selfTest/sheetFeatures.ts).
      getBooleanCondition: () => (r.condition ? counted(log, 'BooleanCondition', {
        getCriteriaType: () => r.condition!.type, getCriteriaValues: () => [...r.condition!.values], getBackground: () => r.background ?? null,
      }) : null),
      getGradientCondition: () => (r.gradient ? counted(log, 'GradientCondition', { getMinColor: () => r.gradient!.min ?? '', getMaxColor: () => r.gradient!.max ?? '' }) : null),
    })),
    newChart: () => chartBuilderApi(ctx, s),
    insertChart: (chart: unknown) => {
      const c = structuredClone(modelOf<ChartModel>(chart, 'chart'));
      for (const r of c.ranges) checkRect(live(s), r);
      s.charts.push({ ...c, id: `chart-${doc.nextChartId++}` });
    },
    getCharts: () => live(s).charts.map((c) => chartApi(ctx, c)),
    removeChart: (chart: unknown) => {
      const id = modelOf<ChartModel>(chart, 'chart').id;
      live(s).charts = s.charts.filter((c) => c.id !== id);
    },
    protect: () => {
      live(s).protection ??= { description: '', warningOnly: false };
      return protectionApi(ctx, s);
    },
    getProtections: () => (live(s).protection ? [protectionApi(ctx, s)] : []),
    addDeveloperMetadata: (key: string, value?: string) => {
      doc.metadata.push({ id: doc.nextMetadataId++, key, value: value ?? null, sheet: live(s) });
      return self();
    },
    getDeveloperMetadata: () => doc.metadata.filter((m) => m.sheet === live(s)).map((m) => metadataApi(ctx, m)),
    getDataSourceTables: () => (live(s).dataSourceTables ?? []).map((t) => dataSourceTableApi(ctx, s, t)),
  };
  return counted(log, 'Sheet', api);
}

export function rangeApi(ctx: SimContext, s: SheetModel, r: GridRect): unknown {
  const grid = <T>(at: (y: number, x: number) => T): T[][] =>
    Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.columns }, (_2, j) => at(r.row - 1 + i, r.column - 1 + j)));
  const api = {
    [MODEL]: { sheet: s, rect: r },
    getValues: () => grid((y, x) => {
      const v = live(s).values[y]?.[x];
      return v === undefined || v === null ? '' : v instanceof Date ? new Date(v.getTime()) : v;
    }),
    setValues: (values: SimValue[][]) => {
      checkGrid(values, r, 'data');
      live(s);
      values.forEach((row, i) => row.forEach((v, j) => {
        const y = r.row - 1 + i;
        const x = r.column - 1 + j;
        s.values[y] ??= [];
        s.values[y][x] = enter(s, y, x, v);
      }));
      return api;
    },
    getValue: () => api.getValues()[0][0],
    setValue: (v: SimValue) => api.setValues([[v]]),
    getNumberFormats: () => grid((y, x) => live(s).formats[y]?.[x] ?? 'General'),
    /** As shown: dates through their number format in the spreadsheet's zone; numbers and text as they are (a rough sketch). */
    getDisplayValues: () => grid((y, x) => displayed(ctx.doc, live(s).values[y]?.[x], s.formats[y]?.[x])),
    getFormulas: () => grid((y, x) => (live(s).formulas.has(`${y + 1},${x + 1}`) ? String(s.values[y][x]) : '')),
    setNumberFormats: (formats: string[][]) => {
      checkGrid(formats, r, 'formats');
      live(s);
      formats.forEach((row, i) => row.forEach((f, j) => {
        const y = r.row - 1 + i;
        s.formats[y] ??= [];
        s.formats[y][r.column - 1 + j] = f;
      }));
      return api;
    },
    getA1Notation: () => a1(r),
    getRow: () => r.row,
    getColumn: () => r.column,
    getNumRows: () => r.rows,
    getNumColumns: () => r.columns,
    getSheet: () => sheetApi(ctx, s),
    createDataSourceTable: (source: unknown) => dataSourceTableApi(ctx, s, addTable(ctx, s, r, modelOf<DataSourceModel>(source, 'dataSource'), false)),
    activate: () => {
      ctx.doc.activeSheet = live(s);
      ctx.selection = { sheetId: s.id, ranges: [a1(r)] };
      return api;
    },
  };
  return counted(ctx.log, 'Range', api);
}

function rangeListApi(ctx: SimContext, s: SheetModel, rects: GridRect[]): unknown {
  const style = (property: string) => (value: unknown) => {
    (live(s).styles ??= []).push(...rects.map((r) => ({ a1: a1(r), property, value })));
    return api;
  };
  const api = {
    getRanges: () => rects.map((r) => rangeApi(ctx, s, r)),
    setFontWeight: style('fontWeight'),
    setFontSize: style('fontSize'),
    setFontColor: style('fontColor'),
    setBackground: style('background'),
    setWrap: style('wrap'),
    activate: () => {
      ctx.doc.activeSheet = live(s);
      ctx.selection = { sheetId: s.id, ranges: rects.map(a1) };
      return api;
    },
  };
  return counted(ctx.log, 'RangeList', api);
}

function protectionApi(ctx: SimContext, s: SheetModel): unknown {
  const p = (): NonNullable<SheetModel['protection']> => {
    if (!live(s).protection) throw new Error('Exception: The protection has been removed.');
    return s.protection!;
  };
  const api = {
    setDescription: (d: string) => ((p().description = d), api),
    getDescription: () => p().description,
    setWarningOnly: (w: boolean) => ((p().warningOnly = w), api),
    isWarningOnly: () => p().warningOnly,
    remove: () => {
      live(s).protection = undefined;
    },
  };
  return counted(ctx.log, 'Protection', api);
}

function chartBuilderApi(ctx: SimContext, s: SheetModel): unknown {
  const c: ChartModel = { id: '', type: 'LINE', ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1 };
  const api = {
    setChartType: (type: string) => ((c.type = type), api),
    addRange: (range: unknown) => (c.ranges.push({ ...modelOf<{ rect: GridRect }>(range, 'range').rect }), api),
    setNumHeaders: (n: number) => ((c.numHeaders = n), api),
    setPosition: (row: number, column: number, offsetX: number, offsetY: number) => ((c.position = { row, column, offsetX, offsetY }), api),
    setOption: (name: string, value: unknown) => ((c.options[name] = value), api),
    build: () => chartApi(ctx, structuredClone(c)),
  };
  void s;
  return counted(ctx.log, 'EmbeddedChartBuilder', api);
}

function chartApi(ctx: SimContext, c: ChartModel): unknown {
  return counted(ctx.log, 'EmbeddedChart', {
    [MODEL]: c,
    getChartId: () => c.id,
    getOptions: () => counted(ctx.log, 'ChartOptions', { get: (name: string) => c.options[name] }),
    // Only what the self-test reads back: the chart's type.
    modify: () => counted(ctx.log, 'EmbeddedChartBuilder', { getChartType: () => c.type }),
  });
}

/** A cell's display text, roughly: a Date through its date format (Sheets' "mm" after "h" or before ":ss" is minutes). */
function displayed(doc: DocumentModel, v: SimValue | undefined, format: string | undefined): string {
  if (v === undefined || v === null) return '';
  if (!(v instanceof Date)) return typeof v === 'boolean' ? String(v).toUpperCase() : String(v);
  const sheetsFormat = format && /[yd]/.test(format) ? format : 'yyyy-mm-dd hh:mm:ss';
  const java = sheetsFormat.replace(/h+/g, 'HH').replace(/(HH:)mm|mm(:ss)/g, (_m, a, b) => (a ? `${a}mi` : `mi${b}`)).replace(/m/g, 'M').replace(/Mi/g, 'mm');
  return formatDate(v, doc.timeZone, java);
}

/** SpreadsheetApp.newConditionalFormatRule(): the builder of one conditional colour rule. */
export function ruleBuilderApi(ctx: SimContext): unknown {
  const rule: RuleModel = { ranges: [] };
  const api = {
    setRanges: (ranges: unknown[]) => ((rule.ranges = ranges.map((r) => ({ ...modelOf<{ rect: GridRect }>(r, 'range').rect }))), api),
    whenNumberLessThan: (n: number) => ((rule.condition = { type: 'NUMBER_LESS_THAN', values: [n] }), api),
    whenNumberGreaterThanOrEqualTo: (n: number) => ((rule.condition = { type: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [n] }), api),
    whenNumberBetween: (a: number, b: number) => ((rule.condition = { type: 'NUMBER_BETWEEN', values: [a, b] }), api),
    setBackground: (colour: string) => ((rule.background = colour), api),
    setFontColor: (colour: string) => ((rule.fontColor = colour), api),
    setGradientMinpoint: (colour: string) => ((rule.gradient = { ...rule.gradient, min: colour }), api),
    setGradientMaxpoint: (colour: string) => ((rule.gradient = { ...rule.gradient, max: colour }), api),
    build: () => counted(ctx.log, 'ConditionalFormatRule', { [MODEL]: structuredClone(rule) }),
  };
  return counted(ctx.log, 'ConditionalFormatRuleBuilder', api);
}
