// The simulated PropertiesService, LockService, Utilities, Session, HtmlService, Ui and Charts (calls counted).

import { counted } from './calls';
import { formatDate } from './formatDate';
import type { SimContext } from './sheet';

/** Apps Script's limits on document properties (bytes of UTF-8). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export function propertiesServiceApi(ctx: SimContext, store: Record<string, string>): unknown {
  const check = (next: Record<string, string>): void => {
    for (const v of Object.values(next)) if (bytes(v) > PROPERTY_VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
    if (Object.entries(next).reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0) > PROPERTY_STORE_LIMIT) {
      throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  };
  const replace = (next: Record<string, string>): void => {
    check(next);
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
  };
  const properties = {
    getProperties: () => ({ ...store }),
    getProperty: (key: string) => (Object.prototype.hasOwnProperty.call(store, key) ? store[key] : null),
    getKeys: () => Object.keys(store),
    setProperty: (key: string, value: string) => (replace({ ...store, [key]: String(value) }), properties),
    // One call, so one change: all the values are stored or none.
    setProperties: (values: Record<string, string>, deleteAllOthers = false) => {
      const given = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
      replace(deleteAllOthers ? given : { ...store, ...given });
      return properties;
    },
    deleteProperty: (key: string) => {
      delete store[key];
      return properties;
    },
    deleteAllProperties: () => (replace({}), properties),
  };
  const api = counted(ctx.log, 'Properties', properties);
  return counted(ctx.log, 'PropertiesService', { getDocumentProperties: () => api });
}

/** The document lock: one holder at a time; `otherHolds()` says another user's execution holds it. */
export interface LockState {
  holder: object | undefined;
  otherHolds(): boolean;
}

export function lockServiceApi(ctx: SimContext, state: LockState): unknown {
  const lock = (): unknown => {
    const me = {};
    const take = (): boolean => {
      if (state.otherHolds() || (state.holder && state.holder !== me)) return false;
      state.holder = me;
      return true;
    };
    return counted(ctx.log, 'Lock', {
      tryLock: (ms: number) => (void ms, take()),
      waitLock: (ms: number) => {
        if (!take()) throw new Error(`Exception: Lock timeout: another process was holding the lock for too long (${ms} ms).`);
      },
      hasLock: () => state.holder === me,
      releaseLock: () => {
        if (state.holder === me) state.holder = undefined;
      },
    });
  };
  return counted(ctx.log, 'LockService', { getDocumentLock: lock, getScriptLock: lock, getUserLock: lock });
}

export function utilitiesApi(ctx: SimContext, slept: number[]): unknown {
  return counted(ctx.log, 'Utilities', {
    formatDate: (date: Date, timeZone: string, pattern: string) => formatDate(date, timeZone, pattern),
    sleep: (ms: number) => {
      slept.push(ms);
    },
  });
}

export function sessionApi(ctx: SimContext, user: { email: string; locale: string; scriptTimeZone: string }): unknown {
  const person = counted(ctx.log, 'User', { getEmail: () => user.email });
  return counted(ctx.log, 'Session', {
    getActiveUser: () => person,
    getEffectiveUser: () => person,
    getActiveUserLocale: () => user.locale,
    getScriptTimeZone: () => user.scriptTimeZone,
  });
}

/**
 * What HtmlService does to a served file's text: removes `//` to the end of the line and `/* … *\/`, wherever they
 * are — inside strings, template literals and regular expressions too (so "https://x" loses "//x").
 */
export function stripCommentLike(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n\r]*/g, '');
}

export interface HtmlFiles {
  /** The project's HTML files by name ("sidebar", "sidebarServer"), or a loader. */
  read(name: string): string | undefined;
  /** False serves files unchanged (tests of code that predates the stripping). */
  strip(): boolean;
}

export function htmlServiceApi(ctx: SimContext, files: HtmlFiles): unknown {
  const output = (content: string): unknown => {
    const api = {
      getContent: () => content,
      setTitle: (title: string) => ((state.title = title), proxy),
      getTitle: () => state.title,
      setWidth: () => proxy,
      setHeight: () => proxy,
    };
    const state = { title: '' };
    const proxy = counted(ctx.log, 'HtmlOutput', api);
    return proxy;
  };
  return counted(ctx.log, 'HtmlService', {
    createHtmlOutputFromFile: (name: string) => {
      const text = files.read(name);
      if (text === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
      ctx.events.push(`html:${name}`);
      return output(files.strip() ? stripCommentLike(text) : text);
    },
    createHtmlOutput: (html = '') => output(html),
  });
}

export const BUTTON_SETS = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export const BUTTONS = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;

/** SpreadsheetApp.getUi(): menus, alerts and sidebars, recorded in ctx.events. */
export function uiApi(ctx: SimContext): unknown {
  const menu = (): unknown => {
    const api: Record<string, (...a: never[]) => unknown> = {
      addItem: (label: string, fn: string) => (ctx.events.push(`menu:${label}`), void fn, proxy),
      addSeparator: () => proxy,
      addSubMenu: () => proxy,
      addToUi: () => void ctx.events.push('menu:added'),
    };
    const proxy = counted(ctx.log, 'Menu', api);
    return proxy;
  };
  const title = (html: unknown): string => String((html as { getTitle?: () => string }).getTitle?.() ?? '');
  return counted(ctx.log, 'Ui', {
    ButtonSet: BUTTON_SETS,
    Button: BUTTONS,
    createAddonMenu: () => menu(),
    createMenu: (name: string) => (void name, menu()),
    alert: (heading: string, text?: string) => {
      ctx.events.push(`alert:${heading}${text === undefined ? '' : `\n${text}`}`);
      return BUTTONS.OK;
    },
    showSidebar: (html: unknown) => void ctx.events.push(`sidebar:${title(html)}`),
    showModalDialog: (html: unknown, heading: string) => void ctx.events.push(`dialog:${heading || title(html)}`),
  });
}

/** Charts.ChartType: the chart types, as names (an enum, not a call). */
export const CHARTS = {
  ChartType: Object.fromEntries(['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE', 'RADAR', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREE_MAP', 'WATERFALL'].map((t) => [t, t])),
};
