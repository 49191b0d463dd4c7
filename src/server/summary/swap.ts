// The failure-safe swap of a summary tab, and the repair of what an interrupted build or delete left behind.
//
// Between any two Apps Script calls the document is valid: each saved report has exactly one visible sheet tagged
// SUMMARY_TAG = its id (its old tab or its new one), and every other sheet the add-on made carries BUILDING_TAG or is
// named in a pending record (`crmMetrics.pending.<report id>`), so the next call finds it. A build of report R:
//   1. records { temp name, old tab's id, final name } in the pending record             nothing made yet
//   2. inserts the temp sheet, tags it BUILDING = R, hides it; records its id too          found by name, tag and id
//   3. writes its blocks, widths, colours, charts, protection                              hidden, tagged BUILDING
//   first build: 4. shows it, tags it SUMMARY = R   5. COMMIT: one call saves the report and marks the record committed
//   refresh:     4. COMMIT   5. shows it, marks the old tab BUILDING = R, moves SUMMARY = R from the old tab to the new
//                one in a single call   6. deletes the old tab
//   7. names it (rename last), removes BUILDING, activates it   8. deletes the pending record
// Repair, at the start of every build, refresh, delete and refresh-all (under the lock), finds leftovers by their
// tag and by the recorded ids and name: a committed record is completed (steps 4–8), an uncommitted one rolled back
// (its new sheet deleted, the old tab left as it was); a BUILDING sheet no record explains is kept (mark removed) if
// it is its report's tab, else deleted.

import { RpcError } from '../messages';
import { reportKey } from '../reports/store';
import type { SheetSummary, Tag, Workbook } from '../sheets/workbook';

/** Developer metadata: finished summary tabs carry SUMMARY_TAG = report id; tabs in a swap carry BUILDING_TAG. */
export const SUMMARY_TAG = 'crmMetrics.summary';
export const BUILDING_TAG = 'crmMetrics.building';
export const PENDING_KEY_PREFIX = 'crmMetrics.pending.';
export const pendingKey = (id: string): string => PENDING_KEY_PREFIX + id;

/** What an unfinished build or delete of a report wrote down before touching a sheet. */
export type PendingRecord =
  | { op: 'build'; report: string; temp: string; tempId?: number; oldId?: number; name: string; committed: boolean }
  | { op: 'delete'; report: string; sheetIds: number[] };

const summaryTag = (id: string): Tag => ({ key: SUMMARY_TAG, value: id });
const buildingTag = (id: string): Tag => ({ key: BUILDING_TAG, value: id });

function parsePending(text: string | undefined): PendingRecord | undefined {
  try {
    const p = JSON.parse(text ?? '') as PendingRecord;
    return p && typeof p.report === 'string' && (p.op === 'build' || p.op === 'delete') ? p : undefined;
  } catch {
    return undefined;
  }
}

/** `base`, else `base (2)`, `base (3)`, … : the first name no sheet but `except` has (Sheets ignores case). */
export function freeSheetName(wb: Workbook, base: string, except?: number): string {
  const trimmed = base.slice(0, 90);
  for (let k = 1; ; k++) {
    const name = k === 1 ? trimmed : `${trimmed} (${k})`;
    const s = wb.findSheet({ name });
    if (!s || s.id === except) return name;
  }
}

export interface TabBuild {
  reportId: string;
  /** The report's property value, saved at the commit. */
  reportText: string;
  /** The report's current tabs (normally one, none on a first build). */
  previous: SheetSummary[];
  /** The tab's final name, free but for the previous tab's. */
  name: string;
  rows: number;
  columns: number;
  /** Writes the content into the new hidden sheet. */
  write(sheetId: number): void;
}

/** Builds a report's new tab and swaps it in (steps 1–8); on failure settles what it left, or throws. */
export function buildTab(wb: Workbook, b: TabBuild): { sheetId: number; name: string } {
  const key = pendingKey(b.reportId);
  const old = b.previous.find((s) => !s.hidden) ?? b.previous[0];
  const record: PendingRecord = {
    op: 'build', report: b.reportId, temp: freeSheetName(wb, `~ CRM Metrics building ${b.reportId}`), name: b.name, committed: false,
    ...(old ? { oldId: old.id } : {}),
  };
  wb.setProperty(key, JSON.stringify(record));
  try {
    const tab = wb.insertSheet(record.temp, { hidden: true, tag: buildingTag(b.reportId), rows: b.rows, columns: b.columns });
    record.tempId = tab;
    wb.setProperty(key, JSON.stringify(record));
    b.write(tab);
    const commit = (): void => wb.setProperties({ [reportKey(b.reportId)]: b.reportText, [key]: JSON.stringify({ ...record, committed: true }) });
    if (old) {
      commit();
      wb.publishSheet({ sheetId: tab, tag: summaryTag(b.reportId), from: old.id, mark: buildingTag(b.reportId) });
      for (const s of b.previous) wb.deleteSheet(s.id);
    } else {
      wb.publishSheet({ sheetId: tab, tag: summaryTag(b.reportId) });
      commit();
    }
    wb.finishSheet({ sheetId: tab, name: b.name, removeTags: [BUILDING_TAG], activate: true });
    wb.deleteProperty(key);
    return { sheetId: tab, name: b.name };
  } catch (e) {
    const settled = settleQuietly(wb, key, true);
    if (settled?.tab) return settled.tab;
    throw e;
  }
}

/** Deletes a saved report, and its tab when asked, through a pending record: the report goes first (the commit). */
export function deleteReportLocked(wb: Workbook, id: string, deleteSheet: boolean): { deleted: boolean } {
  const key = reportKey(id);
  if (wb.readProperties()[key] === undefined) return { deleted: false };
  const tabs = deleteSheet ? wb.sheetsTagged(SUMMARY_TAG, id) : [];
  if (!tabs.length) {
    wb.deleteProperty(key);
    return { deleted: true };
  }
  // Sheets refuses to remove the last visible sheet: when the report's tab is all that is left, a blank sheet stays.
  if (!wb.listSheets().some((s) => !s.hidden && !tabs.some((t) => t.id === s.id))) wb.insertSheet(freeSheetName(wb, 'Sheet1'), { hidden: false });
  const pk = pendingKey(id);
  wb.setProperty(pk, JSON.stringify({ op: 'delete', report: id, sheetIds: tabs.map((t) => t.id) } satisfies PendingRecord));
  try {
    wb.deleteProperty(key);
    for (const t of tabs) wb.deleteSheet(t.id);
    wb.deleteProperty(pk);
  } catch (e) {
    if (settleQuietly(wb, pk, false)?.completed) return { deleted: true };
    throw e;
  }
  return { deleted: true };
}

interface Settled {
  completed: boolean;
  tab?: { sheetId: number; name: string };
}

/** Settles one pending record right after its own operation failed; undefined when that failed too. */
function settleQuietly(wb: Workbook, key: string, activate: boolean): Settled | undefined {
  try {
    const props = wb.readProperties();
    const p = parsePending(props[key]);
    return p ? settle(wb, key, p, props, activate) : { completed: false };
  } catch {
    return undefined; // the next call's repair settles it
  }
}

function settle(wb: Workbook, key: string, p: PendingRecord, props: Record<string, string>, activate: boolean): Settled {
  const reportExists = props[reportKey(p.report)] !== undefined;
  if (p.op === 'delete') {
    // Committed when the report is gone: finish removing its tabs. Else the delete never happened.
    if (!reportExists) for (const id of p.sheetIds) if (wb.findSheet({ id })) wb.deleteSheet(id);
    wb.deleteProperty(key);
    return { completed: !reportExists };
  }
  const marked = wb.sheetsTagged(BUILDING_TAG, p.report);
  const seen = new Set<number>();
  const fresh = [
    p.tempId === undefined ? undefined : wb.findSheet({ id: p.tempId }), wb.findSheet({ name: p.temp }),
    ...marked.filter((s) => s.id !== p.oldId),
  ].filter((s): s is SheetSummary => !!s && !seen.has(s.id) && !!seen.add(s.id));
  const tab = fresh.find((s) => s.id === p.tempId) ?? fresh[0];
  if (p.committed && reportExists && tab) {
    const tagged = wb.sheetsTagged(SUMMARY_TAG, p.report).filter((s) => s.id !== tab.id);
    wb.publishSheet({ sheetId: tab.id, tag: summaryTag(p.report), from: tagged[0]?.id, mark: buildingTag(p.report) });
    const old = [...tagged, ...marked, ...fresh].filter((s, i, all) => s.id !== tab.id && all.findIndex((x) => x.id === s.id) === i);
    for (const s of old) wb.deleteSheet(s.id);
    const name = freeSheetName(wb, p.name, tab.id);
    wb.finishSheet({ sheetId: tab.id, name, removeTags: [BUILDING_TAG], activate });
    wb.deleteProperty(key);
    return { completed: true, tab: { sheetId: tab.id, name } };
  }
  // Roll back: the new sheet goes; the old tab (never moved before the commit) only loses a mark it may carry.
  for (const s of fresh) wb.deleteSheet(s.id);
  for (const s of marked.filter((x) => x.id === p.oldId)) wb.finishSheet({ sheetId: s.id, name: s.name, removeTags: [BUILDING_TAG], activate: false });
  wb.deleteProperty(key);
  return { completed: false };
}

/**
 * Repairs what interrupted builds and deletes left: every pending record is settled, then every BUILDING sheet no
 * record explained is kept as its report's tab (mark removed) when it is one, else deleted. Costs two reads when
 * there is nothing to repair. A service error stops the repair (and the caller: Sheets is not answering); any other
 * error leaves that record for a later call, so one odd leftover never blocks the add-on.
 */
export function repairLeftovers(wb: Workbook): void {
  const props = wb.readProperties();
  const keys = Object.keys(props).filter((k) => k.startsWith(PENDING_KEY_PREFIX));
  let marked = wb.sheetsTagged(BUILDING_TAG);
  if (!keys.length && !marked.length) return;
  for (const key of keys) {
    const p = parsePending(props[key]);
    guard(() => (p ? settle(wb, key, p, props, false) : wb.deleteProperty(key)));
  }
  if (keys.length) marked = wb.sheetsTagged(BUILDING_TAG);
  for (const s of marked) {
    guard(() => {
      const id = s.tags[BUILDING_TAG];
      if (props[reportKey(id)] !== undefined && s.tags[SUMMARY_TAG] === id) wb.finishSheet({ sheetId: s.id, name: s.name, removeTags: [BUILDING_TAG], activate: false });
      else wb.deleteSheet(s.id);
    });
  }
}

function guard(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof RpcError) throw e;
  }
}
