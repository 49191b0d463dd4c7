// The add-on menu and the actions of the custom-function half: Open sidebar. The other actions live in the
// sidebar half (src/server/menuActions.ts), loaded only when one of them runs.

/** Adds Extensions ▸ CRM Metrics. Only builds the menu (no service needing authorization), so it works in every auth mode. */
export function onOpen(): void {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Refresh all summaries', 'refreshAllSummaries')
    .addItem('Insert sample data', 'insertSampleDataFromMenu')
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addItem('Run self-test', 'runSelfTest')
    .addToUi();
}

/** Apps Script calls onInstall, not onOpen, right after installation. */
export function onInstall(): void {
  onOpen();
}

/** Opens the sidebar: dist/sidebar.html, served as a file (never as a template). */
export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('CRM Metrics'));
}
