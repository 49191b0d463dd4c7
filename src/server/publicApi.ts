// The server's public entry points: each becomes a generated top-level function in the Apps Script project.

/** A top-level function Apps Script must see: triggers, menu actions and google.script.run targets. */
export interface EntryPoint {
  name: string;
  params: string[];
  doc: string;
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'onOpen', params: ['e'], doc: 'Adds the add-on menu when the spreadsheet opens (works in every auth mode).' },
  { name: 'onInstall', params: ['e'], doc: 'Runs onOpen right after the add-on is installed.' },
  { name: 'showHelp', params: [], doc: 'Menu action: lists the custom functions.' },
];
