// The simulated Spreadsheet and SpreadsheetApp (every method call counted).

import { counted, MODEL, modelOf } from './calls';
import { addTable, DATA_EXECUTION_STATES, execute, specBuilderApi, type DataSourceSpecModel } from './dataSources';
import { finderApi, LOCATION_TYPES, metadataApi } from './metadata';
import { live, newSheet, type SheetModel } from './model';
import { ruleBuilderApi, sheetApi, type SimContext } from './sheet';

export function spreadsheetApi(ctx: SimContext): unknown {
  const { doc } = ctx;
  const sheets = (): SheetModel[] => doc.sheets.filter((s) => !s.deleted);
  const api = {
    [MODEL]: doc,
    getId: () => doc.id,
    getName: () => 'Simulated spreadsheet',
    getUrl: () => `https://docs.google.com/spreadsheets/d/${doc.id}/edit`,
    getSheets: () => sheets().map((s) => sheetApi(ctx, s)),
    getSheetById: (id: number) => {
      const s = sheets().find((x) => x.id === id);
      return s ? sheetApi(ctx, s) : null;
    },
    // Sheets compares names ignoring case ("data" finds "Data"), as insertSheet and setName do.
    getSheetByName: (name: string) => {
      const s = sheets().find((x) => x.name.toLowerCase() === String(name).toLowerCase());
      return s ? sheetApi(ctx, s) : null;
    },
    getNumSheets: () => sheets().length,
    insertSheet: (nameOrIndex?: string | number, index?: number) => {
      const name = typeof nameOrIndex === 'string' ? nameOrIndex : freeDefaultName();
      const at = typeof nameOrIndex === 'number' ? nameOrIndex : index ?? doc.sheets.indexOf(doc.activeSheet!) + 1;
      const s = newSheet(doc, name);
      doc.sheets.splice(Math.max(0, Math.min(at, doc.sheets.length)), 0, s);
      // Apps Script makes the inserted sheet the active one.
      doc.activeSheet = s;
      return sheetApi(ctx, s);
    },
    deleteSheet: (sheet: unknown) => {
      const s = live(modelOf<SheetModel>(sheet, 'sheet'));
      if (!s.hidden && sheets().filter((x) => !x.hidden).length === 1) throw new Error("Exception: You can't remove all the visible sheets in a document.");
      s.deleted = true;
      doc.sheets = doc.sheets.filter((x) => x !== s);
      doc.metadata = doc.metadata.filter((m) => m.sheet !== s);
      if (doc.activeSheet === s) doc.activeSheet = doc.sheets.find((x) => !x.hidden);
    },
    getActiveSheet: () => (doc.activeSheet ? sheetApi(ctx, doc.activeSheet) : null),
    setActiveSheet: (sheet: unknown) => {
      doc.activeSheet = live(modelOf<SheetModel>(sheet, 'sheet'));
      return sheetApi(ctx, doc.activeSheet);
    },
    // A new sheet with a table of the spec at A1, its columns synced; it starts running at once (and becomes active).
    insertSheetWithDataSourceTable: (spec: unknown) => {
      const s = newSheet(doc, freeDefaultName());
      doc.sheets.push(s);
      doc.activeSheet = s;
      const t = addTable(ctx, s, { row: 1, column: 1, rows: 1, columns: 1 }, { spec: structuredClone(modelOf<DataSourceSpecModel>(spec, 'spec')) }, true);
      execute(ctx, s, t);
      return sheetApi(ctx, s);
    },
    getSpreadsheetTimeZone: () => doc.timeZone,
    getSpreadsheetLocale: () => doc.locale,
    createDeveloperMetadataFinder: () => finderApi(ctx),
    addDeveloperMetadata: (key: string, value?: string) => {
      doc.metadata.push({ id: doc.nextMetadataId++, key, value: value ?? null, sheet: null });
      return api;
    },
    getDeveloperMetadata: () => doc.metadata.filter((m) => !m.sheet).map((m) => metadataApi(ctx, m)),
    toast: (message: string, title?: string) => {
      ctx.events.push(`toast:${title ?? ''}\n${message}`);
    },
  };
  function freeDefaultName(): string {
    for (let k = sheets().length + 1; ; k++) if (!sheets().some((s) => s.name.toLowerCase() === `sheet${k}`)) return `Sheet${k}`;
  }
  return counted(ctx.log, 'Spreadsheet', api);
}

/** The SpreadsheetApp global. `ui` is the simulated Ui (services.ts). */
export function spreadsheetAppApi(ctx: SimContext, ui: () => unknown): unknown {
  const app = {
    DeveloperMetadataLocationType: LOCATION_TYPES,
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    /** The conditional-rule criteria the add-on uses, as names (an enum, not a call). */
    BooleanCriteria: { NUMBER_LESS_THAN: 'NUMBER_LESS_THAN', NUMBER_BETWEEN: 'NUMBER_BETWEEN', NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO' },
    getActive: () => spreadsheetApi(ctx),
    getActiveSpreadsheet: () => spreadsheetApi(ctx),
    getActiveSheet: () => (ctx.doc.activeSheet ? sheetApi(ctx, ctx.doc.activeSheet) : null),
    getUi: () => ui(),
    flush: () => undefined,
    newConditionalFormatRule: () => ruleBuilderApi(ctx),
    DataExecutionState: DATA_EXECUTION_STATES,
    enableBigQueryExecution: () => {
      ctx.warehouse.enabled = true;
    },
    newDataSourceSpec: () => specBuilderApi(ctx),
  };
  return counted(ctx.log, 'SpreadsheetApp', app);
}
