// The sidebar half's entry: the menu actions and RPC methods that need the summary builder, exposed as the
// global `CrmMetricsSidebar` of dist/sidebarServer.html (see src/server/sidebarHalf.ts for how it is loaded).

export { showHelp, refreshAllSummaries, insertSampleDataFromMenu } from './menuActions';
export {
  getLocale, listSheets, detectTable, checkData, buildSummary, listReports, refreshReport, refreshAll, deleteReport, selectRange,
  insertSampleData, describeWarehouse, summarySql,
} from './rpc/appsScriptRpc';
export { runLiveSelfTest } from './selfTest/live';
