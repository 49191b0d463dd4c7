// The add-on menu: created on open and on install.

import { FUNCTIONS } from '../functions/catalogue';

/** Adds Extensions ▸ CRM Metrics. Uses no service that needs authorization, so it works in AuthMode.NONE. */
export function onOpen(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Help', 'showHelp').addToUi();
}

/** Apps Script calls onInstall, not onOpen, right after installation. */
export function onInstall(): void {
  onOpen();
}

/** A short help text listing every custom function with its one-line summary. */
export function helpText(): string {
  return ['Type any of these into a cell, e.g. =NPS(B2:B500):', '', ...FUNCTIONS.map((f) => `${f.name}: ${f.summary}`)].join('\n');
}

/** Shows the help text in a dialog. */
export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('CRM Metrics', helpText(), ui.ButtonSet.OK);
}
