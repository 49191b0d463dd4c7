// The self-test's live checks, run in the sidebar half (loaded by src/server/selfTest/start.ts): each one on the
// live spreadsheet, on a scratch sheet and a property of its own, which are removed at the end whatever happened.

import { AppsScriptWorkbook } from '../sheets/appsScript';
import type { HalfDigest } from '../sidebarHalf';
import { checkCustomFunction } from './customFunction';
import { checkDateCells } from './dateCells';
import { checkNewFunction, checkSidebarHalf } from './halfCheck';
import {
  CHARTS, CLEAN_UP, COLOURS, CUSTOM_FUNCTION, DATE_CELLS, LOCK, METADATA, NEW_FUNCTION, NUMBER_FORMATS, PROPERTIES, PROTECTION, SIDEBAR_HALF,
  TIME_ZONE,
} from './items';
import { checkLock } from './lock';
import { checkProperties } from './properties';
import { runItem, showReport, type ItemResult, type SelfTestReport } from './report';
import { Scratch } from './scratch';
import { checkCharts, checkColours, checkMetadata, checkNumberFormats, checkProtection } from './sheetFeatures';
import { checkTimeZone } from './timeZone';

export interface SelfTestStart {
  /** When the self-test started (ms), for its total time. */
  started: number;
  /** The half's length and hash recorded by the build in lib.js. */
  recorded: HalfDigest | undefined;
}

export function runLiveSelfTest(start: SelfTestStart): SelfTestReport {
  let doc: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
  // Every service call happens inside a check, so a failing one fails its check, never the whole self-test.
  const ss = (): GoogleAppsScript.Spreadsheet.Spreadsheet => (doc ??= SpreadsheetApp.getActive());
  const scratch = new Scratch(ss, new AppsScriptWorkbook());
  const now = Date.now();
  const items: ItemResult[] = [];
  try {
    items.push(runItem(SIDEBAR_HALF, () => checkSidebarHalf(start.recorded)));
    items.push(runItem(NEW_FUNCTION, checkNewFunction));
    let zone = '';
    items.push(runItem(TIME_ZONE, () => checkTimeZone((zone = ss().getSpreadsheetTimeZone()), now)));
    items.push(runItem(DATE_CELLS, () => checkDateCells(scratch, zone || ss().getSpreadsheetTimeZone(), now)));
    items.push(runItem(METADATA, () => checkMetadata(scratch)));
    items.push(runItem(PROTECTION, () => checkProtection(scratch)));
    items.push(runItem(CHARTS, () => checkCharts(scratch)));
    items.push(runItem(COLOURS, () => checkColours(scratch)));
    items.push(runItem(NUMBER_FORMATS, () => checkNumberFormats(scratch)));
    items.push(runItem(PROPERTIES, () => checkProperties(scratch, now)));
    items.push(runItem(LOCK, checkLock));
    items.push(runItem(CUSTOM_FUNCTION, () => checkCustomFunction(scratch)));
  } finally {
    items.push(runItem(CLEAN_UP, () => scratch.cleanUp()));
  }
  return showReport(start.started, items);
}
