// Runs a DuckDB query synchronously (as a Workbook's refresh must) in a child Node process: duckdbWorker.mjs beside it.
//
// Parameters ($name in the SQL) are bound by type: a Date → DATE (its UTC calendar day: the workbench's spreadsheet zone
// is UTC), text 'YYYY-MM-DD' → DATE, other text → VARCHAR (a blank cell → ''), a safe integer → BIGINT, other numbers →
// DOUBLE, booleans → BOOLEAN. Names the statement does not use are ignored. The result is a header row and the rows:
// DATE and TIMESTAMP(TZ) as Date objects (a DATE at UTC midnight), BIGINT/HUGEINT/DECIMAL as numbers, NULL as "".
// Errors come back as Error(DuckDB's message).
//
// The query may read only the files it names as quoted .csv/.parquet paths that exist (see warehouseFiles.ts): DuckDB
// runs with external access off and just those files allowed, so nothing else is read or written.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/server/sheets/workbook';
import { filesNamedIn } from './warehouseFiles';

type Parameter = { kind: 'date'; iso: string } | { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'boolean'; value: boolean };

export interface DuckdbSyncOptions {
  /** 'named' (default): only the existing .csv/.parquet files the SQL names; 'any': no limit (scripts writing files). */
  access?: 'named' | 'any';
  /** Milliseconds before the worker is stopped (default 10 minutes). */
  timeoutMs?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How a parameter's cell value is bound (see the file comment). */
export function duckdbParameter(v: CellValue): Parameter {
  if (v instanceof Date) {
    if (!Number.isFinite(v.getTime())) throw new Error('A query parameter is an invalid date');
    return { kind: 'date', iso: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return ISO_DATE.test(v) ? { kind: 'date', iso: v } : { kind: 'text', value: v };
}

/** The worker script: beside this file in the source tree (jest, tsx), or found from the project root (bundled). */
function workerPath(): string {
  const candidates = [
    typeof __dirname === 'string' ? path.join(__dirname, 'duckdbWorker.mjs') : '',
    path.resolve('scripts/warehouse/duckdbWorker.mjs'),
  ];
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('scripts/warehouse/duckdbWorker.mjs not found');
  return found;
}

function decode(v: unknown): CellValue {
  if (v !== null && typeof v === 'object' && '$date' in v) return new Date((v as { $date: number }).$date);
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : '';
}

/** Runs `sql` in a fresh in-memory DuckDB with `parameters` bound; the header row, then the rows. */
export function runDuckdbSync(sql: string, parameters: Record<string, CellValue> = {}, options: DuckdbSyncOptions = {}): CellValue[][] {
  const bound: Record<string, Parameter> = {};
  for (const [name, v] of Object.entries(parameters)) bound[name] = duckdbParameter(v);
  const allowedPaths = options.access === 'any' ? null : filesNamedIn(sql).flatMap((f) => [f.named, f.resolved]);
  let out: string;
  try {
    out = execFileSync(process.execPath, [workerPath()], {
      input: JSON.stringify({ sql, parameters: bound, allowedPaths }), encoding: 'utf8', maxBuffer: 1024 ** 3,
      timeout: options.timeoutMs ?? 600_000, stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`DuckDB did not answer: ${(err.stderr || err.message).trim()}`);
  }
  const answer = JSON.parse(out) as { ok: true; columns: string[]; rows: unknown[][] } | { ok: false; message: string };
  if (!answer.ok) throw new Error(answer.message);
  return [answer.columns, ...answer.rows.map((row) => row.map(decode))];
}
