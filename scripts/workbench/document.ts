// The workbench's open document: the workbook, its formula model and the add-on's handlers on it. Every change is
// saved (when there is a state file); Reset replaces the whole document with the sample; the language sets its locale.

import { languageOfLocale, type Language } from '../../src/core/languages';
import type { RpcHandlers, RpcMethod } from '../../src/server/rpc/contract';
import type { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import { WorkbenchModel } from './model';
import { stateText, type SavedWorkbench } from './state';

/** The locale the language switch sets: the language with its usual region, as Sheets reports a user's locale. */
export const LANGUAGE_LOCALES: Record<Language, string> = { en: 'en_US', cs: 'cs_CZ', pl: 'pl_PL', ru: 'ru_RU', th: 'th_TH' };

export interface DocumentOptions {
  handlers: (workbook: InMemoryWorkbook) => RpcHandlers;
  /** A new sample workbook in this locale (Reset). */
  sample: (locale: string) => InMemoryWorkbook;
  /** Stores the state file's text; absent, the workbook lives in memory only. */
  save?: (text: string) => void;
}

export class WorkbenchDocument {
  model!: WorkbenchModel;
  private handlers!: RpcHandlers;

  constructor(initial: SavedWorkbench, private readonly options: DocumentOptions) {
    this.open(initial);
  }

  get workbook(): InMemoryWorkbook {
    return this.model.workbook;
  }

  private open({ workbook, typed }: SavedWorkbench): void {
    this.model = new WorkbenchModel(workbook, typed);
    this.handlers = this.options.handlers(workbook);
  }

  /** Writes the state file now (no-op in memory). */
  save(): void {
    this.options.save?.(stateText(this.model));
  }

  /** Runs a change the page asked for (a typed cell, a tab picked, a sheet added), then saves. */
  edit<T>(change: (model: WorkbenchModel) => T): T {
    const result = change(this.model);
    this.save();
    return result;
  }

  /** Runs one of the add-on's server functions, recomputes formulas, and saves if the document changed. */
  rpc(method: RpcMethod, request: unknown): unknown {
    const before = this.mark();
    const reply = this.handlers[method](request);
    this.model.recompute();
    if (this.mark() !== before) this.save();
    return reply;
  }

  /** What a server function may change: written sheets and properties (counted writes), the active sheet, the selection. */
  private mark(): string {
    const wb = this.workbook;
    return `${wb.writes}|${wb.activeSheetId}|${JSON.stringify(wb.selection ?? null)}`;
  }

  /** The language switch: the workbook's locale becomes the language's (kept as it is when it already speaks it). */
  setLanguage(language: Language): void {
    if (languageOfLocale(this.workbook.locale) === language) return;
    this.edit((model) => {
      model.workbook.locale = LANGUAGE_LOCALES[language];
    });
  }

  /** Reset sample workbook: the sample data again, in the current locale; every report, tab and edit is gone. */
  reset(): void {
    this.open({ workbook: this.options.sample(this.workbook.locale), typed: {} });
    this.save();
  }
}
