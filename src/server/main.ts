// The server bundle's entry: everything the generated top-level stubs call, exposed as the global `CrmMetrics`.

export { run } from './customFunctions';
export { onOpen, onInstall, showHelp, showSidebar, refreshAllSummaries, insertSampleDataFromMenu } from './menu';
export {
  getLocale, listSheets, detectTable, checkData, buildSummary, listReports, refreshReport, refreshAll, deleteReport, selectRange,
  insertSampleData,
} from './rpc/appsScriptRpc';
