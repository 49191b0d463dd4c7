// Self-test check: a saved report of the largest size the add-on allows (src/server/reports/store.ts) is written
// to document properties and read back unchanged, under a key of the run's own.

import { MAX_REPORT_BYTES, parseReport, serialiseReport, utf8Bytes } from '../reports/store';
import type { SavedReport } from '../rpc/contract';
import type { Scratch } from './scratch';

/** Fills the header of the mapped column: text in several scripts (2- and 3-byte characters), then ASCII to the byte. */
const FILL = 'Spokojenost zákazníka – 顧客満足 ✓ ';

/** A valid saved report whose stored text (serialiseReport) is exactly `bytes` long in UTF-8. */
export function reportOfSize(bytes: number, id: string, now: number): string {
  const report: SavedReport = {
    version: 1, id, createdAt: new Date(now).toISOString(),
    spec: {
      title: 'CRM Metrics self-test', grain: 'month', metrics: ['NPS'], mapping: { score: 0 },
      // Only mapped columns' headers are stored: the one header holds the size.
      source: { sheetId: 0, sheetName: 'Self-test', range: 'A1:A2', hasHeader: true, headers: [''] },
    },
  };
  const headers = report.spec.source.headers!;
  let missing = bytes - utf8Bytes(serialiseReport(report));
  if (missing < 0) throw new Error(`a saved report cannot be made as small as ${bytes} bytes`);
  const repeats = Math.floor(missing / utf8Bytes(FILL));
  headers[0] = FILL.repeat(repeats);
  missing -= repeats * utf8Bytes(FILL);
  headers[0] += 'x'.repeat(missing);
  return serialiseReport(report);
}

export function checkProperties(scratch: Scratch, now: number): string {
  const text = reportOfSize(MAX_REPORT_BYTES, `selfTest${scratch.runId}`, now);
  scratch.setProperty(text);
  const back = scratch.wb.readProperties()[scratch.propertyKey];
  if (back === undefined) throw new Error(`the property ${scratch.propertyKey} was not there after it was written`);
  if (back !== text) throw new Error(`the report came back changed: ${utf8Bytes(back)} bytes instead of ${utf8Bytes(text)}`);
  if (!parseReport(back)) throw new Error('the report read back is not a valid saved report');
  return `a saved report of ${utf8Bytes(text)} bytes (the largest allowed) was written and read back unchanged`;
}
