// Saved reports in document properties: one key per report, JSON validated against a versioned schema.

import { SavedReportSchema, type SavedReport } from '../rpc/contract';

export const REPORT_KEY_PREFIX = 'crmMetrics.report.';
/** Document properties hold 500 KB in all; a report is about 1 KB, so this leaves room for everyone else. */
export const MAX_REPORTS = 50;

export const reportKey = (id: string): string => REPORT_KEY_PREFIX + id;

/** Parses one stored report; undefined for text that is not a valid report of a version we know. */
export function parseReport(text: string): SavedReport | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const got = SavedReportSchema.safeParse(json);
  return got.success ? got.data : undefined;
}

/** Every valid saved report in the properties, oldest first. */
export function reportsIn(properties: Record<string, string>): SavedReport[] {
  const out: SavedReport[] = [];
  for (const key of Object.keys(properties)) {
    if (!key.startsWith(REPORT_KEY_PREFIX)) continue;
    const report = parseReport(properties[key]);
    if (report && reportKey(report.id) === key) out.push(report);
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

export function serialiseReport(report: SavedReport): string {
  return JSON.stringify(SavedReportSchema.parse(report));
}

/** A new report id: time plus randomness, safe as a property key and a metadata value. */
export function newReportId(now: number, random: () => number = Math.random): string {
  return `r${now.toString(36)}${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}
