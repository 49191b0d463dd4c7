// runDuckdbSync: a parameterised query over a CSV file, DuckDB's errors, Parquet read back, and the file guard.

import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { duckdbParameter, runDuckdbSync } from '../../scripts/warehouse/duckdbSync';
import { filesNamedIn } from '../../scripts/warehouse/warehouseFiles';
import { DUCKDB } from '../../src/warehouse/duckdb';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duckdb-sync-'));
const csv = path.join(dir, 'deals.csv');
fs.writeFileSync(csv, 'closed,amount,owner\n2024-12-30,100,Ann\n2025-01-02,250,Bob\n2025-01-20,50,Ann\n2025-02-03,7,Bob\n');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('runDuckdbSync', () => {
  it('runs a query with $name parameters over a CSV file: header row first, dates as Dates, BIGINT as numbers', () => {
    const sql = `SELECT owner, count(*) AS deals, sum(amount) AS total, min(CAST(closed AS DATE)) AS first
      FROM ${DUCKDB.table(csv)} WHERE CAST(closed AS DATE) >= $from AND CAST(closed AS DATE) < $to AND owner <> $skip
      GROUP BY owner ORDER BY owner`;
    const got = runDuckdbSync(sql, { from: '2025-01-01', to: new Date(Date.UTC(2025, 1, 1)), skip: 'Nobody', unused: 3 });
    expect(got).toEqual([
      ['owner', 'deals', 'total', 'first'],
      ['Ann', 1, 50, new Date(Date.UTC(2025, 0, 20))],
      ['Bob', 1, 250, new Date(Date.UTC(2025, 0, 2))],
    ]);
  });

  it('binds numbers, text and blanks by type', () => {
    expect(runDuckdbSync('SELECT $n + 1 AS a, $x * 2 AS b, $t AS c, $blank = \'\' AS d, $b AS e', { n: 41, x: 0.25, t: 'W09', blank: '', b: true }))
      .toEqual([['a', 'b', 'c', 'd', 'e'], [42, 0.5, 'W09', true, true]]);
    expect(duckdbParameter('2025-03-01')).toEqual({ kind: 'date', iso: '2025-03-01' });
    expect(duckdbParameter('2025-03')).toEqual({ kind: 'text', value: '2025-03' });
  });

  it('throws an Error with DuckDB\'s message', () => {
    expect(() => runDuckdbSync('SELECT nope FROM range(3)')).toThrow(/Binder Error: Referenced column "nope" not found/);
    expect(() => runDuckdbSync('SELECT $missing AS x')).toThrow(/No value for query parameter \$missing/);
  });

  it('reads back a Parquet file written by DuckDB', async () => {
    const parquet = path.join(dir, 'deals.parquet');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`COPY (SELECT * FROM read_csv(${DUCKDB.text(csv)})) TO ${DUCKDB.text(parquet)} (FORMAT parquet)`);
    connection.closeSync();
    expect(runDuckdbSync(`SELECT owner, sum(amount) AS total FROM ${DUCKDB.table(parquet)} GROUP BY owner ORDER BY owner`))
      .toEqual([['owner', 'total'], ['Ann', 150], ['Bob', 257]]);
  });
});

describe('the file guard', () => {
  it('reads a file whose path holds a quote, quoted by the renderer', () => {
    const odd = path.join(dir, "it's.csv");
    fs.copyFileSync(csv, odd);
    expect(runDuckdbSync(`SELECT count(*) AS n FROM ${DUCKDB.table(odd)}`)).toEqual([['n'], [4]]);
  });

  it('reads a file with a column whose name holds a quote (an identifier is no literal)', () => {
    const quoted = path.join(dir, 'owners.csv');
    fs.writeFileSync(quoted, "Owner's team,amount\nA,1\nB,2\n");
    expect(filesNamedIn(`SELECT ${DUCKDB.identifier("Owner's team")} FROM ${DUCKDB.table(quoted)}`).map((f) => f.named)).toEqual([quoted]);
    expect(runDuckdbSync(`SELECT count(${DUCKDB.identifier("Owner's team")}) AS n FROM ${DUCKDB.table(quoted)}`)).toEqual([['n'], [2]]);
  });

  it('refuses a path that tries to close the quote and run more SQL', () => {
    const evil = `${csv}' UNION SELECT * FROM read_csv('/etc/passwd') --.csv`;
    expect(() => runDuckdbSync(`SELECT * FROM ${DUCKDB.table(evil)}`)).toThrow(/There is no file/);
  });

  it('refuses files that are not .csv or .parquet, or do not exist', () => {
    expect(() => filesNamedIn(`SELECT * FROM ${DUCKDB.table(path.join(dir, 'x.json'))}`)).toThrow(/only .csv and .parquet/);
    expect(() => filesNamedIn(`SELECT * FROM ${DUCKDB.table(path.join(dir, 'missing.csv'))}`)).toThrow(/There is no file/);
    expect(() => filesNamedIn(`SELECT * FROM ${DUCKDB.table(dir + '.csv')}`)).toThrow(/There is no file/);
  });

  it('lets DuckDB read no file the query does not name as a .csv/.parquet path', () => {
    expect(() => runDuckdbSync("SELECT * FROM read_text('/etc/passwd')")).toThrow(/Permission Error/);
    expect(() => runDuckdbSync(`COPY (SELECT 1) TO ${DUCKDB.text(path.join(dir, 'out.txt'))}`)).toThrow(/Permission Error/);
    expect(fs.existsSync(path.join(dir, 'out.txt'))).toBe(false);
  });

  it('accepts a relative path, resolved from the working directory', () => {
    const relative = path.relative(process.cwd(), csv);
    expect(runDuckdbSync(`SELECT count(*) AS n FROM ${DUCKDB.table(relative)}`)).toEqual([['n'], [4]]);
  });
});
