// The menu actions that need the sidebar half of the server: Refresh all summaries, Insert sample data, Help.

import { FUNCTIONS } from '../functions/catalogue';
import type { RpcData } from './rpc/contract';
import { rpcHandlers } from './rpc/handlers';
import { AppsScriptWorkbook } from './sheets/appsScript';

/** A short help text listing every custom function with its one-line summary. */
export function helpText(): string {
  return ['Type any of these into a cell, e.g. =NPS(B2:B500):', '', ...FUNCTIONS.map((f) => `${f.name}: ${f.summary}`)].join('\n');
}

/** Shows the help text in a dialog. */
export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('CRM Metrics', helpText(), ui.ButtonSet.OK);
}

/** Menu action: rebuilds every saved summary and says how it went. */
export function refreshAllSummaries(): void {
  const got = rpcHandlers(new AppsScriptWorkbook()).refreshAll({});
  const ui = SpreadsheetApp.getUi();
  if (!got.ok) {
    ui.alert('CRM Metrics', got.error.message, ui.ButtonSet.OK);
    return;
  }
  const { title, text } = refreshAllMessage(got.data);
  ui.alert(title, text, ui.ButtonSet.OK);
}

/** Refresh all's answer as a dialog: each report's outcome, then those left for later and how to continue them. */
export function refreshAllMessage({ results, notRefreshed }: RpcData<'refreshAll'>): { title: string; text: string } {
  const lines = results.map((r) => `${r.title}: ${r.ok ? `refreshed (${r.sheetName})` : r.error?.message}`);
  if (!results.length && !notRefreshed.length) lines.push('No saved summaries yet: build one from the sidebar.');
  if (notRefreshed.length) {
    lines.push('', `Not refreshed, to stay inside Apps Script's 6-minute limit: ${notRefreshed.map((r) => r.title).join(', ')}.`,
      'Run Refresh all summaries again to continue with them (it takes the least recently refreshed first), or refresh them from the sidebar.');
  }
  const complete = results.every((r) => r.ok) && !notRefreshed.length;
  return { title: complete ? 'CRM Metrics' : 'CRM Metrics: some summaries were not refreshed', text: lines.join('\n') };
}

/** Menu action: adds the sample tables as new sheets. */
export function insertSampleDataFromMenu(): void {
  const got = rpcHandlers(new AppsScriptWorkbook()).insertSampleData({});
  SpreadsheetApp.getActive().toast(got.ok ? `Added ${got.data.sheets.map((s) => s.name).join(', ')}` : got.error.message, 'CRM Metrics');
}
