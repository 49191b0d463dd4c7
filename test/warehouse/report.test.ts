// The report file and the `npm run sql` command: a valid file gives a query DuckDB runs; a bad one, every problem by name.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/warehouse/cli';
import { CompileError } from '../../src/warehouse/entryReader';
import { DUCKDB } from '../../src/warehouse/duckdb';
import { summaryQuery } from '../../src/warehouse/query';
import { readReport, ReportFileError } from '../../src/warehouse/report';
import { loadTable, openDuckDb, readLongTable } from './duckdb';

const VALID = {
  table: 'surveys', timeZone: 'Europe/Prague', grain: 'month', from: '2025-01-01', to: '2025-03-01',
  metrics: ['NPS'], columns: { score: 'Score', date: 'Answered' }, segment: 'Region',
};
const problemsOf = (value: unknown): string => {
  try {
    readReport(JSON.stringify(value), 'r.json');
  } catch (e) {
    if (e instanceof ReportFileError) return e.message;
    throw e;
  }
  return '';
};

describe('a report file', () => {
  it('reads a valid file as it is', () => {
    expect(readReport(JSON.stringify(VALID))).toEqual(VALID);
  });

  it('names every problem by its place in the file', () => {
    const message = problemsOf({ ...VALID, timeZone: 'Mars/Olympus', grain: 'hour', to: '2025-3-1', metrics: [], columns: { scores: 'x' }, extra: 1 });
    expect(message).toContain('r.json is not a valid report');
    expect(message).toContain('timeZone: an IANA time zone');
    expect(message).toContain('grain: expected one of "year", "quarter", "month", "week", "day"');
    expect(message).toContain('to: a day as YYYY-MM-DD');
    expect(message).toContain('metrics: needs at least 1 item');
    expect(message).toMatch(/columns.*scores/);
    expect(message).toContain('unknown field extra');
  });

  it('says when the text is not JSON', () => {
    expect(() => readReport('{ table: ', 'r.json')).toThrow(/r.json is not JSON/);
  });

  it.each([
    [{ metrics: ['COHORT_RETENTION'] }, /COHORT_RETENTION needs the start \| end columns of its parameter range/],
    [{ metrics: ['CHURN'] }, /CHURN needs start \| end columns or a column of statuses for its parameter range/],
    [{ metrics: ['NOPE'] }, /NOPE is not a metric a summary shows/],
    [{ metrics: ['WIN_RATE'] }, /WIN_RATE needs the column of its parameter outcomes/],
    [{ from: '2025-03-01', to: '2025-03-01' }, /to \(2025-03-01\) must come after from/],
  ])('refuses %j with a message saying what to change', (change, message) => {
    expect(() => summaryQuery({ ...readReport(JSON.stringify(VALID)), ...change }, DUCKDB)).toThrow(CompileError);
    expect(() => summaryQuery({ ...readReport(JSON.stringify(VALID)), ...change }, DUCKDB)).toThrow(message);
  });
});

describe('npm run sql', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warehouse-report-'));
  const run = (...args: string[]) => spawnSync(process.execPath, [join(__dirname, '../../scripts/sql.mjs'), ...args], { encoding: 'utf8' });

  it('prints the DuckDB query of a report file, which DuckDB runs', async () => {
    const file = join(dir, 'surveys.json');
    writeFileSync(file, JSON.stringify(VALID));
    const got = run('--dialect', 'duckdb', '--report', file);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    const db = await openDuckDb();
    await loadTable(db, 'surveys', ['Answered', 'Score', 'Region'], [
      [new Date('2025-01-10T10:00:00Z'), 10, 'North'], [new Date('2025-01-20T10:00:00Z'), 3, 'South'], [new Date('2025-02-02T10:00:00Z'), 9, 'North'],
    ]);
    const rows = await readLongTable(db, got.stdout);
    db.closeSync();
    expect(rows.filter((r) => r.segment === null).map((r) => [r.period, r.value, r.n])).toEqual([['2025-01', 0, 2], ['2025-02', 100, 1]]);
  });

  it('fails with exit code 1 and the problem on stderr for a bad file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...VALID, grain: 'hour' }));
    expect(run('--dialect', 'duckdb', '--report', bad)).toMatchObject({ status: 1, stdout: '', stderr: expect.stringContaining('grain: expected one of') });
  });
});

describe('the command, in process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warehouse-cli-'));
  const file = join(dir, 'surveys.json');
  writeFileSync(file, JSON.stringify(VALID));
  /** main() with its output captured. */
  const call = (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      return { status: main(args), stdout: out.join(''), stderr: err.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  };

  it('prints the BigQuery query with the --flag=value form', () => {
    const got = call('--dialect=bigquery', `--report=${file}`);
    expect(got.status).toBe(0);
    expect(got.stdout).toContain("DATETIME(`Answered`, 'Europe/Prague')");
  });

  it('fails with one clear message for a missing file, an unknown dialect, a metric its columns cannot compute or missing arguments', () => {
    const leftOut = join(dir, 'unmapped.json');
    writeFileSync(leftOut, JSON.stringify({ ...VALID, metrics: ['WIN_RATE'] }));
    expect(call('--dialect', 'duckdb', '--report', join(dir, 'none.json'))).toMatchObject({ status: 1, stdout: '', stderr: expect.stringContaining('cannot read') });
    expect(call('--dialect', 'oracle', '--report', file)).toMatchObject({ status: 1, stderr: expect.stringContaining('unknown dialect "oracle"') });
    expect(call('--dialect', 'duckdb', '--report', leftOut)).toMatchObject({ status: 1, stderr: expect.stringContaining('WIN_RATE needs the column of its parameter outcomes') });
    expect(call('--report')).toMatchObject({ status: 1, stderr: expect.stringContaining('usage: npm run sql') });
    expect(call('--dialect', 'duckdb', '--verbose')).toMatchObject({ status: 1, stderr: expect.stringContaining('unexpected argument "--verbose"') });
  });
});
