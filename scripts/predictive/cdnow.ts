// Reads the CDNOW sample (raw purchases and published summaries) for scripts and tests.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transactions } from '../../src/core/metrics/predictive/rfm';

/** The literature's calibration end and holdout end (inclusive days), as civil milliseconds. */
export const CALIBRATION_END = Date.UTC(1997, 8, 30);
export const HOLDOUT_END = Date.UTC(1998, 5, 30);

/** The raw purchase records of CDNOW_sample.txt: sample customer id, purchase date, amount. */
export function loadCdnowTransactions(dir: string): Transactions & { amounts: number[] } {
  const customerIds: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (const line of readFileSync(join(dir, 'CDNOW_sample.txt'), 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const ymd = fields[2];
    customerIds.push(String(Number(fields[1])));
    dates.push(Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8))));
    amounts.push(Number(fields[4]));
  }
  return { customerIds, dates, amounts };
}

/** A published CSV summary as rows of named numbers. */
export function loadCdnowCsv(dir: string, file: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(join(dir, file), 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], Number(v)])));
}
