// Loads dist/*.js into one fresh node:vm context, the way Apps Script loads a project's files into one scope.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const DIST = path.join(__dirname, '../../dist');

/** The built files, building first when dist/ is missing (npm test builds before jest runs). */
export function distFiles(): { name: string; code: string }[] {
  if (!fs.existsSync(path.join(DIST, 'lib.js'))) execFileSync('node', ['scripts/build.mjs'], { cwd: path.join(__dirname, '../..') });
  return fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).sort().map((name) => ({ name, code: fs.readFileSync(path.join(DIST, name), 'utf8') }));
}

/** Minimal Apps Script globals the custom-function path touches: the spreadsheet's time zone and the UI. */
export function appsScriptGlobals(timeZone: string, log: string[] = []): Record<string, unknown> {
  const menu = { addItem: (label: string) => (log.push(`menu:${label}`), menu), addSeparator: () => menu, addSubMenu: () => menu, addToUi: () => log.push('menu:added') };
  return {
    SpreadsheetApp: {
      getActive: () => ({ getSpreadsheetTimeZone: () => timeZone }),
      getUi: () => ({ createAddonMenu: () => menu, createMenu: () => menu }),
    },
  };
}

/** A fresh context holding every dist file, evaluated in order into one global scope. */
export function loadBundle(timeZone = 'UTC', log: string[] = []): vm.Context {
  const context = vm.createContext(appsScriptGlobals(timeZone, log));
  for (const file of distFiles()) vm.runInContext(file.code, context, { filename: file.name });
  return context;
}
