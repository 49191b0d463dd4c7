// The self-test's items: each one's name, what its failure means for the add-on, and what to do about it.
// (The README's deploy steps carry the same table; test/selfTest/readme.test.ts keeps the two equal.)

/** One thing the self-test checks, as the user reads it. */
export interface ItemText {
  name: string;
  /** What a failure means for the add-on. */
  means: string;
  /** What to do about a failure. */
  todo: string;
}

/** Kept in lib.js: reported even when the sidebar half cannot be loaded. */
export const SIDEBAR_HALF: ItemText = {
  name: 'Sidebar code arrives intact',
  means: 'HtmlService changed dist/sidebarServer.html on its way: the sidebar, summaries, Refresh all, Insert sample data and Help cannot run.',
  todo: 'Redeploy with npm run deploy; if it persists, report it with this line.',
};

export const NEW_FUNCTION: ItemText = {
  name: 'Code from text runs (new Function)',
  means: 'Apps Script refused to evaluate code from text: the sidebar half, which is loaded that way, cannot run.',
  todo: 'Check appsscript.json says "runtimeVersion": "V8" and redeploy; if it persists, report it with this line.',
};

export const TIME_ZONE: ItemText = {
  name: 'Time zone: Intl agrees with Utilities.formatDate',
  means: "This runtime's time-zone rules differ from Sheets' for the spreadsheet's zone: dated rows near a daylight-saving change (or all of them, if the zone is unknown) can land in the wrong day, week or month.",
  todo: 'Check File ▸ Settings ▸ Time zone is the zone your dates were entered in; report it with this line.',
};

export const DATE_CELLS: ItemText = {
  name: 'Date cells read back as the same days',
  means: 'A date written to a cell came back as another calendar day: periods, trends and cohorts built from date columns would be shifted.',
  todo: 'Check File ▸ Settings ▸ Time zone; report it with this line.',
};

export const METADATA: ItemText = {
  name: 'Developer metadata tags a sheet',
  means: 'Summary tabs cannot be tagged and found again: a refresh would not find its tab, and the sidebar could not tell summaries from your sheets.',
  todo: 'Check you can edit this spreadsheet; report it with this line.',
};

export const PROTECTION: ItemText = {
  name: 'Warning-only protection',
  means: 'Building a summary fails at the step that protects its tab with a warning.',
  todo: 'Check you can edit this spreadsheet (editors can protect sheets); report it with this line.',
};

export const CHARTS: ItemText = {
  name: 'Native charts: line, column, bar',
  means: 'Building a summary fails, or its trend and breakdown charts are missing or of the wrong kind.',
  todo: 'Report it with this line.',
};

export const COLOURS: ItemText = {
  name: 'Conditional colours',
  means: 'Building a summary fails, or its colour bands (below/between/above goals) and heatmaps are missing.',
  todo: 'Report it with this line.',
};

export const NUMBER_FORMATS: ItemText = {
  name: 'Number formats (percent, money, date, plain text)',
  means: 'Summary figures show unformatted, or a text starting with "=" (a segment name) could be taken as a formula.',
  todo: 'Report it with this line.',
};

export const PROPERTIES: ItemText = {
  name: 'Saved report of the largest size round-trips through document properties',
  means: 'Reports cannot be saved, or only small ones: Save report and Refresh all fail.',
  todo: 'Delete saved reports you no longer need (the document\'s properties hold 500 KB in all) and run the self-test again; if it persists, report it with this line.',
};

export const LOCK: ItemText = {
  name: 'Document lock is taken and released',
  means: 'Builds cannot take the document lock: every build answers "someone else is building a summary".',
  todo: 'If someone was building a summary just then, run the self-test again in a minute; otherwise report it with this line.',
};

export const CUSTOM_FUNCTION: ItemText = {
  name: 'Custom function stub runs end to end (NPS)',
  means: 'Custom functions do not run: cells with =NPS(…) and the others show #NAME? or #ERROR!.',
  todo: 'Redeploy with npm run deploy (it pushes dist/stubs.js with the rest) and reload the spreadsheet; if it persists, report it with this line.',
};

export const CLEAN_UP: ItemText = {
  name: 'Clean-up',
  means: 'The self-test could not remove what it made: a hidden sheet "CRM Metrics self-test …" or a document property crmMetrics.selfTest.… is left.',
  todo: 'Delete that sheet by hand (unhide it from View ▸ Hidden sheets); report it with this line.',
};

/** Every item, in the order the self-test runs and reports them. */
export const ITEMS: readonly ItemText[] = [
  SIDEBAR_HALF, NEW_FUNCTION, TIME_ZONE, DATE_CELLS, METADATA, PROTECTION, CHARTS, COLOURS, NUMBER_FORMATS, PROPERTIES, LOCK, CUSTOM_FUNCTION, CLEAN_UP,
];
