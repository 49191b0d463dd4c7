// `npm run sql -- --dialect bigquery|duckdb --report <file.json>`: prints the summary query of a report file.

import { readFileSync } from 'node:fs';
import { CompileError } from './entryReader';
import { dialectNamed, DIALECTS } from './dialects';
import { summaryQuery } from './query';
import { readReport, ReportFileError } from './report';

const USAGE = `usage: npm run sql -- --dialect ${Object.keys(DIALECTS).join('|')} --report <file.json>`;

/** The value after each --flag (and --flag=value), refusing anything else. */
export function parseArgs(argv: readonly string[]): { dialect: string; report: string } {
  const out: Record<string, string> = {};
  for (let k = 0; k < argv.length; k++) {
    const m = /^--(dialect|report)(?:=(.*))?$/.exec(argv[k]);
    if (!m) throw new ReportFileError(`unexpected argument "${argv[k]}"\n${USAGE}`);
    const value = m[2] ?? argv[++k];
    if (value === undefined) throw new ReportFileError(`--${m[1]} needs a value\n${USAGE}`);
    out[m[1]] = value;
  }
  if (!out.dialect || !out.report) throw new ReportFileError(USAGE);
  return { dialect: out.dialect, report: out.report };
}

/** Runs the command: the SQL on stdout, or one clear message on stderr and exit code 1. */
export function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    const dialect = dialectNamed(args.dialect);
    let text: string;
    try {
      text = readFileSync(args.report, 'utf8');
    } catch (e) {
      throw new ReportFileError(`cannot read ${args.report}: ${(e as Error).message}`);
    }
    process.stdout.write(summaryQuery(readReport(text, args.report), dialect));
    return 0;
  } catch (e) {
    if (e instanceof ReportFileError || e instanceof CompileError) {
      process.stderr.write(`sql: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
