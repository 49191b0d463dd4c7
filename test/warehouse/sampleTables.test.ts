// The DuckDB rendering of every compiled metric on the sample tables equals the custom functions on the same rows:
// every summary grain, with and without segments, in a time zone west of UTC (a date's civil day differs from UTC's).

import { sampleTables } from '../../src/core/sample/generate';
import type { Cell } from '../../src/core/values';
import { SUMMARY_GRAINS } from '../../src/server/rpc/contract';
import { detectedSample } from '../server/helpers';
import { describeTableCase } from './cases';

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const TABLES = sampleTables({ rows: 400, end: Date.UTC(2026, 0, 14), dates: 'date', seed: 11 });

describe.each(TABLES.map((t) => [t.name, t] as const))('the sample %s table', (_name, table) => {
  const { mapping } = detectedSample(table, NOW).detected;
  // The detected segment, else the first text column of few values (every table is also split by something).
  const textColumn = table.headers.findIndex((_, c) => table.rows.every((r) => typeof r[c] === 'string') && new Set(table.rows.map((r) => r[c])).size <= 12);
  describeTableCase({
    name: table.name, headers: table.headers, rows: table.rows as Cell[][], mapping, segmentColumn: mapping.segment ?? textColumn,
    timeZone: 'America/Los_Angeles', grains: SUMMARY_GRAINS, now: NOW,
  });
});
