// Runs one DuckDB query for duckdbSync.ts in its own process: a JSON request on stdin, a JSON answer on stdout.
//
// Request: { sql, parameters: { name: { kind: 'date', iso } | { kind: 'number' | 'text' | 'boolean', value } },
// allowedPaths: string[] | null }. With allowedPaths, external access is off except for those files (DuckDB enforces it).
// Answer: { ok: true, columns, rows } (cells: number, text, boolean, "" for NULL, { $date: ms } for DATE/TIMESTAMP)
// or { ok: false, message }.

import { DuckDBDateValue, DuckDBInstance } from '@duckdb/node-api';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const quote = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** Binds each parameter the statement names (values for names it does not use are ignored). */
function bind(prepared, parameters) {
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i);
    const p = parameters[name];
    if (!p) throw new Error(`No value for query parameter $${name}`);
    if (p.kind === 'date') {
      const [year, month, day] = p.iso.split('-').map(Number);
      prepared.bindDate(i, DuckDBDateValue.fromParts({ year, month, day }));
    } else if (p.kind === 'number') {
      if (Number.isSafeInteger(p.value)) prepared.bindBigInt(i, BigInt(p.value));
      else prepared.bindDouble(i, p.value);
    } else if (p.kind === 'boolean') prepared.bindBoolean(i, p.value);
    else prepared.bindVarchar(i, p.value);
  }
}

/** A result cell as JSON: BIGINT/HUGEINT as numbers, dates as { $date }, NULL as "", nested values as JSON text. */
function cell(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? { $date: v.getTime() } : '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
}

async function run(request) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // A plain TIMESTAMP is an instant in UTC, as in BigQuery (the DuckDB renderer relies on it).
  await connection.run("SET TimeZone = 'UTC'");
  if (request.allowedPaths) {
    await connection.run(`SET allowed_paths = [${request.allowedPaths.map(quote).join(', ')}]`);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
  }
  const prepared = await connection.prepare(request.sql);
  bind(prepared, request.parameters ?? {});
  const reader = await prepared.runAndReadAll();
  return { ok: true, columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(cell)) };
}

let answer;
try {
  answer = await run(await readStdin());
} catch (e) {
  answer = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
process.stdout.write(JSON.stringify(answer));
