// Saved reports in document properties: one key per report, JSON validated against a versioned schema.

import { RpcError } from '../messages';
import { SavedReportSchema, type SavedReport } from '../rpc/contract';

export const REPORT_KEY_PREFIX = 'crmMetrics.report.';
/**
 * The most a saved report may take, in UTF-8 bytes of its JSON: Apps Script holds at most 9 KB in one property value;
 * 8 KB leaves room for the key and a margin. A report is usually well under 1 KB.
 */
export const MAX_REPORT_BYTES = 8 * 1024;
/** Document properties hold 500 KB in all; 50 reports of at most 8 KB leave room for everyone else. */
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

/**
 * The report as stored: of the source's headers, only those a refresh needs to find its columns again — the mapped
 * columns' and the segment column's. The others are blank ("") and the list ends at the last one kept, so a
 * 300-column source costs no more than a 5-column one. A refresh ignores blank saved headers (see followHeaders).
 */
export function compactReport(report: SavedReport): SavedReport {
  const { spec } = report;
  const all = spec.source.headers;
  if (!all) return report;
  const needed = new Set<number>(Object.values(spec.mapping).filter((i): i is number => i !== undefined));
  if (spec.segmentBy !== undefined) needed.add(spec.segmentBy);
  const last = Math.max(-1, ...[...needed].filter((i) => i < all.length));
  const headers = all.slice(0, last + 1).map((h, i) => (needed.has(i) ? h : ''));
  return { ...report, spec: { ...spec, source: { ...spec.source, headers } } };
}

/** UTF-8 bytes of a text (what a property value is measured in). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { bytes += 4; i++; } // a surrogate pair: one code point
    else bytes += 3;
  }
  return bytes;
}

/**
 * The report's property value: validated, compacted (compactReport) and checked against MAX_REPORT_BYTES. Throws
 * before anything is written when it would not fit, so call it before the first write of a build.
 */
export function serialiseReport(report: SavedReport): string {
  const text = JSON.stringify(compactReport(SavedReportSchema.parse(report)));
  const bytes = utf8Bytes(text);
  if (bytes > MAX_REPORT_BYTES) {
    throw new RpcError('reportTooLarge', { title: report.spec.title, bytes, limit: MAX_REPORT_BYTES });
  }
  return text;
}

/** A new report id: time plus randomness, safe as a property key and a metadata value. */
export function newReportId(now: number, random: () => number = Math.random): string {
  return `r${now.toString(36)}${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}
