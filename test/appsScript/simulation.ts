// A stateful Apps Script simulation: one spreadsheet with its services, every service call counted, any call failing.
//
// Use it directly (`new AppsScriptWorkbook(sim.services(), …)`) or install its globals into a node:vm context the way
// Apps Script loads a project (`vm.createContext(sim.globals())`). What it covers: see the README beside it.

import type { AppsScriptServices } from '../../src/server/sheets/appsScript';
import { CallLog, type FailurePlan, type ServiceCall } from './calls';
import { newWarehouse, type SimWarehouse } from './dataSources';
import { newSheet, sheetPicture, type DocumentModel, type SheetModel, type SimValue } from './model';
import {
  CHARTS, htmlServiceApi, lockServiceApi, propertiesServiceApi, sessionApi, uiApi, utilitiesApi, type LockState,
} from './services';
import type { SimContext } from './sheet';
import { spreadsheetAppApi } from './spreadsheet';

export type { FailurePlan, ServiceCall } from './calls';
export type { SheetModel, SimValue } from './model';
export type { SimWarehouse, SimWarehouseQuery } from './dataSources';
export { stripCommentLike } from './services';

export interface SimulatedSheet {
  name: string;
  values?: SimValue[][];
  hidden?: boolean;
  rows?: number;
  columns?: number;
}

export interface SimulationOptions {
  sheets?: SimulatedSheet[];
  /** The spreadsheet's time zone and locale (File ▸ Settings). */
  timeZone?: string;
  locale?: string;
  /** The user's locale (Session.getActiveUserLocale) and the script project's time zone. */
  userLocale?: string;
  scriptTimeZone?: string;
  userEmail?: string;
  documentId?: string;
  /** The project's HTML files by name, or a loader (undefined = no such file). */
  html?: Record<string, string> | ((name: string) => string | undefined);
  /** HtmlService strips comment-like text from served files, as the real one does; false serves them unchanged. */
  stripHtmlComments?: boolean;
}

/** The globals Apps Script gives a script, as this simulation provides them. */
export type SimulatedGlobals = AppsScriptServices & { HtmlService: GoogleAppsScript.HTML.HtmlService };

export class AppsScriptSimulation {
  readonly log: CallLog;
  readonly doc: DocumentModel;
  /** Document properties. */
  readonly properties: Record<string, string> = {};
  /** Milliseconds passed to Utilities.sleep, in order. */
  readonly slept: number[] = [];
  /** The simulated BigQuery behind data-source tables: set `runner`, or `timesOut`; `runs` lists the queries run. */
  readonly warehouse: SimWarehouse = newWarehouse();
  /** Another user's execution holds the document lock. */
  lockedByOther = false;
  stripHtmlComments: boolean;
  private readonly ctx: SimContext;
  private readonly lock: LockState;
  private readonly made: SimulatedGlobals;

  constructor(private readonly options: SimulationOptions = {}) {
    const id = options.documentId ?? '1SimulatedSpreadsheetId0000000000000000000';
    this.log = new CallLog(id);
    this.doc = {
      id, timeZone: options.timeZone ?? 'UTC', locale: options.locale ?? 'en_US', sheets: [], metadata: [], activeSheet: undefined,
      nextSheetId: 0, nextMetadataId: 1, nextChartId: 1,
    };
    this.stripHtmlComments = options.stripHtmlComments ?? true;
    for (const s of options.sheets ?? [{ name: 'Sheet1' }]) this.addSheet(s);
    this.doc.activeSheet = this.doc.sheets.find((s) => !s.hidden);
    const ctx: SimContext = { log: this.log, doc: this.doc, events: [], spreadsheet: () => app.getActive(), warehouse: this.warehouse };
    this.ctx = ctx;
    this.lock = { holder: undefined, otherHolds: () => this.lockedByOther };
    const ui = uiApi(ctx);
    const app = spreadsheetAppApi(ctx, () => ui) as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const html = options.html;
    const read = (name: string): string | undefined => (typeof html === 'function' ? html(name) : html?.[name]);
    const files = { read, strip: () => this.stripHtmlComments };
    this.made = {
      SpreadsheetApp: app,
      PropertiesService: propertiesServiceApi(ctx, this.properties) as GoogleAppsScript.Properties.PropertiesService,
      LockService: lockServiceApi(ctx, this.lock) as GoogleAppsScript.Lock.LockService,
      Session: sessionApi(ctx, { email: options.userEmail ?? 'user@example.com', locale: options.userLocale ?? 'en', scriptTimeZone: options.scriptTimeZone ?? 'America/New_York' }) as GoogleAppsScript.Base.Session,
      Utilities: utilitiesApi(ctx, this.slept) as GoogleAppsScript.Utilities.Utilities,
      Charts: CHARTS as unknown as GoogleAppsScript.Charts.Charts,
      HtmlService: htmlServiceApi(ctx, files) as GoogleAppsScript.HTML.HtmlService,
    };
  }

  // ----- the services -----

  /** The services AppsScriptWorkbook takes. */
  services(): AppsScriptServices {
    return this.made;
  }

  /** Every global the simulation provides: `vm.createContext(sim.globals())`, or Object.assign onto a context. */
  globals(): SimulatedGlobals {
    return { ...this.made };
  }

  /** Puts the globals onto `target` (a vm context or globalThis); returns a function that removes them again. */
  install(target: Record<string, unknown>): () => void {
    const names = Object.keys(this.made);
    const before = names.map((n) => [n, Object.prototype.hasOwnProperty.call(target, n), target[n]] as const);
    Object.assign(target, this.made);
    return () => {
      for (const [n, had, v] of before) if (had) target[n] = v; else delete target[n];
    };
  }

  /** One execution: a lock still held when `fn` ends is released, as Apps Script does when an execution ends. */
  execute<T>(fn: () => T): T {
    try {
      return fn();
    } finally {
      this.lock.holder = undefined;
    }
  }

  // ----- counting and failing -----

  get calls(): readonly ServiceCall[] {
    return this.log.calls;
  }

  /** "Sheet.setName" for call k (1-based) of the calls recorded since the last resetCalls. */
  callLabel(k: number): string {
    return this.log.label(k);
  }

  resetCalls(): void {
    this.log.reset();
  }

  /** Fails call k only (a transient error; a retry succeeds). With afterEffect, the call does its work, then fails. */
  failAt(k: number, { afterEffect = false } = {}): void {
    this.log.plan = { at: k, afterEffect };
  }

  /** Fails call k and every call after it, until heal() (an outage). */
  failFrom(k: number): void {
    this.log.plan = { from: k };
  }

  fail(plan: FailurePlan): void {
    this.log.plan = plan;
  }

  heal(): void {
    this.log.plan = {};
  }

  /** The error a failing call throws. */
  serviceError(): Error {
    return this.log.serviceError();
  }

  // ----- set-up and inspection (never counted) -----

  /** An independent copy of the document and its properties (calls, failures and locks start afresh). */
  fork(): AppsScriptSimulation {
    const copy = new AppsScriptSimulation({ ...this.options, sheets: [] });
    Object.assign(copy.doc, structuredClone(this.doc));
    // structuredClone makes its Dates in Node's realm, not the tests' (under Jest, `instanceof Date` fails on them).
    const ownDate = (v: unknown): unknown => (Object.prototype.toString.call(v) === '[object Date]' ? new Date((v as Date).getTime()) : v);
    for (const sheet of copy.doc.sheets) sheet.values = Array.from(sheet.values, (row) => (row ? Array.from(row, ownDate) : row)) as typeof sheet.values;
    Object.assign(copy.properties, this.properties);
    copy.stripHtmlComments = this.stripHtmlComments;
    Object.assign(copy.warehouse, { runner: this.warehouse.runner, timesOut: this.warehouse.timesOut, rowLimit: this.warehouse.rowLimit, nextTableId: this.warehouse.nextTableId });
    return copy;
  }

  addSheet(s: SimulatedSheet): SheetModel {
    const rows = Math.max(s.rows ?? 1000, s.values?.length ?? 0);
    const columns = (s.values ?? []).reduce((widest, r) => Math.max(widest, r.length), s.columns ?? 26);
    const sheet = newSheet(this.doc, s.name, rows, columns);
    sheet.hidden = s.hidden ?? false;
    sheet.values = (s.values ?? []).map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
    this.doc.sheets.push(sheet);
    return sheet;
  }

  sheet(by: number | string): SheetModel | undefined {
    return this.doc.sheets.find((s) => (typeof by === 'number' ? s.id === by : s.name === by));
  }

  get sheets(): readonly SheetModel[] {
    return this.doc.sheets;
  }

  /** Developer metadata of a sheet as key → values. */
  tagsOf(sheetId: number): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const m of this.doc.metadata) if (m.sheet?.id === sheetId) (out[m.key] ??= []).push(m.value ?? '');
    return out;
  }

  get activeSheetId(): number | undefined {
    return this.doc.activeSheet?.id;
  }

  get selection(): SimContext['selection'] {
    return this.ctx.selection;
  }

  /** Menus, alerts, sidebars, toasts and HTML files served, in order ("menu:Help", "alert:Title\ntext", "html:sidebar"). */
  get events(): string[] {
    return this.ctx.events;
  }

  /** A JSON picture of one sheet: name, visibility, cells, formats, charts, rules, protection, metadata. */
  picture(sheetId: number): string {
    const s = this.sheet(sheetId);
    return s ? JSON.stringify(sheetPicture(this.doc, s)) : 'deleted';
  }

  /** A JSON picture of the whole document and its properties. */
  snapshot(): string {
    const props = Object.keys(this.properties).sort().map((k) => [k, this.properties[k]]);
    return JSON.stringify({ sheets: this.doc.sheets.map((s) => sheetPicture(this.doc, s)), props });
  }
}
