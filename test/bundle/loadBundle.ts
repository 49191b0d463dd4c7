// Loads dist/*.js into one fresh node:vm context, the way Apps Script loads a project's files into one scope,
// with HtmlService serving the project's HTML files (the sidebar half of the server among them).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const DIST = path.join(__dirname, '../../dist');

/** Builds dist/ when it is missing (npm test builds before jest runs). */
function ensureBuilt(): void {
  if (!['lib.js', 'sidebarServer.html'].every((f) => fs.existsSync(path.join(DIST, f)))) execFileSync('node', ['scripts/build.mjs'], { cwd: path.join(__dirname, '../..') });
}

/** The built script files: what Apps Script evaluates at the start of every execution. */
export function distFiles(): { name: string; code: string }[] {
  ensureBuilt();
  return fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).sort().map((name) => ({ name, code: fs.readFileSync(path.join(DIST, name), 'utf8') }));
}

/** A built HTML project file by its Apps Script name ("sidebar", "sidebarServer"). */
export function distHtml(name: string): string {
  ensureBuilt();
  return fs.readFileSync(path.join(DIST, `${name}.html`), 'utf8');
}

/**
 * What HtmlService does to a project file's text before getContent() returns it: comment-like text is removed
 * wherever it stands, strings, templates and regular expressions included ("//" to the end of the line, "/*" to
 * the next "*\/" or the end).
 */
export function stripLikeHtmlService(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*/g, '');
}

/**
 * Minimal Apps Script globals: the spreadsheet's time zone and locale, the UI, the session and HtmlService (which
 * strips comment-like text as the real one does). `html` replaces project HTML files by name.
 */
export function appsScriptGlobals(timeZone: string, log: string[] = [], html: Record<string, string> = {}): Record<string, unknown> {
  const menu = { addItem: (label: string) => (log.push(`menu:${label}`), menu), addSeparator: () => menu, addSubMenu: () => menu, addToUi: () => log.push('menu:added') };
  const spreadsheet = {
    getSpreadsheetTimeZone: () => timeZone,
    getSpreadsheetLocale: () => 'en_US',
    getActiveSheet: () => ({ getSheetId: () => 0 }),
  };
  return {
    SpreadsheetApp: {
      getActive: () => spreadsheet,
      getUi: () => ({ createAddonMenu: () => menu, createMenu: () => menu, alert: (title: string, text: string) => log.push(`alert:${title}\n${text}`), ButtonSet: { OK: 'OK' } }),
    },
    Session: { getActiveUserLocale: () => 'cs' },
    // Present as in Apps Script (the workbook takes them all), not used by these tests.
    PropertiesService: { getDocumentProperties: () => ({ getProperties: () => ({}), getProperty: () => null }) },
    LockService: {},
    Charts: { ChartType: {} },
    Utilities: {},
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => {
        log.push(`html:${name}`);
        const content = stripLikeHtmlService(html[name] ?? distHtml(name));
        return { getContent: () => content, setTitle: () => ({}) };
      },
    },
  };
}

/**
 * A fresh context holding every dist script file, evaluated in order into one global scope. `replace` swaps
 * text in the script files (e.g. the sidebar half's recorded digest) and `html` replaces project HTML files.
 */
export function loadBundle(timeZone = 'UTC', log: string[] = [], { replace = [], html = {} }: { replace?: [string, string][]; html?: Record<string, string> } = {}): vm.Context {
  const context = vm.createContext(appsScriptGlobals(timeZone, log, html));
  for (const file of distFiles()) vm.runInContext(replace.reduce((code, [from, to]) => code.split(from).join(to), file.code), context, { filename: file.name });
  return context;
}
