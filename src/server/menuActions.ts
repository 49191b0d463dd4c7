// The menu actions that need the sidebar half of the server: Refresh all summaries, Insert sample data, Help.

import { FUNCTIONS } from '../functions/catalogue';
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
  const { results } = got.data;
  const failed = results.filter((r) => !r.ok);
  const lines = results.length ? results.map((r) => `${r.title}: ${r.ok ? `refreshed (${r.sheetName})` : r.error?.message}`) : ['No saved summaries yet: build one from the sidebar.'];
  ui.alert(failed.length ? 'CRM Metrics: some summaries failed' : 'CRM Metrics', lines.join('\n'), ui.ButtonSet.OK);
}

/** Menu action: adds the sample tables as new sheets. */
export function insertSampleDataFromMenu(): void {
  const got = rpcHandlers(new AppsScriptWorkbook()).insertSampleData({});
  SpreadsheetApp.getActive().toast(got.ok ? `Added ${got.data.sheets.map((s) => s.name).join(', ')}` : got.error.message, 'CRM Metrics');
}
